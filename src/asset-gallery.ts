import { AssetGallery } from './components/asset-gallery/asset-gallery.js';
import type { Uploader } from './components/asset-gallery/uploads/upload-controller.js';
import { defineElement } from './components/shared/define.js';
import type { AgeEvents } from './components/shared/events.js';
// The tags the gallery renders, registered before it (each by its own entry): the overview, the cards, their badges.
import './status-overview.js';
import './media-card.js';

export { AssetGallery, type Uploader };
export type { LiveToken } from './components/asset-gallery/live/live-link.js';
export type {
  AgeEventMap,
  AssetsErrorDetail,
  AssetsLoadedDetail,
  LiveChangeDetail,
  UploadCompleteDetail,
  UploadErrorDetail,
  UploadKind,
  UploadStartDetail,
} from './components/shared/events.js';

defineElement('asset-gallery', AssetGallery);

declare global {
  interface HTMLElementTagNameMap {
    'asset-gallery': AssetGallery;
  }
  // Every event of the map: the gallery's own, and those of its overview and cards that bubble out of it.
  interface GlobalEventHandlersEventMap extends AgeEvents {}
}
