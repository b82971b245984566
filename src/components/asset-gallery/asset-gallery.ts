import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { DEFAULT_ENDPOINT, type ApiStyle, type Asset, type FetchLike, type HeadersOption } from '../../api/index.js';
import {
  bulkReuploadTargets,
  formatPlural,
  isProviderStatus,
  uploadTarget,
  type ProviderStatus,
} from '../../status/index.js';
import { AgeElement } from '../shared/age-element.js';
import type { AssetsErrorDetail, AssetsLoadedDetail, LiveChangeDetail, UploadRequestDetail } from '../shared/events.js';
import { numberFormat } from '../shared/locale.js';
import { visuallyHidden } from '../shared/status-styles.js';
import { styles } from './asset-gallery.styles.js';
import { Connectivity } from './connectivity.js';
import { FilterChoice } from './filter-choice.js';
import { AssetSource, DEFAULT_PAGE_SIZE, pageLimit, sameHeaders } from './data/asset-source.js';
import { AssetView, newerFirst, sameAsset, stillShown } from './data/asset-view.js';
import { readHostAsset } from './data/host-reader.js';
import { renderEmpty, renderError, renderFooter, renderSkeletons } from './gallery-states.js';
import { GridFocus } from './grid/grid-focus.js';
import { renderGrid } from './grid/grid-template.js';
import { InfiniteScroll } from './grid/infinite-scroll.js';
import { LiveLink, type LiveToken } from './live/live-link.js';
import { VirtualRows } from './grid/virtual-rows.js';
import type { Uploader } from './uploads/upload-controller.js';
import { UploadLink } from './uploads/upload-link.js';

export type { AssetsErrorDetail, AssetsLoadedDetail, LiveChangeDetail };

