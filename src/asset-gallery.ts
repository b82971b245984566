import { AssetGallery, type AssetsErrorDetail, type AssetsLoadedDetail } from './components/asset-gallery/asset-gallery.js';
import type { Uploader } from './components/asset-gallery/upload-controller.js';
import { defineElement } from './components/shared/define.js';
import type { UploadCompleteDetail, UploadErrorDetail, UploadKind, UploadRequestDetail, UploadStartDetail } from './components/shared/upload.js';
import type { AssetOpenDetail } from './components/media-card/media-card.js';
import type { StatusFilterChangeDetail } from './components/status-overview/status-overview.js';

export { AssetGallery, type AssetsErrorDetail, type AssetsLoadedDetail, type Uploader };
export type { UploadCompleteDetail, UploadErrorDetail, UploadKind, UploadStartDetail };

defineElement('asset-gallery', AssetGallery);

declare global {
  interface HTMLElementTagNameMap {
    'asset-gallery': AssetGallery;
  }
  // The gallery's own events, and those of its overview and cards that bubble out of it (declared the same way
  // by <status-overview> and <media-card>, for pages that import the gallery alone).
  interface GlobalEventHandlersEventMap {
    'status-filter-change': CustomEvent<StatusFilterChangeDetail>;
    'status-filter-restore': CustomEvent<StatusFilterChangeDetail>;
    'asset-open': CustomEvent<AssetOpenDetail>;
    'upload-request': CustomEvent<UploadRequestDetail>;
    'assets-loaded': CustomEvent<AssetsLoadedDetail>;
    'assets-error': CustomEvent<AssetsErrorDetail>;
    'upload-start': CustomEvent<UploadStartDetail>;
    'upload-complete': CustomEvent<UploadCompleteDetail>;
    'upload-error': CustomEvent<UploadErrorDetail>;
  }
}
