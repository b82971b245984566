/**
 * `asset-gallery-elements/status`: the provider-status vocabulary, its derivation, the reading of upload
 * responses, the upload rules (where an upload goes, which one a card offers, what a bulk re-upload takes,
 * which files are media), counts, the status filters and every user-facing word. Pure and DOM-free: it runs
 * in Node and in the browser.
 */
export {
  PROVIDER_STATUSES,
  isProviderStatus,
  localOnlyReason,
  LOCAL_ONLY_NOTE_PREFIX,
  LIBRARY_NOTE_PREFIX,
  LIBRARY_PROVIDER_ID,
  REUSED_NOTE_PREFIX,
  STATUS_FILTERS,
  type ProviderStatus,
  type StatusFilterOption,
} from './statuses.js';
export { deriveProviderStatus, resolveProviderStatus, type ResolvedStatus } from './derive.js';
export { interpretUploadResponse, type UploadOutcome } from './upload.js';
export { countByStatus, type StatusCounts } from './count.js';
export {
  bulkReuploadTargets,
  DEFAULT_UPLOAD_PROVIDER,
  isBulkReuploadTarget,
  isUploadableMedia,
  uploadOffer,
  uploadTarget,
  type UploadOffer,
  type UploadOfferQuery,
  type UploadPhase,
} from './upload-rules.js';
export {
  DEFAULT_COPY,
  copyFor,
  formatCopy,
  formatPlural,
  getCopy,
  mergeCopy,
  onCopyChange,
  providerName,
  registerLocale,
  resetCopy,
  setCopy,
  statusExplanation,
  statusLabel,
  type Copy,
  type CopyOverrides,
  type Plural,
} from './copy.js';
