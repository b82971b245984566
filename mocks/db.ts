import { Random } from './random.js';

/** One asset as the mock backend stores it; the handlers turn it into either era's `AssetResponse`. */
export interface MockAsset {
  id: number;
  user_id: number;
  media_type: 'image' | 'video';
  provider_id: string;
  /** The provider's id, a `local_<16 hex>` placeholder, or '' (the rare "unknown"). */
  provider_asset_id: string;
  /** The file's name on the mock provider CDN (`/mock-cdn/{name}`), or null when the provider has no copy. */
  cdn_name: string | null;
  /** True when the backend keeps the file itself (served at `{endpoint}/{id}/file`). */
  has_local_file: boolean;
  sync_status: 'remote' | 'downloaded' | 'error';
  file_size_bytes: number | null;
  duration_sec: number | null;
  width: number | null;
  height: number | null;
  mime_type: string | null;
  description: string | null;
  tags: string[];
  /** Naive UTC, as the real backend writes it: "2025-11-21T18:02:11.482913". */
  created_at: string;
  /** The provider flagged it (moderation); the reason the backend recorded. */
  flag_reason: string | null;
  /** Moderation pending: the provider flags it at this time (ms since epoch). */
  flag_at: number | null;
  /** Bytes of a file a person uploaded. */
  file?: Blob;
}

export type MockStatus = 'ok' | 'local_only' | 'flagged' | 'unknown';

/** The status as the mock server computes it (its own code, the backend's rules, not the library's). */
export function mockStatus(asset: MockAsset, now: number): MockStatus {
  if (asset.flag_reason !== null || (asset.flag_at !== null && asset.flag_at <= now)) return 'flagged';
  if (asset.cdn_name !== null) return 'ok';
  if (asset.provider_asset_id !== '' && !asset.provider_asset_id.startsWith('local_')) return 'ok';
  if (asset.provider_asset_id.startsWith('local_')) return 'local_only';
  return 'unknown';
}

export interface MockDbOptions {
  /** Same seed, same library. Default 7. */
  seed?: number;
  /** How many assets to make. Default 240. */
  count?: number;
  /** The clock for new uploads and moderation; tests may pass their own. */
  now?: () => number;
}

/** An in-memory asset library, newest first, like the backend's `created_at DESC, id DESC` order. */
export class MockDb {
  readonly assets: MockAsset[];
  readonly now: () => number;
  private readonly random: Random;
  private nextId: number;

  constructor(assets: MockAsset[], random: Random, now: () => number) {
    this.assets = assets;
    this.random = random;
    this.now = now;
    this.nextId = assets.reduce((max, asset) => Math.max(max, asset.id), 1000) + 1;
  }

  get(id: number): MockAsset | undefined {
    return this.assets.find((asset) => asset.id === id);
  }

  status(asset: MockAsset): MockStatus {
    return mockStatus(asset, this.now());
  }

  /** Adds a new asset at the top of the library, created now. */
  insert(fields: Omit<MockAsset, 'id' | 'created_at' | 'user_id'>): MockAsset {
    const asset: MockAsset = { ...fields, id: this.nextId++, user_id: 1, created_at: naiveUtc(this.now(), this.random.int(0, 999)) };
    this.assets.unshift(asset);
    return asset;
  }

  /** Takes an asset out of the library; returns it, or undefined when there is none with that id. */
  remove(id: number): MockAsset | undefined {
    const index = this.assets.findIndex((asset) => asset.id === id);
    return index === -1 ? undefined : this.assets.splice(index, 1)[0];
  }

  /**
   * Adds a plausible newly generated asset at the top: on the provider (status 'ok'), on the provider and
   * already flagged ('flagged'), or kept locally only ('local_only'). Without a status: mostly 'ok', sometimes
   * 'local_only', as generations land.
   */
  generate(fields: { status?: 'ok' | 'local_only' | 'flagged'; media_type?: 'image' | 'video'; description?: string } = {}): MockAsset {
    const random = this.random;
    const media_type = fields.media_type ?? (random.chance(0.35) ? 'video' : 'image');
    const status = fields.status ?? (random.chance(0.8) ? 'ok' : 'local_only');
    const [width, height] = random.pick<readonly [number, number]>(media_type === 'video' ? VIDEO_SIZES : IMAGE_SIZES);
    const onProvider = status !== 'local_only';
    return this.insert({
      media_type,
      provider_id: 'pixverse',
      provider_asset_id: onProvider ? providerAssetId(random, media_type) : localAssetId(random),
      cdn_name: onProvider ? cdnName(random, media_type) : null,
      has_local_file: !onProvider,
      sync_status: onProvider ? 'remote' : 'downloaded',
      file_size_bytes: onProvider ? null : random.int(120_000, 12_000_000),
      duration_sec: media_type === 'video' ? random.pick([5, 5, 8]) : null,
      width,
      height,
      mime_type: media_type === 'video' ? 'video/mp4' : 'image/webp',
      description: fields.description ?? `${random.pick(SUBJECTS)} ${random.pick(ACTIONS)} ${random.pick(PLACES)}`,
      tags: ['generated'],
      flag_reason: status === 'flagged' ? 'post_delivery_moderation' : null,
      flag_at: null,
    });
  }

