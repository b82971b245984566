import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import {
  createAssetsClient,
  errorDetail,
  isAbortError,
  type ApiStyle,
  type Asset,
  type AssetPage,
  type AssetsClient,
  type FetchLike,
  type HeadersOption,
} from '../../../api/index.js';
import { PROVIDER_STATUSES, type Copy, type ProviderStatus, type StatusCounts } from '../../../status/index.js';
import { emit } from '../../shared/events.js';
import { HostReader, type StatusSplit } from './host-reader.js';

/**
 * While the host's list is read, the gallery is drawn again at most this often (the grid's height, the position
 * words); at once when the read is done, and after every slice while the cards shown are fewer than fit.
 */
const READING_UPDATE_MS = 100;

/** Assets per request when `page-size` says nothing usable. */
export const DEFAULT_PAGE_SIZE = 50;

/** Where the assets come from, as the gallery's properties say. */
export interface SourceConfig {
  endpoint: string;
  api: ApiStyle;
  fetch: FetchLike | undefined;
  headers: HeadersOption | undefined;
  /** The host's own assets; null to fetch. */
  assets: Iterable<unknown> | null | undefined;
  filter: ProviderStatus | null;
  /** Assets per request, already made 1–100. */
  limit: number;
}

/** How the first page stands: on its way, failed, or here. */
export type FirstPageState = 'loading' | 'error' | 'complete';

/** The server's per-status totals, with the client they came from. */
interface Totals {
  client: AssetsClient;
  counts: StatusCounts | null;
}

/**
 * One pipeline for the gallery's data, abortable at every step: the first page, the next pages (following
 * `next_cursor`, falling back to offsets when a server sends none or ignores it), the server's totals, or the
 * host's own `.assets` instead. Each load is a `@lit/task`; starting over aborts them all, and an answer that
 * arrives after its run was aborted is dropped, so a page of an older source never lands on a newer one.
 * It fires `assets-loaded` and `assets-error`.
 */
