import type { Asset } from '../../api/schemas.js';
import type { ErrorDetail } from '../../api/errors.js';
import type { ProviderStatus } from '../../status/index.js';

/**
 * Every event the elements fire, by name, with its detail: the one place that says what an event carries.
 * `emit` takes its detail type from here, the entries declare `GlobalEventHandlersEventMap` from here, and
 * `react.ts` types the `on…` props from here, so the three cannot drift apart.
 *
 * Every event is a `CustomEvent` that bubbles and is composed; the names are unprefixed (a host listens on our
 * elements, whose `event.target` tells ours from another library's event of the same name).
 */
export interface AgeEventMap {
  /** `<status-overview>` (and the gallery, for its overview and "Show all"): a person picked a status filter. Cancelable. */
  'status-filter-change': StatusFilterChangeDetail;
  /** `<asset-gallery>` with `sync-url`: the filter was read from the page's URL. */
  'status-filter-restore': StatusFilterChangeDetail;
  /** `<media-card>` (and the gallery's grid): an asset was opened. */
  'asset-open': AssetOpenDetail;
  /** `<media-card>` and `<asset-gallery>`: an upload is asked for. Cancelable. */
  'upload-request': UploadRequestDetail;
  /** `<asset-gallery>`: the upload request left. */
  'upload-start': UploadStartDetail;
  /** `<asset-gallery>`: the server answered an upload. */
  'upload-complete': UploadCompleteDetail;
  /** `<asset-gallery>`: an upload request failed. */
  'upload-error': UploadErrorDetail;
  /** `<asset-gallery>`: a page of assets arrived. */
  'assets-loaded': AssetsLoadedDetail;
  /** `<asset-gallery>`: a page of assets could not be loaded. */
  'assets-error': AssetsErrorDetail;
  /** `<asset-gallery live>`: the live connection changed state. */
  'live-change': LiveChangeDetail;
}

/** The name of one of the elements' events. */
export type AgeEventName = keyof AgeEventMap;

/** The event object a listener gets for `K`. */
export type AgeEvent<K extends AgeEventName> = CustomEvent<AgeEventMap[K]>;

/**
 * The events named by `K`, as event objects: what `GlobalEventHandlersEventMap` and React's `on…` props take.
 * `AgeEvents<'asset-open' | 'upload-request'>` is the card's.
 */
export type AgeEvents<K extends AgeEventName = AgeEventName> = { [N in K]: AgeEvent<N> };

/** The detail of `status-filter-change` and `status-filter-restore`: the status now selected, or `null` for all. */
export type StatusFilterChangeDetail = { status: ProviderStatus | null };

/** The detail of `asset-open`. */
export type AssetOpenDetail = { asset: Asset };

/** What a person asked to upload: an asset again, files they chose or dropped, or a URL. */
export type UploadKind = 'reupload' | 'file' | 'url';

/** `upload-request` (cancelable: a host may veto it, or take it over and do the upload itself). */
export interface UploadRequestDetail {
  kind: UploadKind;
  /** The asset to upload again (`reupload`). */
  assetId?: number;
  /** The provider to upload to. */
  providerId: string;
  /** The file (`file`). */
  file?: File;
  /** The URL (`url`). */
  url?: string;
}

/** `upload-start`: the request left. */
export type UploadStartDetail = UploadRequestDetail;

/** `upload-complete`: the server answered; `providerSucceeded` is false for a local-only save. */
export interface UploadCompleteDetail {
  assetId?: number;
  providerSucceeded: boolean;
  status: ProviderStatus;
  message: string;
  reason?: string;
}

/** `assets-loaded`: a page arrived. */
export interface AssetsLoadedDetail {
  /** How many assets are loaded now. */
  count: number;
  /** The server's total, when it sent one. */
  total?: number;
}

/**
 * `assets-error`: a page could not be loaded. `message` is for a person; `kind`, `status`, `retryAfterMs` and
 * `retryable` are for the host's code: `errorDetail()` of the api module, which makes it.
 */
export type AssetsErrorDetail = ErrorDetail;

/** `upload-error`: the request failed (HTTP, network, …); nothing was saved as far as the client knows. */
export interface UploadErrorDetail extends ErrorDetail {
  /** The asset uploaded again (`reupload`); absent for a file or a URL. */
  assetId?: number;
}

/**
 * `live-change`: `live` while the event socket is open (changes show as they happen), `connecting` while it is
 * being opened, `paused` while there is none (the server has no socket, or it dropped; the gallery keeps trying).
 */
export interface LiveChangeDetail {
  state: 'connecting' | 'live' | 'paused';
}

/** How `emit` dispatches: bubbling and composed always; cancelable when asked. */
export interface EmitOptions {
  cancelable?: boolean;
}

/**
 * Dispatches one of the elements' events from `target`: a `CustomEvent` that bubbles and is composed, with the
 * detail `AgeEventMap` gives its name, so an unknown name or a wrong detail does not compile. Returns false when
 * a listener cancelled it (only a cancelable event can be).
 */
export function emit<K extends AgeEventName>(target: EventTarget, type: K, detail: AgeEventMap[K], options?: EmitOptions): boolean;
export function emit(target: EventTarget, type: string, detail: unknown, options: EmitOptions = {}): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: !!options.cancelable }));
}
