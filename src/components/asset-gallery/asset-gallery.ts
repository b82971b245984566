import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import {
  createAssetsClient,
  DEFAULT_ENDPOINT,
  isAbortError,
  parseAsset,
  type ApiStyle,
  type Asset,
  type AssetPage,
  type AssetsClient,
  type FetchLike,
  type HeadersOption,
} from '../../api/index.js';
import {
  countByStatus,
  formatCopy,
  formatPlural,
  getCopy,
  isProviderStatus,
  PROVIDER_STATUSES,
  statusLabel,
  type ProviderStatus,
  type StatusCounts,
} from '../../status/index.js';
import '../../media-card.js';
import '../../status-overview.js';
import type { StatusFilterChangeDetail } from '../../status-overview.js';
import { emit } from '../shared/define.js';
import { visuallyHidden } from '../shared/status-styles.js';
import { styles } from './asset-gallery.styles.js';

export interface AssetsLoadedDetail {
  /** How many assets are loaded now. */
  count: number;
  /** The server's total, when it sent one. */
  total?: number;
}
export interface AssetsErrorDetail {
  message: string;
}

const URL_PARAM = 'provider_status';
const DEFAULT_PAGE_SIZE = 50;
const SKELETON_CARDS = 8;
/** Cards in the first row load their images eagerly; the rest lazily. */
const EAGER_CARDS = 6;

/** Where a filter change came from: it decides how the page URL follows (sync-url). */
type FilterOrigin = 'user' | 'history' | 'host';

/**
 * A gallery of media assets that says, on every card, where each asset lives: Provider OK, Local only,
 * Flagged or Unknown. It fetches pages from a PixSim7-style assets endpoint (or shows the `assets` it is
 * given), counts and filters by status, and pages with "Load more" or infinite scroll.
 *
 * @summary Browse assets and see their provider status at a glance.
 *
 * @fires status-filter-change - `{ status }`: the person picked a status filter (`null` for all).
 * @fires assets-loaded - `{ count, total? }`: a page arrived.
 * @fires assets-error - `{ message }`: a page could not be loaded; the message is for people.
 * @fires asset-open - `{ asset }`: a card was opened (from `<media-card>`).
 *
 * @csspart base - Everything.
 * @csspart overview - The `<status-overview>` on top.
 * @csspart list - The grid of cards.
 * @csspart card - Each `<media-card>`.
 * @csspart notice - The note about items that could not be shown.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry buttons.
 * @csspart load-more - The "Load more" button.
 *
 * @cssprop [--asset-gallery-card-min-width=14rem] - The narrowest a card gets; columns follow the width.
 * @cssprop [--asset-gallery-gap=1rem] - Space between cards.
 * @cssprop [--age-button-bg=#1a5fd0] - Buttons' background; also `--age-button-fg`, `--age-button-border`.
 * @cssprop [--age-focus-ring=#1a5fd0] - The focus outline.
 */
export class AssetGallery extends LitElement {
  static override styles = [visuallyHidden, styles];

  /** The assets collection URL. */
  @property() endpoint = DEFAULT_ENDPOINT;

  /** `query` (`GET {endpoint}?…`) or `search` (`POST {endpoint}/search`). */
  @property() api: ApiStyle = 'query';

  /** Assets per request, 1–100. */
  @property({ attribute: 'page-size', type: Number }) pageSize = DEFAULT_PAGE_SIZE;

  /** The status shown (`ok`, `local_only`, `flagged`, `unknown`); null (no attribute) for all. */
  @property({
    attribute: 'status-filter',
    reflect: true,
    converter: {
      fromAttribute: (value: string | null) => (isProviderStatus(value) ? value : null),
      toAttribute: (value: ProviderStatus | null) => value, // "all" removes the attribute
    },
  })
  statusFilter: ProviderStatus | null = null;

  /** Mirror the filter in the page's `?provider_status=`, restore it on load and on back/forward. */
  @property({ attribute: 'sync-url', type: Boolean }) syncUrl = false;

  /** Load the next page when the end of the list scrolls into view. */
  @property({ attribute: 'infinite-scroll', type: Boolean }) infiniteScroll = false;

  /** The fetch to use (auth wrappers, tests); the global fetch by default. */
  @property({ attribute: false }) fetch: FetchLike | undefined = undefined;

  /** Extra request headers, or a function that returns them (asked for every request, so tokens can refresh). */
  @property({ attribute: false }) headers: HeadersOption | undefined = undefined;

  /** Assets to show instead of fetching: `Asset`s from the api module, or raw server items. */
  @property({ attribute: false }) assets: Iterable<unknown> | null = null;