export class AssetSource implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #config: () => SourceConfig;
  readonly #copy: () => Copy;
  #client: AssetsClient = createAssetsClient();

  loaded: Asset[] = [];
  /** Items the server sent that could not be shown. */
  skipped = 0;
  /** The server's total, when it sent one. */
  total: number | null = null;
  #nextCursor: string | null = null;
  /** Items the server has sent so far, shown or skipped: the next offset. */
  #received = 0;
  /** The server sent no cursor (or ignored it): page by offset. */
  #pageByOffset = false;
  #lastPageFull = false;
  #reader: HostReader | undefined;
  readonly #readWaiters: (() => void)[] = [];
  #drawnAt = 0;
  /** The gallery shows every card read so far and has room for more: draw after every slice. */
  wantsMore = false;
  /** Bumped by every restart: a refresh that started before one is not shown. */
  #generation = 0;

  readonly #firstPage: Task<readonly [AssetsClient, ProviderStatus | null, number], AssetPage>;
  readonly #nextPage: Task<readonly [], AssetPage>;
  readonly #totals: Task<readonly [AssetsClient], Totals>;
  #totalsTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: { config: () => SourceConfig; copy: () => Copy }) {
    this.#host = host;
    this.#config = options.config;
    this.#copy = options.copy;
    host.addController(this);
    this.#firstPage = new Task(host, {
      task: async ([client, filter, limit], { signal }) => {
        const page = await client.list({ limit, provider_status: filter }, { signal });
        signal.throwIfAborted(); // a fetch that ignores the signal: its page is not this run's
        return page;
      },
      args: () => [this.#client, this.#config().filter, this.#config().limit] as const,
      autoRun: false,
      onComplete: (page) => this.#append(page),
      onError: (error) => this.#failed(error),
    });
    this.#nextPage = new Task(host, {
      task: async (_args, { signal }) => this.#fetchNext(signal),
      args: () => [] as const,
      autoRun: false,
      onComplete: (page) => this.#append(page),
      onError: (error) => this.#failed(error),
    });
    this.#totals = new Task(host, {
      task: async ([client], { signal }) => ({ client, counts: client.api === 'search' ? await fetchServerTotals(client, signal) : null }),
      args: () => [this.#client] as const,
      autoRun: false,
    });
  }

  hostConnected(): void {
    // Moved in the page (frameworks do that): the data stayed; run again what the move cut short.
    if (this.hostAssets) {
      this.#reader?.resume();
      return;
    }
    const first = this.#firstPage;
    if (first.status === TaskStatus.PENDING || (first.status === TaskStatus.ERROR && isAbortError(first.error))) void first.run();
    if (this.#totals.status !== TaskStatus.COMPLETE && this.#totals.status !== TaskStatus.INITIAL) void this.#totals.run();
  }

  hostDisconnected(): void {
    // Off the page, nothing runs; what is loaded stays, for a gallery that is only being moved.
    this.#reader?.pause();
    this.#firstPage.abort();
    this.#nextPage.abort();
    this.#totals.abort();
    clearTimeout(this.#totalsTimer);
  }

  get client(): AssetsClient {
    return this.#client;
  }

  /** A new backend, fetch or headers: a new client (the old one's requests are aborted when the loads start over). */
  useClient(config: Pick<SourceConfig, 'endpoint' | 'api' | 'fetch' | 'headers'>): void {
    this.#client = createAssetsClient(config);
  }

  /**
   * The host's assets made safe to show, as far as they are read (see `reading`), or null when the gallery fetches
   * its own. A new list stops the reading of the old one: none of its results land on the new.
   */
  get hostAssets(): Asset[] | null {
    const given = this.#config().assets;
    if (given === null || given === undefined) {
      this.#reader?.pause();
      this.#reader = undefined;
      this.#settleWhenRead();
      return null;
    }
    if (this.#reader?.source !== given) {
      this.#reader?.pause();
      this.#settleWhenRead();
      const reader = new HostReader(given, { progress: (done) => this.#readProgress(reader, done) });
      this.#reader = reader;
      this.#drawnAt = performance.now();
      if (this.#host.isConnected) reader.resume();
    }
    return this.#reader.list;
  }

  /** The host's list is still being read: what is shown is only part of it, and nothing may count it yet. */
  get reading(): boolean {
    return this.hostAssets !== null && !!this.#reader?.reading;
  }

  /** Settles once the host's list is read to the end, or replaced (then `reading` says whether to wait again). */
  whenRead(): Promise<void> {
    if (!this.reading) return Promise.resolve();
    return new Promise((resolve) => this.#readWaiters.push(resolve));
  }

  #settleWhenRead(): void {
    for (const resolve of this.#readWaiters.splice(0)) resolve();
  }

  /** Host items that could not be shown, once the whole list is read (null before, or without host data). */
  get hostSkipped(): number | null {
    return this.hostAssets === null || !this.#reader || this.#reader.reading ? null : this.#reader.skipped;
  }

  /** `list` (the host's assets as `hostAssets` gave them) split by status, when the reading knows it already. */
  hostSplit(list: readonly Asset[]): StatusSplit | null {
    return this.#reader?.splitOf(list) ?? null;
  }

  /** The host's asset under `id` in the whole list, read now if the reading has not come to it yet. */
  findHostAsset(id: number): Asset | undefined {
    return this.hostAssets ? this.#reader?.find(id) : undefined;
  }

  #readProgress(reader: HostReader, done: boolean): void {
    if (reader !== this.#reader) return; // a list the host replaced since
    if (done) this.#settleWhenRead();
    const now = performance.now();
    if (!done && !this.wantsMore && now - this.#drawnAt < READING_UPDATE_MS) return;
    this.#drawnAt = now;
    this.#host.requestUpdate();
  }

  get firstPage(): FirstPageState {
    if (this.#firstPage.status === TaskStatus.COMPLETE) return 'complete';
    if (this.#firstPage.status === TaskStatus.ERROR && !isAbortError(this.#firstPage.error)) return 'error';
    return 'loading';
  }

  get firstPageError(): unknown {
    return this.#firstPage.error;
  }

  get loadingMore(): boolean {
    return this.#nextPage.status === TaskStatus.PENDING;
  }

  /** Why the next page failed (worded where it is shown), or null. */
  get loadMoreError(): unknown {
    const failed = this.#nextPage.status === TaskStatus.ERROR && !isAbortError(this.#nextPage.error);
    return failed ? (this.#nextPage.error ?? new Error()) : null;
  }

  get hasMore(): boolean {
    if (this.hostAssets) return false;
    return this.#pageByOffset ? this.#lastPageFull : this.#nextCursor !== null;
  }

  /** The server's per-status totals for the library shown now, or null (not the search API, or not known). */
  get serverTotals(): StatusCounts | null {
    const totals = this.#totals.value;
    return !this.hostAssets && totals?.client === this.#client ? totals.counts : null;
  }

  /** Drops every load in flight and what they were adding to; fetches the first page again (and the totals). */
  restart(options: { totals: boolean }): void {
    this.#generation += 1;
    this.#nextPage.abort();
    this.loaded = [];
    this.skipped = 0;
    this.total = null;
    this.#received = 0;
    this.#nextCursor = null;
    this.#pageByOffset = false;
    this.#lastPageFull = false;
    if (this.hostAssets) {
      this.#firstPage.abort();
      this.#totals.abort();
      // A new list, or a filter switch: its first frame is drawn before the reading goes on.
      this.#reader?.afterNextFrame();
      return;
    }
    void this.#firstPage.run();
    if (options.totals || this.#totals.status === TaskStatus.INITIAL) void this.#totals.run();
  }

  /** Loads the next page, if there is one; resolves once it is shown or has failed. */
  async loadMore(): Promise<void> {
    if (this.hostAssets || this.loadingMore || !this.hasMore || this.firstPage !== 'complete') return;
    await this.#nextPage.run([]).catch(() => undefined);
  }

  /**
   * Fetches again the pages shown, one request per page, and shows them in place of the old ones once all are
   * here (the live socket reopened: what changed meanwhile was not sent). Resolves false when there was nothing to
   * refresh or another load replaced it; rejects when a page could not be fetched (what is shown stays).
   */
  async refreshShown(signal: AbortSignal): Promise<boolean> {
    if (this.hostAssets) return false;
    // A first page asked for before the socket opened may miss what changed since: refresh it once it is here.
    if (this.firstPage === 'loading') await this.#firstPage.taskComplete.catch(() => undefined);
    if (signal.aborted || this.firstPage !== 'complete') return false;
    const generation = this.#generation;
    const { filter, limit } = this.#config();
    const pages = Math.max(1, Math.ceil(this.#received / limit));
    this.#nextPage.abort(); // its page would land on the refreshed list at the old place
    let assets: Asset[] = [];
    let skipped = 0;
    let received = 0;
    let page: AssetPage | undefined;
    try {
      for (let index = 0; index < pages && (index === 0 || received >= index * limit); index++) {
        const position = index === 0 ? {} : this.#pageByOffset || !page?.next_cursor ? { offset: received } : { cursor: page.next_cursor };
        page = await this.#client.list({ limit, provider_status: filter, ...position }, { signal });
        assets = dedupe(assets, page.assets);
        skipped += page.skipped;
        received += page.assets.length + page.skipped;
      }
    } catch (error) {
      if (isAbortError(error) || generation !== this.#generation) return false;
      throw error;
    }
    if (signal.aborted || !page || generation !== this.#generation) return false;
    this.loaded = assets;
    this.skipped = skipped;
    this.#received = received;
    if (page.total !== null) this.total = page.total;
    this.#nextCursor = page.next_cursor;
    this.#lastPageFull = page.assets.length + page.skipped >= limit;
    this.refreshTotalsSoon();
    this.#host.requestUpdate();
    return true;
  }

  /**
   * Loaded assets the server deleted since (live): they go, and a server that pages by offset now has that many
   * fewer before the next page, which would otherwise skip as many assets.
   */
  deleted(ids: readonly number[]): void {
    const gone = new Set(ids);
    const kept = this.loaded.filter((asset) => !gone.has(asset.id));
    this.#received -= this.loaded.length - kept.length;
    this.loaded = kept;
  }

  /** The server's totals are stale after uploads: ask again once they settle. */
  refreshTotalsSoon(): void {
    if (this.hostAssets || this.#client.api !== 'search') return;
    clearTimeout(this.#totalsTimer);
    this.#totalsTimer = setTimeout(() => void this.#totals.run(), 400);
  }

  async #fetchNext(signal: AbortSignal): Promise<AssetPage> {
    let page = await this.#list(signal);
    // Servers that ignore the cursor (PixSim7 before its fix) send page 1 again: fall back to offsets.
    if (!this.#pageByOffset && page.assets.length > 0 && !this.#addsNewAssets(page)) {
      this.#pageByOffset = true;
      page = await this.#list(signal);
    }
    signal.throwIfAborted();
    return page;
  }

  #list(signal: AbortSignal): Promise<AssetPage> {
    const { filter, limit } = this.#config();
    const position = this.#pageByOffset || this.#nextCursor === null ? { offset: this.#received } : { cursor: this.#nextCursor };
    return this.#client.list({ limit, provider_status: filter, ...position }, { signal });
  }

  #addsNewAssets(page: AssetPage): boolean {
    const known = new Set(this.loaded.map((asset) => asset.id));
    return page.assets.some((asset) => !known.has(asset.id));
  }

  #append(page: AssetPage): void {
    // A page that was on its way when the host handed over its own assets is not shown, nor reported.
    if (this.hostAssets) return;
    const received = page.assets.length + page.skipped;
    this.loaded = dedupe(this.loaded, page.assets);
    this.skipped += page.skipped;
    this.#received += received;
    if (page.total !== null) this.total = page.total;
    this.#nextCursor = page.next_cursor;
    this.#lastPageFull = received >= this.#config().limit;
    // A full page without a cursor: the server pages by offset only.
    if (page.next_cursor === null && this.#lastPageFull) this.#pageByOffset = true;
    const count = this.loaded.length;
    emit(this.#host, 'assets-loaded', this.total === null ? { count } : { count, total: this.total });
    this.#host.requestUpdate();
  }

  #failed(error: unknown): void {
    if (isAbortError(error) || this.hostAssets) return;
    emit(this.#host, 'assets-error', errorDetail(error, this.#copy()));
  }
}

/** Per-status totals: five one-item requests; null when the server cannot give them truthfully. */
async function fetchServerTotals(client: AssetsClient, signal: AbortSignal): Promise<StatusCounts | null> {
  try {
    const [all, ...each] = await Promise.all(
      [null, ...PROVIDER_STATUSES].map((status) => client.list({ limit: 1, provider_status: status }, { signal })),
    );
    signal.throwIfAborted();
    if (!all || all.total === null || each.some((page) => page.total === null)) return null;
    const counts = Object.fromEntries(PROVIDER_STATUSES.map((status, index) => [status, each[index]?.total ?? 0])) as StatusCounts;
    // A server that ignores the filter answers every status with its grand total: those are not per-status counts.
    const sum = PROVIDER_STATUSES.reduce((total, status) => total + counts[status], 0);
    return sum === all.total ? counts : null;
  } catch (error) {
    if (isAbortError(error)) throw error;
    return null;
  }
}

/** Adds the new assets after the known ones, skipping ids already shown (a page boundary that moved). */
function dedupe(known: Asset[], added: Asset[]): Asset[] {
  const seen = new Set(known.map((asset) => asset.id));
  const result = known.slice();
  for (const asset of added) {
    if (!seen.has(asset.id)) {
      seen.add(asset.id);
      result.push(asset);
    }
  }
  return result;
}

/** `page-size` as a request can take it: a whole number 1–100, else the default. */
export function pageLimit(pageSize: unknown): number {
  const size = Math.trunc(Number(pageSize));
  return Number.isFinite(size) && size >= 1 ? Math.min(size, 100) : DEFAULT_PAGE_SIZE;
}

/**
 * Headers with the same content: an inline `{ Authorization: … }` that a framework re-creates on every render
 * is no change, and reloads nothing. A function is compared as itself, since it may answer differently.
 */
export function sameHeaders(a: HeadersOption | undefined, b: HeadersOption | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a === 'function' || typeof b === 'function') return false;
  try {
    const [left, right] = [[...new Headers(a)], [...new Headers(b)]];
    return left.length === right.length && left.every(([name, value], index) => right[index]?.[0] === name && right[index]?.[1] === value);
  } catch {
    return false; // not valid headers: a change, and the client says what is wrong with them
  }
}
