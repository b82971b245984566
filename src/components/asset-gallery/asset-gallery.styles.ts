import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--age-text, #1d2330);
    font: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    position: relative;
    display: grid;
    gap: var(--asset-gallery-gap, 1rem);
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
    border: 1px solid var(--age-border, #6b7180);
    border-radius: 6px;
  }
  .bulk {
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
    border: 1px solid var(--age-border, #c9ced8);
    border-radius: 6px;
  }
  .upload-label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .upload-error {
    color: var(--age-status-flagged-fg, #a1111d);
  }
  .upload-status:empty {
    display: none;
  }
  .upload-status {
    margin: 0;
  }
  .drop-hint {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    border: 3px dashed var(--age-button-bg, #1a5fd0);
    border-radius: 8px;
    background: rgb(255 255 255 / 0.9);
    color: var(--age-text, #1d2330);
    font-size: 1.25rem;
    font-weight: 600;
    pointer-events: none;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--asset-gallery-card-min-width, 14rem), 1fr));
    gap: var(--asset-gallery-gap, 1rem);
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
  .grid media-card {
    min-width: 0;
    border-radius: var(--media-card-radius, 8px);
  }
  .grid media-card:focus-visible {
    outline: 3px solid var(--age-focus-ring, #1a5fd0);
    outline-offset: 2px;
  }
  .skeleton {
    aspect-ratio: var(--media-card-aspect-ratio, 16 / 9);
    border-radius: var(--media-card-radius, 8px);
    background: linear-gradient(90deg, #eceef2 0%, #f6f7f9 50%, #eceef2 100%) 0 0 / 200% 100%;
    animation: shimmer 1.4s linear infinite;
  }
  .skeleton-line {
    height: 0.8rem;
    margin-top: 0.6rem;
    width: 70%;
    border-radius: 4px;
    background: #eceef2;
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
    border: 1px solid var(--age-border, #c9ced8);
    border-radius: 8px;
  }
  .state p {
    margin: 0;
  }
  .error {
    border-color: var(--age-status-flagged-border, #c9303c);
  }
  .error-title,
  .empty-title {
    font-weight: 600;
  }
  .notice {
    margin: 0;
    color: var(--age-muted, #4a5060);
    font-size: 0.875rem;
  }
  .footer {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    flex-wrap: wrap;
  }
  button {
    font: inherit;
    padding: 0.45em 1em;
    border: 1px solid var(--age-button-border, #1a5fd0);
    border-radius: 6px;
    background: var(--age-button-bg, #1a5fd0);
    color: var(--age-button-fg, #ffffff);
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  button:focus-visible {
    outline: 2px solid var(--age-focus-ring, #1a5fd0);
    outline-offset: 2px;
  }
  .sentinel {
    height: 1px;
  }
`;
