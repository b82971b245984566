import { AssetGallery, type AssetsErrorDetail, type AssetsLoadedDetail } from './components/asset-gallery/asset-gallery.js';
import type { Uploader } from './components/asset-gallery/upload-controller.js';
import { defineElement } from './components/shared/define.js';
import type { UploadCompleteDetail, UploadErrorDetail, UploadKind, UploadStartDetail } from './components/shared/upload.js';

export { AssetGallery, type AssetsErrorDetail, type AssetsLoadedDetail, type Uploader };
export type { UploadCompleteDetail, UploadErrorDetail, UploadKind, UploadStartDetail };

defineElement('asset-gallery', AssetGallery);

declare global {
  interface HTMLElementTagNameMap {
    'asset-gallery': AssetGallery;
  }
  // status-filter-change, asset-open and upload-request are declared by <status-overview> and <media-card>.
  interface GlobalEventHandlersEventMap {
    'assets-loaded': CustomEvent<AssetsLoadedDetail>;
    'assets-error': CustomEvent<AssetsErrorDetail>;
    'upload-start': CustomEvent<UploadStartDetail>;
    'upload-complete': CustomEvent<UploadCompleteDetail>;
    'upload-error': CustomEvent<UploadErrorDetail>;
  }
}
