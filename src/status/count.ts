import { deriveProviderStatus } from './derive.js';
import type { ProviderStatus } from './statuses.js';

export type StatusCounts = Record<ProviderStatus, number>;

/** How many of the given assets have each status (derived the same way the badges derive it). */
export function countByStatus(assets: Iterable<unknown> | null | undefined): StatusCounts {
  const counts: StatusCounts = { ok: 0, local_only: 0, flagged: 0, unknown: 0 };
  if (assets === null || typeof assets !== 'object') return counts; // a string is iterable, but not a list of assets
  try {
    for (const asset of assets) counts[deriveProviderStatus(asset)] += 1;
  } catch {
    // Not iterable after all (or a hostile iterator): count what was read.
  }
  return counts;
}
