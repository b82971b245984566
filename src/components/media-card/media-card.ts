import { html, LitElement, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Asset } from '../../api/schemas.js';
import { utcIso } from '../../api/dates.js';
import { toSafeUrl } from '../../api/urls.js';
import { formatCopy, getCopy, isProviderStatus, providerName, statusLabel, type Copy, type ProviderStatus } from '../../status/index.js';
import { ProviderBadge } from '../provider-badge/provider-badge.js';
import { defineElement, emit } from '../shared/define.js';
import { dateTimeFormat, localeOf, numberFormat } from '../shared/locale.js';
import { styles } from './media-card.styles.js';

/** The detail of `asset-open`. */
export type AssetOpenDetail = { asset: Asset };

/** How the thumbnail loads: `lazy` (default) or `eager` (the gallery's first row). */
export type MediaCardLoading = 'lazy' | 'eager';

/** One picture the card can show; the next one is tried when it fails to load. */
interface Source {
  kind: 'image' | 'video';
  src: string;
}

/** What the card shows, worked out once per asset (not per render). */
interface View {
  asset: Asset;
  status: ProviderStatus;
  sources: Source[];
  description: string | null;
  mediaType: string | null;
  provider: string | null;
  reason: string | null;
  duration: number | null;
  created: Date | null;
}

