import { AssetGallery, type AssetsErrorDetail, type AssetsLoadedDetail } from './components/asset-gallery/asset-gallery.js';
import { defineElement } from './components/shared/define.js';

export { AssetGallery, type AssetsErrorDetail, type AssetsLoadedDetail };

defineElement('asset-gallery', AssetGallery);

declare global {
  interface HTMLElementTagNameMap {
    'asset-gallery': AssetGallery;
  }
  // status-filter-change and asset-open are declared by <status-overview> and <media-card>.
  interface GlobalEventHandlersEventMap {
    'assets-loaded': CustomEvent<AssetsLoadedDetail>;
    'assets-error': CustomEvent<AssetsErrorDetail>;
  }
}
