import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeError, errorDetail, HttpError, isAbortError, type Asset, type AssetsClient, type UploadProgress } from '../../../api/index.js';
import { formatCopy, interpretUploadResponse, isBulkReuploadTarget, isUploadableMedia, type Copy, type UploadOutcome } from '../../../status/index.js';
import { emit, type UploadRequestDetail } from '../../shared/events.js';
import type { UploadState } from '../../shared/upload.js';
import { LimitedQueue } from './queue.js';
import { assetIdOf, NoFileUrlError, UploadSender, withoutUndefined, type Uploader } from './upload-sender.js';
import { sentSteps } from './upload-progress.js';
import { keptReply, STOPPED, wordState, WordedStates, type BulkProgress, type Kept, type RowData, type StateData, type UploadRow, type Words } from './upload-states.js';

export type { BulkProgress, Uploader, UploadRow };

type Result = 'accepted' | 'local_only' | 'failed' | 'aborted';

/** At most this many uploads at a time, for files and for the bulk re-upload alike. */
const CONCURRENT_UPLOADS = 3;

export interface UploadControllerOptions {
  client: () => AssetsClient;
  uploader: () => Uploader | undefined;
  /**
   * The server answered for `assetId` (a re-upload), or for a new asset (`madeNew`, or no `assetId`): `newAssetId`
   * when the server named it. Never for an upload that started before the last `sourceChanged()`.
   */
  uploaded: (outcome: UploadOutcome, assetId: number | undefined, newAssetId: number | undefined, madeNew: boolean) => void;
  /** The server refused a re-upload of `assetId`: it may have changed the asset too (HEAD flags it). Same generation rule. */
  refused: (assetId: number) => void;
  /** The gallery's words, in its language: asked whenever words are read, so they follow a change of language. */
  copy: () => Copy;
  /** The numbers to put in them, formatted in its language. */
  numbers: (values: Record<string, number>) => Record<string, string>;
}

interface BulkRun {
  controller: AbortController;
  progress: BulkProgress;
}

/** How one upload runs (`#run`). */
interface RunOptions {
  /** The asset a re-upload sends again. */
  asset?: Asset;
  /** Shows its state on its card or row. */
  show: (state: StateData | null) => void;
  /** Cancels it: the bulk run's signal, or its row's Cancel. */
  cancel?: AbortSignal;
  /** One item of the bulk run, which is announced as a whole. */
  bulk?: boolean;
  /** Its answer still belongs to what is shown (default: the source it started in is still shown). */
  sameAsset?: () => boolean;
  /** Hears of a file's bytes as they are sent, where that is known. */
  progress?: (sent: UploadProgress) => void;
}

/**
 * Every upload the gallery starts: a card's re-upload, files and URLs, the bulk re-upload of local-only assets.
 * It asks the host page first (`upload-request`, cancelable), reports `upload-start`, `upload-complete` and
 * `upload-error`, and keeps what each card and row shows. A failed file stays listed with Retry.
 *
 * Everything it shows is worded when read, in the words of the moment (`options.copy()`).
 */
export class UploadController implements ReactiveController {
  bulk: BulkProgress | null = null;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: UploadControllerOptions;
  readonly #queue = new LimitedQueue(CONCURRENT_UPLOADS);
  readonly #running = new Set<AbortController>();
  #bulkRun: BulkRun | undefined;
  #nextKey = 1;
  readonly #sender: UploadSender;
  /**
   * Counts the data sources the host has shown (`sourceChanged()`). An upload remembers the one it started in: its
   * answer is about that source's asset, and is never put on the same id of another.
   */
  #generation = 0;
  /** Each running re-upload's mark: gone when its asset is no longer the one shown under that id. */
  readonly #assetTokens = new Map<number, object>();
  /** What each asset's card shows of its upload, for the current source. */
  readonly #states = new Map<number, Kept>();
  readonly #statesRead: ReadonlyMap<number, UploadState>;
  #rows: RowData[] = [];
  /** Each listed file's or URL's Cancel, from when it is added to the queue until its upload ends. */
  readonly #rowCancels = new Map<number, AbortController>();
  #rowsRead: { of: RowData[]; copy: Copy; rows: UploadRow[] } | undefined;
  /** The last outcome, to be worded when read. */
  #said: Words | null = null;
  /** Taken off the page: the end of this task tells a move (connected again by then) from a removal. */
  #leaving: ReturnType<typeof setTimeout> | undefined;
  /** Files whose turn came during that wait: told whether the gallery is still on the page. */
  #waitingForPage: Array<(here: boolean) => void> = [];

  constructor(host: ReactiveControllerHost & HTMLElement, options: UploadControllerOptions) {
    this.#host = host;
    this.#options = options;
    this.#sender = new UploadSender(options.client, options.uploader);
    this.#statesRead = new WordedStates(this.#states, (kept) => this.#word(kept));
    host.addController(this);
  }

