import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { isProviderStatus, PROVIDER_STATUSES, providerName, statusExplanation, statusLabel, type ProviderStatus } from '../../status/index.js';
import { AgeElement } from '../shared/age-element.js';
import { statusIcon } from '../shared/status-icons.js';
import { statusColors } from '../shared/status-styles.js';
import { styles } from './provider-badge.styles.js';

/** How long the explanation stays when the pointer leaves, so that it can move onto the explanation itself. */
const HOVER_GRACE_MS = 200;

/** The space between the badge and its explanation, and between the explanation and the viewport's edges. */
const GAP = 6;
const VIEWPORT_MARGIN = 8;

type Box = Pick<DOMRect, 'top' | 'right' | 'bottom' | 'left'>;

/** Do two boxes share any area (touching edges do not count)? */
const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * A provider status, in words and a shape of its own: Provider OK, Local only, Flagged or Unknown. The
 * explanation ("Provider upload failed; stored locally in PixSim7: …") opens on hover, keyboard focus or tap,
 * stays while the pointer is over it, and closes with Escape; screen readers always get it as the
 * description.
 *
 * Hover means a person moving the pointer over the badge: a badge that slides under a resting pointer (the page's
 * layout shifted) does not open until the pointer moves. An open explanation follows its badge wherever it moves
 * (a scroll of the page or of any scroller, a resize, a layout shift), and closes when the badge scrolls out of
 * sight or leaves the page, and when its status, reason or provider changes (it explained something else).
 * `keepClear` names what it should not cover (a card's upload controls): it then opens on the side away from them.
 *
 * @summary Where an asset lives, at a glance, with the reason when there is one.
 *
 * Colours follow `theme` (`light`, `dark`, or absent: the OS's `prefers-color-scheme`); THEMING.md lists every
 * token with its light and dark default (the defaults below are the light ones).
 *
 * @cssstate ok - The status is Provider OK (`:state(ok)`, as `[status="ok"]`).
 * @cssstate local_only - The status is Local only (`:state(local_only)`, as `[status="local_only"]`).
 * @cssstate flagged - The status is Flagged (`:state(flagged)`, as `[status="flagged"]`).
 * @cssstate unknown - The status is Unknown, or not a status (`:state(unknown)`, as `[status="unknown"]`).
 *
 * @csspart badge - The button: icon and label.
 * @csspart icon - The status's icon.
 * @csspart label - The status's words.
 * @csspart explanation - The explanation that opens from the badge.
 * @csspart provider - The provider's name at the head of the explanation.
 *
 * @cssprop [--age-font-family=system-ui, sans-serif] - The text's font (the system's interface font); `font-family: inherit` on the element takes the page's.
 * @cssprop [--age-font-size-badge=0.8125rem] - The badge's font size.
 * @cssprop [--age-radius-pill=999px] - The badge's corner radius.
 * @cssprop [--age-radius-control=6px] - The explanation's corner radius.
 * @cssprop [--age-status-ok-fg=#17642b] - Provider OK: text and icon (dark: #8fd9a3).
 * @cssprop [--age-status-ok-bg=#e4f4e8] - Provider OK: background (dark: #11301c).
 * @cssprop [--age-status-ok-border=#3f8f55] - Provider OK: border (dark: #4cae68).
 * @cssprop [--age-status-local-only-fg=#744600] - Local only: text and icon (dark: #f5c26b).
 * @cssprop [--age-status-local-only-bg=#fff1cc] - Local only: background (dark: #352405).
 * @cssprop [--age-status-local-only-border=#b07410] - Local only: border (dark: #c08a24).
 * @cssprop [--age-status-flagged-fg=#a1111d] - Flagged: text and icon (dark: #ffaab0).
 * @cssprop [--age-status-flagged-bg=#fde7e9] - Flagged: background (dark: #3e1418).
 * @cssprop [--age-status-flagged-border=#c9303c] - Flagged: border (dark: #e35d68).
 * @cssprop [--age-status-unknown-fg=#4a5060] - Unknown: text and icon (dark: #c3c8d4).
 * @cssprop [--age-status-unknown-bg=var(--age-color-bg)] - Unknown: background (none of its own).
 * @cssprop [--age-status-unknown-border=#7b8190] - Unknown: border, dashed (dark: #8a91a1).
 * @cssprop [--age-color-bg=#ffffff] - The explanation's background (dark: #171a21).
 * @cssprop [--age-color-fg=#1d2330] - The explanation's text (dark: #e6e9ef).
 * @cssprop [--age-color-focus=#1a5fd0] - The focus outline (dark: #8ab4f8; forced colors: CanvasText).
 */
export class ProviderBadge extends AgeElement {
  static override styles = [statusColors, styles];

  // Lit's reactive properties, added to AgeElement's (`theme`, `copy`); the fields below keep their types, defaults and docs.
  static override get properties(): PropertyDeclarations {
    return {
      status: { reflect: true, converter: { fromAttribute: (value: string | null) => (isProviderStatus(value) ? value : 'unknown') } },
      reason: {},
      provider: {},
      tabbable: { attribute: false },
      keepClear: { attribute: false },
      open: { state: true, attribute: false },
    };
  }

  /** `ok`, `local_only`, `flagged` or `unknown`; any other value shows as `unknown`. */
  status: ProviderStatus = 'unknown';

  /** Why the asset is local only or flagged, when known; shown after the explanation. */
  reason: string | null = null;

  /** The provider's id (`pixverse`); its name heads the explanation. */
  provider: string | null = null;

  /**
   * False takes the badge out of the tab order (a grid keeps one tab stop; it stays clickable and described).
   * Only false does: undefined (a framework's removed prop) is the default.
   */
  tabbable = true;

  /**
   * What the explanation should not cover when it can help it, e.g. a card's upload button and message: a
   * function returning those elements, asked each time the explanation is placed. It opens below the badge, else
   * above, else past them, whichever keeps them clear inside the viewport (placed as without them when none does).
   */
  keepClear: (() => Iterable<Element>) | null = null;

  private open = false;

  /** The badge's button and its explanation, queried each time; null only before the first render. */
  get #button(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector<HTMLButtonElement>('.badge') ?? null;
  }

  get #explanation(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.explanation') ?? null;
  }

  /** Opened by a click or tap: stays until clicked again, Escape, or a click elsewhere. */
  #pinned = false;
  #hovered = false;
  #focused = false;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Where the mouse entered the badge or the explanation, until it moves there: a pointerenter alone may be the
   * browser's, sent when the layout moved the badge under a resting pointer. Null: not entered, or already moved.
   */
  #enteredAt: { x: number; y: number } | null = null;
  /** While open: the frame that checks where the badge is, and the observer that tells when it goes out of sight. */
  #frame = 0;
  #sight: IntersectionObserver | null = null;
  /** The badge's box, the explanation's size and the viewport's the explanation was last placed for. */
  #placedFor = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#hovered = this.#focused = this.#pinned = false;
    this.#enteredAt = null;
    this.open = false;
    this.#stopListening();
    clearTimeout(this.#closeTimer);
  }

  /** Closes the explanation, however it was opened; the next hover, keyboard focus or tap opens it again. */
  close(): void {
    this.#dismiss();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status') && !isProviderStatus(this.status)) this.status = 'unknown';
    if (changed.has('status')) for (const status of PROVIDER_STATUSES) this.setCustomState(status, this.status === status);
    // Another status, reason or provider (a recycled card shows another asset): what was open explained the old one.
    if (this.hasUpdated && this.open && (changed.has('status') || changed.has('reason') || changed.has('provider'))) this.#dismiss();
  }

  protected override render(): TemplateResult {
    const copy = this.words.copy;
    const reason = typeof this.reason === 'string' && this.reason.trim() ? this.reason.trim() : undefined;
    const shownReason = this.status === 'local_only' || this.status === 'flagged' ? reason : undefined;
    return html`<button
        part="badge"
        class="badge"
        type="button"
        tabindex=${this.tabbable === false ? '-1' : nothing}
        data-status=${this.status}
        aria-describedby="explanation"
        aria-expanded=${this.open ? 'true' : 'false'}
        @click=${this.#onClick}
        @keydown=${this.#onKeydown}
        @focus=${this.#onFocus}
        @blur=${this.#onBlur}
        @pointerenter=${this.#onPointerEnter}
        @pointermove=${this.#onPointerMove}
        @pointerleave=${this.#onPointerLeave}
      >
        ${statusIcon(this.status)}<span part="label" class="label">${statusLabel(this.status, copy)}</span>
      </button>
      <div
        id="explanation"
        part="explanation"
        class="explanation"
        role="tooltip"
        popover="manual"
        data-status=${this.status}
        @pointerenter=${this.#onPointerEnter}
        @pointermove=${this.#onPointerMove}
        @pointerleave=${this.#onPointerLeave}
        @keydown=${this.#onExplanationKeydown}
        @focus=${this.#onExplanationFocus}
        @blur=${this.#onBlur}
      >
        ${this.provider ? html`<span part="provider" class="provider">${providerName(this.provider, copy)}</span>` : null}
        ${statusExplanation(this.status, shownReason, copy)}
      </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('open')) return;
    const popover = this.#explanation;
    if (!popover) return; // never after a render
    const supportsPopover = typeof popover.showPopover === 'function';
    if (this.open) {
      if (supportsPopover && !popover.matches(':popover-open')) popover.showPopover();
      if (!supportsPopover) popover.classList.add('fallback-open');
      this.#place();
      this.#startListening();
    } else {
      if (supportsPopover && popover.matches(':popover-open')) popover.hidePopover();
      popover.classList.remove('fallback-open');
      this.#stopListening();
    }
  }

  #setOpen(): void {
    clearTimeout(this.#closeTimer);
    this.open = this.#pinned || this.#hovered || this.#focused;
  }

  /** A click or tap pins the explanation open; a second one closes it. */
  readonly #onClick = (): void => {
    if (this.#pinned) {
      this.#dismiss();
    } else {
      this.#pinned = true;
      this.#setOpen();
    }
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.#dismiss();
    }
  };

  readonly #onFocus = (): void => {
    // Keyboard focus shows the explanation; a mouse click's focus is handled by the click.
    if (this.#button?.matches(':focus-visible')) {
      this.#focused = true;
      this.#setOpen();
    }
  };

  /** Focus leaving the badge or its explanation; moving between the two keeps it open. */
  readonly #onBlur = (event: FocusEvent): void => {
    const to = event.relatedTarget;
    if (to && (to === this.#button || to === this.#explanation)) return;
    this.#focused = false;
    this.#pinned = false;
    this.#setOpen();
  };

  /** A scrolling explanation takes focus (Tab from the badge) so that the keyboard can scroll it. */
  readonly #onExplanationFocus = (): void => {
    this.#focused = true;
    this.#setOpen();
  };

  /** Escape in the explanation closes it and gives focus back to the badge, not to the page's start. */
  readonly #onExplanationKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.#button?.focus();
    this.#dismiss();
  };

  /**
   * The mouse is over the badge (or its explanation), but perhaps only because the badge moved under it: it
   * opens when the mouse moves there.
   */
  readonly #onPointerEnter = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return; // touch and pen use the tap
    this.#enteredAt = { x: event.clientX, y: event.clientY };
  };

  /** A movement of the mouse over the badge or its explanation: the person's hover. */
  readonly #onPointerMove = (event: PointerEvent): void => {
    const entered = this.#enteredAt;
    if (event.pointerType !== 'mouse' || entered === null) return;
    const moved = event.movementX !== 0 || event.movementY !== 0 || event.clientX !== entered.x || event.clientY !== entered.y;
    if (!moved) return;
    this.#enteredAt = null;
    this.#hovered = true;
    this.#setOpen();
  };

  readonly #onPointerLeave = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return;
    this.#enteredAt = null;
    this.#hovered = false;
    clearTimeout(this.#closeTimer);
    this.#closeTimer = setTimeout(() => this.#setOpen(), HOVER_GRACE_MS);
  };

  /**
   * Escape closes it wherever focus is (WCAG 1.4.13); it opens again on the next hover (the pointer leaving and
   * coming back), focus or tap.
   */
  #dismiss(): void {
    this.#pinned = this.#hovered = this.#focused = false;
    this.#enteredAt = null;
    this.#setOpen();
  }

  readonly #onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.#dismiss();
  };

  readonly #onDocumentPointerdown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.#dismiss();
  };

  /**
   * Each frame while open: placed again when the badge moved or changed size, or the viewport did, or what it
   * keeps clear (an upload outcome appeared under the badge). A frame sees every cause at once, without a listener
   * for each: the page's scroll, a scroller's (inside a shadow root, whose scroll events never reach the window),
   * a resize, a layout shift (a line inserted above the grid).
   */
  readonly #follow = (): void => {
    this.#frame = requestAnimationFrame(this.#follow);
    if (this.#placementKey() !== this.#placedFor) this.#place();
  };

  /** Out of sight (scrolled away in the page or in a scroller, or hidden): nothing to point at, so it closes. */
  readonly #onSight = (entries: IntersectionObserverEntry[]): void => {
    const last = entries[entries.length - 1];
    if (last && !last.isIntersecting) this.#dismiss();
  };

  #startListening(): void {
    document.addEventListener('keydown', this.#onDocumentKeydown);
    document.addEventListener('pointerdown', this.#onDocumentPointerdown);
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(this.#follow);
    const button = this.#button;
    if (!this.#sight && button && typeof IntersectionObserver === 'function') {
      this.#sight = new IntersectionObserver(this.#onSight);
      this.#sight.observe(button);
    }
  }

  #stopListening(): void {
    document.removeEventListener('keydown', this.#onDocumentKeydown);
    document.removeEventListener('pointerdown', this.#onDocumentPointerdown);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#sight?.disconnect();
    this.#sight = null;
    this.#placedFor = '';
  }

  /** Everything the placement depends on, in a string to compare from frame to frame. */
  #placementKey(): string {
    const button = this.#button;
    const popover = this.#explanation;
    if (!button || !popover) return '';
    const anchor = button.getBoundingClientRect();
    const clear = this.#keepClearBoxes().map((box) => `${box.left},${box.top},${box.width},${box.height}`);
    return [anchor.left, anchor.top, anchor.width, anchor.height, popover.offsetWidth, popover.offsetHeight, window.innerWidth, window.innerHeight, ...clear].join();
  }

  /** The boxes of what `keepClear` names, those on screen. */
  #keepClearBoxes(): DOMRect[] {
    const boxes: DOMRect[] = [];
    let elements: Iterable<Element> | undefined;
    try {
      elements = typeof this.keepClear === 'function' ? this.keepClear() : undefined;
    } catch {
      elements = undefined; // a host's failing callback costs the placement its preference, not the explanation
    }
    for (const element of elements ?? []) {
      if (!(element instanceof Element)) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) boxes.push(box);
    }
    return boxes;
  }

  /**
   * Below the badge, or above it when there is no room, from its start; kept inside the viewport. Set through
   * the CSSOM (CSP-safe). Taller than the room on either side: as low as it fits, scrolling within its
   * max-height, and then in the tab order after the badge, so that the keyboard can scroll it too.
   *
   * With `keepClear`: the first of below, above, and past those elements (below the lowest of them under the
   * badge) that fits in the viewport and covers none of them; as above when none does. None of the three covers
   * the badge, so a keyboard user's focus stays in sight.
   */
  #place(): void {
    const button = this.#button;
    const popover = this.#explanation;
    if (!button || !popover) return;
    // Measured at the viewport's left edge: its width wraps to the room it has there, not at its last place.
    popover.style.left = '0px';
    const anchor = button.getBoundingClientRect();
    const { width, height } = popover.getBoundingClientRect();
    const viewportHeight = window.innerHeight;
    // Lined up with the badge's start: its left edge, or its right edge right to left.
    const start = getComputedStyle(this).direction === 'rtl' ? anchor.right - width : anchor.left;
    const left = Math.max(VIEWPORT_MARGIN, Math.min(start, window.innerWidth - width - VIEWPORT_MARGIN));
    const below = anchor.bottom + GAP;
    const above = anchor.top - GAP - height;
    const fits = (top: number) => top >= VIEWPORT_MARGIN && top + height <= viewportHeight - VIEWPORT_MARGIN;
    let top: number | undefined;
    const clear = this.#keepClearBoxes();
    if (clear.length > 0) {
      const under = clear.filter((box) => box.top >= anchor.top);
      const past = under.length > 0 ? Math.max(...under.map((box) => box.bottom)) + GAP : undefined;
      const covers = (at: number) => clear.some((box) => overlaps({ top: at, bottom: at + height, left, right: left + width }, box));
      top = [below, above, past].find((at) => at !== undefined && fits(at) && !covers(at));
    }
    const fitsBelow = below + height <= viewportHeight - VIEWPORT_MARGIN;
    top ??= fitsBelow ? below : above > VIEWPORT_MARGIN ? above : Math.max(VIEWPORT_MARGIN, viewportHeight - height - VIEWPORT_MARGIN);
    if (popover.scrollHeight > popover.clientHeight) popover.setAttribute('tabindex', this.tabbable === false ? '-1' : '0');
    else popover.removeAttribute('tabindex');
    popover.style.top = `${Math.round(top)}px`;
    popover.style.left = `${Math.round(left)}px`;
    this.#placedFor = this.#placementKey();
  }
}
