import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Cards rendered before the first measurement tells how many fit. */
const FIRST_RENDER = 24;
/** Rows rendered above and below the viewport. */
const BUFFER_ROWS = 1;
/** Cards that load their images eagerly until the first row has been measured. */
const EAGER_CARDS = 6;

export interface RowWindow {
  /** The first row rendered. */
  first: number;
  /** The row after the last one rendered. */
  last: number;
}

export interface VirtualRowsOptions {
  /** The grid element, when one is rendered. */
  grid: () => HTMLElement | null;
  /** What holds the bottom of the viewport over the grid (the tray): a row under it is not in view. */
  coveringBottom: () => HTMLElement | null;
  /** After each layout read (scroll, resize, new cards). */
  laidOut?: () => void;
}

/**
 * Only the rows at the viewport and one either side are in the DOM, whatever the number of cards; the rows above
 * and below are padding of the exact height. Columns and row height are read from the browser's layout of the
 * host's CSS, never hard-coded; every row takes the height of the tallest card in the DOM.
 */
export class VirtualRows implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: VirtualRowsOptions;
  /** Rows rendered; {0, 0} until the first measurement. */
  #window: RowWindow = { first: 0, last: 0 };
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
  #frame = 0;
  #resizeObserver: ResizeObserver | undefined;
  #observedGrid: HTMLElement | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: VirtualRowsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // Any scroll may move the grid in the viewport (a scrolling ancestor, or the page).
    window.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.schedule, { capture: true });
    window.removeEventListener('resize', this.schedule);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#observedGrid = undefined;
  }

  /** Taking the gallery off the page resets its state, and that update still runs: it must not observe anything again. */
  hostUpdated(): void {
    if (!this.#host.isConnected) return;
    const grid = this.#options.grid();
    if (!grid) return;
    this.#resizeObserver ??= new ResizeObserver(this.#onResize);
    if (this.#observedGrid !== grid) {
      // Observed once per grid element: observing again on every update would report a size every time.
      this.#resizeObserver.disconnect();
      this.#resizeObserver.observe(grid);
      this.#observedGrid = grid;
    }
    this.#applyPadding(grid);
    // Cards may have come, gone or changed: their heights are read again in the next frame.
    this.#cardsChanged = true;
    this.schedule();
  }

  get columns(): number {
    return this.#columns;
  }

  /** Row height plus the gap: 0 until measured. */
  get stride(): number {
    return this.#rowHeight > 0 ? this.#rowHeight + this.#rowGap : 0;
  }

  get rowInView(): number {
    return this.#rowInView;
  }

  /** The first row's images load at once; the rest when they come near the viewport. */
  get eagerCards(): number {
    return this.#rowHeight > 0 ? this.#columns : EAGER_CARDS;
  }

  /** How many rows a page (PageUp/PageDown) moves: as many as the viewport shows. */
  get pageRows(): number {
    const stride = this.stride;
    return stride > 0 ? Math.max(1, Math.floor(window.innerHeight / stride)) : 1;
  }

  /** The rows to render for `count` cards: the first few until a layout has been measured, then the viewport's and a buffer. */
  window(count: number): RowWindow {
    const total = Math.ceil(count / this.#columns);
    if (this.#window.last === 0) return { first: 0, last: Math.min(total, Math.ceil(FIRST_RENDER / this.#columns)) };
    const first = Math.min(this.#window.first, Math.max(0, total - 1));
    return { first, last: Math.min(total, Math.max(first + 1, this.#window.last)) };
  }

  /** Reads the layout at the next frame (once, however many ask). */
  readonly schedule = (): void => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.measure();
    });
  };

  /** Reads the layout the browser made (columns, row height) and works out which rows the viewport needs. */
  measure(): void {
    const grid = this.#options.grid();
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
      this.#host.style.setProperty('--_row-height', `${tallest}px`);
      // The row the reader looks at stays where it is: the rows above it changed height too.
      if (before > this.#rowGap && top < 0 && columns === this.#columns) {
        const shift = Math.floor(-top / before) * (tallest + this.#rowGap - before);
        if (shift !== 0) {
          scrollParent(this.#host).scrollTop += shift;
          top -= shift;
        }
      }
    }
    const stride = this.stride;
    const count = Number(grid.dataset.rows) * this.#columns;
    const total = Math.ceil(count / columns);
    let first = 0;
    let last = Math.min(total, Math.ceil(FIRST_RENDER / columns));
    if (stride > 0) {
      this.#rowInView = Math.max(0, Math.ceil(-top / stride));
      first = Math.max(0, Math.min(total - 1, Math.floor(-top / stride) - BUFFER_ROWS));
      last = Math.max(first + 1, Math.min(total, Math.ceil((window.innerHeight - top) / stride) + BUFFER_ROWS));
    }
    if (columns !== this.#columns || first !== this.#window.first || last !== this.#window.last) {
      this.#columns = columns;
      this.#window = { first, last };
      this.#host.requestUpdate();
    } else if (tallest !== this.#paddedHeight) {
      this.#applyPadding(grid); // the same rows, of a new height: no render, but new padding
    }
    this.#options.laidOut?.();
  }

  /** Scrolls the nearest scroller just enough for `row` to be in view (above whatever covers the bottom). */
  scrollRowIntoView(row: number): void {
    const grid = this.#options.grid();
    const stride = this.stride;
    if (!grid || stride <= 0) return;
    const rowTop = grid.getBoundingClientRect().top + row * stride;
    const rowBottom = rowTop + this.#rowHeight;
    const scroller = scrollParent(this.#host);
    const box = scroller === document.scrollingElement ? { top: 0, bottom: window.innerHeight } : scroller.getBoundingClientRect();
    const view = { top: box.top, bottom: box.bottom - (this.#options.coveringBottom()?.getBoundingClientRect().height ?? 0) };
    // Whole pixels, rounded away from the edge: a scroll offset is kept in whole pixels, and a fraction dropped
    // would leave the row up to a pixel under the tray.
    if (rowTop < view.top) scroller.scrollTop = Math.floor(scroller.scrollTop - (view.top - rowTop));
    else if (rowBottom > view.bottom) scroller.scrollTop = Math.ceil(scroller.scrollTop + (rowBottom - view.bottom));
  }

  readonly #onResize = (): void => {
    this.#cardsChanged = true;
    this.schedule();
  };

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
    const stride = this.stride;
    const total = Number(grid.dataset.rows);
    const { first, last } = this.window(total * this.#columns);
    grid.style.paddingTop = `${first * stride}px`;
    grid.style.paddingBottom = `${Math.max(0, total - last) * stride}px`;
  }
}

/**
 * The height of the tallest card in the grid, each read at its own height rather than stretched to its row's, and
 * which cards were read. Whole pixels, rounded up: the rows are then exactly that tall (offsetHeight rounds 373.48
 * down, and every row was then taller than the rows were reckoned to be).
 */
function measureCards(grid: HTMLElement): { tallest: number; cards: string } {
  grid.classList.add('measuring');
  let tallest = 0;
  const cards: string[] = [];
  for (const card of grid.querySelectorAll<HTMLElement>('media-card')) {
    tallest = Math.max(tallest, Math.ceil(card.getBoundingClientRect().height - 0.01));
    cards.push(card.dataset.index ?? '');
  }
  grid.classList.remove('measuring');
  return { tallest, cards: cards.join(',') };
}

/** The element that scrolls the gallery: the nearest scrolling ancestor (across shadow roots), else the page. */
export function scrollParent(element: Element): Element {
  let node: Element | null = element.parentElement ?? ((element.getRootNode() as ShadowRoot).host ?? null);
  while (node) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
  }
  return document.scrollingElement ?? document.documentElement;
}
