import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import {
  createAssetsClient,
  DEFAULT_ENDPOINT,
  describeError,
  isAbortError,
  isParsedAsset,
  parseAsset,
  type ApiStyle,
  type Asset,
  type AssetPage,
  type AssetsClient,
  type FetchLike,
  type HeadersOption,
} from '../../api/index.js';
import {
  formatCopy,
  formatPlural,
  isProviderStatus,
  PROVIDER_STATUSES,
  providerName,
  statusLabel,
  type CopyOverrides,
  type ProviderStatus,
  type StatusCounts,
  type UploadOutcome,
} from '../../status/index.js';
import { MediaCard } from '../media-card/media-card.js';
import { StatusOverview, type StatusFilterChangeDetail } from '../status-overview/status-overview.js';
import { defineElement, emit } from '../shared/define.js';
import { numberFormat } from '../shared/locale.js';
import { visuallyHidden } from '../shared/status-styles.js';
import { themeConverter, type Theme } from '../shared/theme.js';
import { copyChanged, WordsController } from '../shared/words.js';
import type { UploadRequestDetail } from '../shared/upload.js';
import { styles } from './asset-gallery.styles.js';
import { UploadController, type Uploader, type UploadRow } from './upload-controller.js';

export interface AssetsLoadedDetail {
  /** How many assets are loaded now. */
  count: number;
  /** The server's total, when it sent one. */
  total?: number;
}
export interface AssetsErrorDetail {
  message: string;
}

/** Counts for the overview: `null` is a count that is not known (never shown as 0). */
type OverviewCounts = Record<ProviderStatus, number | null>;

const URL_PARAM = 'provider_status';
const DEFAULT_PROVIDER = 'pixverse';
const DEFAULT_PAGE_SIZE = 50;
const SKELETON_CARDS = 8;
/** Cards that load their images eagerly until the first row has been measured. */
const EAGER_CARDS = 6;
/** Cards rendered before the first measurement tells how many fit. */
const FIRST_RENDER = 24;
/** Rows rendered above and below the viewport. */
const BUFFER_ROWS = 1;
/** What a reader scrolls with; a scroll event alone may be the browser's own (scroll anchoring). */
const READER_SCROLL_EVENTS = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;

/** Where a filter change came from: it decides how the page URL follows (sync-url). */
type FilterOrigin = 'user' | 'history' | 'host';

/**
 * A gallery of media assets that says, on every card, where each asset lives: Provider OK, Local only,
 * Flagged or Unknown. It fetches pages from a PixSim7-style assets endpoint (or shows the `assets` it is
 * given), counts and filters by status, and pages with "Load more" or infinite scroll.
 *
 * @summary Browse assets and see their provider status at a glance.
 *
 * What the overview's numbers count, as its caption says: the server's totals for the whole library (`api="search"`,
 * when they add up); otherwise the loaded assets. While the first page loads or after it failed there are no
 * numbers, and while the server filters only the filtered status has one: a count that is not known is never 0.
 * The bulk re-upload counts the loaded assets, and says so.
 *
 * Colours follow `theme` (`light`, `dark`, or absent: the OS's `prefers-color-scheme`), and so do the overview,
 * cards and badges inside; THEMING.md lists every token with its light and dark default (the defaults below are
 * the light ones).
 *
 * @attr {'light' | 'dark'} theme - The colour theme, for the gallery and everything in it; absent (or any other value): the OS's.
 *
 * @fires {CustomEvent<StatusFilterChangeDetail>} status-filter-change - `{ status }`, cancelable: a person is picking a status filter (`null` for all), with the overview's buttons or "Show all"; `preventDefault()` keeps the current filter. Fired before the filter changes, and only for a person's choice: a host's own `statusFilter` change fires nothing.
 * @fires {CustomEvent<StatusFilterChangeDetail>} status-filter-restore - `{ status }`: with `sync-url`, the filter was read from the page's URL (on load, or on back/forward). Not cancelable: the URL already says it.
 * @fires {CustomEvent<AssetsLoadedDetail>} assets-loaded - `{ count, total? }`: a page arrived.
 * @fires {CustomEvent<AssetsErrorDetail>} assets-error - `{ message }`: a page could not be loaded; the message is for people.
 * @fires {CustomEvent<AssetOpenDetail>} asset-open - `{ asset }`: a card was opened (from `<media-card>`).
 * @fires {CustomEvent<UploadRequestDetail>} upload-request - `{ kind, assetId?, providerId, file?, url? }`, cancelable: about to upload; cancel to veto it or do it yourself.
 * @fires {CustomEvent<UploadStartDetail>} upload-start - `{ kind, assetId?, providerId, file?, url? }`: the upload request left.
 * @fires {CustomEvent<UploadCompleteDetail>} upload-complete - `{ assetId?, providerSucceeded, status, message, reason? }`: the server answered. A local-only save is `providerSucceeded: false`.
 * @fires {CustomEvent<UploadErrorDetail>} upload-error - `{ assetId?, message }`: the upload request failed (HTTP or network).
 *
 * @csspart base - Everything.
 * @csspart overview - The `<status-overview>` on top.
 * @csspart list - The grid of cards (and of the placeholders shown while the first page loads).
 * @csspart card - Each `<media-card>`.
 * @csspart skeleton - A placeholder card's picture while the first page loads.
 * @csspart skeleton-line - A placeholder card's line of text.
 * @csspart notice - A note: offline, items that could not be shown, flagged assets left out of the bulk re-upload.
 * @csspart tray - Below the grid, held at the bottom of the viewport: the offline and skipped-items notes, the uploads on their way and the last outcome. It never pushes a card.
 * @csspart button - Every button of the gallery's own (not the cards' or the overview's); each also has a part of its own below.
 * @csspart empty - The empty state.
 * @csspart empty-title - Its words ("No assets yet", "No Flagged assets").
 * @csspart clear-filter - Its "Show all" button.
 * @csspart error - The error state.
 * @csspart error-title - Its heading.
 * @csspart error-message - What went wrong.
 * @csspart retry - The Retry buttons (first page, next page, a failed upload).
 * @csspart footer - Below the grid: "Load more", or why the next page failed.
 * @csspart load-more - The "Load more" button.
 * @csspart load-more-error - Why the next page could not be loaded.
 * @csspart upload-toolbar - "Upload files", "Add from URL" and the bulk re-upload (with `uploads`).
 * @csspart add-files - The "Upload files" button.
 * @csspart url-form - The "Add from URL" form.
 * @csspart url-label - Its label.
 * @csspart url-input - Its URL field.
 * @csspart add-url - Its submit button.
 * @csspart uploads - The list of files and URLs being uploaded, or that failed.
 * @csspart upload-row - Each item of that list.
 * @csspart upload-label - A row's file name or URL.
 * @csspart upload-error - A failed row's error.
 * @csspart upload-message - A running row's "Uploading to Pixverse…".
 * @csspart progress - Every `<progress>`: a running row's, and the bulk re-upload's.
 * @csspart dismiss - A failed row's Dismiss button.
 * @csspart upload-status - The last upload outcome, in words (a polite live region).
 * @csspart bulk - The bulk re-upload of local-only assets.
 * @csspart bulk-reupload - Its "Re-upload the N loaded local-only assets" button.
 * @csspart bulk-progress - Its "3 of 10 done" words while it runs.
 * @csspart bulk-cancel - Its Cancel button.
 * @csspart drop-hint - Shown while files are dragged over the gallery.
 *
 * @cssprop [--age-size-card-min-width=14rem] - The narrowest a card gets; the number of columns is the browser's layout of it over the width.
 * @cssprop [--age-space-gap=1rem] - The space between cards, and between the gallery's parts.
 * @cssprop [--age-radius=8px] - The corner radius of cards, placeholders, the empty and error states and the drop hint.
 * @cssprop [--age-radius-control=6px] - The corner radius of buttons, the URL field and upload rows.
 * @cssprop [--age-media-aspect-ratio=16 / 9] - The thumbnails' (and the placeholders') aspect ratio.
 * @cssprop [--age-color-fg=#1d2330] - Text (dark: #e6e9ef).
 * @cssprop [--age-color-bg=#ffffff] - The gallery's background (dark: #171a21).
 * @cssprop [--age-color-surface=#e9ecf1] - The loading placeholders (dark: #272c36).
 * @cssprop [--age-color-border=#c9ced8] - Borders of the empty state and the upload rows (dark: #3a4150).
 * @cssprop [--age-color-border-strong=#6b7180] - The URL field's border (dark: #8a91a1).
 * @cssprop [--age-color-muted=#4a5060] - Notes (dark: #a9b0be).
 * @cssprop [--age-color-accent=#1a5fd0] - Buttons' background and border, the drop hint's border (dark: #8ab4f8).
 * @cssprop [--age-color-on-accent=#ffffff] - Buttons' text (dark: #10161f).
 * @cssprop [--age-color-focus=#1a5fd0] - The focus outline (dark: #8ab4f8; forced colors: Highlight).
 * @cssprop [--age-status-flagged-fg=#a1111d] - An upload row's error (dark: #ffaab0).
 * @cssprop [--age-status-flagged-border=#c9303c] - The error state's border (dark: #e35d68).
 *
 * Every token of `<status-overview>`, `<media-card>` and `<provider-badge>` set on the gallery reaches the
 * elements inside it.
 */
