import { css } from 'lit';
import { theme } from '../shared/theme.js';

export const styles = [
  theme,
  css`
  :host {
    display: block;
    color: var(--_color-fg);
    background-color: var(--_color-bg);
    font-size: var(--age-font-size-overview, 0.875rem);
    line-height: 1.2;
  }
  :host([hidden]) {
    display: none;
  }
  .group {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--age-space-overview-gap, 0.5em);
    margin: 0;
    padding: 0;
  }
  /* The status buttons take their colours from statusColors ([data-status]); "All" is neutral. */
  .button:not([data-status]) {
    --_fg: var(--_color-fg);
    --_bg: var(--_color-surface);
    --_border: var(--_color-border-strong);
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    box-sizing: border-box;
    min-height: 2em;
    margin: 0;
    padding: 0.3em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--age-radius-pill, 999px);
    background-color: var(--_color-bg);
    color: var(--_fg);
    font: inherit;
    font-weight: 600;
    white-space: nowrap;
    cursor: pointer;
  }
  .button[data-status='unknown'] {
    border-style: dashed;
  }
  /*
   * Pressed: visible without colour. A border twice as thick (solid even for Unknown), a bar under the
   * words, and the status's tint; the padding gives back the extra border so that nothing moves.
   */
  .button[aria-pressed='true'] {
    padding: calc(0.3em - 1px) calc(0.75em - 1px);
    border-width: 2px;
    border-style: solid;
    background-color: var(--_bg);
    box-shadow: inset 0 -3px 0 0 var(--_fg);
  }
  /* Unknown has no tint of its own by default (the background's colour); pressed, it still needs one. */
  .button[data-status='unknown'][aria-pressed='true'] {
    background-color: var(--age-status-unknown-bg, var(--_color-surface));
  }
  .button:hover {
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .button:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .count {
    font-variant-numeric: tabular-nums;
  }
  /* A count that is not known: a dash, quieter than a number (screen readers hear "not counted" instead). */
  .not-counted {
    color: var(--_color-muted);
    font-weight: 400;
  }
  .caption {
    margin: 0.4em 0 0;
    color: var(--_color-muted);
    font-size: 0.92em;
    /* One line even when empty (nothing known yet), so that nothing below jumps when the words arrive. */
    min-height: 1.2em;
    min-height: 1lh;
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
      background-color: ButtonFace;
      color: ButtonText;
    }
    /*
     * box-shadow and tints are dropped here: the thick solid border and an underline remain. Not Highlight: some
     * palettes put it below 3:1 on Canvas (Firefox's default, 2.94:1 on white); ButtonText holds its contrast.
     */
    .button[aria-pressed='true'] .label {
      text-decoration: underline;
      text-decoration-thickness: 2px;
      text-underline-offset: 0.2em;
    }
  }
`,
];
