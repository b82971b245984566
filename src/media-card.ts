import {
  MediaCard,
  type AssetOpenDetail,
  type MediaCardLoading,
  type UploadRequestDetail,
  type UploadState,
} from './components/media-card/media-card.js';
import { defineElement } from './components/shared/define.js';
import './provider-badge.js';

export { MediaCard, type AssetOpenDetail, type MediaCardLoading, type UploadRequestDetail, type UploadState };

defineElement('media-card', MediaCard);

declare global {
  interface HTMLElementTagNameMap {
    'media-card': MediaCard;
  }
  interface GlobalEventHandlersEventMap {
    'asset-open': CustomEvent<AssetOpenDetail>;
    'upload-request': CustomEvent<UploadRequestDetail>;
  }
}
