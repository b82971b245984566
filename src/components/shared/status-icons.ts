import { svg, type SVGTemplateResult } from 'lit';
import type { ProviderStatus } from '../../status/index.js';

/**
 * One shape per status, so that no status depends on colour alone (and forced-colors mode keeps them apart):
 * a check for Provider OK, a crossed-out cloud for Local only (a plain cloud would read "only in the cloud"),
 * a flag for Flagged, a question mark for Unknown.
 */
const SHAPES: Record<ProviderStatus, SVGTemplateResult> = {
  ok: svg`<circle cx="8" cy="8" r="6.5"/><path d="M5 8.3l2.1 2.1L11.2 6"/>`,
  local_only: svg`<path d="M4.6 12.5h6.9a2.8 2.8 0 0 0 .5-5.55A4 4 0 0 0 4.3 6.1 3.2 3.2 0 0 0 4.6 12.5z"/><path d="M2 2l12 12"/>`,
  flagged: svg`<path d="M3.5 14.5V1.8"/><path d="M3.5 2.3h9l-2.2 3.1 2.2 3.1h-9"/>`,
  unknown: svg`<circle cx="8" cy="8" r="6.5"/><path d="M6.1 6.2a2 2 0 1 1 2.7 1.9c-.5.2-.8.6-.8 1.1v.5"/><path d="M8 11.6v.1"/>`,
};

/** The status's icon: decorative (the label next to it carries the meaning), sized by the font. */
export function statusIcon(status: ProviderStatus): SVGTemplateResult {
  return svg`<svg class="status-icon" part="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${SHAPES[status]}</svg>`;
}
