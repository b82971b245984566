import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeError, HttpError, isAbortError, type Asset, type AssetsClient } from '../../api/index.js';
import { formatCopy, interpretUploadResponse, type Copy, type UploadOutcome } from '../../status/index.js';
import { emit } from '../shared/define.js';
import type { UploadCompleteDetail, UploadErrorDetail, UploadRequestDetail, UploadStartDetail, UploadState } from '../shared/upload.js';
import { LimitedQueue } from './queue.js';

/**
 * Does one upload and answers with an `UploadAssetResponse`-shaped reply; a host can set its own on the
 * gallery (`uploader`). The reply is read with `interpretUploadResponse`, whoever uploaded.
 */
export type Uploader = (request: UploadRequestDetail, signal: AbortSignal) => Promise<unknown>;

/** A file or URL a person asked to upload, from the moment they chose it until it is in the list. */
export interface UploadRow {
  key: number;
  label: string;
  request: UploadRequestDetail;
  /** null while it waits for its turn. */
  state: UploadState | null;
}

export interface BulkProgress {
  total: number;
  done: number;
  failed: number;
  accepted: number;
  localOnly: number;
  running: boolean;
  cancelled: boolean;
}

type Result = 'accepted' | 'local_only' | 'failed' | 'aborted';

/** At most this many uploads at a time, for files and for the bulk re-upload alike. */
const CONCURRENT_UPLOADS = 3;

export interface UploadControllerOptions {
  client: () => AssetsClient;
  uploader: () => Uploader | undefined;
  /**
   * The server answered for `assetId` (a re-upload), or for a new asset (`madeNew`, or no `assetId`): `newAssetId`
   * when the server named it.
   */
  uploaded: (outcome: UploadOutcome, assetId: number | undefined, newAssetId: number | undefined, madeNew: boolean) => void;
  /** The server refused a re-upload of `assetId`: it may have changed the asset too (HEAD flags it). */
  refused: (assetId: number) => void;
  /** The gallery's words, in its language. */
  copy: () => Copy;
  /** The numbers to put in them, formatted in its language. */
  numbers: (values: Record<string, number>) => Record<string, string>;
}

/**
 * Every upload the gallery starts: a card's re-upload, files and URLs, the bulk re-upload of local-only assets.
 * It asks the host page first (`upload-request`, cancelable), reports `upload-start`, `upload-complete` and
 * `upload-error`, and keeps what each card and row shows. A failed file stays listed with Retry.
 */
export class UploadController implements ReactiveController {
  /** What each asset's card shows of its upload. */
  readonly assetStates = new Map<number, UploadState>();
  rows: UploadRow[] = [];
  bulk: BulkProgress | null = null;
  /** The last outcome, in words, for the live region. */
  message = '';

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: UploadControllerOptions;
  readonly #queue = new LimitedQueue(CONCURRENT_UPLOADS);
  readonly #running = new Set<AbortController>();
  #bulkController: AbortController | undefined;
  #nextKey = 1;
  /** The backend answered that it has no reupload route: upload from the file's URL instead. */
  #noReuploadRoute = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: UploadControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    // A gallery taken off the page cancels what it started, cleanly.
    this.#bulkController?.abort();
    for (const controller of this.#running) controller.abort();
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  /** Leaving the page while files are uploading asks first: the browser's own "Leave site?" prompt. */
  readonly #onBeforeUnload = (event: BeforeUnloadEvent): void => {
    event.preventDefault();
  };

  /** A new backend: find out again whether it has the reupload route. */
  clientChanged(): void {
    this.#noReuploadRoute = false;
  }

