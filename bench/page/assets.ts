import { toAsset, type Asset, type AssetResponse } from '../../src/api/schemas.js';
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
