import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  countByStatus,
  formatCopy,
  formatPlural,
  isProviderStatus,
  PROVIDER_STATUSES,
  statusLabel,
  type CopyOverrides,
  type ProviderStatus,
  type StatusCounts,
} from '../../status/index.js';
import { numberFormat } from '../shared/locale.js';
import { emit } from '../shared/define.js';
import { statusIcon } from '../shared/status-icons.js';
import { statusColors, visuallyHidden } from '../shared/status-styles.js';
import { themeConverter, type Theme } from '../shared/theme.js';
import { copyChanged, WordsController } from '../shared/words.js';
import { styles } from './status-overview.styles.js';

/** The detail of `status-filter-change`: the status now selected, or `null` for all assets. */
export type StatusFilterChangeDetail = { status: ProviderStatus | null };

/** What the counts are: the assets loaded in the page, or the server's own totals. */
export type CountsSource = 'loaded' | 'server';

/**
 * How long the counts must rest before the live region speaks, so that pages of assets arriving one after
 * another make one announcement, not one per page.
 */
const ANNOUNCE_DELAY_MS = 600;

const EMPTY_COUNTS: StatusCounts = Object.freeze({ ok: 0, local_only: 0, flagged: 0, unknown: 0 });

/** One count as a person may see it: a whole number ≥ 0; anything else (a string, NaN, -3, a throwing getter) is 0. */
function readCount(counts: unknown, status: ProviderStatus): number {
  try {
    const value = (counts as Record<string, unknown>)[status];
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
  } catch {
    return 0;
  }
}

function sanitizeCounts(counts: unknown): StatusCounts {
  if (counts === null || (typeof counts !== 'object' && typeof counts !== 'function')) return { ...EMPTY_COUNTS };
  const clean = { ...EMPTY_COUNTS };
  for (const status of PROVIDER_STATUSES) clean[status] = readCount(counts, status);
  return clean;
}

/**
 * How many assets have each provider status — "12 Provider OK, 3 Local only, 1 Flagged, 0 Unknown" — as a
 * row of toggle buttons that filter by status. It counts the `.assets` it is given (with the same derivation
 * as the badges), or shows the `.counts` it is given (the server's totals), and says which in a caption.
 * Every status has its icon shape and words, never colour alone; changes of the counts are announced
 * politely, once they settle.
 *
 * @summary Counts per provider status, each a toggle button that filters by that status.
 *
 * Colours follow `theme` (`light`, `dark`, or absent: the OS's `prefers-color-scheme`); THEMING.md lists every
 * token with its light and dark default (the defaults below are the light ones).
 *
 * @attr {'light' | 'dark'} theme - The colour theme; absent (or any other value): the OS's.
 *
 * @fires {CustomEvent<StatusFilterChangeDetail>} status-filter-change - A button selected a status (`{ status }`), or all (`{ status: null }`). Bubbles, composed, cancelable: `preventDefault()` keeps the current selection.
 *
 * @csspart group - The group of buttons.
 * @csspart button - Each button: "All" and one per status.
 * @csspart icon - A status's icon.
 * @csspart count - The number on a button.
 * @csspart label - The words on a button ("All", "Provider OK", …).
 * @csspart caption - What the counts count: the loaded assets, or the server's totals.
 *
 * @cssprop [--age-font-size-overview=0.875rem] - The font size.
 * @cssprop [--age-space-overview-gap=0.5em] - The space between the buttons.
 * @cssprop [--age-radius-pill=999px] - The buttons' corner radius.
 * @cssprop [--age-color-bg=#ffffff] - The element's background, and a button's that is not pressed (dark: #171a21).
 * @cssprop [--age-color-fg=#1d2330] - The text of the "All" button (dark: #e6e9ef).
 * @cssprop [--age-color-border-strong=#6b7180] - The border of the "All" button (dark: #8a91a1).
 * @cssprop [--age-color-surface=#e9ecf1] - The background of "All" when pressed, and of Unknown when pressed unless `--age-status-unknown-bg` is set (dark: #272c36).
 * @cssprop [--age-color-muted=#4a5060] - The caption's text (dark: #a9b0be).
 * @cssprop [--age-color-focus=#1a5fd0] - The focus outline (dark: #8ab4f8; forced colors: Highlight).
 * @cssprop [--age-status-ok-fg=#17642b] - Provider OK: text and icon (dark: #8fd9a3).
 * @cssprop [--age-status-ok-bg=#e4f4e8] - Provider OK: background when pressed (dark: #11301c).
 * @cssprop [--age-status-ok-border=#3f8f55] - Provider OK: border (dark: #4cae68).
 * @cssprop [--age-status-local-only-fg=#744600] - Local only: text and icon (dark: #f5c26b).
 * @cssprop [--age-status-local-only-bg=#fff1cc] - Local only: background when pressed (dark: #352405).
 * @cssprop [--age-status-local-only-border=#b07410] - Local only: border (dark: #c08a24).
 * @cssprop [--age-status-flagged-fg=#a1111d] - Flagged: text and icon (dark: #ffaab0).
 * @cssprop [--age-status-flagged-bg=#fde7e9] - Flagged: background when pressed (dark: #3e1418).
 * @cssprop [--age-status-flagged-border=#c9303c] - Flagged: border (dark: #e35d68).
 * @cssprop [--age-status-unknown-fg=#4a5060] - Unknown: text and icon (dark: #c3c8d4).
 * @cssprop [--age-status-unknown-bg=var(--age-color-bg)] - Unknown: background when pressed.
 * @cssprop [--age-status-unknown-border=#7b8190] - Unknown: border, dashed (dark: #8a91a1).
 */