  /**
   * Uploads an asset again. Returns null, without a request, when it is already uploading or the host page
   * cancelled `upload-request`; otherwise the promise of its result.
   */
  reupload(asset: Asset, providerId: string, bulkSignal?: AbortSignal): Promise<Result> | null {
    if (this.assetStates.get(asset.id)?.phase === 'running') return null;
    const request: UploadRequestDetail = { kind: 'reupload', assetId: asset.id, providerId };
    if (!emit<UploadRequestDetail>(this.#host, 'upload-request', request, { cancelable: true })) return null;
    this.#setAssetState(asset.id, { phase: 'running', providerId });
    return this.#run(request, asset, (state) => this.#setAssetState(asset.id, state), bulkSignal);
  }

  /** Files a person chose or dropped: each is listed at once, uploaded in turn, and never dropped silently. */
  addFiles(files: Iterable<File>, providerId: string): void {
    for (const file of files) {
      const row = this.#addRow(file.name || this.#options.copy().upload.addFiles, { kind: 'file', providerId, file });
      if (!/^(image|video)\//.test(file.type)) this.#setRowState(row, { phase: 'failed', message: this.#options.copy().upload.notMedia });
      else this.#start(row);
    }
  }

  addUrl(url: string, providerId: string): void {
    this.#start(this.#addRow(url, { kind: 'url', providerId, url }));
  }

  retryRow(key: number): void {
    const row = this.rows.find((candidate) => candidate.key === key);
    if (row && row.state?.phase !== 'running') this.#start(row);
  }

  dismissRow(key: number): void {
    this.rows = this.rows.filter((row) => row.key !== key);
    this.#host.requestUpdate();
  }

  /**
   * Re-uploads every given local-only asset, three at a time, until done or cancelled. `current` gives an asset as
   * it is when its turn comes: one uploaded meanwhile (its card's own button) or flagged since is not sent again.
   */
  async reuploadAll(assets: readonly Asset[], providerOf: (asset: Asset) => string, current: (asset: Asset) => Asset = (asset) => asset): Promise<void> {
    if (this.bulk?.running || assets.length === 0) return;
    const controller = new AbortController();
    this.#bulkController = controller;
    const bulk: BulkProgress = { total: assets.length, done: 0, failed: 0, accepted: 0, localOnly: 0, running: true, cancelled: false };
    this.bulk = bulk;
    this.#host.requestUpdate();
    await Promise.all(
      assets.map((asset) =>
        this.#queue.add(async () => {
          if (controller.signal.aborted) return;
          const now = current(asset);
          const result = now.provider_status === 'local_only' ? await this.reupload(now, providerOf(now), controller.signal) : null;
          if (result === 'aborted' || controller.signal.aborted) return;
          bulk.done += 1; // also when it did not start: no longer local only, already uploading, or the host page took it over
          if (result === 'accepted') bulk.accepted += 1;
          else if (result === 'local_only') bulk.localOnly += 1;
          else if (result === 'failed') bulk.failed += 1;
          this.bulk = { ...bulk };
          this.#host.requestUpdate();
        }),
      ),
    );
    this.bulk = { ...bulk, running: false, cancelled: controller.signal.aborted };
    this.#bulkController = undefined;
    const copy = this.#options.copy().upload;
    // One announcement for the whole run, not one per asset.
    this.#say(
      this.bulk.cancelled
        ? formatCopy(copy.bulkCancelled, this.#options.numbers({ done: bulk.done, total: bulk.total }))
        : formatCopy(copy.bulkSummary, this.#options.numbers({ accepted: bulk.accepted, localOnly: bulk.localOnly, failed: bulk.failed })),
    );
  }

  cancelBulk(): void {
    this.#bulkController?.abort();
  }

  #addRow(label: string, request: UploadRequestDetail): UploadRow {
    const row: UploadRow = { key: this.#nextKey++, label, request, state: null };
    this.rows = [row, ...this.rows];
    this.#host.requestUpdate();
    return row;
  }

  #start(row: UploadRow): void {
    if (!emit<UploadRequestDetail>(this.#host, 'upload-request', row.request, { cancelable: true })) {
      this.dismissRow(row.key); // the host page took it over
      return;
    }
    this.#setRowState(row, null);
    void this.#queue.add(async () => {
      // Its turn came after the gallery left the page: it does not start; the file stays, with Retry.
      if (!this.#host.isConnected) {
        this.#setRowState(row, { phase: 'failed', message: this.#options.copy().upload.stopped });
        return;
      }
      this.#setRowState(row, { phase: 'running', providerId: row.request.providerId });
      const result = await this.#run(row.request, undefined, (state) => this.#setRowState(row, state));
      // In the list now, with its true status: the row has done its job. A failure stays, with Retry.
      if (result === 'accepted' || result === 'local_only') this.dismissRow(row.key);
      // Stopped half way (the gallery was taken off the page): the file stays, with Retry.
      else if (result === 'aborted') this.#setRowState(row, { phase: 'failed', message: this.#options.copy().upload.stopped });
    });
  }

