import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Asset } from '../../api/schemas.js';
import { formatCopy, PROVIDER_STATUSES, providerName, statusLabel, uploadTarget, type Copy, type ProviderStatus } from '../../status/index.js';
import { nonBlankString } from '../../status/read.js';
import type { ProviderBadge } from '../provider-badge/provider-badge.js';
import { AgeElement } from '../shared/age-element.js';
import { emit, type AssetOpenDetail, type UploadRequestDetail } from '../shared/events.js';
import { statusColors, visuallyHidden } from '../shared/status-styles.js';
import type { UploadState } from '../shared/upload.js';
import { renderMedia, type MediaCardLoading } from './card-media.js';
import type { UploadView } from './card-upload.js';
import { cardUploadCode } from './card-upload-code.js';
import { formatDate, formatSeconds, mediaTypeName, readUploadState, titleOf, toView, type View } from './card-view.js';
import { styles } from './media-card.styles.js';

export type { AssetOpenDetail, MediaCardLoading, UploadRequestDetail, UploadState };

/**
 * One asset: its thumbnail (an image, or a video's first frame), title, media type, provider, duration,
 * creation date, and its `<provider-badge>`. The card's accessible name is the title and the status
 * ("Neon koi drifting… Local only"); the thumbnail is a button that opens the asset.
 *
 * Set `.asset` (an `Asset` from the `api` module); anything that is not an asset shows an empty card.
 * Styles are static: no per-card style work, nothing shifts when the picture loads or fails.
 *
 * With the boolean attribute `uploads`, the card offers to upload its asset to a provider (`upload-provider`,
 * else the asset's `provider_id`, else `pixverse`): "Upload to provider", or "Retry upload" on a local-only
 * asset. A flagged asset, and one already OK on that provider, get no button (a moderation flag is not fixed by
 * uploading again). The card never uploads by itself: its button fires `upload-request`, and whoever handles it
 * sets `.upload` (running, done, failed), which the card shows with the badges' own words and icons. After a
 * click the card lets no second request leave until `.upload` is set again (even to the same value), the
 * asset's status changes, or the event was cancelled. A state whose `assetId` names another asset is not shown.
 * The outcome is not a live region here: the gallery announces it, so it is not read twice.
 *
 * The badge's explanation never covers the upload controls when it can help it: they sit under the badge, so it
 * opens above it (over the title and facts). It closes when the card is given another asset.
 *
 * @summary An asset at a glance: what it is and where it lives.
 *
 * Colours follow `theme` (`light`, `dark`, or absent: the OS's `prefers-color-scheme`); THEMING.md lists every
 * token with its light and dark default (the defaults below are the light ones).
 *
 * @attr {boolean} uploads - Shows the upload controls. Off by default: no controls at all.
 * @attr {string} upload-provider - The provider id an upload goes to; without it, the asset's `provider_id`, else `pixverse`.
 * @attr {string} loading - `lazy` (default) or `eager`.
 * @attr {string} asset-id - Set by the card: its asset's id (absent without an asset), for host styles and tests.
 * @attr {'ok' | 'local_only' | 'flagged' | 'unknown'} status - Set by the card: its asset's provider status (absent without an asset), for host styles.
 *
 * @cssstate ok - The asset is Provider OK (`:state(ok)`, as `[status="ok"]`); no status state without an asset.
 * @cssstate local_only - The asset is Local only (`:state(local_only)`, as `[status="local_only"]`).
 * @cssstate flagged - The asset is Flagged (`:state(flagged)`, as `[status="flagged"]`).
 * @cssstate unknown - The asset's provider status is Unknown (`:state(unknown)`, as `[status="unknown"]`).
 *
 * @fires {CustomEvent<AssetOpenDetail>} asset-open - The thumbnail was activated (click, Enter or Space); `detail.asset` is the asset. Bubbles and is composed.
 * @fires {CustomEvent<UploadRequestDetail>} upload-request - The upload button was activated (click, Enter or Space) while no upload was under way: `{ kind: 'reupload', assetId, providerId }`. Bubbles, is composed and cancelable (cancelled: the card returns to its idle button). The handler uploads and sets `.upload`.
 *
 * @csspart card - The `<article>`.
 * @csspart media - The thumbnail's box of fixed aspect ratio.
 * @csspart image - The thumbnail `<img>`.
 * @csspart video - The `<video>` showing a video's first frame when it has no thumbnail image.
 * @csspart placeholder - Shown when there is no thumbnail or it did not load: a media-type glyph and "No preview".
 * @csspart glyph - The placeholder's media-type glyph.
 * @csspart placeholder-label - The placeholder's words, "No preview".
 * @csspart open - The button over the thumbnail that opens the asset.
 * @csspart body - The text under the thumbnail.
 * @csspart title - The description, or "Video #1042".
 * @csspart meta - The list of media type, provider, duration and date.
 * @csspart meta-item - Each item of that list.
 * @csspart badge - The `<provider-badge>` (its own parts: `badge`, `icon`, `label`, `explanation`).
 * @csspart upload - The upload controls (with `uploads`): the button, then the progress or the outcome.
 * @csspart upload-button - "Upload to provider" or "Retry upload"; `aria-disabled="true"` while an upload runs.
 * @csspart upload-progress - The indeterminate `<progress>` shown while an upload runs.
 * @csspart upload-outcome - The box around the progress words or the outcome: icon and message, in the status's colours.
 * @csspart upload-message - "Uploading to Pixverse…", or the outcome ("Uploaded to Pixverse", "Saved locally; provider upload failed: …", the server's error).
 * @csspart icon - The outcome's icon: the status's own shape (check, crossed-out cloud, …), or an exclamation mark for a failed request.
 *
 * @cssprop [--age-font-family=system-ui, sans-serif] - The text's font (the system's interface font); `font-family: inherit` on the element takes the page's.
 * @cssprop [--age-color-fg=#1d2330] - The title's colour (dark: #e6e9ef).
 * @cssprop [--age-color-bg=#ffffff] - The card's and the upload button's background (dark: #171a21).
 * @cssprop [--age-color-border=#c9ced8] - The card's border (dark: #3a4150).
 * @cssprop [--age-color-surface=#e9ecf1] - The thumbnail box's background (seen while loading and behind the placeholder), and the upload button's under the pointer (dark: #272c36).
 * @cssprop [--age-color-muted=#4a5060] - The media type, provider, duration and date; the placeholder's glyph and words (dark: #a9b0be).
 * @cssprop [--age-color-accent=#1a5fd0] - The upload button's text and border, and the progress (dark: #8ab4f8).
 * @cssprop [--age-color-focus=#1a5fd0] - The focus outline of the open and upload buttons (dark: #8ab4f8; forced colors: CanvasText).
 * @cssprop [--age-radius=8px] - The card's corner radius.
 * @cssprop [--age-radius-control=6px] - The upload button's corner radius.
 * @cssprop [--age-space-card-gap=0.4rem] - The space between title, meta, badge and upload controls.
 * @cssprop [--age-space-card-padding=0.6rem 0.75rem 0.75rem] - The padding around the text.
 * @cssprop [--age-media-aspect-ratio=16 / 9] - The thumbnail box's aspect ratio.
 * @cssprop [--age-media-object-fit=cover] - How the picture fills the box.
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
 *
 * The badge's tokens (`--age-font-size-badge`, `--age-radius-pill`) apply to the card's badge; an upload
 * outcome takes its status's colours, and a failed request the `flagged` ones.
 */