export class StatusOverview extends LitElement {
  static override styles = [statusColors, visuallyHidden, styles];

  /** `light` or `dark`; absent (or any other value): follow the OS's `prefers-color-scheme`. */
  @property({ reflect: true, converter: themeConverter }) theme: Theme | undefined = undefined;

  /**
   * The assets to count (any iterable; each is counted the way `<provider-badge>` derives its status).
   * Assign a new iterable (or call `requestUpdate('assets')`) to recount. Ignored while `.counts` is set.
   */
  @property({ attribute: false }) assets: Iterable<unknown> | null = null;

  /** Counts per status (the server's totals); when set they win over `.assets`. Missing or invalid entries show as 0. */
  @property({ attribute: false }) counts: Partial<StatusCounts> | null = null;

  /** The selected status; absent (or any value that is not a status) means all. */
  @property({
    attribute: 'status-filter',
    reflect: true,
    converter: {
      fromAttribute: (value: string | null) => (isProviderStatus(value) ? value : null),
      toAttribute: (value: ProviderStatus | null) => value,
    },
  })
  statusFilter: ProviderStatus | null = null;

  /**
   * `loaded` (default): the counts are of the assets loaded in the page. `server`: they are the server's totals
   * (said only while `.counts` is set; counted assets are always the loaded ones).
   */
  @property({
    attribute: 'counts-source',
    reflect: true,
    converter: { fromAttribute: (value: string | null): CountsSource => (value === 'server' ? 'server' : 'loaded') },
  })
  countsSource: CountsSource = 'loaded';

  /**
   * Words of its own, laid over the global copy and the words of its language (`lang` on it or inherited):
   * any part of the copy, e.g. `{ status: { local_only: { label: 'Kept here' } } }`.
   */
  @property({ attribute: false, hasChanged: copyChanged }) copy: CopyOverrides | null = null;

  readonly #words = new WordsController(this);

  /** What the live region says; empty until the counts change after the first render. */
  @state() private announcement = '';

  #shown: StatusCounts = { ...EMPTY_COUNTS };
  /** The counts as last announced (or as first rendered), as a key. */
  #announcedKey: string | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
    this.#announceTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('statusFilter') && this.statusFilter !== null && !isProviderStatus(this.statusFilter)) this.statusFilter = null;
    if (changed.has('countsSource') && this.countsSource !== 'loaded' && this.countsSource !== 'server') this.countsSource = 'loaded';
    // Counting is O(n): only when the data changes, never on a filter switch.
    if (changed.has('assets') || changed.has('counts') || !this.hasUpdated) {
      this.#shown = this.counts != null ? sanitizeCounts(this.counts) : countByStatus(this.assets);
      this.#scheduleAnnouncement();
    }
  }

  protected override render(): TemplateResult {
    const copy = this.#words.copy;
    const locale = this.#words.locale;
    const format = numberFormat(locale);
    const counts = this.#shown;
    const total = PROVIDER_STATUSES.reduce((sum, status) => sum + counts[status], 0);
    const active = this.statusFilter;
    const fromServer = this.countsSource === 'server' && this.counts != null;
    const caption = fromServer ? copy.overview.countsServer : formatPlural(copy.overview.countsLoaded, total, locale);
    return html`<div part="group" class="group" role="group" aria-label=${copy.overview.label} aria-describedby="caption">
        <button part="button" class="button all" type="button" aria-pressed=${active === null ? 'true' : 'false'} @click=${this.#onAllClick}>
          <span part="label" class="label">${copy.overview.all}</span>
          <span part="count" class="count">${format.format(total)}</span>
        </button>
        ${PROVIDER_STATUSES.map(
          (status) =>
            html`<button
              part="button"
              class="button"
              type="button"
              data-status=${status}
              aria-pressed=${active === status ? 'true' : 'false'}
              @click=${() => this.#select(active === status ? null : status)}
            >
              ${statusIcon(status)}<span part="count" class="count">${format.format(counts[status])}</span>
              <span part="label" class="label">${statusLabel(status, copy)}</span>
            </button>`,
        )}
      </div>
      <p id="caption" part="caption" class="caption">${caption}</p>
      <span class="visually-hidden" role="status">${this.announcement || nothing}</span>`;
  }

  readonly #onAllClick = (): void => this.#select(null);

  /** Asks the host (the event may be cancelled), then selects `status` (`null`: all). */
  #select(status: ProviderStatus | null): void {
    if (status === this.statusFilter) return;
    if (!emit<StatusFilterChangeDetail>(this, 'status-filter-change', { status }, { cancelable: true })) return;
    this.statusFilter = status;
  }

  /** Silent on the first render; afterwards one polite summary once the counts have rested, and only if they differ. */
  #scheduleAnnouncement(): void {
    const key = PROVIDER_STATUSES.map((status) => this.#shown[status]).join(',');
    if (this.#announcedKey === undefined) {
      this.#announcedKey = key;
      return;
    }
    clearTimeout(this.#announceTimer);
    this.#announceTimer = undefined;
    if (key === this.#announcedKey) return;
    this.#announceTimer = setTimeout(() => {
      this.#announceTimer = undefined;
      const counts = this.#shown;
      const now = PROVIDER_STATUSES.map((status) => counts[status]).join(',');
      if (now === this.#announcedKey) return;
      this.#announcedKey = now;
      const format = numberFormat(this.#words.locale);
      const copy = this.#words.copy;
      this.announcement = PROVIDER_STATUSES.map((status) =>
        formatCopy(copy.overview.summary, { count: format.format(counts[status]), label: statusLabel(status, copy) }),
      ).join(copy.overview.summarySeparator);
    }, ANNOUNCE_DELAY_MS);
  }
}
