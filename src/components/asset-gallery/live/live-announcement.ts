import type { Asset } from '../../../api/index.js';
import { formatCopy, formatPlural, providerName, statusLabel, type Copy } from '../../../status/index.js';
import { titleOf } from '../../media-card/card-view.js';

/**
 * What to say, politely, about a burst of live changes: the one asset shown whose status changed ("“Neon koi” was
 * flagged by Pixverse: …"), or how many did; empty when none did. One sentence per burst, however many changed.
 */
export function describeStatusChanges(before: (id: number) => Asset | undefined, after: readonly Asset[], copy: Copy, locale?: string): string {
  const changed = after.filter((asset) => {
    const old = before(asset.id);
    return old !== undefined && old.provider_status !== asset.provider_status;
  });
  const [only] = changed;
  if (!only) return '';
  if (changed.length > 1) return formatPlural(copy.live.changedMany, changed.length, locale);
  const title = titleOf({ description: only.description, mediaType: only.media_type, id: only.id }, copy);
  if (only.provider_status !== 'flagged') return formatCopy(copy.live.changed, { title, status: statusLabel(only.provider_status, copy) });
  const provider = providerName(only.provider_id, copy);
  const reason = only.provider_status_reason;
  return reason ? formatCopy(copy.live.flagged, { title, provider, reason }) : formatCopy(copy.live.flaggedNoReason, { title, provider });
}