const DEFAULT_URL_PARAM = 'provider_status';
/** The bulk re-upload's counts while the host's list is read: nothing to offer until it is counted. */
const NOT_COUNTED = { ok: 0, local_only: 0, flagged: 0, unknown: 0 };

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
 * @fires {CustomEvent<StatusFilterChangeDetail>} status-filter-change - `{ status }`, cancelable: a person is picking a status filter (`null` for all), with the overview's buttons or "Show all"; `preventDefault()` keeps the current filter. Fired before the filter changes, and only for a person's choice: a host's own `statusFilter` change fires nothing.
 * @fires {CustomEvent<StatusFilterChangeDetail>} status-filter-restore - `{ status }`: with `sync-url`, the filter was read from the page's URL (on load, or on back/forward). Not cancelable: the URL already says it.
 * @fires {CustomEvent<AssetsLoadedDetail>} assets-loaded - `{ count, total? }`: a page arrived.
 * @fires {CustomEvent<AssetsErrorDetail>} assets-error - `{ message, kind, status?, retryAfterMs?, retryable }`: a page could not be loaded. `message` is for people; `kind` is `network`, `http`, `timeout`, `invalid-response` or `config`; `status` the HTTP status; `retryable` whether trying again later may help.
 * @fires {CustomEvent<LiveChangeDetail>} live-change - `{ state }` with `live`: `live` (the event socket is open), `connecting`, or `paused` (no socket now: the server has none, or it dropped; the gallery keeps trying, more slowly each time).
 * @fires {CustomEvent<AssetOpenDetail>} asset-open - `{ asset }`: a card was opened (from `<media-card>`).
 * @fires {CustomEvent<UploadRequestDetail>} upload-request - `{ kind, assetId?, providerId, file?, url? }`, cancelable: about to upload; cancel to veto it or do it yourself.
 * @fires {CustomEvent<UploadStartDetail>} upload-start - `{ kind, assetId?, providerId, file?, url? }`: the upload request left.
 * @fires {CustomEvent<UploadCompleteDetail>} upload-complete - `{ assetId?, providerSucceeded, status, message, reason? }`: the server answered. A local-only save is `providerSucceeded: false`.
 * @fires {CustomEvent<UploadErrorDetail>} upload-error - `{ assetId?, message, kind, status?, retryAfterMs?, retryable }`: the upload request failed (HTTP or network), as `assets-error` says it.
 *
 * @csspart base - Everything.
 * @csspart overview - The `<status-overview>` on top.
 * @csspart list - The grid of cards (and of the placeholders shown while the first page loads).
 * @csspart card - Each `<media-card>`.
 * @csspart skeleton - A placeholder card's picture while the first page loads.
 * @csspart skeleton-line - A placeholder card's line of text.
 * @csspart live - The live indicator (with `live`); also `live-live`, `live-connecting` or `live-paused` for its state.
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
 * @csspart upload-message - A row's "Waiting for its turn", then "Sending: 2.1 MB of 4.6 MB (45%)" while its file's bytes go (where they can be counted), then "Uploading to Pixverse…".
 * @csspart progress - Every `<progress>`: a running row's (the bytes sent where they can be counted, else indeterminate), and the bulk re-upload's.
 * @csspart dismiss - A failed row's Dismiss button.
 * @csspart cancel - A running or waiting row's Cancel button (the file stays listed, with Retry).
 * @csspart upload-status - The last upload outcome, in words (a polite live region).
 * @csspart bulk - The bulk re-upload of local-only assets.
 * @csspart bulk-reupload - Its "Re-upload the N loaded local-only assets" button.
 * @csspart bulk-progress - Its "3 of 10 done" words while it runs.
 * @csspart bulk-cancel - Its Cancel button.
 * @csspart drop-hint - Shown while files are dragged over the gallery.
 *
 * @cssprop [--age-font-family=system-ui, sans-serif] - The text's font (the system's interface font); `font-family: inherit` on the element takes the page's.
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
 * @cssprop [--age-color-focus=#1a5fd0] - The focus outline (dark: #8ab4f8; forced colors: CanvasText).
 * @cssprop [--age-status-flagged-fg=#a1111d] - An upload row's error (dark: #ffaab0).
 * @cssprop [--age-status-flagged-border=#c9303c] - The error state's border (dark: #e35d68).
 *
 * Every token of `<status-overview>`, `<media-card>` and `<provider-badge>` set on the gallery reaches the
 * elements inside it.
 */
export class AssetGallery extends AgeElement {
  static override styles = [visuallyHidden, styles];

  // Lit's reactive properties, added to AgeElement's (`theme`, `copy`); the fields below keep their types, defaults and docs.
  static override get properties(): PropertyDeclarations {
    return {
      endpoint: {},
      api: {},
      pageSize: { attribute: 'page-size', type: Number },
      statusFilter: {
        attribute: 'status-filter',
        reflect: true,
        converter: {
          fromAttribute: (value: string | null) => (isProviderStatus(value) ? value : null),
          toAttribute: (value: ProviderStatus | null) => value, // "all" removes the attribute
        },
      },
      syncUrl: { attribute: 'sync-url', type: Boolean },
      urlParam: { attribute: 'url-param' },
      infiniteScroll: { attribute: 'infinite-scroll', type: Boolean },
      fetch: { attribute: false },
      headers: { attribute: false, hasChanged: (value: HeadersOption | undefined, old: HeadersOption | undefined) => !sameHeaders(value, old) },
      assets: { attribute: false },
      uploads: { type: Boolean, reflect: true },
      uploadProvider: { attribute: 'upload-provider' },
      uploader: { attribute: false },
      live: { type: Boolean, reflect: true },
      eventsUrl: { attribute: 'events-url' },
      liveToken: { attribute: false },
      reloads: { state: true, attribute: false },
    };
  }

  /** The assets collection URL. */
  endpoint: string = DEFAULT_ENDPOINT;

  /** `query` (`GET {endpoint}?…`) or `search` (`POST {endpoint}/search`). */
  api: ApiStyle = 'query';

  /** Assets per request, 1–100. */
  pageSize: number = DEFAULT_PAGE_SIZE;

  /** The status shown (`ok`, `local_only`, `flagged`, `unknown`); null (no attribute) for all. */
  statusFilter: ProviderStatus | null = null;

  /** Mirror the filter in the page's URL (`?provider_status=`, or `url-param`), restore it on load and on back/forward. */
  syncUrl = false;

  /** The URL parameter `sync-url` uses: give two galleries on one page a parameter each. */
  urlParam = DEFAULT_URL_PARAM;

  /** Load the next page as the reader scrolls to the end of the list. */
  infiniteScroll = false;

  /** The fetch to use (auth wrappers, tests); the global fetch by default. */
  fetch: FetchLike | undefined = undefined;

  /** Extra request headers, or a function that returns them (asked for every request, so tokens can refresh). */
  headers: HeadersOption | undefined = undefined;

  /** Assets to show instead of fetching: `Asset`s from the api module (shown at once), or raw server items (validated in the background, the first screen first; counted once all are read). */
  assets: Iterable<unknown> | null = null;

  /** Show upload controls: on each card, "Upload files", "Add from URL", drag and drop, bulk re-upload. */
  uploads = false;

  /** The provider uploads go to; by default the asset's own provider, else `pixverse`. */
  uploadProvider: string | null = null;

  /** Does the uploads instead of the assets client; its replies are read the same way. */
  uploader: Uploader | undefined = undefined;

  /** Follow the library while the page is open, through the backend's event socket (not for host `.assets`). */
  live = false;

  /** The event socket for `live`; by default the endpoint with its final `/assets` made `/ws/events` (`ws:`/`wss:`). */
  eventsUrl: string | null = null;

  /** The socket's `?token=`: a value, or a function asked again before every connect; by default the bearer token of `headers`. */
  liveToken: LiveToken = undefined;

  private reloads = 0;

  readonly #source = new AssetSource(this, {
    config: () => ({
      endpoint: this.endpoint,
      api: this.api,
      fetch: this.fetch,
      headers: this.headers,
      assets: this.assets,
      filter: this.statusFilter,
      limit: pageLimit(this.pageSize),
    }),
    copy: () => this.words.copy,
  });
  readonly #view = new AssetView(this, { knownSplit: (list) => this.#source.hostSplit(list) });
  readonly #rows = new VirtualRows(this, {
    grid: () => this.#grid,
    coveringBottom: () => this.renderRoot.querySelector<HTMLElement>('.tray'),
    laidOut: () => this.#infinite.check(),
  });
  readonly #focus = new GridFocus(this, { rows: this.#rows, visible: () => this.#visible(), grid: () => this.#grid });
  readonly #infinite: InfiniteScroll = new InfiniteScroll(this, {
    sentinel: () => (this.infiniteScroll ? this.renderRoot.querySelector('.sentinel') : null),
    mayLoad: () => !this.#source.loadingMore && !this.#source.loadMoreError,
    loadMore: () => void this.loadMore(),
  });
  readonly #filter = new FilterChoice(this, {
    enabled: () => this.syncUrl,
    param: () => this.urlParam || DEFAULT_URL_PARAM,
    current: () => this.statusFilter,
    set: (status) => (this.statusFilter = status),
  });
  readonly #connectivity = new Connectivity(this, () => {
    // Back online: what failed is tried again by itself (the Retry buttons stay for everything else).
    if (this.#source.hostAssets) return;
    if (this.#source.firstPage === 'error') this.reload();
    else if (this.#source.loadMoreError) void this.loadMore();
  });
  // Uploads load on first use: `uploads`, or a call of uploadFiles, uploadFromUrl or reuploadLocalOnly.
  readonly #panel = new UploadLink(this, {
    enabled: () => this.uploads,
    words: this.words,
    client: () => this.#source.client,
    uploader: () => this.uploader,
    source: this.#source,
    view: this.#view,
    all: () => this.#all(),
    reload: () => this.reload(),
    addFiles: (files) => this.uploadFiles(files),
    addUrl: (url) => this.uploadFromUrl(url),
    reuploadAll: () => void this.reuploadLocalOnly(),
  });
  readonly #live = new LiveLink(this, {
    target: () => (this.live && !this.#source.hostAssets ? { endpoint: this.endpoint, eventsUrl: this.eventsUrl } : null),
    token: () => this.liveToken,
    headers: () => this.headers,
    client: () => this.#source.client,
    shown: (id) => this.#view.byId(this.#all(), id),
    words: () => ({ copy: this.words.copy, locale: this.words.locale }),
    apply: (change) => this.#applyChanges(change.assets, change.deleted),
    catchUp: async (signal) => {
      if (await this.#source.refreshShown(signal)) this.#view.forgetChanges();
    },
  });

  /** Uploads files as a person would by choosing or dropping them. */
  uploadFiles(files: Iterable<File>): void {
    this.#panel.uploads.addFiles(files, uploadTarget(this.uploadProvider, undefined));
  }

  /** Has the server fetch and upload a URL ("Add from URL"). */
  uploadFromUrl(url: string): void {
    this.#panel.uploads.addUrl(url, uploadTarget(this.uploadProvider, undefined));
  }

  /** Uploads every loaded local-only asset again, three at a time; flagged assets are left out. */
  async reuploadLocalOnly(): Promise<void> {
    // Every local-only asset of the host's list, not only those read so far.
    while (this.#source.reading) await this.#source.whenRead();
    return this.#panel.uploads.reuploadAll(
      bulkReuploadTargets(this.#all()),
      (asset) => uploadTarget(this.uploadProvider, asset.provider_id),
      // As the list has it when its turn comes (uploads since, a new list from the host), if it is still there.
      (asset) => {
        const now = this.#view.byId(this.#all(), asset.id);
        return now && sameAsset(now, asset) ? now : undefined;
      },
    );
  }

  /** Stops the bulk re-upload: the uploads in flight are aborted, the rest not started. */
  cancelReupload(): void {
    this.#panel.uploads.cancelBulk();
  }

  /**
   * Shows the server's newer copy of one asset (a raw item or an `Asset`): on its card, in the counts and the filter;
   * one not shown yet takes its place by `created_at`. For hosts that follow changes themselves (host `.assets`, their
   * own socket). Returns false for an item that cannot be shown.
   */
  updateAsset(item: unknown): boolean {
    const asset = readHostAsset(item);
    if (asset) this.#applyChanges([asset], []);
    return asset !== null;
  }

  /** Takes a deleted asset off the gallery and its counts. */
  removeAsset(id: number): void {
    this.#applyChanges([], [id]);
  }

  /** Fetches everything again (after an error, or when the host knows the data changed). */
  reload(): void {
    this.reloads += 1;
  }

  /** Loads the next page, if there is one. */
  async loadMore(): Promise<void> {
    const shownBefore = this.#visible().length;
    // "Load more", or the Retry that replaced it: when either goes, focus must go somewhere a person can see.
    const fromFooter = !!(this.renderRoot as ShadowRoot).activeElement?.closest('[part~="footer"]');
    await this.#source.loadMore();
    if (fromFooter) await this.#focus.afterFooterLeft(shownBefore);
  }

  /** Resolves once the update is done and, with `uploads`, the upload code has come (or failed to) and is drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#panel.settled();
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const has = (...keys: string[]) => keys.some((key) => changed.has(key as keyof AssetGallery));
    if (has('endpoint', 'api', 'fetch', 'headers')) {
      this.#source.useClient({ endpoint: this.endpoint, api: this.api, fetch: this.fetch, headers: this.headers });
    }
    // Asset ids are per backend: an upload that answers after a switch must not land on the new list's cards. The
    // same backend through another fetch or headers keeps its ids; a new list from the host keeps the uploads of the
    // assets it still holds. A reload() is the same source (the gallery reloads after uploads itself).
    const uploads = this.#panel.uploads;
    if (has('endpoint', 'api')) uploads.sourceChanged();
    else if (has('assets')) uploads.sourceChanged(stillShown(this.#view.lastBase, this.#source.hostAssets && ((id) => this.#source.findHostAsset(id))));
    else if (has('fetch', 'headers')) uploads.sourceChanged(() => true);
    // A new first page is fresher than what uploads and live updates said before it (the host's own list keeps them).
    if (has('endpoint', 'api', 'fetch', 'headers', 'assets', 'reloads') || (has('statusFilter', 'pageSize') && !this.#source.hostAssets)) {
      this.#view.forgetChanges();
    }
    if (changed.has('statusFilter') && this.statusFilter !== null && !isProviderStatus(this.statusFilter)) this.statusFilter = null;
    if (has('endpoint', 'api', 'fetch', 'headers', 'statusFilter', 'pageSize', 'assets', 'reloads')) {
      this.#source.restart({ totals: has('endpoint', 'api', 'fetch', 'headers', 'reloads') });
    }
    if (changed.has('statusFilter')) this.#filter.changed(changed.get('statusFilter') !== undefined);
    // Before render: a state the socket reports at once is drawn in this update, not one more after it.
    this.#live.sync(has('liveToken', 'headers', 'fetch'));
  }

  protected override render(): TemplateResult {
    const copy = this.words.copy;
    const source = this.#source;
    const all = this.#all();
    // While the host's list is read, no number may count it: the overview waits as it does for a first page.
    const reading = source.reading;
    const { counts, source: countsSource } = reading ? { counts: null, source: 'loaded' } : this.#view.overview({
      all,
      pages: source.loaded,
      filter: this.statusFilter,
      hostData: !!source.hostAssets,
      firstPageHere: source.firstPage === 'complete',
      serverTotals: source.serverTotals,
    });
    const panel = this.#panel;
    return html`<div part="base" class="base" @dragover=${panel.onDragOver} @dragleave=${panel.onDragLeave} @drop=${panel.onDrop}>
      ${this.#live.render(copy)}
      <status-overview
        part="overview"
        .counts=${counts}
        counts-source=${countsSource}
        .statusFilter=${this.statusFilter}
        .copy=${this.copy}
        @status-filter-change=${this.#filter.onOverviewChange}
      ></status-overview>
      <p class="visually-hidden" role="status">${source.firstPage === 'complete' && !source.hostAssets ? formatPlural(copy.gallery.loaded, source.loaded.length, this.words.locale) : ''}</p>
      <p class="visually-hidden" role="status">${this.#live.announcement}</p>
      ${this.uploads ? panel.renderToolbar(reading ? NOT_COUNTED : this.#view.counts(all)) : nothing}
      ${this.#renderBody(all)}
      <div part="tray" class="tray">
        ${source.skipped > 0 ? html`<p part="notice" class="notice">${formatPlural(copy.gallery.skipped, source.skipped, this.words.locale)}</p>` : null}
        ${source.hostSkipped ? html`<p part="notice" class="notice">${formatPlural(copy.gallery.hostSkipped, source.hostSkipped, this.words.locale)}</p>` : null}
        <p part="notice" class="notice reading" role="status">${reading ? copy.gallery.reading : ''}</p>
        <p part="notice" class="notice offline" role="status">${this.#connectivity.offline ? copy.gallery.offline : ''}</p>
        ${this.uploads ? panel.renderRows() : nothing}
      </div>
      ${panel.dragging ? html`<div part="drop-hint" class="drop-hint">${copy.upload.dropHint}</div>` : nothing}
    </div>`;
  }

  #renderBody(all: Asset[]): TemplateResult {
    const copy = this.words.copy;
    const source = this.#source;
    if (!source.hostAssets) {
      if (source.firstPage === 'error') return renderError(copy, source.firstPageError, this.reload);
      if (source.firstPage === 'loading') return renderSkeletons(copy, pageLimit(this.pageSize));
    }
    const footer = renderFooter(copy, {
      error: source.loadMoreError,
      hasMore: source.hasMore,
      loading: source.loadingMore,
      sentinel: this.infiniteScroll,
      loadMore: () => void this.loadMore(),
    });
    const visible = this.#view.visible(all, this.statusFilter);
    const reading = source.reading;
    // Not "no assets" while some are still to be read: the placeholders, until one of this status is read.
    source.wantsMore = reading;
    if (visible.length === 0 && reading) return renderSkeletons(copy, DEFAULT_PAGE_SIZE);
    if (visible.length === 0) {
      const loadedSoFar = source.hasMore && source.loaded.length > 0 ? source.loaded.length : null;
      return html`${renderEmpty(copy, this.words.locale, { filter: this.statusFilter, loadedSoFar, clearFilter: this.#filter.clear })}${footer}`;
    }
    const window = this.#rows.window(visible.length);
    // Every card read so far is in the window: more are wanted as soon as they are read.
    source.wantsMore = reading && window.last * this.#rows.columns >= visible.length;
    const states = this.#panel.uploads.assetStates;
    return html`${renderGrid({
        visible,
        window,
        columns: this.#rows.columns,
        reading,
        tabStop: this.#focus.tabStop(visible, window),
        eagerCards: this.#rows.eagerCards,
        focus: this.#focus,
        copy,
        overrides: this.copy,
        numbers: numberFormat(this.words.locale),
        uploads: this.uploads,
        uploadProvider: this.uploadProvider,
        uploadState: (id) => states.get(id) ?? null,
        onUploadRequest: this.#onCardUploadRequest,
      })}
      ${footer}`;
  }

  get #grid(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[role="grid"]');
  }

  /** The source's assets as uploads left them, with the ones uploaded here on top. */
  #all(): Asset[] {
    return this.#view.all(this.#source.hostAssets ?? this.#source.loaded);
  }

  /**
   * Shows changes the server told of. Each is a patch, which wins over any copy a page or the host's list brings
   * later (one on its way, or not read yet); an asset not shown joins when it falls within the loaded pages.
   */
  #applyChanges(assets: Asset[], deleted: number[]): void {
    const last = this.#source.loaded.at(-1);
    const belongs = (asset: Asset) => !!this.#source.hostAssets || (this.#source.firstPage === 'complete' && (!this.#source.hasMore || !last || newerFirst(asset, last) <= 0));
    if (!this.#source.hostAssets) this.#source.deleted(deleted);
    this.#view.applyChanges({ assets, deleted }, belongs);
    this.#source.refreshTotalsSoon();
  }

  #visible(): Asset[] {
    return this.#view.visible(this.#all(), this.statusFilter);
  }

  readonly #onCardUploadRequest = (event: Event): void => {
    this.#panel.onCardRequest(event as CustomEvent<UploadRequestDetail>, (id) => (id === undefined ? undefined : this.#view.byId(this.#all(), id)));
  };
}