const VIDEO_FILE = /\.(mp4|webm|mov|m4v)(?:[?#]|$)/i;

const GLYPHS: Record<string, SVGTemplateResult> = {
  image: svg`<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="15.5" cy="9" r="1.6"/><path d="M3 17l5.5-5.5 4.5 4.5 2.5-2.5L21 19"/>`,
  video: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M10 9.2v5.6l4.6-2.8z"/>`,
  audio: svg`<path d="M9 17.5V6l10-2v11.5"/><circle cx="6.5" cy="17.5" r="2.5"/><circle cx="16.5" cy="15.5" r="2.5"/>`,
  '3d_model': svg`<path d="M12 3l8 4.5v9L12 21l-8-4.5v-9z"/><path d="M4 7.5l8 4.5 8-4.5M12 12v9"/>`,
  other: svg`<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4"/>`,
};

/**
 * One asset: its thumbnail (an image, or a video's first frame), title, media type, provider, duration,
 * creation date, and its `<provider-badge>`. The card's accessible name is the title and the status
 * ("Neon koi drifting… Local only"); the thumbnail is a button that opens the asset.
 *
 * Set `.asset` (an `Asset` from the `api` module); anything that is not an asset shows an empty card.
 * Styles are static: no per-card style work, nothing shifts when the picture loads or fails.
 *
 * @summary An asset at a glance: what it is and where it lives.
 *
 * @fires {CustomEvent<AssetOpenDetail>} asset-open - The thumbnail was activated (click, Enter or Space); `detail.asset` is the asset. Bubbles and is composed.
 *
 * @csspart card - The `<article>`.
 * @csspart media - The thumbnail's box of fixed aspect ratio.
 * @csspart image - The thumbnail `<img>`.
 * @csspart video - The `<video>` showing a video's first frame when it has no thumbnail image.
 * @csspart placeholder - Shown when there is no thumbnail or it did not load: a media-type glyph and "No preview".
 * @csspart glyph - The placeholder's media-type glyph.
 * @csspart open - The button over the thumbnail that opens the asset.
 * @csspart body - The text under the thumbnail.
 * @csspart title - The description, or "Video #1042".
 * @csspart meta - The list of media type, provider, duration and date.
 * @csspart badge - The `<provider-badge>` (its own parts: `badge`, `icon`, `label`, `explanation`).
 *
 * @cssprop [--media-card-aspect-ratio=16 / 9] - The thumbnail box's aspect ratio.
 * @cssprop [--media-card-object-fit=cover] - How the picture fills the box.
 * @cssprop [--media-card-radius=8px] - The card's corner radius.
 * @cssprop [--media-card-bg=#ffffff] - The card's background.
 * @cssprop [--media-card-fg=#1d2330] - The title's colour.
 * @cssprop [--media-card-meta-fg=#4a5060] - The colour of the media type, provider, duration and date.
 * @cssprop [--media-card-border=#d5d9e0] - The card's border colour.
 * @cssprop [--media-card-media-bg=#e9ecf1] - The thumbnail box's background, seen while loading and behind the placeholder.
 * @cssprop [--media-card-placeholder-fg=#4a5060] - The placeholder's glyph and words.
 * @cssprop [--media-card-gap=0.4rem] - The space between title, meta and badge.
 * @cssprop [--media-card-padding=0.6rem 0.75rem 0.75rem] - The padding around the text.
 * @cssprop [--age-focus-ring=#1a5fd0] - The focus outline of the open button.
 */
export class MediaCard extends LitElement {
  static override styles = styles;

  /** The asset to show; null (or anything that is not an asset) shows an empty card. */
  @property({ attribute: false }) asset: Asset | null = null;

  /** `lazy` (default) or `eager`: the gallery loads its first row eagerly. */
  @property({ reflect: true, converter: { fromAttribute: (value: string | null) => (value === 'eager' ? 'eager' : 'lazy') } })
  loading: MediaCardLoading = 'lazy';

  /** Index in the sources of the picture shown; past the end means the placeholder. */
  @state() private attempt = 0;

  private view: View | null = null;

  /** The asset's id, as reflected in `asset-id`; null without an asset. */
  get assetId(): number | null {
    return this.view ? this.view.asset.id : null;
  }

  /** The asset's provider status, as reflected in `status`; null without an asset. */
  get status(): ProviderStatus | null {
    return this.view ? this.view.status : null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The card needs its badge; defined here rather than by an import with side effects.
    defineElement('provider-badge', ProviderBadge);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('asset')) {
      this.view = toView(this.asset);
      this.attempt = 0; // a new asset gets a fresh try, whatever failed before
      this.reflect('asset-id', this.view ? String(this.view.asset.id) : null);
      this.reflect('status', this.view ? this.view.status : null);
    }
    if (changed.has('loading') && this.loading !== 'eager' && this.loading !== 'lazy') this.loading = 'lazy';
  }

  protected override render(): TemplateResult {
    const view = this.view;
    if (!view) {
      return html`<article part="card" class="card empty">
        <div part="media" class="media"></div>
        <div part="body" class="body"></div>
      </article>`;
    }
    const copy = getCopy();
    const title = view.description ?? formatCopy(copy.card.untitled, { mediaType: mediaTypeName(view.mediaType, copy), id: view.asset.id }).trim();
    return html`<article part="card" class="card" aria-labelledby="title status">
      <div part="media" class="media">
        ${this.renderMedia(view, copy)}
        <button part="open" class="open" type="button" aria-label=${formatCopy(copy.card.open, { title })} @click=${this.onOpen}></button>
      </div>
      <div part="body" class="body">
        <p part="title" class="title" id="title">${title}</p>
        <span id="status" hidden>${statusLabel(view.status, copy)}</span>
        <ul part="meta" class="meta">
          ${view.mediaType === null ? nothing : html`<li class="type">${mediaTypeName(view.mediaType, copy)}</li>`}
          ${view.provider === null ? nothing : html`<li class="provider">${providerName(view.provider, copy)}</li>`}
          ${view.duration === null
            ? nothing
            : html`<li class="duration">${formatCopy(copy.card.duration, { seconds: formatSeconds(view.duration, localeOf(this)) })}</li>`}
          ${view.created === null
            ? nothing
            : html`<li class="created">
                ${copy.card.created} <time datetime=${view.created.toISOString()}>${formatDate(view.created, localeOf(this))}</time>
              </li>`}
        </ul>
        <provider-badge
          part="badge"
          class="badge"
          status=${view.status}
          reason=${view.reason ?? nothing}
          provider=${view.provider ?? nothing}
        ></provider-badge>
      </div>
    </article>`;
  }

  private renderMedia(view: View, copy: Copy): TemplateResult {
    const source = view.sources[this.attempt];
    if (source?.kind === 'image') {
      return html`<img
        part="image"
        class="image"
        src=${source.src}
        alt=""
        loading=${this.loading}
        decoding="async"
        @error=${this.onMediaError}
      />`;
    }
    if (source?.kind === 'video') {
      // No autoplay and no controls: preload="metadata" and the #t fragment draw the first frame.
      return html`<video
        part="video"
        class="video"
        src=${source.src}
        preload="metadata"
        muted
        playsinline
        aria-hidden="true"
        @error=${this.onMediaError}
      ></video>`;
    }
    const glyph = Object.hasOwn(GLYPHS, view.mediaType ?? '') ? GLYPHS[view.mediaType as string] : GLYPHS.other;
    return html`<div part="placeholder" class="placeholder">
      <svg part="glyph" class="glyph" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor"
        stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">${glyph}</svg>
      <span>${copy.card.noPreview}</span>
    </div>`;
  }

  /** A picture that did not load: try the next source, or show the placeholder. */
  private readonly onMediaError = (event: Event): void => {
    const element = event.currentTarget as HTMLImageElement | HTMLVideoElement;
    const source = this.view?.sources[this.attempt];
    // A late error of a previous asset's picture changes nothing.
    if (!source || element.getAttribute('src') !== source.src) return;
    this.attempt += 1;
  };

  private readonly onOpen = (): void => {
    const asset = this.view?.asset;
    if (asset) emit<AssetOpenDetail>(this, 'asset-open', { asset });
  };

  private reflect(name: string, value: string | null): void {
    if (value === null) this.removeAttribute(name);
    else if (this.getAttribute(name) !== value) this.setAttribute(name, value);
  }
}

/** Reads what the card shows from an asset, trusting nothing: a hand-made or stale object must not throw. */
function toView(value: unknown): View | null {
  if (value === null || typeof value !== 'object') return null;
  const asset = value as Asset;
  if (typeof asset.id !== 'number' || !Number.isFinite(asset.id)) return null;
  const mediaType = text(asset.media_type);
  const duration = typeof asset.duration_sec === 'number' && Number.isFinite(asset.duration_sec) && asset.duration_sec >= 0 ? asset.duration_sec : null;
  return {
    asset,
    status: isProviderStatus(asset.provider_status) ? asset.provider_status : 'unknown',
    sources: sourcesOf(asset, mediaType),
    description: text(asset.description),
    mediaType,
    provider: text(asset.provider_id),
    reason: text(asset.provider_status_reason),
    duration,
    created: dateOf(asset.created_at),
  };
}

/**
 * The pictures to try, best first. Images: the preview, then the thumbnail. Videos: a thumbnail or preview
 * that is an image, then the video file itself for its first frame (a .mp4/.webm/.mov URL, or the file URL of
 * a video/* asset). Era A servers copied a video's file URL into `thumbnail_url`; that one counts as the video.
 */
function sourcesOf(asset: Asset, mediaType: string | null): Source[] {
  const preview = safe(asset.preview_url);
  const thumbnail = safe(asset.thumbnail_url);
  const file = safe(asset.file_url);
  const remote = safe(asset.remote_url);
  const sources: Source[] = [];
  const add = (kind: Source['kind'], src: string | null) => {
    if (src !== null && !sources.some((source) => source.src === src)) sources.push({ kind, src });
  };
  if (mediaType !== 'video') {
    add('image', preview);
    add('image', thumbnail);
    return sources;
  }
  const isVideoMime = typeof asset.mime_type === 'string' && /^video\//i.test(asset.mime_type);
  const isVideoFile = (url: string) => VIDEO_FILE.test(url) || (isVideoMime && (url === file || url === remote));
  for (const url of [preview, thumbnail]) if (url !== null && !isVideoFile(url)) add('image', url);
  for (const url of [preview, thumbnail, file, remote]) if (url !== null && isVideoFile(url)) add('video', firstFrame(url));
  return sources;
}

/** Safari draws no frame for preload="metadata" without a start time. */
function firstFrame(url: string): string {
  return url.includes('#') ? url : `${url}#t=0.1`;
}

/** A URL allowed in a src (http(s), blob:, same origin), or null; the api module has checked it already. */
function safe(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? toSafeUrl(value) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A time without an offset is the server's naive UTC, not the reader's local time. */
function dateOf(value: unknown): Date | null {
  const iso = utcIso(value);
  return iso === null ? null : new Date(iso);
}

function mediaTypeName(mediaType: string | null, copy: Copy): string {
  if (mediaType === null) return '';
  return Object.hasOwn(copy.card.mediaTypes, mediaType) ? (copy.card.mediaTypes[mediaType] ?? mediaType) : mediaType;
}

/** 5 → "5", 8.25 → "8.3" (one decimal at most, in the reader's locale). */
function formatSeconds(seconds: number, locale?: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(seconds);
}

/** The date and time in the reader's time zone and locale. */
function formatDate(date: Date, locale?: string): string {
  return dateTimeFormat(locale).format(date);
}
