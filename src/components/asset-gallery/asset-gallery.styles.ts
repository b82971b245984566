import { css } from 'lit';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  css`
  :host {
    --_gap: var(--age-space-gap, 1rem);
    --_radius: var(--age-radius, 8px);
    --_radius-control: var(--age-radius-control, 6px);
    display: block;
    color: var(--_color-fg);
    background-color: var(--_color-bg);
  }
  /* Elements inside take this one's font (the token, or the page's where the page sets it here). */
  media-card,
  status-overview {
    font-family: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    position: relative;
    display: grid;
    gap: var(--_gap);
  }
  .upload-toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem 1.25rem;
  }
  .file-input {
    display: none;
  }
  .url-form {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
  }
  .url-form label {
    display: grid;
    gap: 0.2rem;
    font-size: 0.875rem;
  }
  .url-form input {
    font: inherit;
    min-width: min(20rem, 70vw);
    padding: 0.4em 0.5em;
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-control);
    background: var(--_color-bg);
    color: inherit;
  }
  .bulk {
    /* A line of its own, as tall as its button and a two-line note, with or without them: nothing below moves when
       the button comes or goes, or gives way to the progress of a run. */
    flex-basis: 100%;
    min-height: 4.4em;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .uploads {
    display: grid;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .upload-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-control);
  }
  .upload-label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .upload-error {
    color: var(--_status-flagged-fg);
  }
  /* Notices, uploads on their way and outcomes: below the grid, held at the viewport's bottom, so they never push a card. */
  .tray {
    position: sticky;
    bottom: 0;
    z-index: 1;
    display: grid;
    gap: 0.5rem;
    /* Never more than a third of the viewport: the cards stay in sight, the rest of the tray scrolls. */
    max-height: 33vh;
    box-sizing: border-box;
    overflow: auto;
    background: var(--_color-bg);
  }
  .tray:has(.notice:not(:empty), .uploads, .upload-status:not(:empty)) {
    padding-block: 0.5rem;
    border-top: 1px solid var(--_color-border);
  }
  /* Live regions stay in the page while they have nothing to say, so that what they say next is announced. */
  .tray .offline:empty,
  .tray .reading:empty,
  .upload-status:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .upload-status {
    margin: 0;
  }
  .drop-hint {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    border: 3px dashed var(--_color-accent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_color-bg) 90%, transparent);
    font-size: 1.25rem;
    font-weight: 600;
    pointer-events: none;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--age-size-card-min-width, 14rem), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .grid > li {
    display: grid;
    min-width: 0;
  }
  /* The virtualized grid: uniform rows (the tallest card measured so far), so unrendered rows are exact padding. */
  .grid[role='grid'] {
    grid-auto-rows: minmax(var(--_row-height, auto), auto);
    overflow-anchor: none;
  }
  .grid[role='grid']:focus {
    outline: none;
  }
  .row {
    display: contents;
  }
  /* For a moment, while the gallery reads each card's own height (a row's height then follows its tallest). */
  .grid.measuring media-card {
    align-self: start;
  }
  .grid media-card {
    min-width: 0;
    border-radius: var(--_radius);
  }
  .grid media-card:focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .skeleton {
    aspect-ratio: var(--age-media-aspect-ratio, 16 / 9);
    border-radius: var(--_radius);
    background: linear-gradient(90deg, var(--_color-surface), var(--_color-bg), var(--_color-surface)) 0 0 / 200% 100%;
    animation: shimmer 1.4s linear infinite;
  }
  .skeleton-line {
    height: 0.8rem;
    margin-top: 0.6rem;
    width: 70%;
    border-radius: 4px;
    background: var(--_color-surface);
  }
  @keyframes shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .state {
    display: grid;
    justify-items: start;
    gap: 0.5rem;
    padding: 1.25rem;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .state p {
    margin: 0;
  }
  .error {
    border-color: var(--_status-flagged-border);
  }
  .error-title,
  .empty-title {
    font-weight: 600;
  }
  .live {
    /* A quiet line above the overview, there from the first paint (as "Connecting…"), so nothing moves when it changes. */
    justify-self: end;
    margin: 0 0 calc(-0.75 * var(--_gap));
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    color: var(--_color-muted);
    font-size: 0.8125rem;
  }
  /* A shape for each state, besides its words: a filled dot (live), a ring (connecting), two bars (paused). */
  .live-mark {
    box-sizing: border-box;
    width: 0.7em;
    height: 0.7em;
    border-radius: 50%;
    border: 2px solid currentColor;
  }
  .live[data-state='live'] .live-mark {
    background: var(--_status-ok-border);
    border-color: var(--_status-ok-border);
  }
  .live[data-state='paused'] .live-mark {
    border-radius: 0;
    border-block: 0;
    width: 0.55em;
  }
  @media (forced-colors: active) {
    .live[data-state='live'] .live-mark {
      background: CanvasText;
      border-color: CanvasText;
    }
  }
  .notice {
    margin: 0;
    color: var(--_color-muted);
    font-size: 0.875rem;
  }
  /*
   * In their words' direction, not the page's ("3 items …", "0 of 4, …", "Sending: … (45%)" keep their order in an RTL
   * page), the box still at the page's start (in the tray's grid; text-align: match-parent is no help, Chromium
   * computes it to start, which then follows the words).
   */
  .notice,
  [part~='bulk-progress'],
  [part~='upload-message'],
  [part~='upload-error'],
  [part~='upload-status'] {
    unicode-bidi: plaintext;
    justify-self: start;
  }
  /* "Sending: 2.1 MB of 4.6 MB (45%)": figures of one width, so that Cancel beside them holds still. */
  [part~='upload-message'] {
    font-variant-numeric: tabular-nums;
  }
  /* The upload code could not be loaded: what happened, and Try again. */
  .upload-load {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .footer {
    /* Scroll anchoring must not hold the footer in view while pages are added above it: infinite scroll would run away. */
    overflow-anchor: none;
    display: flex;
    align-items: center;
    gap: 0.75rem;
    flex-wrap: wrap;
  }
  button {
    font: inherit;
    padding: 0.45em 1em;
    border: 1px solid var(--_color-accent);
    border-radius: var(--_radius-control);
    background: var(--_color-accent);
    color: var(--_color-on-accent);
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .sentinel {
    height: 1px;
  }
  @media (forced-colors: active) {
    .state,
    .upload-row,
    .drop-hint {
      border-color: CanvasText;
    }
    button {
      border-color: ButtonText;
    }
  }
  `,
];