  providerAssetId(mediaType: 'image' | 'video'): string {
    return providerAssetId(this.random, mediaType);
  }

  localAssetId(): string {
    return localAssetId(this.random);
  }

  cdnName(mediaType: 'image' | 'video'): string {
    return cdnName(this.random, mediaType);
  }
}

/** A provider id shaped like the provider's own: digits for videos, a UUID for images. */
function providerAssetId(random: Random, mediaType: 'image' | 'video'): string {
  return mediaType === 'video' ? random.digits(15) : random.uuid();
}

/** The backend's placeholder for files the provider does not have: `local_` + 16 hex of the sha256. */
function localAssetId(random: Random): string {
  return `local_${random.hex(16)}`;
}

function cdnName(random: Random, mediaType: 'image' | 'video'): string {
  return `${random.uuid()}.${mediaType === 'video' ? 'mp4' : 'jpg'}`;
}

const SUBJECTS = ['Neon koi', 'A paper boat', 'A dancer', 'A watercolor fox', 'An old lighthouse', 'A glass city', 'A sleepy cat', 'Two astronauts', 'A red kite', 'A street market'];
const ACTIONS = ['drifting through', 'spinning under', 'waiting in', 'glowing above', 'crossing', 'dreaming of'];
const PLACES = ['a rain-soaked alley', 'red stage lights', 'a windy lake', 'the northern lights', 'a desert at dusk', 'a foggy harbour', 'a cherry orchard'];
const TAGS = ['cyberpunk', 'rain', 'dance', 'watercolor', 'portrait', 'landscape', 'night', 'anime', 'user_upload', 'from_url'];
const FLAG_REASONS = ['post_delivery_moderation', 'early_cdn_filtered', 'placeholder_url_only'];
/** One flag reason is long on purpose, so that stories show how long reasons wrap. */
const LONG_FLAG_REASON =
  'post_delivery_moderation: the provider re-checked this video after delivery and removed it from its CDN because a frame was classified as violating the content policy (category: violence, confidence 0.91). Appeals go through the provider dashboard.';
const IMAGE_SIZES = [[1024, 1024], [768, 1344], [1920, 1080], [1024, 1536]] as const;
const VIDEO_SIZES = [[1280, 720], [960, 540], [720, 1280]] as const;
const START = Date.UTC(2025, 10, 21, 18, 2, 11, 482);

/**
 * A deterministic library of PixSim7-shaped assets of every status: about 55 % provider OK, 20 % local only,
 * 15 % flagged, 10 % unknown; images and videos; some without descriptions or tags.
 */
export function createMockDb({ seed = 7, count = 240, now = Date.now }: MockDbOptions = {}): MockDb {
  const random = new Random(seed);
  const assets = new Array<MockAsset>(Math.max(0, Math.floor(count)));
  let time = START;
  let flaggedSoFar = 0;
  for (let index = 0; index < assets.length; index++) {
    const id = 1000 + assets.length - index;
    const media_type = random.chance(0.35) ? 'video' : 'image';
    const roll = random.next();
    const status: MockStatus = roll < 0.55 ? 'ok' : roll < 0.75 ? 'local_only' : roll < 0.9 ? 'flagged' : 'unknown';
    const [width, height] = random.pick<readonly [number, number]>(media_type === 'video' ? VIDEO_SIZES : IMAGE_SIZES);
    const onProvider = status === 'ok' || status === 'flagged';
    const has_local_file = status === 'local_only' || (onProvider && random.chance(0.4));
    const tagCount = random.int(0, 3);
    const tags = Array.from({ length: tagCount }, () => random.pick(TAGS)).filter((tag, i, all) => all.indexOf(tag) === i);
    assets[index] = {
      id,
      user_id: 1,
      media_type,
      provider_id: random.chance(0.85) ? 'pixverse' : 'sora',
      provider_asset_id: status === 'unknown' ? '' : onProvider ? providerAssetId(random, media_type) : localAssetId(random),
      cdn_name: onProvider ? cdnName(random, media_type) : null,
      has_local_file,
      sync_status: status === 'unknown' ? 'error' : has_local_file ? 'downloaded' : 'remote',
      file_size_bytes: has_local_file ? random.int(120_000, 12_000_000) : null,
      duration_sec: media_type === 'video' ? random.pick([5, 5, 8, 10]) : null,
      width: status === 'unknown' ? null : width,
      height: status === 'unknown' ? null : height,
      mime_type: status === 'unknown' ? null : media_type === 'video' ? 'video/mp4' : random.pick(['image/jpeg', 'image/png', 'image/webp']),
      description: random.chance(0.7) ? `${random.pick(SUBJECTS)} ${random.pick(ACTIONS)} ${random.pick(PLACES)}` : null,
      tags,
      created_at: naiveUtc(time, random.int(0, 999)),
      flag_reason: status === 'flagged' ? (flaggedSoFar++ === 1 ? LONG_FLAG_REASON : random.pick(FLAG_REASONS)) : null,
      flag_at: null,
    };
    time -= random.int(20_000, 3_600_000);
  }
  return new MockDb(assets, random, now);
}

/** "2025-11-21T18:02:11.482913": naive UTC with microseconds, as Python's isoformat() writes it. */
function naiveUtc(ms: number, microseconds: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(microseconds).padStart(3, '0')}`;
}
