// The thumbnail box's picture for a `<media-card>`: the image, a video's first frame, or the placeholder when
// there is nothing to show or every source failed to load. The card keeps which source is being tried.
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Copy } from '../../status/index.js';
import type { View } from './card-view.js';

/** How the thumbnail loads: `lazy` (default) or `eager` (the gallery's first row). */
export type MediaCardLoading = 'lazy' | 'eager';

const GLYPHS: Record<string, SVGTemplateResult> = {
  image: svg`<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="15.5" cy="9" r="1.6"/><path d="M3 17l5.5-5.5 4.5 4.5 2.5-2.5L21 19"/>`,
  video: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M10 9.2v5.6l4.6-2.8z"/>`,
  audio: svg`<path d="M9 17.5V6l10-2v11.5"/><circle cx="6.5" cy="17.5" r="2.5"/><circle cx="16.5" cy="15.5" r="2.5"/>`,
  '3d_model': svg`<path d="M12 3l8 4.5v9L12 21l-8-4.5v-9z"/><path d="M4 7.5l8 4.5 8-4.5M12 12v9"/>`,
  other: svg`<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4"/>`,
};

/**
 * The picture for `view.sources[attempt]`; past the end of the sources, the placeholder (a media-type glyph and
 * "No preview"). `onError` is called when the picture fails to load, so the card can try the next one.
 */
export function renderMedia(
  view: View,
  copy: Copy,
  media: { attempt: number; loading: MediaCardLoading; onError: (event: Event) => void },
): TemplateResult {
  const source = view.sources[media.attempt];
  if (source?.kind === 'image') {
    return html`<img
      part="image"
      class="image"
      src=${source.src}
      alt=""
      loading=${media.loading}
      decoding="async"
      @error=${media.onError}
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
      @error=${media.onError}
    ></video>`;
  }
  const glyph = Object.hasOwn(GLYPHS, view.mediaType ?? '') ? GLYPHS[view.mediaType as string] : GLYPHS.other;
  return html`<div part="placeholder" class="placeholder">
    <svg part="glyph" class="glyph" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor"
      stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">${glyph}</svg>
    <span part="placeholder-label">${copy.card.noPreview}</span>
  </div>`;
}
