/**
 * The four element classes, without registering any tag: for subclassing, or for defining them under other
 * names. Nothing here has a side effect, and the classes register nothing either: the tags an element renders
 * are registered by the define entries. A page that defines its own tags from these classes also defines (or
 * imports the entries of) the tags they render: `<status-overview>` and `<media-card>` in the gallery, and
 * `<provider-badge>` in the card (`import 'asset-gallery-elements/media-card.js'` registers both).
 */
export { ProviderBadge } from './components/provider-badge/provider-badge.js';
export { MediaCard } from './components/media-card/media-card.js';
export { StatusOverview } from './components/status-overview/status-overview.js';
export { AssetGallery } from './components/asset-gallery/asset-gallery.js';