  @state() private loaded: Asset[] = [];
  @state() private skipped = 0;
  @state() private total: number | null = null;
  @state() private nextCursor: string | null = null;
  /** Items the server has sent so far, shown or skipped: the next offset. */
  private received = 0;
  /** The server sent no cursor (or ignored it): page by offset. */
  @state() private pageByOffset = false;
  @state() private lastPageFull = false;
  @state() private loadingMore = false;
  @state() private loadMoreError: string | null = null;
  @state() private announcement = '';

  private client: AssetsClient = createAssetsClient();
  /** Bumped whenever what is shown starts over; a page from an older generation is dropped. */
  private generation = 0;
  private loadMoreController: AbortController | undefined;
  private filterOrigin: FilterOrigin = 'host';
  private observer: IntersectionObserver | undefined;

  private readonly firstPage = new Task(this, {
    task: async ([client, filter, limit], { signal }) => client.list({ limit, provider_status: filter }, { signal }),
    args: () => [this.client, this.statusFilter, this.limit, this.reloads] as const,
    autoRun: false,
    onComplete: (page: AssetPage) => this.showFirstPage(page),
    onError: (error: unknown) => {
      if (!isAbortError(error)) emit<AssetsErrorDetail>(this, 'assets-error', { message: messageOf(error) });
    },
  });

  /** Per-status totals from the server (search API), trusted only when they add up to its grand total. */
  private readonly serverTotals = new Task(this, {
    task: async ([client], { signal }) => (client.api === 'search' ? fetchServerTotals(client, signal) : null),
    args: () => [this.client, this.reloads] as const,
    autoRun: false,
  });

