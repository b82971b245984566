/**
 * The four element classes, without registering any tag: for subclassing, or for defining them under other
 * names. Nothing here has a side effect. The gallery renders `<status-overview>` and `<media-card>`, and the
 * card renders `<provider-badge>`: each defines those tags, with these classes, when it is first connected
 * (a tag already defined is left as it is).
 */
export { ProviderBadge } from './components/provider-badge/provider-badge.js';
export { MediaCard } from './components/media-card/media-card.js';
export { StatusOverview } from './components/status-overview/status-overview.js';
export { AssetGallery } from './components/asset-gallery/asset-gallery.js';
