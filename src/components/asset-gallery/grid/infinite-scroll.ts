import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { scrollParent } from './virtual-rows.js';

/** What a reader scrolls with; a scroll event alone may be the browser's own (scroll anchoring). */
const READER_SCROLL_EVENTS = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;

export interface InfiniteScrollOptions {
  /** Infinite scroll is on, and the end of the list (its sentinel) is rendered: the sentinel, else null. */
  sentinel: () => Element | null;
  /** Whether a next page may be asked for now (one is not already on its way, the last did not fail). */
  mayLoad: () => boolean;
  loadMore: () => void;
}

/**
 * Infinite scroll: the next page once the end of the list is near, but only as the reader scrolls. A page added
 * while nobody touches anything must not fetch the next one, nor must a scroll the browser made by itself (scroll
 * anchoring held the footer in view and ran away). A list too short to scroll fills up to the viewport.
 */
export class InfiniteScroll implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: InfiniteScrollOptions;
  #observer: IntersectionObserver | undefined;
  #observed: Element | undefined;
  /** The reader scrolled (wheel, touch, keys, a press on a scrollbar) since a page was last asked for. */
  #readerScrolled = false;
  /** The sentinel is near the viewport. */
  #endInView = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: InfiniteScrollOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of READER_SCROLL_EVENTS) window.addEventListener(type, this.#onReaderScroll, { capture: true, passive: true });
  }

  hostDisconnected(): void {
    for (const type of READER_SCROLL_EVENTS) window.removeEventListener(type, this.#onReaderScroll, { capture: true });
    this.#stopObserving();
  }

  hostUpdated(): void {
    if (!this.#host.isConnected) return;
    const sentinel = this.#options.sentinel();
    if (!sentinel) {
      this.#stopObserving();
      return;
    }
    this.#observer ??= new IntersectionObserver((entries) => {
      this.#endInView = entries.some((entry) => entry.isIntersecting);
      this.check();
    }, { rootMargin: '400px' });
    if (this.#observed !== sentinel) {
      this.#observer.disconnect();
      this.#observer.observe(sentinel);
      this.#observed = sentinel;
    }
  }

  /** Asks for the next page if the end is near and the reader scrolled there (or the list cannot scroll). */
  check(): void {
    if (!this.#endInView || !this.#options.mayLoad()) return;
    const scroller = scrollParent(this.#host);
    if (!this.#readerScrolled && scroller.scrollHeight > scroller.clientHeight) return;
    this.#readerScrolled = false;
    this.#options.loadMore();
  }

  readonly #onReaderScroll = (): void => {
    this.#readerScrolled = true;
  };

  #stopObserving(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#observed = undefined;
    this.#endInView = false;
  }
}
