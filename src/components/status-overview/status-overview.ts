import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import {
  countByStatus,
  formatCopy,
  formatPlural,
  isProviderStatus,
  PROVIDER_STATUSES,
  STATUS_FILTERS,
  statusLabel,
  type Copy,
  type ProviderStatus,
} from '../../status/index.js';
import { numberFormat } from '../shared/locale.js';
import { AgeElement } from '../shared/age-element.js';
import { emit, type StatusFilterChangeDetail } from '../shared/events.js';
import { statusIcon } from '../shared/status-icons.js';
import { statusColors, visuallyHidden } from '../shared/status-styles.js';
import { styles } from './status-overview.styles.js';

export type { StatusFilterChangeDetail };

/** What the counts are: the assets loaded in the page, or the server's own totals. */
export type CountsSource = 'loaded' | 'server';

/**
 * How long the counts must rest before the live region speaks, so that pages of assets arriving one after
 * another make one announcement, not one per page.
 */
const ANNOUNCE_DELAY_MS = 600;

/** A status's count as shown: a whole number ≥ 0, or `null` when it is not known (shown as a dash, never as 0). */
type Shown = Record<ProviderStatus, number | null>;

const NOT_COUNTED: Shown = Object.freeze({ ok: null, local_only: null, flagged: null, unknown: null });

/**
 * One entry of `.counts` as a person may see it: a finite number ≥ 0, floored; anything else (missing, `null`,
 * a string, NaN, -3, a throwing getter) is not known, never 0.
 */
function readCount(counts: unknown, status: ProviderStatus): number | null {
  try {
    const value = (counts as Record<string, unknown>)[status];
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) + 0 : null; // + 0: never -0
  } catch {
    return null;
  }
}

/** The same statuses known, with the same numbers. */
const sameCounts = (a: Shown, b: Shown): boolean => PROVIDER_STATUSES.every((status) => a[status] === b[status]);
/** The same statuses known (whatever their numbers). */
const sameKnown = (a: Shown, b: Shown): boolean => PROVIDER_STATUSES.every((status) => (a[status] === null) === (b[status] === null));

