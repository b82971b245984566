import { MediaCard, type MediaCardLoading, type UploadState } from './components/media-card/media-card.js';
import { defineElement } from './components/shared/define.js';
import type { AgeEvents } from './components/shared/events.js';
// The tag the card renders, registered before it.
import './provider-badge.js';

export { MediaCard, type MediaCardLoading, type UploadState };
export type { AssetOpenDetail, UploadRequestDetail } from './components/shared/events.js';

defineElement('media-card', MediaCard);

declare global {
  interface HTMLElementTagNameMap {
    'media-card': MediaCard;
  }
  interface GlobalEventHandlersEventMap extends AgeEvents<'asset-open' | 'upload-request'> {}
}
