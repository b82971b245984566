import type { UploadCompleteDetail } from './events.js';

/** An upload the server answered, as a card shows it. */
export interface UploadDone extends UploadCompleteDetail {
  phase: 'done';
}

/** What a card shows of its asset's upload. */
export type UploadState = { phase: 'running'; providerId: string } | UploadDone | { phase: 'failed'; message: string };
