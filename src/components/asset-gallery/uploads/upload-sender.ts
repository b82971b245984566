import { HttpError, type Asset, type AssetsClient, type UploadProgress } from '../../../api/index.js';
import type { UploadRequestDetail } from '../../shared/events.js';

/**
 * Does one upload and answers with an `UploadAssetResponse`-shaped reply; a host can set its own on the
 * gallery (`uploader`). The reply is read with `interpretUploadResponse`, whoever uploaded. A file's uploader
 * may tell `progress` of the bytes sent (`{ loaded, total }`); the row then shows them, else an indeterminate bar.
 */
export type Uploader = (request: UploadRequestDetail, signal: AbortSignal, progress: (sent: { loaded: number; total?: number }) => void) => Promise<unknown>;

/** A re-upload through upload-from-url needs the asset's file URL, and it has none. */
export class NoFileUrlError extends Error {}

/**
 * Sends an upload the way the backend takes it: the host's uploader, or the client; for a re-upload the reupload
 * route where the backend has it, else upload-from-url with the asset's file URL (`viaUrl`: that made a new asset).
 */
export class UploadSender {
  readonly #client: () => AssetsClient;
  readonly #uploader: () => Uploader | undefined;
  /** The backend answered that it has no reupload route: upload from the file's URL instead. */
  #noReuploadRoute = false;

  constructor(client: () => AssetsClient, uploader: () => Uploader | undefined) {
    this.#client = client;
    this.#uploader = uploader;
  }

  /** Another backend, or the same through another fetch or headers: ask it again whether it has the route. */
  forgetRoute(): void {
    this.#noReuploadRoute = false;
  }

  /** What it learns of the backend it keeps only while `sameSource()` (an answer from an old backend teaches nothing). */
  async send(
    request: UploadRequestDetail,
    asset: Asset | undefined,
    signal: AbortSignal,
    sameSource: () => boolean,
    onProgress: (sent: UploadProgress) => void = () => undefined,
  ): Promise<{ reply: unknown; viaUrl: boolean }> {
    const uploader = this.#uploader();
    const sent = (reply: unknown) => ({ reply, viaUrl: false });
    if (uploader) {
      const progress = (told: unknown) => {
        const checked = checkedProgress(told);
        if (checked) onProgress(checked);
      };
      return sent(await uploader(request, signal, progress));
    }
    const client = this.#client();
    const provider_id = request.providerId;
    if (request.kind === 'file' && request.file) return sent(await client.upload({ file: request.file, provider_id }, { signal, onProgress }));
    if (request.kind === 'url' && request.url) return sent(await client.uploadFromUrl({ url: request.url, provider_id }, { signal }));
    const assetId = request.assetId as number; // a re-upload always names its asset
    if (!this.#noReuploadRoute) {
      try {
        return sent(await client.reupload(assetId, { provider_id }, { signal }));
      } catch (error) {
        if (!isMissingRoute(error)) throw error;
        if (sameSource()) this.#noReuploadRoute = true;
      }
    }
    const url = asset?.file_url ?? asset?.remote_url;
    if (!url) throw new NoFileUrlError('no file URL');
    return { reply: await client.uploadFromUrl({ url, provider_id }, { signal }), viaUrl: true };
  }
}

/**
 * A backend without the reupload route answers 405, or FastAPI's 404 `{"detail":"Not Found"}`; a missing
 * asset on a backend that has the route is a 404 with "Asset not found", which is a real failure.
 */
function isMissingRoute(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 405 || (error.status === 404 && (error.detail === undefined || error.detail === 'Not Found')));
}

/**
 * What a host's uploader told of its progress, as far as it makes sense: a count of bytes sent (a number, not
 * negative), not past the total, if it gives a total above 0. Anything else is not shown: undefined.
 */
function checkedProgress(told: unknown): UploadProgress | undefined {
  const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);
  const fields = told !== null && typeof told === 'object' ? (told as Record<string, unknown>) : {};
  const loaded = count(fields.loaded);
  if (loaded === undefined) return undefined;
  const total = count(fields.total) || undefined; // 0 bytes to send is no total to show progress against
  return { loaded: total === undefined ? loaded : Math.min(loaded, total), total };
}

/** The asset a reply names, if it names one. */
export function assetIdOf(reply: unknown): number | undefined {
  const id = reply !== null && typeof reply === 'object' ? (reply as { asset_id?: unknown }).asset_id : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
}

/** An event detail without the keys that have no value. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

