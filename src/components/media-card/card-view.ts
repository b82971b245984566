// What a `<media-card>` shows, read from whatever it was given: the `.asset` (`toView`) and the `.upload`
// (`readUploadState`), trusting neither; and the words for it (title, media type, duration, date).
import type { Asset } from '../../api/schemas.js';
import { utcIso } from '../../api/dates.js';
import { toSafeUrl } from '../../api/urls.js';
import { formatCopy, isProviderStatus, resolveProviderStatus, type Copy, type ProviderStatus } from '../../status/index.js';
import { nonBlankString, readField } from '../../status/read.js';
import { dateTimeFormat, numberFormat } from '../shared/locale.js';
import type { UploadState } from '../shared/upload.js';

/** One picture the card can show; the next one is tried when it fails to load. */
export interface Source {
  kind: 'image' | 'video';
  src: string;
}

/** What the card shows, worked out once per asset (not per render). */
export interface View {
  asset: Asset;
  /** The asset's id, read once: the asset itself may throw when read again. */
  id: number;
  status: ProviderStatus;
  sources: Source[];
  description: string | null;
  mediaType: string | null;
  provider: string | null;
  reason: string | null;
  duration: number | null;
  created: Date | null;
}

const VIDEO_FILE = /\.(mp4|webm|mov|m4v)(?:[?#]|$)/i;

/**
 * `.upload` as the card can show it, or null (idle) for anything that is not an upload state, and for one whose
 * `assetId` names another asset (a recycled card must not show the previous asset's outcome). Reads through
 * readField: a stale object whose getters throw (or a revoked Proxy) is idle, not an update that fails.
 */
export function readUploadState(value: unknown, assetId: number | undefined): UploadState | null {
  const field = (key: string) => readField(value, key);
  const owner = field('assetId');
  if (typeof owner === 'number' && owner !== assetId) return null;
  // A blank message is none: the card words the outcome from the copy.
  const message = nonBlankString(field('message')) ?? '';
  switch (field('phase')) {
    case 'running': {
      const providerId = field('providerId');
      return { phase: 'running', providerId: typeof providerId === 'string' ? providerId : '' };
    }
    case 'failed':
      return { phase: 'failed', message };
    case 'done': {
      const status = field('status');
      const reason = nonBlankString(field('reason'));
      return {
        phase: 'done',
        providerSucceeded: field('providerSucceeded') === true,
        status: isProviderStatus(status) ? status : 'unknown',
        message,
        ...(reason === undefined ? {} : { reason }),
      };
    }
    default:
      return null;
  }
}

/**
 * Reads what the card shows from an asset, trusting nothing: every field through readField, so a hand-made or
 * stale object (throwing getters, a revoked Proxy) gives an empty or unknown card, never an update that throws.
 * The status is derived as everywhere else (the overview's counts): a raw server item without `provider_status`
 * shows what its `provider_flagged`, notes and URLs say; a parsed asset keeps its settled status and reason.
 */
export function toView(value: unknown): View | null {
  const field = (key: string) => readField(value, key);
  const id = field('id');
  if (typeof id !== 'number' || !Number.isFinite(id)) return null;
  const mediaType = text(field('media_type'));
  const seconds = field('duration_sec');
  const duration = typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
  const { status, reason } = resolveProviderStatus(value);
  return {
    asset: value as Asset,
    id,
    status,
    sources: sourcesOf(field, mediaType),
    description: text(field('description')),
    mediaType,
    provider: text(field('provider_id')),
    reason: text(field('provider_status_reason')) ?? reason ?? null,
    duration,
    created: dateOf(field('created_at')),
  };
}

/**
 * The pictures to try, best first. Images: the preview, then the thumbnail. Videos: a thumbnail or preview
 * that is an image, then the video file itself for its first frame (a .mp4/.webm/.mov URL, or the file URL of
 * a video/* asset). Era A servers copied a video's file URL into `thumbnail_url`; that one counts as the video.
 */
function sourcesOf(field: (key: string) => unknown, mediaType: string | null): Source[] {
  const preview = safe(field('preview_url'));
  const thumbnail = safe(field('thumbnail_url'));
  const file = safe(field('file_url'));
  const remote = safe(field('remote_url'));
  const sources: Source[] = [];
  const add = (kind: Source['kind'], src: string | null) => {
    if (src !== null && !sources.some((source) => source.src === src)) sources.push({ kind, src });
  };
  if (mediaType !== 'video') {
    add('image', preview);
    add('image', thumbnail);
    return sources;
  }
  const mime = field('mime_type');
  const isVideoMime = typeof mime === 'string' && /^video\//i.test(mime);
  const isVideoFile = (url: string) => VIDEO_FILE.test(url) || (isVideoMime && (url === file || url === remote));
  for (const url of [preview, thumbnail]) if (url !== null && !isVideoFile(url)) add('image', url);
  for (const url of [preview, thumbnail, file, remote]) if (url !== null && isVideoFile(url)) add('video', firstFrame(url));
  return sources;
}

/** Safari draws no frame for preload="metadata" without a start time. */
function firstFrame(url: string): string {
  return url.includes('#') ? url : `${url}#t=0.1`;
}

/** A URL allowed in a src (http(s), blob:, same origin), or null; the api module has checked it already. */
function safe(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? toSafeUrl(value) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A time without an offset is the server's naive UTC, not the reader's local time. */
function dateOf(value: unknown): Date | null {
  const iso = utcIso(value);
  return iso === null ? null : new Date(iso);
}

/** The asset's description, else "Video #12"; the template gives it `dir="auto"`, as a person's words may run either way. */
export function titleOf(view: Pick<View, 'description' | 'mediaType' | 'id'>, copy: Copy): string {
  return view.description?.trim() ? view.description : formatCopy(copy.card.untitled, { mediaType: mediaTypeName(view.mediaType, copy), id: view.id }).trim();
}

export function mediaTypeName(mediaType: string | null, copy: Copy): string {
  if (mediaType === null) return '';
  return Object.hasOwn(copy.card.mediaTypes, mediaType) ? (copy.card.mediaTypes[mediaType] ?? mediaType) : mediaType;
}

/** 5 → "5", 8.25 → "8.3" (one decimal at most, in the reader's locale). */
export function formatSeconds(seconds: number, locale?: string): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(seconds);
}

/** The date and time in the reader's time zone and locale. */
export function formatDate(date: Date, locale?: string): string {
  return dateTimeFormat(locale).format(date);
}