  /** What each asset's card shows of its upload (the current source's assets only), worded in the copy of the moment. */
  get assetStates(): ReadonlyMap<number, UploadState> {
    return this.#statesRead;
  }

  /** The files and URLs being uploaded, or that failed, newest first, worded in the copy of the moment. */
  get rows(): UploadRow[] {
    const copy = this.#options.copy();
    const read = this.#rowsRead;
    if (read && read.of === this.#rows && read.copy === copy) return read.rows;
    const rows = this.#rows.map((row) => ({
      key: row.key,
      label: row.name ?? copy.upload.addFiles,
      request: row.request,
      state: row.state && wordState(row.state, copy),
    }));
    this.#rowsRead = { of: this.#rows, copy, rows };
    return rows;
  }

  /** The last outcome, in words (the copy of the moment), for the live region. */
  get message(): string {
    return this.#said?.(this.#options.copy()) ?? '';
  }

  hostConnected(): void {
    // Back on the page within the task it left in: it was moved, and what runs goes on.
    clearTimeout(this.#leaving);
    this.#leaving = undefined;
    this.#tellWaiting(true);
    if (this.#running.size > 0) window.addEventListener('beforeunload', this.#onBeforeUnload);
  }

  hostDisconnected(): void {
    // A framework that moves the gallery takes it off the page and puts it back, all within one task, perhaps over
    // a few microtasks of its own. Only a gallery still off the page when the task is over has left; a timer runs
    // after the task and every microtask queued in it, where a microtask could run between the two halves of a move.
    clearTimeout(this.#leaving);
    this.#leaving = setTimeout(() => {
      this.#leaving = undefined;
      if (this.#host.isConnected) return;
      // Taken off the page: it cancels what it started, cleanly.
      this.#bulkRun?.controller.abort();
      for (const controller of this.#running) controller.abort();
      window.removeEventListener('beforeunload', this.#onBeforeUnload);
      this.#tellWaiting(false);
    }, 0);
  }

  /** Is the gallery on the page? Taken off it just now, the answer waits for the end of that task (a move). */
  #onPage(): boolean | Promise<boolean> {
    if (this.#host.isConnected) return true;
    if (this.#leaving === undefined) return false;
    return new Promise((answer) => this.#waitingForPage.push(answer));
  }

  #tellWaiting(here: boolean): void {
    for (const answer of this.#waitingForPage.splice(0)) answer(here);
  }

  /** Leaving the page while files are uploading asks first: the browser's own "Leave site?" prompt. */
  readonly #onBeforeUnload = (event: BeforeUnloadEvent): void => {
    event.preventDefault();
  };

  /**
   * The gallery shows other data. Without `sameAsset`, another backend (endpoint, api): asset ids are that backend's
   * now. The cards' upload states go; an upload still running goes on, and its events fire, but its answer no longer
   * changes a card, nor reaches `uploaded` or `refused`; a file's row keeps its own outcome; a bulk re-upload of the
   * old list is cancelled. With `sameAsset` (the host's own list changed, or the same backend through another fetch
   * or headers), only the assets it says are not the same any more lose their state and answers; the rest, and a
   * bulk run, go on. Either way the backend is asked again whether it has the reupload route.
   * Not for a reload of the same source: its ids are the same assets, and uploads still answering belong to it.
   */
  sourceChanged(sameAsset?: (id: number) => boolean): void {
    this.#sender.forgetRoute();
    if (sameAsset) {
      for (const id of [...this.#states.keys()]) {
        if (sameAsset(id)) continue;
        this.#states.delete(id);
        this.#assetTokens.delete(id);
      }
    } else {
      this.#generation += 1;
      this.#states.clear();
      this.#assetTokens.clear();
      const run = this.#bulkRun;
      if (run) {
        run.controller.abort();
        this.#endBulk(run);
      }
    }
    this.#host.requestUpdate();
  }

  /**
   * Uploads an asset again. Returns null, without a request, when it is already uploading or the host page
   * cancelled `upload-request`; otherwise the promise of its result.
   */
  reupload(asset: Asset, providerId: string, bulkSignal?: AbortSignal): Promise<Result> | null {
    if (this.#states.get(asset.id)?.data.phase === 'running') return null;
    const request: UploadRequestDetail = { kind: 'reupload', assetId: asset.id, providerId };
    if (!emit(this.#host, 'upload-request', request, { cancelable: true })) return null;
    const generation = this.#generation;
    const token = {};
    this.#assetTokens.set(asset.id, token);
    // Its answer belongs on its card only while the card shows the same asset (sourceChanged).
    const same = () => generation === this.#generation && this.#assetTokens.get(asset.id) === token;
    this.#setAssetState(asset.id, { phase: 'running', providerId });
    const show = (state: StateData | null) => {
      if (same()) this.#setAssetState(asset.id, state);
    };
    return this.#run(request, { asset, show, cancel: bulkSignal, bulk: !!bulkSignal, sameAsset: same }).finally(() => {
      if (this.#assetTokens.get(asset.id) === token) this.#assetTokens.delete(asset.id);
    });
  }

  /** Files a person chose or dropped: each is listed at once, uploaded in turn, and never dropped silently. */
  addFiles(files: Iterable<File>, providerId: string): void {
    for (const file of files) {
      const row = this.#addRow(file.name || null, { kind: 'file', providerId, file });
      if (!isUploadableMedia(file)) this.#setRowState(row.key, { phase: 'failed', words: (copy) => copy.upload.notMedia });
      else this.#start(row);
    }
  }

  addUrl(url: string, providerId: string): void {
    this.#start(this.#addRow(url, { kind: 'url', providerId, url }));
  }

  retryRow(key: number): void {
    const row = this.#rows.find((candidate) => candidate.key === key);
    if (row && row.state?.phase !== 'running') this.#start(row);
  }

  /** A row's Cancel: it stops its upload (or its wait for its turn); the file stays listed, with Retry. */
  cancelRow(key: number): void {
    const cancel = this.#rowCancels.get(key);
    if (!cancel) return;
    cancel.abort();
    this.#setRowState(key, STOPPED); // at once, so that Retry takes the place (and the focus) of Cancel
  }

  dismissRow(key: number): void {
    this.#rows = this.#rows.filter((row) => row.key !== key);
    this.#host.requestUpdate();
  }

  /**
   * Re-uploads every given local-only asset, three at a time, until done or cancelled. `current` gives an asset as
   * it is when its turn comes (undefined: no longer in the list): one uploaded meanwhile (its card's own button),
   * flagged since, or gone is not sent.
   */
  async reuploadAll(
    assets: readonly Asset[],
    providerOf: (asset: Asset) => string,
    current: (asset: Asset) => Asset | undefined = (asset) => asset,
  ): Promise<void> {
    if (this.#bulkRun || assets.length === 0) return;
    const controller = new AbortController();
    const bulk: BulkProgress = { total: assets.length, done: 0, failed: 0, accepted: 0, localOnly: 0, running: true, cancelled: false };
    const run: BulkRun = { controller, progress: bulk };
    this.#bulkRun = run;
    this.bulk = bulk;
    this.#host.requestUpdate();
    await Promise.all(
      assets.map((asset) =>
        this.#queue.add(async () => {
          if (controller.signal.aborted) return;
          // Gone from the list, or another asset under its id now: not sent.
          const now = current(asset);
          const result = now && isBulkReuploadTarget(now) ? await this.reupload(now, providerOf(now), controller.signal) : null;
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
    // Ended by sourceChanged() already, which said so.
    if (this.#bulkRun === run) this.#endBulk(run);
  }

  cancelBulk(): void {
    this.#bulkRun?.controller.abort();
  }

  /** One announcement for the whole run, not one per asset. */
  #endBulk(run: BulkRun): void {
    this.#bulkRun = undefined;
    const { total, done, accepted, localOnly, failed } = run.progress;
    const cancelled = run.controller.signal.aborted;
    this.bulk = { ...run.progress, running: false, cancelled };
    this.#say((copy) =>
      cancelled
        ? formatCopy(copy.upload.bulkCancelled, this.#options.numbers({ done, total }))
        : formatCopy(copy.upload.bulkSummary, this.#options.numbers({ accepted, localOnly, failed })),
    );
  }

  #addRow(name: string | null, request: UploadRequestDetail): RowData {
    const row: RowData = { key: this.#nextKey++, name, request, state: null };
    this.#rows = [row, ...this.#rows];
    this.#host.requestUpdate();
    return row;
  }

  #start(row: RowData): void {
    const { key, request } = row;
    if (!emit(this.#host, 'upload-request', request, { cancelable: true })) {
      this.dismissRow(key); // the host page took it over
      return;
    }
    this.#setRowState(key, null);
    const cancel = new AbortController();
    this.#rowCancels.set(key, cancel);
    // Retry after Cancel starts a new attempt on the same row, which owns it from then on.
    const mine = () => this.#rowCancels.get(key) === cancel;
    void this.#queue.add(async () => {
      // Its turn came after the gallery left the page, or after its Cancel: it does not start; the file stays, with Retry.
      if (cancel.signal.aborted || !(await this.#onPage()) || cancel.signal.aborted) {
        if (!mine()) return;
        this.#rowCancels.delete(key);
        this.#setRowState(key, STOPPED);
        return;
      }
      const providerId = request.providerId;
      this.#setRowState(key, { phase: 'running', providerId });
      // A row is not an asset of the list: it shows its own outcome, whatever source the gallery shows since.
      const show = (state: StateData | null) => {
        if (!cancel.signal.aborted) this.#setRowState(key, state);
      };
      const progress = sentSteps((sent) => show({ phase: 'running', providerId, sent }));
      const result = await this.#run(request, { show, cancel: cancel.signal, progress: progress.tell });
      progress.end();
      if (!mine()) return;
      this.#rowCancels.delete(key);
      // In the list now, with its true status: the row has done its job. A failure stays, with Retry.
      if (result === 'accepted' || result === 'local_only') this.dismissRow(key);
      // Stopped half way (the gallery was taken off the page): the file stays, with Retry.
      else if (result === 'aborted') this.#setRowState(key, STOPPED);
    });
  }

  /** One upload, start to end. */
  async #run(request: UploadRequestDetail, { asset, show, cancel, bulk = false, sameAsset, progress }: RunOptions): Promise<Result> {
    // The source it was sent to: once the host shows another, its answer says nothing about that one's assets.
    const generation = this.#generation;
    const sameSource = sameAsset ?? (() => generation === this.#generation);
    // The live region speaks of a row's file (it names no asset of the list), and of a card's asset of the source shown.
    const sayable = () => !bulk && (request.assetId === undefined || sameSource());
    const controller = new AbortController();
    const abort = () => controller.abort(cancel?.reason);
    if (cancel?.aborted) abort();
    cancel?.addEventListener('abort', abort, { once: true });
    this.#running.add(controller);
    if (this.#running.size === 1) window.addEventListener('beforeunload', this.#onBeforeUnload);
    emit(this.#host, 'upload-start', request);
    try {
      const { reply, viaUrl } = await this.#sender.send(request, asset, controller.signal, sameSource, progress);
      const newAssetId = assetIdOf(reply);
      // Through upload-from-url the server made a new asset, and this one stays as it was: say so. Servers of
      // that era name no asset in the reply, so the route taken tells it too.
      const madeNew = request.assetId !== undefined && (viaUrl || (newAssetId !== undefined && newAssetId !== request.assetId));
      const kept = keptReply(reply);
      const outcomeIn = (copy: Copy): UploadOutcome => {
        const read = interpretUploadResponse(kept, copy);
        if (!madeNew) return read;
        const message =
          newAssetId === undefined
            ? formatCopy(copy.upload.asNewAssetUnnamed, { message: read.message })
            : formatCopy(copy.upload.asNewAsset, { message: read.message, id: newAssetId });
        return { ...read, message };
      };
      const outcome = outcomeIn(this.#options.copy());
      show({ phase: 'done', assetId: request.assetId, outcome: outcomeIn });
      if (sameSource()) this.#options.uploaded(outcome, request.assetId, newAssetId, madeNew);
      if (sayable()) this.#say((copy) => outcomeIn(copy).message);
      emit(this.#host, 'upload-complete', withoutUndefined({ assetId: request.assetId ?? newAssetId, ...outcome }));
      return outcome.providerSucceeded ? 'accepted' : 'local_only';
    } catch (error) {
      if (isAbortError(error) || controller.signal.aborted) {
        show(null);
        return 'aborted';
      }
      const words: Words = (copy) => (error instanceof NoFileUrlError ? copy.upload.noFileUrl : describeError(error, copy));
      // No file URL to upload from: nothing a retry could change.
      const detail = error instanceof NoFileUrlError ? { kind: 'config' as const, retryable: false } : errorDetail(error);
      show({ phase: 'failed', words });
      if (error instanceof HttpError && request.assetId !== undefined && sameSource()) this.#options.refused(request.assetId);
      if (sayable()) this.#say(words);
      emit(this.#host, 'upload-error', withoutUndefined({ ...detail, assetId: request.assetId, message: words(this.#options.copy()) }));
      return 'failed';
    } finally {
      cancel?.removeEventListener('abort', abort);
      this.#running.delete(controller);
      if (this.#running.size === 0) window.removeEventListener('beforeunload', this.#onBeforeUnload);
    }
  }

  #setAssetState(assetId: number, state: StateData | null): void {
    if (state) this.#states.set(assetId, { data: state });
    else this.#states.delete(assetId);
    this.#host.requestUpdate();
  }

  /** A kept state in the copy of the moment: the same object while neither the state nor the copy changes. */
  #word(kept: Kept): UploadState {
    const copy = this.#options.copy();
    if (kept.said?.copy !== copy) kept.said = { copy, state: wordState(kept.data, copy) };
    return kept.said.state;
  }

  #setRowState(key: number, state: StateData | null): void {
    this.#rows = this.#rows.map((candidate) => (candidate.key === key ? { ...candidate, state } : candidate));
    this.#host.requestUpdate();
  }

  #say(words: Words): void {
    this.#said = words;
    this.#host.requestUpdate();
  }
}
