import { css } from 'lit';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  css`
  :host {
    display: block;
    min-width: 0;
    color: var(--_color-fg);
  }
  /* Elements inside take this one's font (the token, or the page's where the page sets it here). */
  provider-badge {
    font-family: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    height: 100%;
    box-sizing: border-box;
    margin: 0;
    overflow: hidden;
    border: 1px solid var(--_color-border);
    border-radius: var(--age-radius, 8px);
    background: var(--_color-bg);
  }
  .media {
    position: relative;
    display: block;
    flex: none;
    /* The box's size never depends on the picture: nothing shifts when it loads, fails or changes. */
    aspect-ratio: var(--age-media-aspect-ratio, 16 / 9);
    overflow: hidden;
    background: var(--_color-surface);
  }
  .image,
  .video,
  .placeholder {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    box-sizing: border-box;
  }
  .image,
  .video {
    display: block;
    object-fit: var(--age-media-object-fit, cover);
  }
  .placeholder {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.35em;
    padding: 0.5em;
    color: var(--_color-muted);
    font-size: 0.875em;
    text-align: center;
  }
  .glyph {
    width: 2em;
    height: 2em;
  }
  .open {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .open:focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: -3px;
  }
  .body {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    gap: var(--age-space-card-gap, 0.4rem);
    min-width: 0;
    padding: var(--age-space-card-padding, 0.6rem 0.75rem 0.75rem);
  }
  .title {
    margin: 0;
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
    /* Two lines at most; the whole title stays the accessible name. */
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--_color-muted);
    font-size: 0.8125em;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  .meta li + li::before {
    content: '·' / '';
    margin-inline-end: 0.5em;
  }
  /* The date has a line of its own, so that no separator starts a wrapped line. */
  .meta .created {
    flex-basis: 100%;
  }
  .meta .created::before {
    content: none;
  }
  .badge {
    align-self: flex-start;
    max-width: 100%;
  }
  .empty .body {
    min-height: 4.5em;
  }
  /*
   * Upload controls: the button keeps its place; the progress or the outcome follow it. Room for the button and a
   * three-line outcome is kept whatever the upload is doing, so a card never grows when an upload starts, answers or
   * fails, and the rows of a gallery never move for it; a longer outcome is cut at three lines (the whole of it is
   * its title, what a screen reader reads, and the gallery's outcome line).
   */
  .upload {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.35em;
    min-width: 0;
    /* The button (its border, padding and line, or its 24 px minimum), the gap, and three lines with their padding. */
    min-height: calc(max(24px, 2px + 0.6em + 1lh) + 0.35em + 3lh + 0.5em);
    font-size: 0.8125em;
    line-height: 1.35;
  }
  .upload-message {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
  }
  .upload-button {
    display: inline-flex;
    align-items: center;
    min-height: 24px;
    margin: 0;
    padding: 0.3em 0.75em;
    border: 1px solid var(--_color-accent);
    border-radius: var(--age-radius-control, 6px);
    background: var(--_color-bg);
    color: var(--_color-accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .upload-button:hover {
    background: var(--_color-surface);
  }
  .upload-button:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  /* Running: still focusable (aria-disabled, not disabled), visibly not pressable again; text keeps its contrast. */
  .upload-button[aria-disabled='true'] {
    border-style: dashed;
    background: var(--_color-bg);
    cursor: progress;
  }
  .upload-outcome {
    display: flex;
    align-items: flex-start;
    gap: 0.35em;
    box-sizing: border-box;
    max-width: 100%;
    margin: 0;
    padding: 0.25em 0.5em;
    border-inline-start: 3px solid var(--_border);
    border-radius: 4px;
    background: var(--_bg);
    color: var(--_fg);
    overflow-wrap: anywhere;
  }
  .upload-outcome .status-icon {
    margin-block-start: 0.1em;
  }
  /* A failed request: the flagged colours, with an icon of its own (it is not a moderation flag). */
  [data-phase='failed'] .upload-outcome {
    --_fg: var(--_status-flagged-fg);
    --_bg: var(--_status-flagged-bg);
    --_border: var(--_status-flagged-border);
  }
  .upload-progress {
    width: 100%;
    height: 0.5em;
    accent-color: var(--_color-accent);
  }
  @media (forced-colors: active) {
    .card {
      border-color: CanvasText;
    }
    .upload-button {
      border-color: ButtonText;
    }
    .upload-outcome {
      border-color: CanvasText;
    }
  }
`,
];