  @state() private reloads = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) this.readFilterFromUrl('history', true);
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    this.observer?.disconnect();
    this.observer = undefined;
    this.startOver();
    this.firstPage.abort();
    this.serverTotals.abort();
  }

  /** Fetches everything again (after an error, or when the host knows the data changed). */
  reload(): void {
    this.reloads += 1;
  }

  /** Loads the next page, if there is one. */
  async loadMore(): Promise<void> {
    if (this.hostAssets || this.loadingMore || !this.hasMore || this.firstPage.status !== TaskStatus.COMPLETE) return;
    const generation = this.generation;
    const controller = new AbortController();
    this.loadMoreController = controller;
    this.loadingMore = true;
    this.loadMoreError = null;
    try {
      let page = await this.fetchNextPage(controller.signal);
      // Servers that ignore the cursor (PixSim7 before its fix) send page 1 again: fall back to offsets.
      if (!this.pageByOffset && page.assets.length > 0 && !this.addsNewAssets(page)) {
        this.pageByOffset = true;
        page = await this.fetchNextPage(controller.signal);
      }
      if (generation !== this.generation) return;
      this.appendPage(page);
    } catch (error) {
      if (generation !== this.generation || isAbortError(error)) return;
      this.loadMoreError = messageOf(error);
      emit<AssetsErrorDetail>(this, 'assets-error', { message: this.loadMoreError });
    } finally {
      if (generation === this.generation) this.loadingMore = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('api') || changed.has('fetch') || changed.has('headers')) {
      this.client = createAssetsClient({ endpoint: this.endpoint, api: this.api, fetch: this.fetch, headers: this.headers });
    }
    if (changed.has('statusFilter') && this.statusFilter !== null && !isProviderStatus(this.statusFilter)) this.statusFilter = null;
    const restart = ['endpoint', 'api', 'fetch', 'headers', 'statusFilter', 'pageSize', 'assets', 'reloads'].some((key) =>
      changed.has(key as keyof AssetGallery),
    );
    if (restart) {
      this.startOver();
      if (!this.hostAssets) {
        void this.firstPage.run();
        if (['endpoint', 'api', 'fetch', 'headers', 'reloads'].some((key) => changed.has(key as keyof AssetGallery)) || this.serverTotals.status === TaskStatus.INITIAL) {
          void this.serverTotals.run();
        }
      }
    }
    if (changed.has('statusFilter')) this.mirrorFilterInUrl(changed.get('statusFilter') !== undefined);
  }

  protected override updated(): void {
    this.observeEnd();
  }

  protected override render(): TemplateResult {
    const copy = getCopy();
    const { counts, source } = this.overviewCounts();
    return html`<div part="base" class="base">
      <status-overview
        part="overview"
        .counts=${counts}
        counts-source=${source}
        .statusFilter=${this.statusFilter}
        @status-filter-change=${this.onOverviewFilter}
      ></status-overview>
      ${this.skipped > 0 ? html`<p part="notice" class="notice">${formatPlural(copy.gallery.skipped, this.skipped)}</p>` : null}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.renderBody()}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const copy = getCopy().gallery;
    if (!this.hostAssets) {
      if (this.firstPage.status === TaskStatus.ERROR) {
        return html`<div part="error" class="state error" role="alert">
          <p class="error-title">${copy.errorTitle}</p>
          <p>${messageOf(this.firstPage.error)}</p>
          <button part="retry" type="button" @click=${this.reload}>${copy.retry}</button>
        </div>`;
      }
      if (this.firstPage.status !== TaskStatus.COMPLETE) return this.renderSkeletons();
    }
    const visible = this.visibleAssets();
    if (visible.length === 0) return this.renderEmpty();
    return html`<ul part="list" class="grid" aria-label=${copy.listLabel}>
        ${repeat(
          visible,
          (asset) => asset.id,
          (asset, index) =>
            html`<li><media-card part="card" .asset=${asset} loading=${index < EAGER_CARDS ? 'eager' : 'lazy'}></media-card></li>`,
        )}
      </ul>
      ${this.renderFooter()}`;
  }

  private renderSkeletons(): TemplateResult {
    const count = Math.min(SKELETON_CARDS, this.limit);
    return html`<p class="visually-hidden">${getCopy().gallery.loading}</p>
      <ul part="list" class="grid" aria-hidden="true">
        ${Array.from({ length: count }, () => html`<li><div class="skeleton"></div><div class="skeleton-line"></div></li>`)}
      </ul>`;
  }

  private renderEmpty(): TemplateResult {
    const copy = getCopy().gallery;
    const filter = this.statusFilter;
    if (!filter) {
      return html`<div part="empty" class="state"><p class="empty-title">${copy.empty}</p></div>${this.renderFooter()}`;
    }
    const status = statusLabel(filter);
    // With more pages on the server, say "so far": the next page may still hold some.
    const title =
      this.hasMore && this.loaded.length > 0
        ? formatCopy(formatPlural(copy.emptyFilteredSoFar, this.loaded.length), { status })
        : formatCopy(copy.emptyFiltered, { status });
    return html`<div part="empty" class="state">
        <p class="empty-title">${title}</p>
        <button type="button" @click=${this.clearFilter}>${copy.clearFilter}</button>
      </div>
      ${this.renderFooter()}`;
  }

  private renderFooter(): TemplateResult | null {
    const copy = getCopy().gallery;
    if (this.hostAssets) return null;
    if (this.loadMoreError) {
      return html`<div class="footer" role="alert">
        <span>${this.loadMoreError}</span>
        <button part="retry" type="button" @click=${this.loadMore}>${copy.retry}</button>
      </div>`;
    }
    if (!this.hasMore) return null;
    return html`<div class="footer">
      <button part="load-more" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.loadMore}>
        ${this.loadingMore ? copy.loadingMore : copy.loadMore}
      </button>
      ${this.infiniteScroll ? html`<div class="sentinel"></div>` : null}
    </div>`;
  }

  /** The host's assets, made safe to show, or null when the gallery fetches its own. */
  private get hostAssets(): Asset[] | null {
    if (this.assets === null || this.assets === undefined) return null;
    if (this.hostAssetsCache?.source === this.assets) return this.hostAssetsCache.assets;
    const assets: Asset[] = [];
    try {
      for (const item of this.assets) {
        const asset = isAsset(item) ? item : parseAsset(item);
        if (asset) assets.push(asset);
      }
    } catch {
      // Not iterable: show what was read.
    }
    this.hostAssetsCache = { source: this.assets, assets };
    return assets;
  }
  private hostAssetsCache: { source: Iterable<unknown>; assets: Asset[] } | undefined;

  private get limit(): number {
    const size = Math.trunc(Number(this.pageSize));
    return Number.isFinite(size) && size >= 1 ? Math.min(size, 100) : DEFAULT_PAGE_SIZE;
  }

  private get hasMore(): boolean {
    return this.pageByOffset ? this.lastPageFull : this.nextCursor !== null;
  }

  /** The server is sent the filter; the client filters too, since older servers ignore it. */
  private visibleAssets(): Asset[] {
    const all = this.hostAssets ?? this.loaded;
    const filter = this.statusFilter;
    return filter ? all.filter((asset) => asset.provider_status === filter) : all;
  }

  private overviewCounts(): { counts: StatusCounts; source: 'loaded' | 'server' } {
    const totals = this.hostAssets ? null : this.serverTotals.value;
    if (totals) return { counts: totals, source: 'server' };
    return { counts: countByStatus(this.hostAssets ?? this.loaded), source: 'loaded' };
  }

  private showFirstPage(page: AssetPage): void {
    this.appendPage(page);
  }

  private appendPage(page: AssetPage): void {
    const received = page.assets.length + page.skipped;
    this.loaded = dedupe(this.loaded, page.assets);
    this.skipped += page.skipped;
    this.received += received;
    if (page.total !== null) this.total = page.total;
    this.nextCursor = page.next_cursor;
    this.lastPageFull = received >= this.limit;
    // A full page without a cursor: the server pages by offset only.
    if (page.next_cursor === null && this.lastPageFull) this.pageByOffset = true;
    this.announce();
  }

  private announce(): void {
    const count = this.loaded.length;
    this.announcement = formatPlural(getCopy().gallery.loaded, count);
    emit<AssetsLoadedDetail>(this, 'assets-loaded', this.total === null ? { count } : { count, total: this.total });
  }

  private fetchNextPage(signal: AbortSignal): Promise<AssetPage> {
    const position = this.pageByOffset || this.nextCursor === null ? { offset: this.received } : { cursor: this.nextCursor };
    return this.client.list({ limit: this.limit, provider_status: this.statusFilter, ...position }, { signal });
  }

  private addsNewAssets(page: AssetPage): boolean {
    const known = new Set(this.loaded.map((asset) => asset.id));
    return page.assets.some((asset) => !known.has(asset.id));
  }

  /** Drops every page in flight and what they were adding to. */
  private startOver(): void {
    this.generation += 1;
    this.loadMoreController?.abort();
    this.loadMoreController = undefined;
    this.loadingMore = false;
    this.loadMoreError = null;
    this.loaded = [];
    this.skipped = 0;
    this.total = null;
    this.received = 0;
    this.nextCursor = null;
    this.pageByOffset = false;
    this.lastPageFull = false;
  }

  private readonly onOverviewFilter = (event: CustomEvent<StatusFilterChangeDetail>): void => {
    event.stopPropagation();
    this.setFilter(isProviderStatus(event.detail.status) ? event.detail.status : null, 'user');
  };

  private readonly clearFilter = (): void => this.setFilter(null, 'user');

  private setFilter(status: ProviderStatus | null, origin: FilterOrigin): void {
    if (status === this.statusFilter) return;
    this.filterOrigin = origin;
    this.statusFilter = status;
    emit<StatusFilterChangeDetail>(this, 'status-filter-change', { status });
  }

  private readonly onPopState = (): void => {
    if (this.syncUrl) this.readFilterFromUrl('history');
  };

  /** On load a missing parameter keeps the host's filter; on back/forward it means "all". */
  private readFilterFromUrl(origin: FilterOrigin, onLoad = false): void {
    const value = new URL(window.location.href).searchParams.get(URL_PARAM);
    if (onLoad && value === null) return;
    this.setFilter(isProviderStatus(value) ? value : null, origin);
  }

  /** A person's choice gets its own history entry; a host's change replaces the current one. */
  private mirrorFilterInUrl(hadValue: boolean): void {
    const origin = this.filterOrigin;
    this.filterOrigin = 'host';
    if (!this.syncUrl || origin === 'history' || !hadValue) return;
    const url = new URL(window.location.href);
    if (url.searchParams.get(URL_PARAM) === this.statusFilter) return;
    if (this.statusFilter) url.searchParams.set(URL_PARAM, this.statusFilter);
    else url.searchParams.delete(URL_PARAM);
    if (origin === 'user') window.history.pushState(window.history.state, '', url);
    else window.history.replaceState(window.history.state, '', url);
  }

  private observeEnd(): void {
    const sentinel = this.infiniteScroll ? this.renderRoot.querySelector('.sentinel') : null;
    if (!sentinel) {
      this.observer?.disconnect();
      this.observer = undefined;
      return;
    }
    this.observer ??= new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !this.loadMoreError) void this.loadMore();
    }, { rootMargin: '400px' });
    this.observer.disconnect();
    this.observer.observe(sentinel);
  }
}

/** Per-status totals: five one-item requests; null when the server cannot give them truthfully. */
async function fetchServerTotals(client: AssetsClient, signal: AbortSignal): Promise<StatusCounts | null> {
  try {
    const [all, ...each] = await Promise.all(
      [null, ...PROVIDER_STATUSES].map((status) => client.list({ limit: 1, provider_status: status }, { signal })),
    );
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

function isAsset(item: unknown): item is Asset {
  if (item === null || typeof item !== 'object') return false;
  const candidate = item as Partial<Asset>;
  return Number.isSafeInteger(candidate.id) && isProviderStatus(candidate.provider_status) && Array.isArray(candidate.tags);
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

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : getCopy().errors.network;
}
