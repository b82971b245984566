import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isProviderStatus, providerName, statusExplanation, statusLabel, type CopyOverrides, type ProviderStatus } from '../../status/index.js';
import { statusIcon } from '../shared/status-icons.js';
import { statusColors } from '../shared/status-styles.js';
import { themeConverter, type Theme } from '../shared/theme.js';
import { copyChanged, WordsController } from '../shared/words.js';
import { styles } from './provider-badge.styles.js';

/** How long the explanation stays when the pointer leaves, so that it can move onto the explanation itself. */
const HOVER_GRACE_MS = 200;

/**
 * A provider status, in words and a shape of its own: Provider OK, Local only, Flagged or Unknown. The
 * explanation ("Provider upload failed; stored locally in PixSim7: …") opens on hover, keyboard focus or tap,
 * stays while the pointer is over it, and closes with Escape; screen readers always get it as the
 * description.
 *
 * @summary Where an asset lives, at a glance, with the reason when there is one.
 *
 * Colours follow `theme` (`light`, `dark`, or absent: the OS's `prefers-color-scheme`); THEMING.md lists every
 * token with its light and dark default (the defaults below are the light ones).
 *
 * @attr {'light' | 'dark'} theme - The colour theme; absent (or any other value): the OS's.
 *
 * @csspart badge - The button: icon and label.
 * @csspart icon - The status's icon.
 * @csspart label - The status's words.
 * @csspart explanation - The explanation that opens from the badge.
 * @csspart provider - The provider's name at the head of the explanation.
 *
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
 * @cssprop [--age-color-focus=#1a5fd0] - The focus outline (dark: #8ab4f8; forced colors: Highlight).
 */
export class ProviderBadge extends LitElement {
  static override styles = [statusColors, styles];

  /** `light` or `dark`; absent (or any other value): follow the OS's `prefers-color-scheme`. */
  @property({ reflect: true, converter: themeConverter }) theme: Theme | undefined = undefined;

  /** `ok`, `local_only`, `flagged` or `unknown`; any other value shows as `unknown`. */
  @property({ reflect: true, converter: { fromAttribute: (value: string | null) => (isProviderStatus(value) ? value : 'unknown') } })
  status: ProviderStatus = 'unknown';

  /** Why the asset is local only or flagged, when known; shown after the explanation. */
  @property() reason: string | null = null;

  /** The provider's id (`pixverse`); its name heads the explanation. */
  @property() provider: string | null = null;

  /**
   * False takes the badge out of the tab order (a grid keeps one tab stop; it stays clickable and described).
   * Only false does: undefined (a framework's removed prop) is the default.
   */
  @property({ attribute: false }) tabbable = true;

  /**
   * Words of its own, laid over the global copy and the words of its language (`lang` on it or inherited):
   * any part of the copy, e.g. `{ status: { local_only: { label: 'Kept here' } } }`.
   */
  @property({ attribute: false, hasChanged: copyChanged }) copy: CopyOverrides | null = null;

  readonly #words = new WordsController(this);

  @state() private open = false;

  @query('.badge') private button!: HTMLButtonElement;
  @query('.explanation') private explanation!: HTMLElement;

  /** Opened by a click or tap: stays until clicked again, Escape, or a click elsewhere. */
  #pinned = false;
  #hovered = false;
  #focused = false;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#hovered = this.#focused = this.#pinned = false;
    this.open = false;
    this.#stopListening();
    clearTimeout(this.#closeTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status') && !isProviderStatus(this.status)) this.status = 'unknown';
  }

  protected override render(): TemplateResult {
    const copy = this.#words.copy;
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
    const popover = this.explanation;
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
    if (this.button.matches(':focus-visible')) {
      this.#focused = true;
      this.#setOpen();
    }
  };

  /** Focus leaving the badge or its explanation; moving between the two keeps it open. */
  readonly #onBlur = (event: FocusEvent): void => {
    if (event.relatedTarget === this.button || event.relatedTarget === this.explanation) return;
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
    this.button.focus();
    this.#dismiss();
  };

  readonly #onPointerEnter = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return; // touch and pen use the tap
    this.#hovered = true;
    this.#setOpen();
  };

  readonly #onPointerLeave = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return;
    this.#hovered = false;
    clearTimeout(this.#closeTimer);
    this.#closeTimer = setTimeout(() => this.#setOpen(), HOVER_GRACE_MS);
  };

  /** Escape closes it wherever focus is (WCAG 1.4.13); it opens again on the next hover, focus or tap. */
  #dismiss(): void {
    this.#pinned = this.#hovered = this.#focused = false;
    this.#setOpen();
  }

  readonly #onDocumentKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.#dismiss();
  };

  readonly #onDocumentPointerdown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this)) this.#dismiss();
  };

  readonly #onViewportChange = (): void => this.#place();

  #startListening(): void {
    document.addEventListener('keydown', this.#onDocumentKeydown);
    document.addEventListener('pointerdown', this.#onDocumentPointerdown);
    window.addEventListener('scroll', this.#onViewportChange, { capture: true, passive: true });
    window.addEventListener('resize', this.#onViewportChange, { passive: true });
  }

  #stopListening(): void {
    document.removeEventListener('keydown', this.#onDocumentKeydown);
    document.removeEventListener('pointerdown', this.#onDocumentPointerdown);
    window.removeEventListener('scroll', this.#onViewportChange, { capture: true });
    window.removeEventListener('resize', this.#onViewportChange);
  }

  /**
   * Below the badge, or above it when there is no room, from its start; kept inside the viewport. Set through
   * the CSSOM (CSP-safe). Taller than the room on either side: as low as it fits, scrolling within its
   * max-height, and then in the tab order after the badge, so that the keyboard can scroll it too.
   */
  #place(): void {
    const anchor = this.button.getBoundingClientRect();
    const popover = this.explanation;
    const { width, height } = popover.getBoundingClientRect();
    const gap = 6;
    const below = anchor.bottom + gap;
    const above = anchor.top - gap - height;
    const fitsBelow = below + height <= window.innerHeight - 8;
    const top = fitsBelow ? below : above > 8 ? above : Math.max(8, window.innerHeight - height - 8);
    if (popover.scrollHeight > popover.clientHeight) popover.setAttribute('tabindex', this.tabbable === false ? '-1' : '0');
    else popover.removeAttribute('tabindex');
    // Lined up with the badge's start: its left edge, or its right edge right to left.
    const start = getComputedStyle(this).direction === 'rtl' ? anchor.right - width : anchor.left;
    const left = Math.max(8, Math.min(start, window.innerWidth - width - 8));
    popover.style.top = `${Math.round(top)}px`;
    popover.style.left = `${Math.round(left)}px`;
  }
}