export class MediaCard extends AgeElement {
  static override styles = [statusColors, visuallyHidden, styles];

  // Lit's reactive properties, added to AgeElement's (`theme`, `copy`); the fields below keep their types, defaults and docs.
  static override get properties(): PropertyDeclarations {
    return {
      asset: { attribute: false },
      loading: { reflect: true, converter: { fromAttribute: (value: string | null) => (value === 'eager' ? 'eager' : 'lazy') } },
      uploads: { type: Boolean, reflect: true },
      uploadProvider: { attribute: 'upload-provider' },
      upload: { attribute: false, hasChanged: () => true },
      position: { attribute: false },
      tabbable: { attribute: false },
      attempt: { state: true, attribute: false },
      pending: { state: true, attribute: false },
    };
  }

  /** The asset to show; null (or anything that is not an asset) shows an empty card. */
  asset: Asset | null = null;

  /** `lazy` (default) or `eager`: the gallery loads its first row eagerly. */
  loading: MediaCardLoading = 'lazy';

  /** Shows the upload controls; off by default. */
  uploads = false;

  /** The provider id uploads go to; null (default): the asset's `provider_id`, else `pixverse`. */
  uploadProvider: string | null = null;

  /**
   * The upload the card shows, set by whoever handles `upload-request` (the gallery): null (idle),
   * `{ phase: 'running', providerId }`, `{ phase: 'done', providerSucceeded, status, message, reason? }` (the
   * message from `interpretUploadResponse`) or `{ phase: 'failed', message }`. The card never changes it.
   * Every assignment counts as the handler's answer, even null again: it ends a pending click.
   */
  upload: UploadState | null = null;

