import * as z from 'zod/mini';
import { resolveProviderStatus, type ProviderStatus } from '../status/index.js';
import { isRecord } from '../status/read.js';
import { utcIso } from './dates.js';
import { toSafeUrl } from './urls.js';

/*
 * The wire format of the PixSim7 assets API, in both of its eras (see shared/spec/backend-contract.md).
 * Parsing is lenient field by field: a field of the wrong type reads as null (or []) instead of failing the
 * asset. Only an asset without a usable id cannot be shown; the list parser skips and counts it.
 */

/*
 * Strict CSP (`script-src 'self'`, Trusted Types): our parsing never evaluates a string. zod/mini's own parsers
 * build no code, but zod can be made to from outside: once a host imports `zod/compile` (zod's global compile
 * mode), every schema built afterwards, ours included, is compiled with `new Function` on its first parse, and
 * a blocked `new Function` is reported as a `securitypolicyviolation` even though zod catches it and falls
 * back. zod's switch for this is `jitless`: the compile mode reads only the global `z.config().jitless`, one
 * object shared by every copy of zod on the page (`globalThis.__zod_globalConfig`).
 * Setting that for good would also switch off the host's own compilation, so it is set only for the length of
 * our parse, which is synchronous, and put back at once: the host keeps what it chose. Parse these schemas
 * with `safeParseWithoutEval`, never `.safeParse` directly. Verified in Chromium by test/node/csp.test.ts.
 */
const zodConfig = z.config();

/** `schema.safeParse(json)` that never evaluates a string, whatever the host did to zod's configuration. */
export function safeParseWithoutEval<T extends z.ZodMiniType>(schema: T, json: unknown): ReturnType<T['safeParse']> {
  const hostJitless = zodConfig.jitless;
  zodConfig.jitless = true;
  try {
    return schema.safeParse(json) as ReturnType<T['safeParse']>;
  } finally {
    zodConfig.jitless = hostJitless;
  }
}

/** A field of the wire read leniently: its value when it has the right type, else null. */
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** An id: a non-negative safe integer, or the digit string a server may send instead. */
const readId = (value: unknown): number | undefined =>
  typeof value === 'number'
    ? Number.isSafeInteger(value) && value >= 0
      ? value
      : undefined
    : typeof value === 'string' && /^\d{1,15}$/.test(value)
      ? Number(value)
      : undefined;

/**
 * A schema for one wire object: `read` takes the fields it needs by name, leniently, and returns what it made, or
 * undefined when the object cannot be used (`problem` says why: an asset without a usable id). Anything but an
 * object fails too, and so does one whose fields throw when read (a getter, a revoked proxy): never the caller.
 * Not a zod object schema with a schema per field: that took ten times as long and 2 kB gzip more (SIZE.md); and
 * not `z.looseObject` with one transform, which copies only own enumerable keys (a host's model class, whose
 * fields are getters, lost all but its id).
 */
function wireObject<T>(problem: string, read: (object: Record<string, unknown>) => T | undefined) {
  return z.pipe(
    z.unknown(),
    z.transform((value, context): T => {
      let made: T | undefined;
      try {
        made = isRecord(value) ? read(value) : undefined;
      } catch {
        made = undefined;
      }
      if (made !== undefined) return made;
      context.issues.push({ code: 'custom', message: problem, input: value });
      return z.NEVER;
    }),
  );
}

/**
 * One `AssetResponse`, Era A (GET list; tags as strings, `provider_flagged`) or HEAD (POST /search), as read: the
 * fields an {@link Asset} has, as sent (URLs not checked yet, the date as the server wrote it), and the inputs of
 * the status derivation.
 */
export interface AssetResponse extends Omit<Asset, 'tags' | 'provider_status' | 'provider_status_reason' | 'created_at'> {
  /** Strings (Era A) or `TagSummary` objects (HEAD), as sent; `toAsset` keeps the labels it can read. */
  tags: unknown[];
  created_at: string | null;
  // Inputs of the status derivation, as sent: read by `toAsset`, then left behind.
  provider_status?: unknown;
  provider_flagged?: unknown;
  provider_flag_reason?: unknown;
  media_metadata?: unknown;
  provider_uploads?: unknown;
  note?: unknown;
  upload_note?: unknown;
}

export const AssetResponseSchema = wireObject('not an asset with a usable id', (item): AssetResponse | undefined => {
  const id = readId(item.id);
  return id === undefined
    ? undefined
    : {
      id,
      user_id: num(item.user_id),
      media_type: text(item.media_type),
      provider_id: text(item.provider_id),
      provider_asset_id: text(item.provider_asset_id),
      remote_url: text(item.remote_url),
      thumbnail_url: text(item.thumbnail_url),
      preview_url: text(item.preview_url),
      file_url: text(item.file_url),
      sync_status: text(item.sync_status),
      file_size_bytes: num(item.file_size_bytes),
      duration_sec: num(item.duration_sec),
      width: num(item.width),
      height: num(item.height),
      mime_type: text(item.mime_type),
      description: text(item.description),
      tags: Array.isArray(item.tags) ? item.tags : [],
      created_at: text(item.created_at),
      provider_status: item.provider_status,
      provider_flagged: item.provider_flagged,
      provider_flag_reason: item.provider_flag_reason,
      media_metadata: item.media_metadata,
      provider_uploads: item.provider_uploads,
      note: item.note,
      upload_note: item.upload_note,
    };
});