export class AssetGallery extends LitElement {
  static override styles = [visuallyHidden, styles];

  /** `light` or `dark`; absent (or any other value): follow the OS's `prefers-color-scheme`. The overview, cards and badges inside follow it. */
  @property({ reflect: true, converter: themeConverter }) theme: Theme | undefined = undefined;

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
  @property({ attribute: false, hasChanged: (value: HeadersOption | undefined, old: HeadersOption | undefined) => !sameHeaders(value, old) })
  headers: HeadersOption | undefined = undefined;

  /** Assets to show instead of fetching: `Asset`s from the api module, or raw server items. */
  @property({ attribute: false }) assets: Iterable<unknown> | null = null;

  /** Show upload controls: on each card, "Upload files", "Add from URL", drag and drop, bulk re-upload. */
  @property({ type: Boolean, reflect: true }) uploads = false;

  /** The provider uploads go to; by default the asset's own provider, else `pixverse`. */
  @property({ attribute: 'upload-provider' }) uploadProvider: string | null = null;

  /** Does the uploads instead of the assets client; its replies are read the same way. */
  @property({ attribute: false }) uploader: Uploader | undefined = undefined;

  /**
   * Words of its own, laid over the global copy and the words of its language (`lang` on it or inherited):
   * any part of the copy, e.g. `{ status: { local_only: { label: 'Kept here' } } }`. Its overview, cards and
   * badges use them too.
   */
  @property({ attribute: false, hasChanged: copyChanged }) copy: CopyOverrides | null = null;

  readonly #words = new WordsController(this);