  /**
   * The card's place in a list ("12 of 1 240"), said in its name; set by the gallery's grid, where the card
   * is a grid cell named from its content (title, facts, status) and this. Null (default) for a card on its own;
   * so is undefined or a blank string (a framework's removed prop).
   */
  position: string | null = null;

  /**
   * False takes the card's buttons out of the tab order: in the gallery's grid only the active card's are in it.
   * Only false does: undefined (a framework's removed prop) is the default.
   */
  tabbable = true;

  /** Index in the sources of the picture shown; past the end means the placeholder. */
  private attempt = 0;

  /** An `upload-request` left and was not cancelled; `.upload` has not changed since. */
  private pending = false;

  #view: View | null = null;

  /** The pending request was a retry: its button keeps saying so while it runs. */
  #retrying = false;

  /** The upload button had focus before this update. */
  #uploadHadFocus = false;

  constructor() {
    super();
    // The upload controls' code loads on first use; the card updates when it is here.
    cardUploadCode.use(this, () => this.uploads);
  }

  /** The asset's id, as reflected in `asset-id`; null without an asset. */
  get assetId(): number | null {
    return this.#view ? this.#view.id : null;
  }

  /** The asset's provider status, as reflected in `status`; null without an asset. */
  get status(): ProviderStatus | null {
    return this.#view ? this.#view.status : null;
  }

  /** The provider an upload goes to: `upload-provider`, else the asset's `provider_id`, else `pixverse`. */
  get uploadTarget(): string {
    return uploadTarget(this.uploadProvider, this.#view?.provider);
  }

  /** Resolves once the update is done and, with `uploads`, the upload controls' code has come (or failed to) and is drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.uploads || cardUploadCode.value) return done;
    await cardUploadCode.settled();
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('asset')) {
      const before = this.#view;
      this.#view = toView(this.asset);
      if (this.#view?.id !== before?.id) {
        // Another asset (a recycled card): nothing of the previous one's request is pending here, and an open
        // explanation explained the previous asset (even when the new one has the same status).
        this.pending = false;
        this.#retrying = false;
        const badge = this.#badge;
        if (typeof badge?.close === 'function') badge.close();
      } else if (this.#view?.status !== before?.status) {
        // The host answered with the asset itself (now OK, flagged, …): the click is no longer pending.
        this.pending = false;
      }
      this.attempt = 0; // a new asset gets a fresh try, whatever failed before
      this.#reflect('asset-id', this.#view ? String(this.#view.id) : null);
      this.#reflect('status', this.#view ? this.#view.status : null);
      for (const status of PROVIDER_STATUSES) this.setCustomState(status, this.#view?.status === status);
    }
    if (changed.has('loading') && this.loading !== 'eager' && this.loading !== 'lazy') this.loading = 'lazy';
    // The handler answered (running, an outcome, or idle again): the card shows that from now on.
    if (changed.has('upload') || (changed.has('uploads') && !this.uploads)) this.pending = false;
    const button = this.#uploadButton;
    this.#uploadHadFocus = button !== null && this.shadowRoot?.activeElement === button;
  }

  protected override updated(): void {
    // The button goes when the provider accepted the upload (or the controls went): focus stays in the card,
    // on its open button, rather than falling back to the page's start.
    // A button drawn anew (the loaded controls in place of "Try again") takes the focus over.
    if (this.#uploadHadFocus) (this.#uploadButton ?? this.renderRoot.querySelector<HTMLButtonElement>('.open'))?.focus();
    this.#uploadHadFocus = false;
  }

  /** `position` as shown: undefined (a framework's removed prop) or a blank string is no position. */
  get #position(): string | null {
    return nonBlankString(this.position) ?? null;
  }

