import type { UploadCompleteDetail } from './events.js';

/** What a card shows of its asset's upload. */
export type UploadState =
  | { phase: 'running'; providerId: string }
  | ({ phase: 'done' } & UploadCompleteDetail)
  | { phase: 'failed'; message: string };