  /** Numbers for the words, in the gallery's language ("1.240"). */
  #numbers(values: Record<string, number>): Record<string, string> {
    const format = numberFormat(this.#words.locale);
    return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, format.format(value)]));
  }

  /** Assets as the server has them since an upload (newer than the page they came in). */
  @state() private patches = new Map<number, Asset>();
  /** Assets uploaded here, shown on top until the server's pages include them. */
  @state() private added: Asset[] = [];
  @state() private dragging = false;
  @state() private offline = typeof navigator !== 'undefined' && navigator.onLine === false;

  /** Rows rendered (first inclusive, last exclusive); the rest of the grid is padding. */
  @state() private rows = { first: 0, last: 0 };
  /** Columns and row height as the browser laid them out (from the host's CSS, never hard-coded). */
  #columns = 1;
  #rowHeight = 0;
  #rowGap = 0;
  /** The row height the padding was last worked out with. */
  #paddedHeight = 0;
  /** Cards were rendered or resized since their heights were last read. */
  #cardsChanged = true;
  /** Which cards were rendered when their heights were last read (their indices in the list). */
  #measuredCards = '';
  /** The first row whose top is in the viewport (the tab stop's row when the active card is scrolled away). */
  #rowInView = 0;
  /** The card that has the grid's one tab stop: its index in the visible assets, and its asset. */
  #activeIndex = 0;
  #activeId: number | undefined;
  /** Derived lists, remade only when what they come from changes (100 000 assets are not re-filtered per frame). */
  #views = {
    base: null as Asset[] | null,
    patches: null as Map<number, Asset> | null,
    added: null as Asset[] | null,
    all: [] as Asset[],
    counts: null as StatusCounts | null,
    visibleOf: null as Asset[] | null,
    filter: undefined as ProviderStatus | null | undefined,
    visible: [] as Asset[],
    /** The assets split by status, made on the first filter switch: later switches need no pass over them. */
    byStatus: null as Map<ProviderStatus, Asset[]> | null,
    filteredOf: null as Asset[] | null,
    byIdOf: null as Asset[] | null,
    byId: new Map<number, Asset>(),
    filteredBy: null as ProviderStatus | null,
    serverFiltered: false,
  };
  /** Focus was in the grid: keep it there when the focused card leaves the DOM. */
  #gridHasFocus = false;
  #layoutFrame = 0;
  #resizeObserver: ResizeObserver | undefined;
  #observedGrid: HTMLElement | undefined;

  readonly #uploadsController = new UploadController(this, {
    client: () => this.#client,
    uploader: () => this.uploader,
    uploaded: (outcome, assetId, newAssetId, madeNew) => this.#afterUpload(outcome, assetId, newAssetId, madeNew),
    refused: (assetId) => {
      void this.#refreshAsset(assetId);
      this.#scheduleTotalsRefresh();
    },
    copy: () => this.#words.copy,
    numbers: (values) => this.#numbers(values),
  });
  #totalsTimer: ReturnType<typeof setTimeout> | undefined;
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;

  @state() private loaded: Asset[] = [];
  @state() private skipped = 0;
  @state() private total: number | null = null;
  @state() private nextCursor: string | null = null;
  /** Items the server has sent so far, shown or skipped: the next offset. */
  #received = 0;
  /** The server sent no cursor (or ignored it): page by offset. */
  @state() private pageByOffset = false;
  @state() private lastPageFull = false;
  @state() private loadingMore = false;
  /** Why the next page failed; worded when shown, in the gallery's words of the moment. */
  @state() private loadMoreError: unknown = null;
  /** How many assets the live region last said were loaded; worded when rendered, in the words of the moment. */
  @state() private announcedCount: number | null = null;

  #client: AssetsClient = createAssetsClient();
  /** Bumped whenever what is shown starts over; a page from an older generation is dropped. */
  #generation = 0;
  #loadMoreController: AbortController | undefined;
  #filterOrigin: FilterOrigin = 'host';
  #observer: IntersectionObserver | undefined;
  /** The reader scrolled (wheel, touch, keys) since infinite scroll last asked for a page. */
  #readerScrolled = false;
  /** Infinite scroll's sentinel is near the viewport. */
  #endInView = false;
  readonly #onReaderScroll = (): void => {
    this.#readerScrolled = true;
  };

  readonly #firstPage = new Task(this, {
    task: async ([client, filter, limit], { signal }) => client.list({ limit, provider_status: filter }, { signal }),
    args: () => [this.#client, this.statusFilter, this.#limit, this.reloads] as const,
    autoRun: false,
    // A page that was on its way when the host handed over its own assets is not shown, nor reported.
    onComplete: (page: AssetPage) => {
      if (!this.#hostAssets) this.#showFirstPage(page);
    },
    onError: (error: unknown) => {
      if (!isAbortError(error) && !this.#hostAssets) emit<AssetsErrorDetail>(this, 'assets-error', { message: describeError(error, this.#words.copy) });
    },
  });

  /**
   * Per-status totals from the server (search API), trusted only when they add up to its grand total; with the
   * client they came from, so that another backend's (or user's) totals are never shown while new ones load.
   */
  readonly #serverTotals = new Task(this, {
    task: async ([client], { signal }) => ({ client, counts: client.api === 'search' ? await fetchServerTotals(client, signal) : null }),
    args: () => [this.#client, this.reloads] as const,
    autoRun: false,
  });

  @state() private reloads = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // The gallery needs its overview and cards; defined here rather than by imports with side effects.
    defineElement('status-overview', StatusOverview);
    defineElement('media-card', MediaCard);
    if (this.syncUrl) this.#readFilterFromUrl('history', true);
    window.addEventListener('popstate', this.#onPopState);
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    // Any scroll may move the grid in the viewport (a scrolling ancestor, or the page).
    window.addEventListener('scroll', this.#scheduleLayout, { capture: true, passive: true });
    window.addEventListener('resize', this.#scheduleLayout, { passive: true });
    for (const type of READER_SCROLL_EVENTS) window.addEventListener(type, this.#onReaderScroll, { capture: true, passive: true });
    if (this.hasUpdated) {
      // Moved in the page (frameworks do that): the data stayed; run again what the move cut short, and let
      // updated() observe the grid again.
      if (!this.#hostAssets && this.#firstPage.status !== TaskStatus.COMPLETE) void this.#firstPage.run();
      if (!this.#hostAssets && this.#serverTotals.status !== TaskStatus.COMPLETE) void this.#serverTotals.run();
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    window.removeEventListener('scroll', this.#scheduleLayout, { capture: true });
    window.removeEventListener('resize', this.#scheduleLayout);
    for (const type of READER_SCROLL_EVENTS) window.removeEventListener(type, this.#onReaderScroll, { capture: true });
    cancelAnimationFrame(this.#layoutFrame);
    this.#layoutFrame = 0;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#observedGrid = undefined;
    this.#observer?.disconnect();
    this.#observer = undefined;
    // Off the page, nothing runs; what is loaded stays, for a gallery that is only being moved.
    this.#stopLoadingMore();
    this.#firstPage.abort();
    this.#serverTotals.abort();
    clearTimeout(this.#totalsTimer);
    clearTimeout(this.#reloadTimer);
  }

  /** Uploads files as a person would by choosing or dropping them. */
  uploadFiles(files: Iterable<File>): void {
    this.#uploadsController.addFiles(files, this.uploadProvider || DEFAULT_PROVIDER);
  }

  /** Has the server fetch and upload a URL ("Add from URL"). */
  uploadFromUrl(url: string): void {
    this.#uploadsController.addUrl(url, this.uploadProvider || DEFAULT_PROVIDER);
  }

  /** Uploads every loaded local-only asset again, three at a time; flagged assets are left out. */
  reuploadLocalOnly(): Promise<void> {
    const targets = this.#allAssets().filter((asset) => asset.provider_status === 'local_only');
    return this.#uploadsController.reuploadAll(
      targets,
      (asset) => this.#targetProvider(asset),
      // As the list has it when its turn comes (uploads since, a new list from the host), if it is still there.
      (asset) => {
        const now = this.#assetById(asset.id);
        return now && sameAsset(now, asset) ? now : undefined;
      },
    );
  }

  /** Stops the bulk re-upload: the uploads in flight are aborted, the rest not started. */
  cancelReupload(): void {
    this.#uploadsController.cancelBulk();
  }

  /** Fetches everything again (after an error, or when the host knows the data changed). */
  reload(): void {
    this.reloads += 1;
  }

  /** Loads the next page, if there is one. */
  async loadMore(): Promise<void> {
    if (this.#hostAssets || this.loadingMore || !this.#hasMore || this.#firstPage.status !== TaskStatus.COMPLETE) return;
    const generation = this.#generation;
    const controller = new AbortController();
    const shownBefore = this.#visibleCache.length;
    // "Load more", or the Retry that replaced it: when either goes, focus must go somewhere a person can see.
    const fromFooter = !!(this.renderRoot as ShadowRoot).activeElement?.closest('[part~="footer"]');
    this.#loadMoreController = controller;
    this.loadingMore = true;
    this.loadMoreError = null;
    try {
      let page = await this.#fetchNextPage(controller.signal);
      // Servers that ignore the cursor (PixSim7 before its fix) send page 1 again: fall back to offsets.
      if (!this.pageByOffset && page.assets.length > 0 && !this.#addsNewAssets(page)) {
        this.pageByOffset = true;
        page = await this.#fetchNextPage(controller.signal);
      }
      if (generation !== this.#generation) return;
      this.#appendPage(page);
      if (fromFooter) void this.#keepFocusAfterLoadMore(shownBefore);
    } catch (error) {
      if (generation !== this.#generation || isAbortError(error)) return;
      this.loadMoreError = error || new Error(); // whatever was thrown, it is shown as a failure
      emit<AssetsErrorDetail>(this, 'assets-error', { message: describeError(error, this.#words.copy) });
      if (fromFooter) void this.#keepFocusAfterLoadMore(shownBefore);
    } finally {
      if (generation === this.#generation) this.loadingMore = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const newSource = ['endpoint', 'api', 'fetch', 'headers', 'assets', 'reloads'].some((key) => changed.has(key as keyof AssetGallery));
    if (changed.has('endpoint') || changed.has('api') || changed.has('fetch') || changed.has('headers')) {
      this.#client = createAssetsClient({ endpoint: this.endpoint, api: this.api, fetch: this.fetch, headers: this.headers });
    }
    // Asset ids are per backend: an upload that answers after a switch must not land on the new list's cards. The
    // same backend through another fetch or headers keeps its ids; a new list from the host keeps the uploads of the
    // assets it still holds. A reload() is the same source (the gallery reloads after uploads itself).
    if (changed.has('endpoint') || changed.has('api')) this.#uploadsController.sourceChanged();
    else if (changed.has('assets')) this.#uploadsController.sourceChanged(this.#stillShown(this.#views.base, this.#hostAssets));
    else if (changed.has('fetch') || changed.has('headers')) this.#uploadsController.sourceChanged(() => true);
    if (newSource) {
      // New data from the source: what uploads taught us about the old data is in it, or no longer applies.
      this.patches = new Map();
      this.added = [];
    }
    if (changed.has('statusFilter') && this.statusFilter !== null && !isProviderStatus(this.statusFilter)) this.statusFilter = null;
    const restart = ['endpoint', 'api', 'fetch', 'headers', 'statusFilter', 'pageSize', 'assets', 'reloads'].some((key) =>
      changed.has(key as keyof AssetGallery),
    );
    if (restart) {
      this.#startOver();
      if (this.#hostAssets) {
        this.#firstPage.abort();
        this.#serverTotals.abort();
      } else {
        void this.#firstPage.run();
        if (['endpoint', 'api', 'fetch', 'headers', 'reloads'].some((key) => changed.has(key as keyof AssetGallery)) || this.#serverTotals.status === TaskStatus.INITIAL) {
          void this.#serverTotals.run();
        }
      }
    }
    if (changed.has('statusFilter')) this.#mirrorFilterInUrl(changed.get('statusFilter') !== undefined);
  }

  protected override updated(): void {
    // Taking the gallery off the page resets its state, and that update still runs: it must not observe anything
    // again, or the observer would keep the removed element alive.
    if (!this.isConnected) return;
    this.#observeEnd();
    const grid = this.#gridElement;
    if (grid) {
      this.#resizeObserver ??= new ResizeObserver(this.#onGridResize);
      if (this.#observedGrid !== grid) {
        // Observed once per grid element: observing again on every update would report a size every time.
        this.#resizeObserver.disconnect();
        this.#resizeObserver.observe(grid);
        this.#observedGrid = grid;
      }
      this.#applyPadding(grid);
      // Cards may have come, gone or changed: their heights are read again in the next frame.
      this.#cardsChanged = true;
      this.#scheduleLayout();
    }
    this.#keepFocus();
  }

  protected override render(): TemplateResult {
    const copy = this.#words.copy;
    const all = this.#allAssets();
    const { counts, source } = this.#overviewCounts(all);
    return html`<div
      part="base"
      class="base"
      @dragover=${this.#onDragOver}
      @dragleave=${this.#onDragLeave}
      @drop=${this.#onDrop}
    >
      <status-overview
        part="overview"
        .counts=${counts}
        counts-source=${source}
        .statusFilter=${this.statusFilter}
        .copy=${this.copy}
        @status-filter-change=${this.#onOverviewFilter}
      ></status-overview>
      <p class="visually-hidden" role="status">${this.announcedCount === null ? '' : formatPlural(copy.gallery.loaded, this.announcedCount, this.#words.locale)}</p>
      ${this.uploads ? this.#renderUploadToolbar(this.#loadedCounts(all)) : nothing}
      ${this.#renderBody(all)}
      <div part="tray" class="tray">
        <p part="notice" class="notice offline" role="status">${this.offline ? copy.gallery.offline : ''}</p>
        ${this.skipped > 0 ? html`<p part="notice" class="notice">${formatPlural(copy.gallery.skipped, this.skipped, this.#words.locale)}</p>` : null}
        ${this.uploads ? this.#renderUploadRows() : nothing}
      </div>
      ${this.dragging ? html`<div part="drop-hint" class="drop-hint">${copy.upload.dropHint}</div>` : nothing}
    </div>`;
  }

  /** The bulk button and its note count the loaded assets, and say so: the overview may show the server's totals. */
  #renderUploadToolbar(loaded: StatusCounts): TemplateResult {
    const copy = this.#words.copy.upload;
    return html`<div part="upload-toolbar" class="upload-toolbar">
        <button part="button add-files" type="button" @click=${this.#chooseFiles}>${copy.addFiles}</button>
        <input class="file-input" type="file" multiple accept="image/*,video/*" tabindex="-1" aria-hidden="true" @change=${this.#onFilesChosen} />
        <form part="url-form" class="url-form" @submit=${this.#onUrlSubmit}>
          <label>
            <span part="url-label">${copy.urlLabel}</span>
            <input part="url-input" name="url" type="url" required autocomplete="off" />
          </label>
          <button part="button add-url" type="submit">${copy.addUrl}</button>
        </form>
        ${this.#renderBulk(loaded.local_only, loaded.flagged)}
      </div>`;
  }

  /** The files and URLs on their way, and the last outcome: in the tray below the grid, so no card moves for them. */
  #renderUploadRows(): TemplateResult {
    const copy = this.#words.copy.upload;
    const uploads = this.#uploadsController;
    return html`${uploads.rows.length > 0
        ? html`<ul part="uploads" class="uploads" aria-label=${copy.addFiles}>
            ${repeat(uploads.rows, (row) => row.key, (row) => this.#renderRow(row))}
          </ul>`
        : nothing}
      <p part="upload-status" class="upload-status" role="status">${uploads.message}</p>`;
  }

  #renderRow(row: UploadRow): TemplateResult {
    const copy = this.#words.copy.upload;
    const state = row.state;
    const provider = providerName(row.request.providerId, this.#words.copy);
    return html`<li part="upload-row" class="upload-row">
      <span part="upload-label" class="upload-label">${row.label}</span>
      ${state?.phase === 'failed'
        ? html`<span part="upload-error" class="upload-error">${state.message}</span>
            ${row.request.file && !/^(image|video)\//.test(row.request.file.type)
              ? nothing
              : html`<button part="button retry" type="button" @click=${() => this.#uploadsController.retryRow(row.key)}>${copy.retry}</button>`}
            <button part="button dismiss" type="button" @click=${() => this.#uploadsController.dismissRow(row.key)}>${copy.dismiss}</button>`
        : html`<progress part="progress" aria-label=${formatCopy(copy.uploading, { provider })}></progress>
            <span part="upload-message">${formatCopy(copy.uploading, { provider })}</span>`}
    </li>`;
  }

  /** Always in place (see the styles), so that the cards below stay put whether it offers, runs or has nothing. */
  #renderBulk(localOnly: number, flagged: number): TemplateResult {
    const copy = this.#words.copy.upload;
    const bulk = this.#uploadsController.bulk;
    const running = !!bulk?.running;
    const control = bulk?.running
      ? html`<progress part="progress" max=${bulk.total} value=${bulk.done} aria-label=${formatPlural(copy.bulk, bulk.total, this.#words.locale)}></progress>
          <span part="bulk-progress">${formatCopy(copy.bulkProgress, this.#numbers({ done: bulk.done, total: bulk.total, failed: bulk.failed }))}</span>
          <button part="button bulk-cancel" type="button" @click=${this.cancelReupload}>${copy.bulkCancel}</button>`
      : localOnly > 0
        ? html`<button part="button bulk-reupload" type="button" @click=${this.reuploadLocalOnly}>${formatPlural(copy.bulk, localOnly, this.#words.locale)}</button>`
        : nothing;
    const note =
      flagged > 0 && (running || localOnly > 0)
        ? html`<span part="notice" class="notice">${formatPlural(copy.bulkFlaggedSkipped, flagged, this.#words.locale)}</span>`
        : nothing;
    return html`<div part="bulk" class="bulk">${control}${note}</div>`;
  }


  #renderBody(all: Asset[]): TemplateResult {
    const copy = this.#words.copy.gallery;
    if (!this.#hostAssets) {
      if (this.#firstPage.status === TaskStatus.ERROR) {
        return html`<div part="error" class="state error" role="alert">
          <p part="error-title" class="error-title">${copy.errorTitle}</p>
          <p part="error-message">${describeError(this.#firstPage.error, this.#words.copy)}</p>
          <button part="button retry" type="button" @click=${this.reload}>${copy.retry}</button>
        </div>`;
      }
      if (this.#firstPage.status !== TaskStatus.COMPLETE) return this.#renderSkeletons();
    }
    const visible = this.#visibleAssets(all);
    if (visible.length === 0) return this.#renderEmpty();
    return html`${this.#renderGrid(visible)}
      ${this.#renderFooter()}`;
  }

  /**
   * Only the rows in and next to the viewport are in the DOM, whatever the number of assets; the rows above and
   * below are padding of the exact height. One tab stop: the active card; arrows move by index in the data.
   */
  #renderGrid(visible: Asset[]): TemplateResult {
    const copy = this.#words.copy.gallery;
    const columns = this.#columns;
    const { first, last } = this.#renderedRows(visible.length);
    const states = this.#uploadsController.assetStates;
    const active = Math.min(this.#activeIndex, visible.length - 1);
    // The tab stop must be a card in the DOM: when the active one is scrolled away (and focus is elsewhere), the
    // first card in view takes it, and becomes the active one when focus comes in.
    const firstInView = Math.max(first, Math.min(last - 1, this.#rowInView)) * columns;
    const tabStop = this.#gridHasFocus || (active >= first * columns && active < last * columns) ? active : Math.min(firstInView, visible.length - 1);
    const count = numberFormat(this.#words.locale).format(visible.length);
    const rows: number[] = [];
    for (let row = first; row < last; row++) rows.push(row);
    // The first row's images load at once; the rest when they come near the viewport.
    const eagerCards = this.#rowHeight > 0 ? columns : EAGER_CARDS;
    return html`<div
      part="list"
      class="grid"
      role="grid"
      tabindex="-1"
      aria-label=${copy.listLabel}
      aria-rowcount=${Math.ceil(visible.length / columns)}
      aria-colcount=${columns}
      @keydown=${this.#onGridKeydown}
      @focusin=${this.#onGridFocusIn}
      @focusout=${this.#onGridFocusOut}
      @upload-request=${this.#onCardUploadRequest}
    >
      ${repeat(
        rows,
        (row) => row,
        (row) => html`<div class="row" role="row" aria-rowindex=${row + 1}>
          ${visible.slice(row * columns, Math.min(visible.length, (row + 1) * columns)).map(
            // Cards keep their place in the row: a filter switch updates them instead of making new ones.
            (asset, column) => {
              const index = row * columns + column;
              return html`<media-card
                part="card"
                role="gridcell"
                aria-colindex=${column + 1}
                tabindex=${index === tabStop ? '0' : '-1'}
                data-index=${index}
                .asset=${asset}
                .upload=${states.get(asset.id) ?? null}
                .position=${formatCopy(copy.position, { position: numberFormat(this.#words.locale).format(index + 1), count })}
                .tabbable=${index === tabStop}
                .copy=${this.copy}
                ?uploads=${this.uploads}
                upload-provider=${this.uploadProvider ?? nothing}
                loading=${index < eagerCards ? 'eager' : 'lazy'}
              ></media-card>`;
            },
          )}
        </div>`,
      )}
    </div>`;
  }

  /** The rows to render: the first few until a layout has been measured, then the viewport's and a buffer. */
  #renderedRows(count: number): { first: number; last: number } {
    const total = Math.ceil(count / this.#columns);
    if (this.rows.last === 0) return { first: 0, last: Math.min(total, Math.ceil(FIRST_RENDER / this.#columns)) };
    const first = Math.min(this.rows.first, Math.max(0, total - 1));
    return { first, last: Math.min(total, Math.max(first + 1, this.rows.last)) };
  }

  get #gridElement(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[role="grid"]');
  }

  readonly #onGridResize = (): void => {
    this.#cardsChanged = true;
    this.#scheduleLayout();
  };

  readonly #scheduleLayout = (): void => {
    if (this.#layoutFrame) return;
    this.#layoutFrame = requestAnimationFrame(() => {
      this.#layoutFrame = 0;
      this.#measure();
    });
  };

  /** Reads the layout the browser made (columns, row height) and works out which rows the viewport needs. */
  #measure(): void {
    const grid = this.#gridElement;
    if (!grid) return;
    const style = getComputedStyle(grid);
    const columns = Math.max(1, style.gridTemplateColumns.split(' ').filter(Boolean).length);
    this.#rowGap = Number.parseFloat(style.rowGap) || 0;
    const tallest = this.#cardsChanged ? this.#rowHeightFor(grid) : this.#rowHeight;
    this.#cardsChanged = false;
    let top = grid.getBoundingClientRect().top;
    if (tallest > 0 && tallest !== this.#rowHeight) {
      const before = this.#rowHeight + this.#rowGap;
      this.#rowHeight = tallest;
      this.style.setProperty('--_row-height', `${tallest}px`);
      // The row the reader looks at stays where it is: the rows above it changed height too.
      if (before > this.#rowGap && top < 0 && columns === this.#columns) {
        const rowsAbove = Math.floor(-top / before);
        const shift = rowsAbove * (tallest + this.#rowGap - before);
        if (shift !== 0) {
          scrollParent(this).scrollTop += shift;
          top -= shift;
        }
      }
    }
    const stride = this.#rowHeight + this.#rowGap;
    const count = Number(grid.getAttribute('aria-rowcount')) * this.#columns;
    const total = Math.ceil(count / columns);
    let first = 0;
    let last = Math.min(total, Math.ceil(FIRST_RENDER / columns));
    if (stride > 0) {
      this.#rowInView = Math.max(0, Math.ceil(-top / stride));
      first = Math.max(0, Math.min(total - 1, Math.floor(-top / stride) - BUFFER_ROWS));
      last = Math.max(first + 1, Math.min(total, Math.ceil((window.innerHeight - top) / stride) + BUFFER_ROWS));
    }
    if (columns !== this.#columns || first !== this.rows.first || last !== this.rows.last) {
      this.#columns = columns;
      this.rows = { first, last };
    } else if (tallest !== this.#paddedHeight) {
      this.#applyPadding(grid); // the same rows, of a new height: no render, but new padding
    }
    this.#loadMoreAsReaderScrolls(); // the end may have been near before the reader scrolled
  }

  /**
   * The row height the rendered cards ask for: more, as soon as a taller card is rendered; less only when the same
   * cards got shorter (a long message went). Cards leaving for the padding never shrink the rows: a card taller than
   * its neighbours at the edge of the rendered rows would otherwise make rows grow and shrink in turn, for ever.
   */
  #rowHeightFor(grid: HTMLElement): number {
    const { tallest, cards } = measureCards(grid);
    const same = cards === this.#measuredCards;
    this.#measuredCards = cards;
    return same || tallest > this.#rowHeight ? tallest : this.#rowHeight;
  }

  /** The rows not rendered are padding of their exact height; set through the CSSOM (CSP-safe). */
  #applyPadding(grid: HTMLElement): void {
    this.#paddedHeight = this.#rowHeight;
    const stride = this.#rowHeight + this.#rowGap;
    const total = Number(grid.getAttribute('aria-rowcount'));
    const { first, last } = this.#renderedRows(total * this.#columns);
    grid.style.paddingTop = `${first * stride}px`;
    grid.style.paddingBottom = `${Math.max(0, total - last) * stride}px`;
  }

  readonly #onGridKeydown = (event: KeyboardEvent): void => {
    // Keys act on cards, not on the buttons inside one (those keep their own keys).
    const target = event.composedPath()[0];
    const onCard = target instanceof HTMLElement && (target.localName === 'media-card' || target.getAttribute('role') === 'grid');
    if (!onCard) return;
    const visible = this.#visibleCache;
    const last = visible.length - 1;
    if (last < 0) return;
    const columns = this.#columns;
    const current = Math.min(this.#activeIndex, last);
    // A page is as many rows as the viewport shows.
    const stride = this.#rowHeight + this.#rowGap;
    const pageRows = stride > 0 ? Math.max(1, Math.floor(window.innerHeight / stride)) : 1;
    const rowStart = current - (current % columns);
    // Right to left, the next card is on the left.
    const forward = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    const moves: Record<string, number> = {
      ArrowRight: current + forward,
      ArrowLeft: current - forward,
      // Up from the first row and down from the last stay put (a grid's arrows do not wrap or jump columns).
      ArrowDown: rowStart + columns > last ? current : Math.min(last, current + columns),
      ArrowUp: current < columns ? current : current - columns,
      Home: event.ctrlKey ? 0 : rowStart,
      End: event.ctrlKey ? last : Math.min(last, rowStart + columns - 1),
      PageDown: current + columns * pageRows,
      PageUp: current - columns * pageRows,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      // Space would scroll the page: it opens the card instead.
      event.preventDefault();
      const asset = visible[current];
      if (asset) emit(this, 'asset-open', { asset });
      return;
    }
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    // Past either end stays on the first or last card.
    const index = Math.max(0, Math.min(last, next));
    this.#focusIndex(index);
  };

  /**
   * "Load more" had focus and is gone (the last page came): focus goes on to the first card the page added, in
   * view, rather than falling to the page or to the top of the grid.
   */
  async #keepFocusAfterLoadMore(firstNew: number): Promise<void> {
    await this.updateComplete;
    if (!this.#focusLost()) return;
    const root = this.renderRoot as ShadowRoot;
    // The footer's button that is there now (Retry after a failure), else the first new card, else the empty state's.
    const next = root.querySelector<HTMLElement>('[part~="footer"] button') ?? null;
    const visible = this.#visibleCache;
    if (next) next.focus();
    else if (visible.length > 0) {
      this.#gridHasFocus = true;
      this.#focusIndex(Math.min(firstNew, visible.length - 1));
    } else root.querySelector<HTMLElement>('[part~="clear-filter"]')?.focus();
  }

  /** Focus fell to nothing (its element left the DOM): not on something of ours, nor anywhere else on the page. */
  #focusLost(): boolean {
    const outside = (this.getRootNode() as Document | ShadowRoot).activeElement;
    if (outside && outside !== this && outside !== document.body) return false;
    const inside = (this.renderRoot as ShadowRoot).activeElement;
    return !inside || inside === this.#gridElement;
  }

  /** Makes the card at `index` active and focused, scrolling it into view (and into the DOM) first. */
  #focusIndex(index: number): void {
    this.#activeIndex = index;
    this.#activeId = this.#visibleCache[index]?.id;
    this.#scrollRowIntoView(Math.floor(index / this.#columns));
    this.#measure();
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`media-card[data-index="${index}"]`)?.focus({ preventScroll: true }));
  }

  #scrollRowIntoView(row: number): void {
    const grid = this.#gridElement;
    const stride = this.#rowHeight + this.#rowGap;
    if (!grid || stride <= 0) return;
    const rowTop = grid.getBoundingClientRect().top + row * stride;
    const rowBottom = rowTop + this.#rowHeight;
    const scroller = scrollParent(this);
    const box = scroller === document.scrollingElement ? { top: 0, bottom: window.innerHeight } : scroller.getBoundingClientRect();
    // The tray holds the bottom of the viewport: a row under it is not in view.
    const tray = this.renderRoot.querySelector<HTMLElement>('.tray')?.offsetHeight ?? 0;
    const view = { top: box.top, bottom: box.bottom - tray };
    if (rowTop < view.top) scroller.scrollTop -= view.top - rowTop;
    else if (rowBottom > view.bottom) scroller.scrollTop += rowBottom - view.bottom;
  }

  readonly #onGridFocusIn = (event: FocusEvent): void => {
    this.#gridHasFocus = true;
    const card = (event.composedPath() as Element[]).find((node) => node instanceof HTMLElement && node.localName === 'media-card') as HTMLElement | undefined;
    const index = Number(card?.dataset.index);
    if (card && Number.isInteger(index) && index !== this.#activeIndex) {
      this.#activeIndex = index;
      this.#activeId = this.#visibleCache[index]?.id;
      this.requestUpdate();
    }
  };

  readonly #onGridFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    if (to) {
      // Into a card's own buttons stays in the grid (they are inside the card); "Load more" or the page does not.
      if (!this.#gridElement?.contains(to)) this.#gridHasFocus = false;
      return;
    }
    // Focus went nowhere: to the page (a click on it), or another window, and then it has left the grid; or the
    // focused card left the DOM, and then it stays in the grid. Which one shows once the removal is done.
    const from = event.composedPath()[0] as Node;
    queueMicrotask(() => {
      if (from.isConnected && !(this.renderRoot as ShadowRoot).activeElement) this.#gridHasFocus = false;
    });
  };

  /**
   * The focused card left the DOM (scrolled out, filtered out, re-created): focus stays in the grid, and goes back
   * to the active card as soon as it is rendered again.
   */
  #keepFocus(): void {
    if (!this.#gridHasFocus) return;
    const focused = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    const grid = this.#gridElement;
    if (!grid) return;
    const activeCard = this.renderRoot.querySelector<HTMLElement>(`media-card[data-index="${this.#activeIndex}"]`);
    // A card that now shows another asset (the list changed under it) hands focus to the active asset's card.
    const stale = focused?.localName === 'media-card' && focused.dataset.index !== String(this.#activeIndex);
    if (focused === null || focused === grid || stale) {
      if (activeCard) activeCard.focus({ preventScroll: true });
      else grid.focus({ preventScroll: true });
    }
  }

  #renderSkeletons(): TemplateResult {
    const count = Math.min(SKELETON_CARDS, this.#limit);
    return html`<p class="visually-hidden">${this.#words.copy.gallery.loading}</p>
      <ul part="list" class="grid" aria-hidden="true">
        ${Array.from({ length: count }, () => html`<li><div part="skeleton" class="skeleton"></div><div part="skeleton-line" class="skeleton-line"></div></li>`)}
      </ul>`;
  }

  #renderEmpty(): TemplateResult {
    const copy = this.#words.copy.gallery;
    const filter = this.statusFilter;
    if (!filter) {
      return html`<div part="empty" class="state"><p part="empty-title" class="empty-title">${copy.empty}</p></div>${this.#renderFooter()}`;
    }
    const status = statusLabel(filter, this.#words.copy);
    // With more pages on the server, say "so far": the next page may still hold some.
    const title =
      this.#hasMore && this.loaded.length > 0
        ? formatCopy(formatPlural(copy.emptyFilteredSoFar, this.loaded.length, this.#words.locale), { status })
        : formatCopy(copy.emptyFiltered, { status });
    return html`<div part="empty" class="state">
        <p part="empty-title" class="empty-title">${title}</p>
        <button part="button clear-filter" type="button" @click=${this.#clearFilter}>${copy.clearFilter}</button>
      </div>
      ${this.#renderFooter()}`;
  }

  #renderFooter(): TemplateResult | null {
    const copy = this.#words.copy.gallery;
    if (this.#hostAssets) return null;
    if (this.loadMoreError) {
      return html`<div part="footer" class="footer" role="alert">
        <span part="load-more-error">${describeError(this.loadMoreError, this.#words.copy)}</span>
        <button part="button retry" type="button" @click=${this.loadMore}>${copy.retry}</button>
      </div>`;
    }
    if (!this.#hasMore) return null;
    return html`<div part="footer" class="footer">
      <button part="button load-more" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.loadMore}>
        ${this.loadingMore ? copy.loadingMore : copy.loadMore}
      </button>
      ${this.infiniteScroll ? html`<div class="sentinel"></div>` : null}
    </div>`;
  }

  /** The host's assets, made safe to show, or null when the gallery fetches its own. */
  get #hostAssets(): Asset[] | null {
    if (this.assets === null || this.assets === undefined) return null;
    if (this.#hostAssetsCache?.source === this.assets) return this.#hostAssetsCache.assets;
    let assets: Asset[] | undefined;
    try {
      if (Array.isArray(this.assets) && this.assets.every(isParsedAsset)) assets = this.assets; // no copy of 100 000 assets
    } catch {
      assets = undefined; // a hostile list: read it item by item below
    }
    if (!assets) {
      assets = [];
      try {
        for (const item of this.assets) {
          const asset = readHostAsset(item);
          if (asset) assets.push(asset);
        }
      } catch {
        // Not iterable (or its iterator threw): show what was read.
      }
    }
    this.#hostAssetsCache = { source: this.assets, assets };
    return assets;
  }
  #hostAssetsCache: { source: Iterable<unknown>; assets: Asset[] } | undefined;

  get #limit(): number {
    const size = Math.trunc(Number(this.pageSize));
    return Number.isFinite(size) && size >= 1 ? Math.min(size, 100) : DEFAULT_PAGE_SIZE;
  }

  get #hasMore(): boolean {
    return this.pageByOffset ? this.lastPageFull : this.nextCursor !== null;
  }

  /** The loaded (or host's) assets, as uploads left them, with the ones uploaded here on top. */
  #allAssets(): Asset[] {
    const base = this.#hostAssets ?? this.loaded;
    const views = this.#views;
    if (views.base !== base || views.patches !== this.patches || views.added !== this.added) {
      const patched = this.patches.size > 0 ? base.map((asset) => this.patches.get(asset.id) ?? asset) : base;
      const known = this.added.length > 0 ? new Set(patched.map((asset) => asset.id)) : null;
      views.all = known ? [...this.added.filter((asset) => !known.has(asset.id)), ...patched] : patched;
      views.base = base;
      views.patches = this.patches;
      views.added = this.added;
      views.counts = null;
      views.byStatus = null;
    }
    return views.all;
  }

  /** The asset shown under `id` now, if any. */
  #assetById(id: number): Asset | undefined {
    const views = this.#views;
    const all = this.#allAssets();
    if (views.byIdOf !== all) {
      views.byId = new Map(all.map((asset) => [asset.id, asset]));
      views.byIdOf = all;
    }
    return views.byId.get(id);
  }

  /** For a new list from the host: is the asset under an id still the one the old list had there? */
  #stillShown(before: readonly Asset[] | null, after: readonly Asset[] | null): (id: number) => boolean {
    let maps: [Map<number, Asset>, Map<number, Asset>] | undefined;
    return (id) => {
      if (!before || !after) return false;
      maps ??= [new Map(before.map((asset) => [asset.id, asset])), new Map(after.map((asset) => [asset.id, asset]))];
      const [old, now] = [maps[0].get(id), maps[1].get(id)];
      return !!old && !!now && sameAsset(old, now);
    };
  }

  /** The server is sent the filter; the client filters too, since older servers ignore it. */
  #visibleAssets(all: Asset[]): Asset[] {
    const views = this.#views;
    if (views.visibleOf !== all || views.filter !== this.statusFilter) {
      const filter = this.statusFilter;
      if (filter && !views.byStatus) {
        views.byStatus = new Map(PROVIDER_STATUSES.map((status) => [status, []]));
        for (const asset of all) views.byStatus.get(asset.provider_status)?.push(asset);
      }
      views.visible = filter ? (views.byStatus?.get(filter) ?? []) : all;
      views.visibleOf = all;
      views.filter = filter;
      // The active card follows its asset when the list changes under it (a refetch, a new filter, an upload).
      const found = this.#activeId === undefined ? -1 : views.visible.findIndex((asset) => asset.id === this.#activeId);
      this.#activeIndex = found >= 0 ? found : Math.max(0, Math.min(this.#activeIndex, views.visible.length - 1));
    }
    return views.visible;
  }

  get #visibleCache(): Asset[] {
    return this.#visibleAssets(this.#allAssets());
  }

  /** The loaded (or host's) assets counted by status, as uploads left them. */
  #loadedCounts(all: Asset[]): StatusCounts {
    // Every asset here went through the parser, which derived its status: read it, don't derive it again
    // (100 000 assets: about 3 ms less before the first paint).
    return (this.#views.counts ??= countParsed(all));
  }

  /**
   * What the overview may truthfully say, and of which set: the server's totals (the library) when it gives them;
   * otherwise the loaded assets. Nothing while the first page loads or has failed; with the server filtering,
   * only the filtered status (the others were never loaded, so they are not known, not zero).
   */
  #overviewCounts(all: Asset[]): { counts: OverviewCounts | null; source: 'loaded' | 'server' } {
    const hostAssets = this.#hostAssets;
    const fetched = this.#serverTotals.value;
    const totals = !hostAssets && fetched?.client === this.#client ? fetched.counts : null;
    if (totals) return { counts: totals, source: 'server' };
    if (!hostAssets && this.#firstPage.status !== TaskStatus.COMPLETE) return { counts: null, source: 'loaded' };
    const counts = this.#loadedCounts(all);
    const filter = this.statusFilter;
    if (hostAssets || filter === null || !this.#serverFiltered(filter)) return { counts, source: 'loaded' };
    return { counts: { ok: null, local_only: null, flagged: null, unknown: null, [filter]: counts[filter] }, source: 'loaded' };
  }

  /** The server applied the filter: every asset of its pages has the filtered status (an older server sends others too). */
  #serverFiltered(filter: ProviderStatus): boolean {
    const views = this.#views;
    if (views.filteredOf !== this.loaded || views.filteredBy !== filter) {
      views.filteredOf = this.loaded;
      views.filteredBy = filter;
      views.serverFiltered = this.loaded.every((asset) => asset.provider_status === filter);
    }
    return views.serverFiltered;
  }

  #targetProvider(asset: Asset): string {
    return this.uploadProvider || asset.provider_id || DEFAULT_PROVIDER;
  }

  /** The card's status, the counts and the filter follow the outcome at once; then the server's word wins. */
  #afterUpload(outcome: UploadOutcome, assetId: number | undefined, newAssetId: number | undefined, madeNew: boolean): void {
    if (assetId !== undefined) {
      const current = this.#allAssets().find((asset) => asset.id === assetId);
      // Through upload-from-url the server made a new asset: the old one stays as it was.
      if (current && !madeNew) this.#patch({ ...current, provider_status: outcome.status, provider_status_reason: outcome.reason ?? null });
      void this.#refreshAsset(assetId);
    }
    if (assetId === undefined || madeNew) {
      if (newAssetId !== undefined) void this.#addUploadedAsset(newAssetId);
      else if (!this.#hostAssets) this.#scheduleReload();
    }
    this.#scheduleTotalsRefresh();
  }

  #patch(asset: Asset): void {
    this.patches = new Map(this.patches).set(asset.id, asset);
    if (this.added.some((added) => added.id === asset.id)) this.added = this.added.map((added) => (added.id === asset.id ? asset : added));
  }

  async #refreshAsset(id: number): Promise<void> {
    try {
      this.#patch(await this.#client.get(id));
    } catch {
      // Keep what the upload's reply said; the next page load corrects it.
    }
  }

  async #addUploadedAsset(id: number): Promise<void> {
    try {
      const asset = await this.#client.get(id);
      // A dedup reply names an asset that is shown already: it is updated where it is, not added again.
      if ((this.#hostAssets ?? this.loaded).some((known) => known.id === id)) this.#patch(asset);
      else this.added = [asset, ...this.added.filter((added) => added.id !== id)];
    } catch {
      if (!this.#hostAssets) this.reload();
    }
  }

  /** An Era A reply names no asset: fetch again to show it, once for the uploads that answer together. */
  #scheduleReload(): void {
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = setTimeout(() => this.reload(), 400);
  }

  /** The server's totals are stale after uploads: ask again once they settle. */
  #scheduleTotalsRefresh(): void {
    if (this.#hostAssets || this.#client.api !== 'search') return;
    clearTimeout(this.#totalsTimer);
    this.#totalsTimer = setTimeout(() => void this.#serverTotals.run(), 400);
  }

  readonly #onCardUploadRequest = (event: CustomEvent<UploadRequestDetail>): void => {
    // The gallery asks the page itself (its own upload-request); a veto sends the card back to idle.
    event.stopPropagation();
    const asset = this.#allAssets().find((candidate) => candidate.id === event.detail.assetId);
    if (!asset || !this.#uploadsController.reupload(asset, event.detail.providerId)) event.preventDefault();
  };

  readonly #chooseFiles = (): void => {
    this.renderRoot.querySelector<HTMLInputElement>('.file-input')?.click();
  };

  readonly #onFilesChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.uploadFiles([...(input.files ?? [])]);
    input.value = '';
  };

  readonly #onUrlSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('url') as HTMLInputElement;
    const url = input.value.trim();
    if (!url) return;
    this.uploadFromUrl(url);
    form.reset();
  };

  readonly #onDragOver = (event: DragEvent): void => {
    if (!this.uploads || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  };

  readonly #onDragLeave = (event: DragEvent): void => {
    const into = event.relatedTarget as Node | null;
    if (!into || !(event.currentTarget as HTMLElement).contains(into)) this.dragging = false;
  };

  readonly #onDrop = (event: DragEvent): void => {
    this.dragging = false;
    if (!this.uploads || !event.dataTransfer?.files.length) return;
    event.preventDefault();
    this.uploadFiles([...event.dataTransfer.files]);
  };

  #showFirstPage(page: AssetPage): void {
    this.#appendPage(page);
  }

  #appendPage(page: AssetPage): void {
    const received = page.assets.length + page.skipped;
    this.loaded = dedupe(this.loaded, page.assets);
    this.skipped += page.skipped;
    this.#received += received;
    if (page.total !== null) this.total = page.total;
    this.nextCursor = page.next_cursor;
    this.lastPageFull = received >= this.#limit;
    // A full page without a cursor: the server pages by offset only.
    if (page.next_cursor === null && this.lastPageFull) this.pageByOffset = true;
    this.#announce();
  }

  #announce(): void {
    const count = this.loaded.length;
    this.announcedCount = count;
    emit<AssetsLoadedDetail>(this, 'assets-loaded', this.total === null ? { count } : { count, total: this.total });
  }

  #fetchNextPage(signal: AbortSignal): Promise<AssetPage> {
    const position = this.pageByOffset || this.nextCursor === null ? { offset: this.#received } : { cursor: this.nextCursor };
    return this.#client.list({ limit: this.#limit, provider_status: this.statusFilter, ...position }, { signal });
  }

  #addsNewAssets(page: AssetPage): boolean {
    const known = new Set(this.loaded.map((asset) => asset.id));
    return page.assets.some((asset) => !known.has(asset.id));
  }

  /** Drops every page in flight and what they were adding to. */
  #startOver(): void {
    this.#stopLoadingMore();
    this.loadMoreError = null;
    this.loaded = [];
    this.skipped = 0;
    this.total = null;
    this.#received = 0;
    this.nextCursor = null;
    this.pageByOffset = false;
    this.lastPageFull = false;
  }

  /** Drops the next page in flight: its answer, should it still come, is for an older generation. */
  #stopLoadingMore(): void {
    this.#generation += 1;
    this.#loadMoreController?.abort();
    this.#loadMoreController = undefined;
    if (this.loadingMore) this.loadingMore = false;
  }

  readonly #onOverviewFilter = (event: CustomEvent<StatusFilterChangeDetail>): void => {
    // The gallery asks the page itself; a veto keeps the overview's pressed button where it was too.
    event.stopPropagation();
    if (!this.#setFilter(isProviderStatus(event.detail.status) ? event.detail.status : null, 'user')) event.preventDefault();
  };

  readonly #clearFilter = (): void => void this.#setFilter(null, 'user');

  /**
   * A person's choice asks the page first (`status-filter-change`, cancelable); a restore from the URL says what
   * it restored (`status-filter-restore`). Returns false when the page vetoed the change.
   */
  #setFilter(status: ProviderStatus | null, origin: FilterOrigin): boolean {
    if (status === this.statusFilter) return true;
    if (origin === 'user' && !emit<StatusFilterChangeDetail>(this, 'status-filter-change', { status }, { cancelable: true })) return false;
    this.#filterOrigin = origin;
    this.statusFilter = status;
    if (origin === 'history') emit<StatusFilterChangeDetail>(this, 'status-filter-restore', { status });
    return true;
  }

  readonly #onOffline = (): void => {
    this.offline = true;
  };

  /** Back online: what failed is tried again by itself (the Retry buttons stay for everything else). */
  readonly #onOnline = (): void => {
    this.offline = false;
    if (this.#hostAssets) return;
    if (this.#firstPage.status === TaskStatus.ERROR) this.reload();
    else if (this.loadMoreError) void this.loadMore();
  };

  readonly #onPopState = (): void => {
    if (this.syncUrl) this.#readFilterFromUrl('history');
  };

  /** On load a missing parameter keeps the host's filter; on back/forward it means "all". */
  #readFilterFromUrl(origin: FilterOrigin, onLoad = false): void {
    const value = new URL(window.location.href).searchParams.get(URL_PARAM);
    if (onLoad && value === null) return;
    this.#setFilter(isProviderStatus(value) ? value : null, origin);
  }

  /** A person's choice gets its own history entry; a host's change replaces the current one. */
  #mirrorFilterInUrl(hadValue: boolean): void {
    const origin = this.#filterOrigin;
    this.#filterOrigin = 'host';
    if (!this.syncUrl || origin === 'history' || !hadValue) return;
    const url = new URL(window.location.href);
    if (url.searchParams.get(URL_PARAM) === this.statusFilter) return;
    if (this.statusFilter) url.searchParams.set(URL_PARAM, this.statusFilter);
    else url.searchParams.delete(URL_PARAM);
    if (origin === 'user') window.history.pushState(window.history.state, '', url);
    else window.history.replaceState(window.history.state, '', url);
  }

  /**
   * Infinite scroll: the next page once the end is near, but only as the reader scrolls: a page added while nobody
   * touches anything must not fetch the next one (nor must a scroll the browser made by itself, such as scroll
   * anchoring). A list too short to scroll fills up to the viewport.
   */
  #loadMoreAsReaderScrolls(): void {
    if (!this.#endInView || this.loadMoreError || this.loadingMore) return;
    const scroller = scrollParent(this);
    if (!this.#readerScrolled && scroller.scrollHeight > scroller.clientHeight) return;
    this.#readerScrolled = false;
    void this.loadMore();
  }

  #observeEnd(): void {
    const sentinel = this.infiniteScroll ? this.renderRoot.querySelector('.sentinel') : null;
    if (!sentinel) {
      this.#observer?.disconnect();
      this.#observer = undefined;
      this.#endInView = false;
      return;
    }
    this.#observer ??= new IntersectionObserver((entries) => {
      this.#endInView = entries.some((entry) => entry.isIntersecting);
      this.#loadMoreAsReaderScrolls();
    }, { rootMargin: '400px' });
    this.#observer.disconnect();
    this.#observer.observe(sentinel);
  }
}

/** The element that scrolls the gallery: the nearest scrolling ancestor (across shadow roots), else the page. */
function scrollParent(element: Element): Element {
  let node: Element | null = element.parentElement ?? ((element.getRootNode() as ShadowRoot).host ?? null);
  while (node) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
  }
  return document.scrollingElement ?? document.documentElement;
}

/**
 * The height of the tallest card in the grid, each read at its own height rather than stretched to its row's, and
 * which cards were read.
 */
function measureCards(grid: HTMLElement): { tallest: number; cards: string } {
  grid.classList.add('measuring');
  let tallest = 0;
  const cards: string[] = [];
  for (const card of grid.querySelectorAll<HTMLElement>('media-card')) {
    tallest = Math.max(tallest, card.offsetHeight);
    cards.push(card.dataset.index ?? '');
  }
  grid.classList.remove('measuring');
  return { tallest, cards: cards.join(',') };
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

/** One host item as an asset, or null; an item whose getters throw is skipped, not the rest of the list. */
function readHostAsset(item: unknown): Asset | null {
  try {
    return isParsedAsset(item) ? item : parseAsset(item);
  } catch {
    return null;
  }
}

/** Counts parsed assets by the status the parser derived. */
function countParsed(assets: readonly Asset[]): StatusCounts {
  const counts: StatusCounts = { ok: 0, local_only: 0, flagged: 0, unknown: 0 };
  for (const asset of assets) counts[asset.provider_status] += 1;
  return counts;
}

/**
 * The same asset, as far as a list can tell: the same id, made at the same time, of the same kind. Another library
 * (another user, another backend) may use the same ids for other assets.
 */
function sameAsset(a: Asset, b: Asset): boolean {
  return a.id === b.id && a.created_at === b.created_at && a.media_type === b.media_type;
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

/**
 * Headers with the same content: an inline `{ Authorization: … }` that a framework re-creates on every render
 * is no change, and reloads nothing. A function is compared as itself, since it may answer differently.
 */
function sameHeaders(a: HeadersOption | undefined, b: HeadersOption | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a === 'function' || typeof b === 'function') return false;
  try {
    const [left, right] = [[...new Headers(a)], [...new Headers(b)]];
    return left.length === right.length && left.every(([name, value], index) => right[index]?.[0] === name && right[index]?.[1] === value);
  } catch {
    return false; // not valid headers: a change, and the client says what is wrong with them
  }
}
