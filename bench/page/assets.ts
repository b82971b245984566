import { toAsset, type Asset, type AssetResponse } from '../../src/api/schemas.js';
import type { ProviderStatus } from '../../src/status/index.js';
import { createMockDb, mockStatus, type MockAsset } from '../../mocks/db.js';

/** The mock library's clock: fixed, so that the same seed gives the same statuses on every run. */
const NOW = Date.UTC(2025, 11, 1);

/**
 * One tiny picture for every card, as a `blob:` URL made once in the page: no network, and the same image
 * decoding work for the gallery and the baseline.
 */
export function makeThumbnailUrl(): string {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9" viewBox="0 0 16 9">' +
    '<rect width="16" height="9" fill="#5b7fb8"/><circle cx="11" cy="3" r="1.5" fill="#fff"/></svg>';
  return URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
}

/**
 * N assets from the mock PixSim7 library (`createMockDb`, seed 1: about 55 % provider OK, 20 % local only,
 * 15 % flagged, 10 % unknown), each as the Era A list endpoint would send it, turned into an `Asset` by the api
 * module's own `toAsset` (status resolution, URL checks, UTC dates). The wire validation (zod) is skipped:
 * it would cost seconds at 100 000 and is not what is measured. Every asset's thumbnail is `thumbnailUrl`.
 */
export function makeAssets(count: number, thumbnailUrl: string, seed = 1): Asset[] {
  const db = createMockDb({ seed, count, now: () => NOW });
  return db.assets.map((record) => toAsset(wireItem(record, thumbnailUrl), location.href));
}

function wireItem(record: MockAsset, thumbnailUrl: string): AssetResponse {
  const status = mockStatus(record, NOW);
  return {
    id: record.id,
    user_id: record.user_id,
    media_type: record.media_type,
    provider_id: record.provider_id,
    provider_asset_id: record.provider_asset_id,
    // No file or provider URLs: nothing on the page may reach the network.
    remote_url: null,
    thumbnail_url: thumbnailUrl,
    preview_url: null,
    file_url: null,
    sync_status: record.sync_status,
    file_size_bytes: record.file_size_bytes,
    duration_sec: record.duration_sec,
    width: record.width,
    height: record.height,
    mime_type: record.mime_type,
    description: record.description,
    tags: record.tags,
    created_at: record.created_at,
    provider_status: status,
    provider_flagged: status === 'flagged',
    provider_flag_reason: status === 'flagged' ? (record.flag_reason ?? 'post_delivery_moderation') : null,
    media_metadata: undefined,
    provider_uploads: undefined,
    note: undefined,
    upload_note: undefined,
  };
}

/** Of the raw items, one in INVALID_EVERY cannot be shown (about 3 %): the gallery must skip and count it. */
const INVALID_EVERY = 33;

/** N raw items as a host's store holds them, and what a correct gallery shows of them. */
export interface RawAssets {
  items: unknown[];
  /** The status of each item that can be shown, in order. */
  statuses: ProviderStatus[];
  /** Items that cannot be shown. */
  invalid: number;
}

/**
 * The same N assets of the mock library as {@link makeAssets}, but as raw JSON that a host app holds when its own
 * store was filled from the server: nothing parsed, nothing branded. Both eras' shapes, in turn (Era A: tags as
 * strings, `provider_flagged`; HEAD: tag objects, `provider_uploads`, and the other fields of its DTO), and one
 * item in 33 broken as servers and stores break them (no id, an id that is not one, not an object, a negative id).
 * Every picture is `thumbnailUrl`.
 */
export function makeRawAssets(count: number, thumbnailUrl: string, seed = 1): RawAssets {
  const db = createMockDb({ seed, count, now: () => NOW });
  const items: unknown[] = [];
  const statuses: ProviderStatus[] = [];
  let invalid = 0;
  db.assets.forEach((record, index) => {
    const wire = wireItem(record, thumbnailUrl);
    const item = index % 2 === 0 ? eraA(wire) : head(wire, record);
    if (index % INVALID_EVERY === INVALID_EVERY - 1) {
      invalid += 1;
      items.push(broken(item, index));
      return;
    }
    items.push(item);
    statuses.push(wire.provider_status as ProviderStatus);
  });
  return { items, statuses, invalid };
}

function eraA(wire: AssetResponse): Record<string, unknown> {
  const { preview_url: _preview, media_metadata: _metadata, provider_uploads: _uploads, note: _note, upload_note: _uploadNote, ...rest } = wire;
  return { ...rest, local_path: null };
}

function head(wire: AssetResponse, record: MockAsset): Record<string, unknown> {
  const { provider_flagged: _flagged, provider_flag_reason: _reason, media_metadata: _metadata, note: _note, upload_note: _uploadNote, ...rest } = wire;
  const ok = wire.provider_status === 'ok';
  return {
    ...rest,
    tags: record.tags.map((name, index) => ({ id: index + 1, slug: `user:${name}`, namespace: 'user', name, display_name: null, source: 'user' })),
    preview_url: wire.thumbnail_url,
    local_path: null,
    stored_key: `u/1/content/${record.id % 100}/${record.id}.jpg`,
    sha256: null,
    provider_uploads: ok ? { [record.provider_id]: record.provider_asset_id } : {},
    last_upload_status_by_provider: null,
    provider_removal_failed: false,
    recovered: false,
    upload_method: 'generated',
    asset_kind: 'content',
    is_archived: false,
  };
}

function broken(item: Record<string, unknown>, index: number): unknown {
  switch (Math.floor(index / INVALID_EVERY) % 4) {
    case 0:
      return { ...item, id: null };
    case 1:
      return { ...item, id: 'abc' };
    case 2:
      return 'not an asset';
    default:
      return { ...item, id: -1 - index };
  }
}
