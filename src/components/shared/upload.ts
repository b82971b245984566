import type { ProviderStatus } from '../../status/index.js';

/** What a person asked to upload: an asset again, files they chose or dropped, or a URL. */
export type UploadKind = 'reupload' | 'file' | 'url';

/** `upload-request` (cancelable: a host may veto it, or take it over and do the upload itself). */
export interface UploadRequestDetail {
  kind: UploadKind;
  /** The asset to upload again (`reupload`). */
  assetId?: number;
  /** The provider to upload to. */
  providerId: string;
  /** The file (`file`). */
  file?: File;
  /** The URL (`url`). */
  url?: string;
}

/** `upload-start`: the request left. */
export type UploadStartDetail = UploadRequestDetail;

/** `upload-complete`: the server answered; `providerSucceeded` is false for a local-only save. */
export interface UploadCompleteDetail {
  assetId?: number;
  providerSucceeded: boolean;
  status: ProviderStatus;
  message: string;
  reason?: string;
}

/** `upload-error`: the request failed (HTTP, network); nothing was saved as far as the client knows. */
export interface UploadErrorDetail {
  assetId?: number;
  message: string;
}

/** What a card shows of its asset's upload. */
export type UploadState =
  | { phase: 'running'; providerId: string }
  | ({ phase: 'done' } & UploadCompleteDetail)
  | { phase: 'failed'; message: string };
