import { statusFromFields } from './derive.js';
import type { ProviderStatus } from './statuses.js';

export type StatusCounts = Record<ProviderStatus, number>;

/**
 * How many of the given assets have each status, the status being the one the badges show
 * (`deriveProviderStatus`): the asset's own `provider_status` when it is one of the four statuses, else
 * derived from its fields. The one counting function, for parsed assets (which always carry their settled
 * `provider_status`: one property read each, no derivation) and raw server items alike.
 *
 * Never throws: anything that is not a list (null, a number, a string, a plain object) counts nothing; an entry
 * that is not an asset, or whose getters throw, is derived like any other (junk is `unknown`); a list that stops
 * iterating (a hostile iterator) gives the counts read until then. Always a fresh object.
 */
export function countByStatus(assets: Iterable<unknown> | null | undefined): StatusCounts {
  const counts: StatusCounts = { ok: 0, local_only: 0, flagged: 0, unknown: 0 };
  if (assets === null || typeof assets !== 'object') return counts; // a string is iterable, but not a list of assets
  try {
    for (const asset of assets) counts[sentStatus(asset) ?? statusFromFields(asset)] += 1;
  } catch {
    // Not iterable after all (or a hostile iterator): count what was read.
  }
  return counts;
}

/**
 * The asset's own `provider_status` when it is one of the four statuses, else undefined: the fast path for
 * parsed assets, read once and compared without a lookup. A throwing getter reads as undefined.
 */
function sentStatus(asset: unknown): ProviderStatus | undefined {
  if (asset === null || typeof asset !== 'object') return undefined;
  let sent: unknown;
  try {
    sent = (asset as { provider_status?: unknown }).provider_status;
  } catch {
    return undefined;
  }
  switch (sent) {
    case 'ok':
    case 'local_only':
    case 'flagged':
    case 'unknown':
      return sent;
    default:
      return undefined;
  }
}