  /** Only an explicit false leaves the tab order; undefined (a removed prop) is the default, true. */
  get #tabbable(): boolean {
    return this.tabbable !== false;
  }

  /** `.upload` as this card shows it: null (idle) for garbage, and for another asset's outcome. */
  #uploadState(): UploadState | null {
    return readUploadState(this.upload, this.#view?.id);
  }

  get #badge(): ProviderBadge | null {
    return this.renderRoot?.querySelector<ProviderBadge>('provider-badge') ?? null;
  }

  /**
   * What the badge's explanation keeps clear: the upload controls (button, progress, outcome), which sit right
   * under the badge. So it opens above the badge, over the title and facts (words, not controls, hidden only
   * while it is open) and at most the thumbnail's lower edge (the open button is the whole thumbnail, most of it
   * stays in reach); with no room above, past the controls; over them only when nothing else fits the viewport.
   */
  readonly #keepClear = (): Iterable<Element> => {
    const upload = this.renderRoot?.querySelector('.upload');
    return upload ? [upload] : [];
  };

  get #uploadButton(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector<HTMLButtonElement>('.upload-button') ?? null;
  }

  protected override render(): TemplateResult {
    const view = this.#view;
    if (!view) {
      return html`<article part="card" class="card empty">
        <div part="media" class="media"></div>
        <div part="body" class="body"></div>
      </article>`;
    }
    const copy = this.words.copy;
    const title = titleOf(view, copy);
    // In a grid, Enter and Space on the cell open the asset: the open button needs no tab stop of its own there.
    const position = this.#position;
    const openTab = position !== null || !this.#tabbable ? '-1' : nothing;
    return html`<article part="card" class="card" aria-labelledby="title status">
      <div part="media" class="media">
        ${renderMedia(view, copy, { attempt: this.attempt, loading: this.loading, onError: this.#onMediaError })}
        <button part="open" class="open" type="button" tabindex=${openTab} aria-label=${formatCopy(copy.card.open, { title })} @click=${this.#onOpen}></button>
      </div>
      <div part="body" class="body">
        <p part="title" class="title" id="title" dir="auto">${title}</p>
        <span id="status" hidden>${statusLabel(view.status, copy)}</span>
        <ul part="meta" class="meta">
          ${view.mediaType === null ? nothing : html`<li part="meta-item" class="type">${mediaTypeName(view.mediaType, copy)}</li>`}
          ${view.provider === null ? nothing : html`<li part="meta-item" class="provider">${providerName(view.provider, copy)}</li>`}
          ${view.duration === null
            ? nothing
            : // <bdi>: "5 s" in its words' direction ("s 5" in an RTL page otherwise); the li keeps the page's, for the separator.
              html`<li part="meta-item" class="duration"><bdi>${formatCopy(copy.card.duration, { seconds: formatSeconds(view.duration, this.words.locale) })}</bdi></li>`}
          ${view.created === null
            ? nothing
            : html`<li part="meta-item" class="created">
                ${copy.card.created} <time datetime=${view.created.toISOString()}>${formatDate(view.created, this.words.locale)}</time>
              </li>`}
        </ul>
        <provider-badge
          part="badge"
          class="badge"
          status=${view.status}
          reason=${view.reason ?? nothing}
          provider=${view.provider ?? nothing}
          .tabbable=${this.#tabbable}
          .copy=${this.copy}
          .keepClear=${this.#keepClear}
        ></provider-badge>
        ${this.#renderUpload(view, copy)}
        ${position === null ? nothing : html`<span class="visually-hidden">, ${position}</span>`}
      </div>
    </article>`;
  }

  /**
   * The upload controls. Until their code is here the room is kept, so the card does not grow; when it cannot be
   * loaded the card says so, with a button that tries again.
   */
  #renderUpload(view: View, copy: Copy): TemplateResult | typeof nothing {
    const code = cardUploadCode.value;
    if (code) return code.renderUpload(this.#uploadView(view, copy), copy, { uploads: this.uploads, tabbable: this.#tabbable, onClick: this.#onUploadClick });
    if (!this.uploads) return nothing;
    if (!cardUploadCode.failed) return html`<div class="upload" aria-busy="true"></div>`;
    return html`<div part="upload" class="upload">
      <button
        part="upload-button"
        class="upload-button"
        type="button"
        tabindex=${this.#tabbable ? nothing : '-1'}
        aria-describedby="upload-message"
        @click=${() => void cardUploadCode.load()}
      >
        ${copy.upload.loadRetry}
      </button>
      <p part="upload-outcome" class="upload-outcome"><span part="upload-message" class="upload-message" id="upload-message">${copy.upload.loadFailed}</span></p>
    </div>`;
  }

  /**
   * What the upload controls show, or null for none: the asset, `.upload` and the pending click, as `uploadView`
   * reads them. Only asked once their code is here.
   */
  #uploadView(view: View, copy: Copy): UploadView | null {
    return (cardUploadCode.value as typeof import('./card-upload.js')).uploadView(view, copy, {
      uploads: this.uploads,
      state: this.#uploadState(),
      target: this.uploadTarget,
      pending: this.pending,
      retrying: this.#retrying,
    });
  }

  /** Asks for an upload, once: clicks while one is pending or running do nothing. */
  readonly #onUploadClick = (): void => {
    const view = this.#view;
    if (!view || !this.uploads || this.pending || this.#uploadState()?.phase === 'running') return;
    const upload = this.#uploadView(view, this.words.copy);
    if (!upload?.offer) return;
    // Pending before the event leaves: a handler that clicks again, or a burst of clicks, sends nothing more.
    this.pending = true;
    this.#retrying = upload.offer === 'retry';
    const detail: UploadRequestDetail = { kind: 'reupload', assetId: view.id, providerId: this.uploadTarget };
    if (!emit(this, 'upload-request', detail, { cancelable: true })) {
      // Vetoed: back to the button as it was.
      this.pending = false;
      this.#retrying = false;
    }
  };

  /** A picture that did not load: try the next source, or show the placeholder. */
  readonly #onMediaError = (event: Event): void => {
    const element = event.currentTarget as HTMLImageElement | HTMLVideoElement;
    const source = this.#view?.sources[this.attempt];
    // A late error of a previous asset's picture changes nothing.
    if (!source || element.getAttribute('src') !== source.src) return;
    this.attempt += 1;
  };

  readonly #onOpen = (): void => {
    const asset = this.#view?.asset;
    if (asset) emit(this, 'asset-open', { asset });
  };

  #reflect(name: string, value: string | null): void {
    if (value === null) this.removeAttribute(name);
    else if (this.getAttribute(name) !== value) this.setAttribute(name, value);
  }
}