  /** One upload, start to end; `bulkSignal` cancels it with the bulk run, whose items are announced together. */
  async #run(request: UploadRequestDetail, asset: Asset | undefined, show: (state: UploadState | null) => void, bulkSignal?: AbortSignal): Promise<Result> {
    const controller = new AbortController();
    const abort = () => controller.abort(bulkSignal?.reason);
    bulkSignal?.addEventListener('abort', abort, { once: true });
    this.#running.add(controller);
    if (this.#running.size === 1) window.addEventListener('beforeunload', this.#onBeforeUnload);
    emit<UploadStartDetail>(this.#host, 'upload-start', request);
    try {
      const { reply, viaUrl } = await this.#send(request, asset, controller.signal);
      const newAssetId = assetIdOf(reply);
      const read = interpretUploadResponse(reply, this.#options.copy());
      // Through upload-from-url the server made a new asset, and this one stays as it was: say so. Servers of
      // that era name no asset in the reply, so the route taken tells it too.
      const madeNew = request.assetId !== undefined && (viaUrl || (newAssetId !== undefined && newAssetId !== request.assetId));
      const copy = this.#options.copy().upload;
      const newMessage = newAssetId === undefined ? formatCopy(copy.asNewAssetUnnamed, { message: read.message }) : formatCopy(copy.asNewAsset, { message: read.message, id: newAssetId });
      const outcome = madeNew ? { ...read, message: newMessage } : read;
      show({ phase: 'done', assetId: request.assetId, ...outcome });
      this.#options.uploaded(outcome, request.assetId, newAssetId, madeNew);
      if (!bulkSignal) this.#say(outcome.message);
      emit<UploadCompleteDetail>(this.#host, 'upload-complete', withoutUndefined({ assetId: request.assetId ?? newAssetId, ...outcome }));
      return outcome.providerSucceeded ? 'accepted' : 'local_only';
    } catch (error) {
      if (isAbortError(error) || controller.signal.aborted) {
        show(null);
        return 'aborted';
      }
      const message = describeError(error, this.#options.copy());
      show({ phase: 'failed', message });
      if (error instanceof HttpError && request.assetId !== undefined) this.#options.refused(request.assetId);
      if (!bulkSignal) this.#say(message);
      emit<UploadErrorDetail>(this.#host, 'upload-error', withoutUndefined({ assetId: request.assetId, message }));
      return 'failed';
    } finally {
      bulkSignal?.removeEventListener('abort', abort);
      this.#running.delete(controller);
      if (this.#running.size === 0) window.removeEventListener('beforeunload', this.#onBeforeUnload);
    }
  }

  /**
   * The host's uploader, or the client: the reupload route where the backend has it, else upload-from-url
   * (`viaUrl`: a re-upload that made a new asset).
   */
  async #send(request: UploadRequestDetail, asset: Asset | undefined, signal: AbortSignal): Promise<{ reply: unknown; viaUrl: boolean }> {
    const uploader = this.#options.uploader();
    const sent = (reply: unknown) => ({ reply, viaUrl: false });
    if (uploader) return sent(await uploader(request, signal));
    const client = this.#options.client();
    const provider_id = request.providerId;
    if (request.kind === 'file' && request.file) return sent(await client.upload({ file: request.file, provider_id }, { signal }));
    if (request.kind === 'url' && request.url) return sent(await client.uploadFromUrl({ url: request.url, provider_id }, { signal }));
    const assetId = request.assetId as number; // a re-upload always names its asset
    if (!this.#noReuploadRoute) {
      try {
        return sent(await client.reupload(assetId, { provider_id }, { signal }));
      } catch (error) {
        if (!isMissingRoute(error)) throw error;
        this.#noReuploadRoute = true;
      }
    }
    const url = asset?.file_url ?? asset?.remote_url;
    if (!url) throw new Error(this.#options.copy().upload.noFileUrl);
    return { reply: await client.uploadFromUrl({ url, provider_id }, { signal }), viaUrl: true };
  }

  #setAssetState(assetId: number, state: UploadState | null): void {
    if (state) this.assetStates.set(assetId, state);
    else this.assetStates.delete(assetId);
    this.#host.requestUpdate();
  }

  #setRowState(row: UploadRow, state: UploadState | null): void {
    this.rows = this.rows.map((candidate) => (candidate.key === row.key ? { ...candidate, state } : candidate));
    row.state = state;
    this.#host.requestUpdate();
  }

  #say(message: string): void {
    this.message = message;
    this.#host.requestUpdate();
  }
}

/**
 * A backend without the reupload route answers 405, or FastAPI's 404 `{"detail":"Not Found"}`; a missing
 * asset on a backend that has the route is a 404 with "Asset not found", which is a real failure.
 */
function isMissingRoute(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 405 || (error.status === 404 && (error.detail === undefined || error.detail === 'Not Found')));
}

function assetIdOf(reply: unknown): number | undefined {
  const id = reply !== null && typeof reply === 'object' ? (reply as { asset_id?: unknown }).asset_id : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
