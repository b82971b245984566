import { isRecord, readField } from './read.js';
import { formatCopy, getCopy, providerName, type Copy } from './copy.js';
import { LIBRARY_NOTE_PREFIX, LIBRARY_PROVIDER_ID, LOCAL_ONLY_NOTE_PREFIX, localOnlyReason, REUSED_NOTE_PREFIX, type ProviderStatus } from './statuses.js';

/** What an upload response means for the person who asked for it. */
export interface UploadOutcome {
  /** True only when the provider accepted the file. A local save alone is never a success. */
  providerSucceeded: boolean;
  /** The asset's provider status after this upload. */
  status: ProviderStatus;
  /** One sentence for the person, from the copy. */
  message: string;
  /** Why the provider refused the file, when the server said. */
  reason?: string;
}

/**
 * Reads an `UploadAssetResponse` the way the browser extension does: the provider succeeded unless the note
 * starts with "Asset saved locally; provider upload failed". A save to the library only (provider `local`,
 * "Saved to library …") is local only too: no provider was asked. Any other note (none, empty, "Uploaded via
 * OpenAPI", a dedup note, …) is provider success. A reply that is not an object says nothing either way, so
 * it is reported as an unknown outcome, never as success. Never throws.
 */
export function interpretUploadResponse(response: unknown, copy: Copy = getCopy()): UploadOutcome {
  const provider = providerName(stringField(response, 'provider_id'), copy);
  if (!isRecord(response)) {
    return { providerSucceeded: false, status: 'unknown', message: formatCopy(copy.upload.unreadable, { provider }) };
  }
  const note = stringField(response, 'note') ?? '';
  if (note.startsWith(LOCAL_ONLY_NOTE_PREFIX)) {
    const reason = localOnlyReason(note);
    return reason === undefined
      ? { providerSucceeded: false, status: 'local_only', message: copy.upload.localOnly }
      : { providerSucceeded: false, status: 'local_only', message: formatCopy(copy.upload.localOnlyWithReason, { reason }), reason };
  }
  // A save to the library only was never meant for a provider: kept here, and not a provider success.
  if (note.startsWith(LIBRARY_NOTE_PREFIX) || stringField(response, 'provider_id') === LIBRARY_PROVIDER_ID) {
    return { providerSucceeded: false, status: 'local_only', message: copy.upload.savedToLibrary };
  }
  const template = note.startsWith(REUSED_NOTE_PREFIX) ? copy.upload.reused : copy.upload.accepted;
  return { providerSucceeded: true, status: 'ok', message: formatCopy(template, { provider }) };
}

function stringField(value: unknown, key: string): string | undefined {
  const field = readField(value, key);
  return typeof field === 'string' ? field : undefined;
}
