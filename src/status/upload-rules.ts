import { deriveProviderStatus } from './derive.js';
import { nonBlankString, readField } from './read.js';
import { isProviderStatus, type ProviderStatus } from './statuses.js';

/**
 * The upload rules: where an upload goes, which upload a card offers, which assets a bulk re-upload takes and
 * which files may be uploaded at all. The elements ask these; they do not decide. Pure, DOM-free, and never
 * throws: every input is read as untrusted data (a non-string, a throwing getter or a revoked Proxy reads as
 * missing).
 */

/** The provider an upload goes to when neither the host (`upload-provider`) nor the asset names one. */
export const DEFAULT_UPLOAD_PROVIDER = 'pixverse';

/**
 * The provider an upload goes to: the `chosen` one (the element's `upload-provider`) trimmed, else the asset's
 * own provider (`provider_id`) trimmed, else {@link DEFAULT_UPLOAD_PROVIDER}. A blank string, a non-string or
 * nothing at all is no choice. Files and URLs have no asset: `uploadTarget(chosen, undefined)`.
 */
export function uploadTarget(chosen: unknown, assetProvider: unknown): string {
  return nonBlankString(chosen) ?? nonBlankString(assetProvider) ?? DEFAULT_UPLOAD_PROVIDER;
}

/**
 * The upload button an asset's card shows: `'upload'` ("Upload to provider"), `'retry'` ("Retry upload"), or
 * `null` for no button.
 */
export type UploadOffer = 'upload' | 'retry' | null;

/** Where an asset's upload stands, as its card knows it. */
export type UploadPhase = 'idle' | 'running' | 'done' | 'failed';

/** What {@link uploadOffer} is asked about; every field is read as untrusted data. */
export interface UploadOfferQuery {
  /** The asset's provider status; anything but one of the four statuses counts as `unknown`. */
  status: unknown;
  /** The asset's `provider_id`. */
  provider?: unknown;
  /**
   * The provider an upload would go to: the element's `upload-provider`, or what {@link uploadTarget} made of
   * it; either way it is resolved with `uploadTarget(target, provider)`, so both give the same answer.
   */
  target?: unknown;
  /**
   * `idle` (the default, and what anything else counts as), `running` (a request is running, or a click's
   * request is pending and not yet answered), `done` (the server answered) or `failed` (the request failed).
   */
  phase?: unknown;
  /** `done`: the provider accepted the file. Only `true` counts. */
  providerSucceeded?: unknown;
  /** `running`: the request came from a `'retry'` offer. Only `true` counts. */
  retrying?: unknown;
}

const PHASES: ReadonlySet<unknown> = new Set<UploadPhase>(['idle', 'running', 'done', 'failed']);

/**
 * Which upload button a card offers, by its asset's status and where its upload stands:
 * - idle: none for a flagged asset (a moderation flag is not fixed by uploading again), none for one already
 *   OK on the target provider (provider ids compared trimmed); "Retry upload" for a local-only asset (its
 *   provider upload failed before); "Upload to provider" for any other (unknown, or OK on another provider);
 * - running: the button stays, busy, so focus stays on it and its words do not change under it: "Retry upload"
 *   when the request came from a retry offer (`retrying`) or the asset is local only, else "Upload to provider".
 *   Never none, even for a flagged asset: a running request is shown where it was asked for;
 * - done: none when the provider accepted the file, or the asset is flagged; else "Retry upload" (saved
 *   locally only, or an unreadable reply);
 * - failed (HTTP, network): "Retry upload", except on a flagged asset.
 *
 * Only the button: whether it is busy (running) and what the card says beside it are the card's. In the idle
 * phase no offer means no upload controls at all; in the others the card still shows its progress or outcome.
 */
export function uploadOffer(query: UploadOfferQuery): UploadOffer {
  const field = (key: keyof UploadOfferQuery) => readField(query, key);
  const sent = field('status');
  const status: ProviderStatus = isProviderStatus(sent) ? sent : 'unknown';
  const phaseField = field('phase');
  const phase = PHASES.has(phaseField) ? (phaseField as UploadPhase) : 'idle';
  switch (phase) {
    case 'running':
      return field('retrying') === true || status === 'local_only' ? 'retry' : 'upload';
    case 'failed':
      return status === 'flagged' ? null : 'retry';
    case 'done':
      return field('providerSucceeded') === true || status === 'flagged' ? null : 'retry';
    case 'idle': {
      if (status === 'flagged') return null;
      const provider = field('provider');
      if (status === 'ok' && nonBlankString(provider) === uploadTarget(field('target'), provider)) return null;
      return status === 'local_only' ? 'retry' : 'upload';
    }
  }
}

/**
 * True for an asset a bulk re-upload ("Upload N local-only assets again") takes: one that is local only. A
 * parsed asset by its settled `provider_status`; a raw server item without one by the status derived from its
 * fields ({@link deriveProviderStatus}). Flagged, OK and unknown assets are left out. Ask again when the
 * asset's turn comes: one uploaded or flagged since is no longer a target.
 */
export function isBulkReuploadTarget(asset: unknown): boolean {
  return deriveProviderStatus(asset) === 'local_only';
}

/**
 * The assets a bulk re-upload takes ({@link isBulkReuploadTarget}), in their order, as a new array. Anything
 * that is not a list (null, a string, a plain object) takes none; a list that stops iterating (a hostile
 * iterator) gives the targets read until then.
 */
export function bulkReuploadTargets<T>(assets: Iterable<T> | null | undefined): T[] {
  const targets: T[] = [];
  if (assets === null || typeof assets !== 'object') return targets; // a string is iterable, but not a list of assets
  try {
    for (const asset of assets) if (isBulkReuploadTarget(asset)) targets.push(asset);
  } catch {
    // Not iterable after all (or a hostile iterator): the targets read so far.
  }
  return targets;
}

/** A MIME type of an image or a video (`image/png`, `video/mp4`); MIME types are case-insensitive. */
const MEDIA_MIME = /^(?:image|video)\//i;

/**
 * True for what may be uploaded: a file (anything with a `type`, like a `File`) or a MIME type string that
 * names an image or a video (`image/*`, `video/*`). An upload row whose file is not media is refused before it
 * is sent, and a failed one offers no retry (it would fail again); a row without a file (a URL) is not asked
 * about. A missing, empty or non-string type is not media. Browsers give `File.type` in lower case; other
 * objects are read case-insensitively, as MIME types are.
 */
export function isUploadableMedia(file: { type?: unknown } | string): boolean {
  const type = typeof file === 'string' ? file : readField(file, 'type');
  return typeof type === 'string' && MEDIA_MIME.test(type);
}
