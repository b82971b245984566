import { html, type TemplateResult } from 'lit';
import { describeError } from '../../api/index.js';
import { formatCopy, formatPlural, statusLabel, type Copy, type ProviderStatus } from '../../status/index.js';

/** Placeholder cards shown while the first page loads. */
const SKELETON_CARDS = 8;

/** The placeholders while the first page loads (at most as many as a page holds). */
export function renderSkeletons(copy: Copy, limit: number): TemplateResult {
  const count = Math.min(SKELETON_CARDS, limit);
  return html`<p class="visually-hidden">${copy.gallery.loading}</p>
    <ul part="list" class="grid" aria-hidden="true">
      ${Array.from({ length: count }, () => html`<li><div part="skeleton" class="skeleton"></div><div part="skeleton-line" class="skeleton-line"></div></li>`)}
    </ul>`;
}

/** The first page failed: what went wrong, and Retry. */
export function renderError(copy: Copy, error: unknown, retry: () => void): TemplateResult {
  return html`<div part="error" class="state error" role="alert">
    <p part="error-title" class="error-title">${copy.gallery.errorTitle}</p>
    <p part="error-message">${describeError(error, copy)}</p>
    <button part="button retry" type="button" @click=${retry}>${copy.gallery.retry}</button>
  </div>`;
}

/**
 * Nothing to show: no assets at all, or none with the filtered status ("so far" while the server has more pages,
 * since the next may still hold some), with "Show all".
 */
export function renderEmpty(
  copy: Copy,
  locale: string | undefined,
  state: { filter: ProviderStatus | null; loadedSoFar: number | null; clearFilter: () => void },
): TemplateResult {
  if (!state.filter) return html`<div part="empty" class="state"><p part="empty-title" class="empty-title">${copy.gallery.empty}</p></div>`;
  const status = statusLabel(state.filter, copy);
  const title =
    state.loadedSoFar !== null
      ? formatCopy(formatPlural(copy.gallery.emptyFilteredSoFar, state.loadedSoFar, locale), { status })
      : formatCopy(copy.gallery.emptyFiltered, { status });
  return html`<div part="empty" class="state">
    <p part="empty-title" class="empty-title">${title}</p>
    <button part="button clear-filter" type="button" @click=${state.clearFilter}>${copy.gallery.clearFilter}</button>
  </div>`;
}

/** Below the list: why the next page failed (with Retry), or "Load more" (with infinite scroll's sentinel), or nothing. */
export function renderFooter(
  copy: Copy,
  state: { error: unknown; hasMore: boolean; loading: boolean; sentinel: boolean; loadMore: () => void },
): TemplateResult | null {
  if (state.error) {
    return html`<div part="footer" class="footer" role="alert">
      <span part="load-more-error">${describeError(state.error, copy)}</span>
      <button part="button retry" type="button" @click=${state.loadMore}>${copy.gallery.retry}</button>
    </div>`;
  }
  if (!state.hasMore) return null;
  return html`<div part="footer" class="footer">
    <button part="button load-more" type="button" aria-disabled=${state.loading ? 'true' : 'false'} @click=${state.loadMore}>
      ${state.loading ? copy.gallery.loadingMore : copy.gallery.loadMore}
    </button>
    ${state.sentinel ? html`<div class="sentinel"></div>` : null}
  </div>`;
}
