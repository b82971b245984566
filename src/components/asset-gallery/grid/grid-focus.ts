import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Asset } from '../../../api/index.js';
import { emit } from '../../shared/events.js';
import type { RowWindow, VirtualRows } from './virtual-rows.js';

export interface GridFocusOptions {
  rows: VirtualRows;
  /** The cards in their order (the filtered list). */
  visible: () => Asset[];
  grid: () => HTMLElement | null;
}

/**
 * The grid as one tab stop: the active card, moved by index in the data (to cards not rendered yet too) with
 * the arrows, Home/End, PageUp/PageDown and Ctrl+Home/End; Enter and Space open it. Focus stays in the grid when
 * the focused card leaves the DOM, comes back when it returns, and follows its asset when the list changes.
 */
export class GridFocus implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: GridFocusOptions;
  /** The card that has the grid's one tab stop: its index in the visible assets, and its asset. */
  #activeIndex = 0;
  #activeId: number | undefined;
  /** The list the active index was last placed in. */
  #placedIn: Asset[] | undefined;
  /** Focus was in the grid: keep it there when the focused card leaves the DOM. */
  #inGrid = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: GridFocusOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The focused card left the DOM (scrolled out, filtered out, re-created): focus goes back to the active card. */
  hostUpdated(): void {
    if (!this.#inGrid) return;
    const root = this.#root;
    const focused = root.activeElement as HTMLElement | null;
    const grid = this.#options.grid();
    if (!grid) return;
    const activeCard = this.#card(this.#activeIndex);
    // A card that now shows another asset (the list changed under it) hands focus to the active asset's card.
    const stale = focused?.localName === 'media-card' && focused.dataset.index !== String(this.#activeIndex);
    if (focused === null || focused === grid || stale) {
      if (activeCard) activeCard.focus({ preventScroll: true });
      else grid.focus({ preventScroll: true });
    }
  }

  /** The card with the tab stop, in the list as it is now: the active one follows its asset when the list changes. */
  tabStop(visible: Asset[], window: RowWindow): number {
    if (this.#placedIn !== visible) {
      this.#placedIn = visible;
      const found = this.#activeId === undefined ? -1 : visible.findIndex((asset) => asset.id === this.#activeId);
      this.#activeIndex = found >= 0 ? found : Math.max(0, Math.min(this.#activeIndex, visible.length - 1));
    }
    const columns = this.#options.rows.columns;
    const active = Math.min(this.#activeIndex, visible.length - 1);
    // The tab stop must be a card in the DOM: when the active one is scrolled away (and focus is elsewhere), the
    // first card in view takes it, and becomes the active one when focus comes in.
    const firstInView = Math.max(window.first, Math.min(window.last - 1, this.#options.rows.rowInView)) * columns;
    const inWindow = active >= window.first * columns && active < window.last * columns;
    return this.#inGrid || inWindow ? active : Math.min(firstInView, visible.length - 1);
  }

  /** Makes the card at `index` active and focused, scrolling it into view (and into the DOM) first. */
  focusIndex(index: number): void {
    const rows = this.#options.rows;
    this.#inGrid = true;
    this.#activeIndex = index;
    this.#activeId = this.#options.visible()[index]?.id;
    rows.scrollRowIntoView(Math.floor(index / rows.columns));
    rows.measure();
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#card(index)?.focus({ preventScroll: true }));
  }

  /**
   * "Load more" (or Retry) had focus and is gone: focus goes on to the footer's button that is there now (Retry
   * after a failure), else to the first card the page added, in view, else to the empty state's "Show all"; never
   * to the page or to the top of the grid. Left alone when the reader put it somewhere else meanwhile.
   */
  async afterFooterLeft(firstNew: number): Promise<void> {
    await this.#host.updateComplete;
    if (!this.#focusLost()) return;
    const visible = this.#options.visible();
    const next = this.#root.querySelector<HTMLElement>('[part~="footer"] button');
    if (next) next.focus();
    else if (visible.length > 0) this.focusIndex(Math.min(firstNew, visible.length - 1));
    else this.#root.querySelector<HTMLElement>('[part~="clear-filter"]')?.focus();
  }

  /** Focus fell to nothing (its element left the DOM): not on something of ours, nor anywhere else on the page. */
  #focusLost(): boolean {
    const outside = (this.#host.getRootNode() as Document | ShadowRoot).activeElement;
    if (outside && outside !== this.#host && outside !== document.body) return false;
    const inside = this.#root.activeElement;
    return !inside || inside === this.#options.grid();
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    // Keys act on cards, not on the buttons inside one (those keep their own keys).
    const target = event.composedPath()[0];
    const onCard = target instanceof HTMLElement && (target.localName === 'media-card' || target.getAttribute('role') === 'grid');
    if (!onCard) return;
    const visible = this.#options.visible();
    const last = visible.length - 1;
    if (last < 0) return;
    const { columns, pageRows } = this.#options.rows;
    const current = Math.min(this.#activeIndex, last);
    const rowStart = current - (current % columns);
    // Right to left, the next card is on the left.
    const forward = getComputedStyle(this.#host).direction === 'rtl' ? -1 : 1;
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
      if (asset) emit(this.#host, 'asset-open', { asset });
      return;
    }
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    // Past either end stays on the first or last card.
    this.focusIndex(Math.max(0, Math.min(last, next)));
  };

  readonly onFocusIn = (event: FocusEvent): void => {
    this.#inGrid = true;
    const card = (event.composedPath() as Element[]).find((node) => node instanceof HTMLElement && node.localName === 'media-card') as HTMLElement | undefined;
    const index = Number(card?.dataset.index);
    if (card && Number.isInteger(index) && index !== this.#activeIndex) {
      this.#activeIndex = index;
      this.#activeId = this.#options.visible()[index]?.id;
      this.#host.requestUpdate();
    }
  };

  readonly onFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    if (to) {
      // Into a card's own buttons stays in the grid (they are inside the card); "Load more" or the page does not.
      if (!this.#options.grid()?.contains(to)) this.#inGrid = false;
      return;
    }
    // Focus went nowhere: to the page (a click on it), or another window, and then it has left the grid; or the
    // focused card left the DOM, and then it stays in the grid. Which one shows once the removal is done.
    const from = event.composedPath()[0] as Node;
    queueMicrotask(() => {
      if (from.isConnected && !this.#root.activeElement) this.#inGrid = false;
    });
  };

  get #root(): ShadowRoot {
    return this.#host.shadowRoot as ShadowRoot;
  }

  #card(index: number): HTMLElement | null {
    return this.#root.querySelector<HTMLElement>(`media-card[data-index="${index}"]`);
  }
}
