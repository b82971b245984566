import { isRecord, nonBlankString, readField as read } from './read.js';
import { isProviderStatus, LOCAL_ONLY_NOTE_PREFIX, localOnlyReason, type ProviderStatus } from './statuses.js';

/** A status together with the reason behind it, when the asset names one. */
export interface ResolvedStatus {
  status: ProviderStatus;
  /** Flagged: the provider's flag reason. Local only: why the provider upload failed. */
  reason?: string;
}

/**
 * The asset's provider status: the server's own `provider_status` when it is one of the four values,
 * otherwise derived from the asset's fields (first matching rule wins). Rules 1, 2 and 4 to 8 are the server's
 * `_compute_provider_status` (pixsim7 `pixsim7/backend/main/api/v1/assets_helpers.py` @ 3d20eed89), with its
 * tests exactly as written there, so that a response missing `provider_status` gets what the server would say:
 * 1. flagged: `provider_flagged`, or `media_metadata.provider_flagged`, is true: JSON `true`, or a string that
 *    is "true" in any letter case, as is, with no whitespace trimmed (the server's `_metadata_truthy`);
 * 2. local_only: `media_metadata.provider_removed` is true (same test);
 * 3. local_only: the last upload note (`note` / `upload_note`) starts with "Asset saved locally; provider
 *    upload failed". Client-only: the server's derivation has no such rule (see the comment at the rule);
 * 4. ok: `remote_url` starts with `http://` or `https://`, case-sensitive like the server's `startswith`
 *    (`HTTPS://…` or `Http://…` is not ok by this rule);
 * 5. ok: `provider_asset_id` is a non-empty string not starting with `local_` (whitespace is not trimmed);
 * 6. ok: `provider_uploads` is a non-empty object (a map naming at least one provider);
 * 7. local_only: `provider_asset_id` is a `local_…` placeholder;
 * 8. unknown.
 *
 * Never throws: any input (null, a number, an object whose getters throw) gives a status.
 */
export function deriveProviderStatus(asset: unknown): ProviderStatus {
  return statusOf(asset); // no reason looked up: counting 100 000 assets calls this 100 000 times
}

/** {@link deriveProviderStatus} plus the reason behind a flagged or local-only status. */
export function resolveProviderStatus(asset: unknown): ResolvedStatus {
  const status = statusOf(asset);
  const reason = status === 'flagged' ? flagReason(asset) : status === 'local_only' ? localOnlyReason(uploadNote(asset)) : undefined;
  return reason === undefined ? { status } : { status, reason };
}

function statusOf(asset: unknown): ProviderStatus {
  const sent = read(asset, 'provider_status');
  return isProviderStatus(sent) ? sent : statusFromFields(asset);
}

/**
 * Rules 1 to 8 of {@link deriveProviderStatus}, for an asset whose `provider_status` was read already and is not
 * one of the four statuses (countByStatus reads it itself, once). Internal: not exported by the module.
 */
export function statusFromFields(asset: unknown): ProviderStatus {
  const metadata = read(asset, 'media_metadata');
  if (isTrue(read(asset, 'provider_flagged')) || isTrue(read(metadata, 'provider_flagged'))) return 'flagged';
  if (isTrue(read(metadata, 'provider_removed'))) return 'local_only';
  // Client-only rule, not in the server's derivation: the failure note comes only in upload replies
  // (`UploadAssetResponse.note`; the server never stores it), never in list or get responses, so it cannot
  // change the status of a server item. It exists for an item that carries that reply's note and no
  // `provider_status` (an asset a host built from an upload reply): the provider refused the file, so it is
  // local only even when an http(s) `remote_url` or a provider id is present.
  const note = uploadNote(asset);
  if (typeof note === 'string' && note.startsWith(LOCAL_ONLY_NOTE_PREFIX)) return 'local_only';
  if (isHttpUrl(read(asset, 'remote_url'))) return 'ok';
  const providerAssetId = read(asset, 'provider_asset_id');
  const isPlaceholder = typeof providerAssetId === 'string' && providerAssetId.startsWith('local_');
  if (typeof providerAssetId === 'string' && providerAssetId !== '' && !isPlaceholder) return 'ok';
  if (hasEntries(read(asset, 'provider_uploads'))) return 'ok';
  if (isPlaceholder) return 'local_only';
  return 'unknown';
}

function flagReason(asset: unknown): string | undefined {
  // Era A sent `provider_flag_reason`; later backends keep `provider_flagged_reason` in media_metadata.
  return nonBlankString(read(asset, 'provider_flag_reason')) ?? nonBlankString(read(read(asset, 'media_metadata'), 'provider_flagged_reason'));
}

function uploadNote(asset: unknown): unknown {
  return read(asset, 'note') ?? read(asset, 'upload_note');
}

/**
 * The server's `_metadata_truthy`: `value is True or (isinstance(value, str) and value.lower() == "true")`.
 * JSON `true`, or "true" in any letter case; nothing is trimmed, so " true " is not true. Also used for the
 * top-level `provider_flagged`, which servers only ever send as a JSON boolean (Era A's bool column).
 */
function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/**
 * The server's `remote_url.startswith("http://") or remote_url.startswith("https://")`: case-sensitive, so
 * "HTTPS://…" or "Http://…" does not count. (Whether a URL may be shown is another matter: see api/urls.ts.)
 */
function isHttpUrl(value: unknown): boolean {
  return typeof value === 'string' && (value.startsWith('http://') || value.startsWith('https://'));
}

/**
 * The server tests `provider_uploads` for Python truthiness, but its response type is `Dict[str, Any] | None`,
 * so a response only ever carries an object or null: a non-empty object is what counts here.
 */
function hasEntries(value: unknown): boolean {
  if (!isRecord(value)) return false;
  try {
    return Object.keys(value).length > 0;
  } catch {
    return false;
  }
}
