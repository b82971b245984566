import { css } from 'lit';

/**
 * The colours of the four statuses, from the theme's `--_status-*` tokens (shared/theme.ts): an element sets
 * `data-status` and draws with `--_fg`, `--_bg`, `--_border`. Each status also has its own icon shape and words.
 */
export const statusColors = css`
  [data-status='ok'] {
    --_fg: var(--_status-ok-fg);
    --_bg: var(--_status-ok-bg);
    --_border: var(--_status-ok-border);
  }
  [data-status='local_only'] {
    --_fg: var(--_status-local-only-fg);
    --_bg: var(--_status-local-only-bg);
    --_border: var(--_status-local-only-border);
  }
  [data-status='flagged'] {
    --_fg: var(--_status-flagged-fg);
    --_bg: var(--_status-flagged-bg);
    --_border: var(--_status-flagged-border);
  }
  [data-status='unknown'] {
    --_fg: var(--_status-unknown-fg);
    --_bg: var(--_status-unknown-bg);
    --_border: var(--_status-unknown-border);
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
