import type { UploadCompleteDetail, UploadErrorDetail as ErrorEventDetail } from './events.js';

// The upload events' details live with every other event's, in events.ts; re-exported here for the gallery's imports.
export type { UploadCompleteDetail, UploadKind, UploadRequestDetail, UploadStartDetail } from './events.js';

/**
 * @deprecated The gallery's `upload-error` detail until it sends `errorDetail()` (kind, status, retryable); the
 * event's detail is {@link ErrorEventDetail}, in events.ts. Goes once the gallery emits the typed form.
 */
export type UploadErrorDetail = Pick<ErrorEventDetail, 'assetId' | 'message'>;

/** What a card shows of its asset's upload. */
export type UploadState =
  | { phase: 'running'; providerId: string }
  | ({ phase: 'done' } & UploadCompleteDetail)
  | { phase: 'failed'; message: string };
