import { css } from 'lit';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  css`
  :host {
    display: inline-block;
    font-size: var(--age-font-size-badge, 0.8125rem);
    line-height: 1.2;
  }
  :host([hidden]) {
    display: none;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    margin: 0;
    padding-block: 0.2em;
    padding-inline: 0.45em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--age-radius-pill, 999px);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-weight: 600;
    white-space: nowrap;
    cursor: help;
    /* WCAG 2.2 target size: at least 24 by 24 CSS pixels. */
    min-height: 24px;
    min-width: 24px;
    box-sizing: border-box;
  }
  .badge[data-status='unknown'] {
    font-weight: 500;
    border-style: dashed;
  }
  .badge:focus-visible,
  .explanation:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .explanation {
    /* In the top layer (popover) when the browser has it, so no card or scroller clips it. */
    position: fixed;
    inset: auto;
    margin: 0;
    max-width: min(22rem, calc(100vw - 16px));
    /* A reason too long for the viewport scrolls inside it rather than running off-screen. */
    max-height: calc(100vh - 16px);
    overflow-y: auto;
    box-sizing: border-box;
    padding: 0.5em 0.7em;
    border: 1px solid var(--_border);
    border-radius: var(--age-radius-control, 6px);
    background: var(--_color-bg);
    color: var(--_color-fg);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
    font-weight: 400;
    white-space: normal;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .explanation:not(:popover-open):not(.fallback-open) {
    display: none;
  }
  .provider {
    display: block;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .badge,
    .explanation {
      border-color: CanvasText;
    }
  }
`,
];