/**
 * How many assets have each provider status — "12 Provider OK, 3 Local only, 1 Flagged, 0 Unknown" — as a
 * row of toggle buttons that filter by status. It counts the `.assets` it is given (with the same derivation
 * as the badges), or shows the `.counts` it is given, and a caption says what the numbers count:
 *
 * - "Totals in your library": the server's totals (`counts-source="server"` with `.counts` set);
 * - "Counts of the N loaded assets": every status, counted over the assets loaded in the page (All is their sum);
 * - "Counts of the N loaded “Local only” assets; other statuses are not counted while filtered": only the
 *   filtered status is known (a view the server filtered);
 * - "Some statuses are not counted": another mix of known and not known;
 * - nothing (the line keeps its height): no count is known yet (loading, or after a failure).
 *
 * A number is only ever shown when it is known, and a 0 always means none. A status whose count is not known
 * (its `.counts` entry is missing, `null` or not a number ≥ 0; or there are neither `.counts` nor `.assets`)
 * shows no number but a muted dash, hidden from screen readers, which hear "not counted" in its place ("not
 * counted Provider OK"). "All" is the sum only when every status is known, and a dash otherwise. The counts never
 * change with the filter; the pressed button shows it.
 *
 * Every status has its icon shape and words, never colour alone. Changes of known counts are announced politely,
 * once they rest, and worded when shown, so the announcement follows a change of language. Counts that become
 * known or stop being known are not announced: the first known counts are a new starting point, like a first
 * render.
 *
 * @summary Counts per provider status, each a toggle button that filters by that status.
 *
 * Colours follow `theme` (`light`, `dark`, or absent: the OS's `prefers-color-scheme`); THEMING.md lists every
 * token with its light and dark default (the defaults below are the light ones).
 *
 * @fires {CustomEvent<StatusFilterChangeDetail>} status-filter-change - A button selected a status (`{ status }`), or all (`{ status: null }`). Bubbles, composed, cancelable: `preventDefault()` keeps the current selection.
 *
 * @csspart group - The group of buttons.
 * @csspart button - Each button: "All" and one per status.
 * @csspart icon - A status's icon.
 * @csspart count - The number on a button; for a count that is not known, a dash (with "not counted" for screen readers).
 * @csspart label - The words on a button ("All", "Provider OK", …).
 * @csspart caption - What the numbers count: the loaded assets (every status, only the filtered one, or some), or the server's totals; empty (keeping its height) while nothing is known.
 *
 * @cssprop [--age-font-family=system-ui, sans-serif] - The text's font (the system's interface font); `font-family: inherit` on the element takes the page's.
 * @cssprop [--age-font-size-overview=0.875rem] - The font size.
 * @cssprop [--age-space-overview-gap=0.5em] - The space between the buttons.
 * @cssprop [--age-radius-pill=999px] - The buttons' corner radius.
 * @cssprop [--age-color-bg=#ffffff] - The element's background, and a button's that is not pressed (dark: #171a21).
 * @cssprop [--age-color-fg=#1d2330] - The text of the "All" button (dark: #e6e9ef).
 * @cssprop [--age-color-border-strong=#6b7180] - The border of the "All" button (dark: #8a91a1).
 * @cssprop [--age-color-surface=#e9ecf1] - The background of "All" when pressed, and of Unknown when pressed unless `--age-status-unknown-bg` is set (dark: #272c36).
 * @cssprop [--age-color-muted=#4a5060] - The caption's text, and the dash of a count that is not known (dark: #a9b0be).
 * @cssprop [--age-color-focus=#1a5fd0] - The focus outline (dark: #8ab4f8; forced colors: CanvasText).
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
export class StatusOverview extends AgeElement {
  static override styles = [statusColors, visuallyHidden, styles];

  // Lit's reactive properties, added to AgeElement's (`theme`, `copy`); the fields below keep their types, defaults and docs.
  static override get properties(): PropertyDeclarations {
    return {
      assets: { attribute: false },
      counts: { attribute: false },
      statusFilter: {
        attribute: 'status-filter',
        reflect: true,
        converter: {
          fromAttribute: (value: string | null) => (isProviderStatus(value) ? value : null),
          toAttribute: (value: ProviderStatus | null) => value,
        },
      },
      countsSource: {
        attribute: 'counts-source',
        reflect: true,
        converter: { fromAttribute: (value: string | null): CountsSource => (value === 'server' ? 'server' : 'loaded') },
      },
      announced: { state: true, attribute: false },
    };
  }

  /**
   * The assets to count (any iterable; each is counted the way `<provider-badge>` derives its status): every
   * status is then known. Assign a new iterable (or call `requestUpdate('assets')`) to recount. Ignored while
   * `.counts` is set. With neither (`null`, the default), nothing is known: every button shows a dash.
   */
  assets: Iterable<unknown> | null = null;

  /**
   * Counts per status; when set they win over `.assets`. An entry that is missing, `null`, or not a finite
   * number ≥ 0 is not known: its button shows a dash, never 0, and so does "All". Fractions are floored.
   */
  counts: Partial<Record<ProviderStatus, number | null>> | null = null;

  /** The selected status; absent (or any value that is not a status) means all. */
  statusFilter: ProviderStatus | null = null;

  /**
   * `loaded` (default): the counts are of the assets loaded in the page. `server`: they are the server's totals
   * (said only while `.counts` is set; counted assets are always the loaded ones).
   */
  countsSource: CountsSource = 'loaded';

  /**
   * The counts the live region says, worded at render in the words then in force; `null` (silent) until known
   * counts change after the first render.
   */
  private announced: Shown | null = null;

  #shown: Shown = NOT_COUNTED;
  /** The counts as last announced, or as first shown since the known statuses last changed. */
  #baseline: Shown | undefined;
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
      const counts: unknown = this.counts;
      if (counts != null) {
        const shown = { ...NOT_COUNTED };
        for (const status of PROVIDER_STATUSES) shown[status] = readCount(counts, status);
        this.#shown = shown;
      } else this.#shown = this.assets != null ? countByStatus(this.assets) : NOT_COUNTED;
      this.#scheduleAnnouncement();
    }
  }

  /** What the numbers count, in words; empty when none is known. */
  #caption(copy: Copy, locale: string | undefined, total: number | null): string {
    const counts = this.#shown;
    if (PROVIDER_STATUSES.every((status) => counts[status] === null)) return '';
    if (this.countsSource === 'server' && this.counts != null) return copy.overview.countsServer;
    if (total !== null) return formatPlural(copy.overview.countsLoaded, total, locale);
    // Only the filtered status known (a view the server filtered): say so, and that the others are not counted.
    const filter = this.statusFilter;
    const filtered = filter === null ? null : counts[filter];
    if (filter === null || filtered === null || PROVIDER_STATUSES.some((status) => status !== filter && counts[status] !== null)) {
      return copy.overview.countsPartial;
    }
    return formatCopy(formatPlural(copy.overview.countsFiltered, filtered, locale), { status: statusLabel(filter, copy) });
  }

  /** A button's number, or a dash (hidden from screen readers, which hear "not counted"). */
  #count(value: number | null, copy: Copy, format: Intl.NumberFormat): TemplateResult {
    return value === null
      ? html`<span part="count" class="count not-counted"><span aria-hidden="true">–</span><span class="visually-hidden">${copy.overview.countUnknown}</span></span>`
      : html`<span part="count" class="count">${format.format(value)}</span>`;
  }

  /** The announcement of `counts` (the known ones only) in the words in force now. */
  #summary(counts: Shown, copy: Copy, format: Intl.NumberFormat): string {
    return PROVIDER_STATUSES.flatMap((status) => {
      const count = counts[status];
      return count === null ? [] : [formatCopy(copy.overview.summary, { count: format.format(count), label: statusLabel(status, copy) })];
    }).join(copy.overview.summarySeparator);
  }

  protected override render(): TemplateResult {
    const copy = this.words.copy;
    const locale = this.words.locale;
    const format = numberFormat(locale);
    const counts = this.#shown;
    // All is a number only when every status is one (and their sum is finite).
    let total: number | null = 0;
    for (const status of PROVIDER_STATUSES) total = total === null || counts[status] === null ? null : total + counts[status];
    if (total !== null && !Number.isFinite(total)) total = null;
    const active = this.statusFilter;
    const announced = this.announced;
    // Count and words are one phrase in the words' own direction ("12 Provider OK" in an RTL page too, where flex
    // items would put the count after the words); the icon and the row of buttons follow the page.
    return html`<div part="group" class="group" role="group" aria-label=${copy.overview.label} aria-describedby="caption">
        ${STATUS_FILTERS.map((status) =>
          status === null
            ? html`<button part="button" class="button all" type="button" aria-pressed=${active === null ? 'true' : 'false'} @click=${this.#onAllClick}>
                <span dir="auto"><span part="label" class="label">${copy.overview.all}</span> ${this.#count(total, copy, format)}</span>
              </button>`
            : html`<button
              part="button"
              class="button"
              type="button"
              data-status=${status}
              aria-pressed=${active === status ? 'true' : 'false'}
              @click=${() => this.#select(active === status ? null : status)}
            >
              ${statusIcon(status)}<span dir="auto">${this.#count(counts[status], copy, format)} <span part="label" class="label">${statusLabel(status, copy)}</span></span>
            </button>`,
        )}
      </div>
      <p id="caption" part="caption" class="caption">${this.#caption(copy, locale, total)}</p>
      <span class="visually-hidden" role="status">${(announced && this.#summary(announced, copy, format)) || nothing}</span>`;
  }

  readonly #onAllClick = (): void => this.#select(null);

  /** Asks the host (the event may be cancelled), then selects `status` (`null`: all). */
  #select(status: ProviderStatus | null): void {
    if (status === this.statusFilter) return;
    if (!emit(this, 'status-filter-change', { status }, { cancelable: true })) return;
    this.statusFilter = status;
  }

  /**
   * Silent on the first render; afterwards one polite summary once the counts have rested, and only if they
   * differ. Counts that become known or stop being known are a new starting point, not a change: nothing is
   * announced, and what was announced before is taken back. What is announced is kept as counts, and worded at
   * render.
   */
  #scheduleAnnouncement(): void {
    const shown = this.#shown;
    const baseline = this.#baseline;
    clearTimeout(this.#announceTimer);
    this.#announceTimer = undefined;
    if (baseline === undefined || !sameKnown(baseline, shown)) {
      if (baseline !== undefined) this.announced = null;
      this.#baseline = shown;
      return;
    }
    if (sameCounts(shown, baseline)) return;
    this.#announceTimer = setTimeout(() => {
      this.#announceTimer = undefined;
      const now = this.#shown;
      const before = this.#baseline;
      if (!before || !sameKnown(before, now) || sameCounts(before, now)) return;
      this.#baseline = now;
      this.announced = now;
    }, ANNOUNCE_DELAY_MS);
  }
}
