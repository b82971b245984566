/** The four provider statuses an asset can have, in the order the UI lists them. */
export const PROVIDER_STATUSES = ['ok', 'local_only', 'flagged', 'unknown'] as const;

export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

/**
 * The status filters a person can choose, in the order the UI lists them: `null` (all assets) first, then each
 * of {@link PROVIDER_STATUSES}. Frozen: one list shared by every element.
 */
export const STATUS_FILTERS: readonly [null, ...typeof PROVIDER_STATUSES] = Object.freeze([null, ...PROVIDER_STATUSES] as const);

/** One of {@link STATUS_FILTERS}: a status, or `null` for all assets. */
export type StatusFilterOption = (typeof STATUS_FILTERS)[number];

const STATUS_SET: ReadonlySet<string> = new Set(PROVIDER_STATUSES);

/** True for exactly the four status values; `not_flagged` (a filter value) and anything else is false. */
export function isProviderStatus(value: unknown): value is ProviderStatus {
  return typeof value === 'string' && STATUS_SET.has(value);
}

/**
 * The backend's upload note starts with this when it kept the file but the provider refused it
 * (`UploadAssetResponse.note`). The browser extension tests for exactly this prefix, and so do we.
 */
export const LOCAL_ONLY_NOTE_PREFIX = 'Asset saved locally; provider upload failed';

/**
 * A save to the library (HEAD's `save_target=library`) never goes to a provider: the reply names the provider
 * `local` and its note starts with this ("Saved to library (backend storage only)."). The asset is local only.
 */
export const LIBRARY_NOTE_PREFIX = 'Saved to library';
export const LIBRARY_PROVIDER_ID = 'local';

/** Dedup notes start with this ("Reused existing asset (deduplicated by sha256)", "… (phash match)"). */
export const REUSED_NOTE_PREFIX = 'Reused existing asset';

/**
 * The failure reason carried by a local-only note: the text after the prefix's colon, or undefined when the
 * note is not a local-only note or names no reason.
 */
export function localOnlyReason(note: unknown): string | undefined {
  if (typeof note !== 'string' || !note.startsWith(LOCAL_ONLY_NOTE_PREFIX)) return undefined;
  const rest = note.slice(LOCAL_ONLY_NOTE_PREFIX.length);
  const colon = rest.indexOf(':');
  const reason = colon === -1 ? '' : rest.slice(colon + 1).trim();
  return reason === '' ? undefined : reason;
}
