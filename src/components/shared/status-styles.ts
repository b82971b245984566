import { css } from 'lit';

/**
 * The colours of the four statuses as custom properties on :host, shared by the badge and the overview.
 * Text colours meet 4.5:1 on their backgrounds; each status also has its own icon shape and words.
 * Hosts restyle them with `--age-status-{ok|local-only|flagged|unknown}-{fg|bg|border}`.
 */
export const statusColors = css`
  :host {
    --_ok-fg: var(--age-status-ok-fg, #17642b);
    --_ok-bg: var(--age-status-ok-bg, #e4f4e8);
    --_ok-border: var(--age-status-ok-border, #3f8f55);
    --_local-only-fg: var(--age-status-local-only-fg, #744600);
    --_local-only-bg: var(--age-status-local-only-bg, #fff1cc);
    --_local-only-border: var(--age-status-local-only-border, #b07410);
    --_flagged-fg: var(--age-status-flagged-fg, #a1111d);
    --_flagged-bg: var(--age-status-flagged-bg, #fde7e9);
    --_flagged-border: var(--age-status-flagged-border, #c9303c);
    --_unknown-fg: var(--age-status-unknown-fg, #4a5060);
    --_unknown-bg: var(--age-status-unknown-bg, transparent);
    --_unknown-border: var(--age-status-unknown-border, #7b8190);
  }
  [data-status='ok'] {
    --_fg: var(--_ok-fg);
    --_bg: var(--_ok-bg);
    --_border: var(--_ok-border);
  }
  [data-status='local_only'] {
    --_fg: var(--_local-only-fg);
    --_bg: var(--_local-only-bg);
    --_border: var(--_local-only-border);
  }
  [data-status='flagged'] {
    --_fg: var(--_flagged-fg);
    --_bg: var(--_flagged-bg);
    --_border: var(--_flagged-border);
  }
  [data-status='unknown'] {
    --_fg: var(--_unknown-fg);
    --_bg: var(--_unknown-bg);
    --_border: var(--_unknown-border);
  }
  .status-icon {
    width: 1.1em;
    height: 1.1em;
    flex: none;
  }
`;

/** Hidden from sight, still read by screen readers. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