/** `AssetListResponse`: the page envelope. Items are parsed one by one, see {@link parseAssetList}. */
export const AssetListResponseSchema = wireObject('not a page of assets (no "assets" array)', (page) => {
  const sent: unknown = page.assets;
  if (!Array.isArray(sent)) return undefined;
  const assets: unknown[] = sent; // not the `any[]` Array.isArray makes of it
  return { assets, total: num(page.total), limit: num(page.limit), offset: num(page.offset), next_cursor: text(page.next_cursor) || null };
});

/** `UploadAssetResponse` (upload, upload-from-url), both eras, as read. */
export interface UploadAssetResponse {
  provider_id: string | null;
  media_type: string | null;
  external_url: string | null;
  provider_asset_id: string | null;
  asset_id: number | null;
  note: string | null;
  versioning_status: string | null;
}

export const UploadAssetResponseSchema = wireObject(
  'not an object',
  (reply): UploadAssetResponse => ({
    provider_id: text(reply.provider_id),
    media_type: text(reply.media_type),
    external_url: text(reply.external_url),
    provider_asset_id: text(reply.provider_asset_id),
    asset_id: readId(reply.asset_id) ?? null,
    note: text(reply.note),
    versioning_status: text(reply.versioning_status),
  }),
);

/** An asset as the elements use it: URLs checked, status settled, dates in UTC. */
export interface Asset {
  id: number;
  user_id: number | null;
  /** "image", "video", "audio", "3d_model", or whatever newer value the server sends. */
  media_type: string | null;
  provider_id: string | null;
  provider_asset_id: string | null;
  /** Only http(s), blob: or same-origin URLs; anything else is null. */
  remote_url: string | null;
  thumbnail_url: string | null;
  preview_url: string | null;
  file_url: string | null;
  sync_status: string | null;
  file_size_bytes: number | null;
  duration_sec: number | null;
  width: number | null;
  height: number | null;
  mime_type: string | null;
  description: string | null;
  tags: string[];
  /** The server's status when it sent a valid one, otherwise derived (see `deriveProviderStatus`). */
  provider_status: ProviderStatus;
  /** Why the asset is flagged or local only, when known. */
  provider_status_reason: string | null;
  /** ISO 8601 in UTC (naive server times are UTC), or null when missing or not a date. */
  created_at: string | null;
}

/** A parsed page of assets. */
export interface AssetPage {
  assets: Asset[];
  /** Items the server sent that could not be shown (no usable id, not an object). */
  skipped: number;
  /** The server's `total`. Era A servers send the page length here, not a global count. */
  total: number | null;
  limit: number | null;
  offset: number | null;
  next_cursor: string | null;
}

const MAX_TEXT = 2000;
const MAX_TAGS = 50;

/** Every asset this module made: only these skip parsing when a host hands them back (`isParsedAsset`). */
const parsedAssets = new WeakSet<object>();

/** True for an {@link Asset} made by this module (and so checked), not for a look-alike or a modified copy. */
export function isParsedAsset(value: unknown): value is Asset {
  return typeof value === 'object' && value !== null && parsedAssets.has(value);
}

/** Turns one wire item into an {@link Asset}; `base` resolves relative URLs (the endpoint's URL). */
export function toAsset(item: AssetResponse, base?: string): Asset {
  const { status, reason } = resolveProviderStatus(item);
  const asset: Asset = {
    id: item.id,
    user_id: item.user_id,
    media_type: item.media_type,
    provider_id: item.provider_id,
    provider_asset_id: item.provider_asset_id,
    remote_url: toSafeUrl(item.remote_url, base),
    thumbnail_url: toSafeUrl(item.thumbnail_url, base),
    preview_url: toSafeUrl(item.preview_url, base),
    file_url: toSafeUrl(item.file_url, base),
    sync_status: item.sync_status,
    file_size_bytes: item.file_size_bytes,
    duration_sec: item.duration_sec,
    width: item.width,
    height: item.height,
    mime_type: item.mime_type,
    description: clip(item.description),
    tags: tagLabels(item.tags),
    provider_status: status,
    provider_status_reason: clip(reason ?? null),
    created_at: utcIso(item.created_at),
  };
  parsedAssets.add(asset);
  return asset;
}

/** Parses one asset (GET {endpoint}/{id}); null when it cannot be shown. */
export function parseAsset(json: unknown, base?: string): Asset | null {
  const parsed = safeParseWithoutEval(AssetResponseSchema, json);
  return parsed.success ? toAsset(parsed.data, base) : null;
}

/**
 * Parses a list response. Returns null when the envelope itself is wrong (no `assets` array); otherwise every
 * item that can be shown, and the count of those that cannot.
 */
export function parseAssetList(json: unknown, base?: string): AssetPage | null {
  const envelope = safeParseWithoutEval(AssetListResponseSchema, json);
  if (!envelope.success) return null;
  const assets: Asset[] = [];
  let skipped = 0;
  for (const item of envelope.data.assets) {
    const asset = parseAsset(item, base);
    if (asset) assets.push(asset);
    else skipped += 1;
  }
  const { total, limit, offset, next_cursor } = envelope.data;
  return { assets, skipped, total, limit, offset, next_cursor };
}

function clip(value: string | null): string | null {
  return value !== null && value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
}

function tagLabels(tags: unknown[]): string[] {
  const labels: string[] = [];
  for (const tag of tags) {
    if (labels.length === MAX_TAGS) break;
    const label = typeof tag === 'string' ? tag : tagObjectLabel(tag);
    if (label) labels.push(clip(label) as string);
  }
  return labels;
}

function tagObjectLabel(tag: unknown): string | null {
  if (tag === null || typeof tag !== 'object') return null;
  const { display_name, name, slug } = tag as Record<string, unknown>;
  for (const candidate of [display_name, name, slug]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate;
  }
  return null;
}
