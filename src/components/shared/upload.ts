import type { UploadProgress } from '../../api/index.js';
import type { UploadCompleteDetail } from './events.js';

/** An upload the server answered, as a card shows it. */
export interface UploadDone extends UploadCompleteDetail {
  phase: 'done';
}

/** What a card or an upload row shows of an upload; `sent`: the bytes of a file sent so far, where they are known. */
export type UploadState = { phase: 'running'; providerId: string; sent?: UploadProgress } | UploadDone | { phase: 'failed'; message: string };
