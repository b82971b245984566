import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import { parseAsset, parseAssetList, type Asset } from '../../src/api/index.js';
import { countByStatus, isProviderStatus, PROVIDER_STATUSES, type ProviderStatus, type StatusCounts } from '../../src/status/index.js';

/*
 * Property-based tests (issue 6) of the rendered <asset-gallery>: host data (raw items, parsed by the gallery) and
 * fetched pages (a fetch double that answers the generated JSON). The arbitraries are the ones of
 * test/api/properties.test.ts (copied: a test file cannot import another without running its tests twice).
 */

const HUGE = 'x'.repeat(1_000_000);
const LONE = ['\uD800', '\uDFFF', 'a\uD83D', '\uDE00b', '\u0000', '\uFFFE', '\u202E'];

/** Nested arrays/objects `depth` deep. */
function nest(depth: number, asObject: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = asObject ? { a: value } : [value];
  return value;
}

const anyString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(...LONE, '', ' ', HUGE, `http://${HUGE}`, 'javascript:alert(1)', 'data:text/html,x', '//evil.example/x', 'a/..//evil.example/x', '/\\evil.example', 'blob:http://x/1', 'undefined', '[object Object]', 'local_', 'local_abc', 'true', 'TRUE ', 'ok', 'flagged', 'local_only', 'unknown', 'not_flagged', 'Asset saved locally; provider upload failed: quota'),
);

const invalidDate = fc.oneof(
  fc.constantFrom('2025-13-45T99:99:99', '2025-02-30', '2025-11-21T18:38:41.123456', '2025-11-21', '2025-11-21T18:38:41+00:00Z', '0000-00-00', '9999-99-99T00:00:00Z', '+275760-09-13T00:00:01Z', 'not a date', 'Invalid Date', '2025-11-21T18:38:41.123456+05:30', '  2025-11-21T00:00:00  '),
  fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString())),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().replace('Z', '')),
);

const deep = fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.boolean()).map(([depth, asObject]) => nest(depth, asObject));

/** Anything a field may be replaced by. */
const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withSparseArray: true, withObjectString: true }),
  anyString,
  invalidDate,
  deep,
  fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, NaN, Infinity, -0, 2 ** 53, [], {}, [null], { id: 1 }),
);

const urlish = fc.oneof(fc.constant(null), fc.webUrl(), fc.constantFrom('/api/v1/assets/1/file', '/api/v1/media/u/1/a b.jpg', 'data/storage/user/1/assets/1.jpg', 'javascript:alert(1)', '//evil.example/x', 'a/..//evil.example/x', './/evil.example/x', '/\\evil.example/x', 'blob:http://localhost/1'));
const statusValue = fc.oneof(fc.constant(null), fc.constantFrom('ok', 'local_only', 'flagged', 'unknown'));

const eraA = fc.record({
  id: fc.integer({ min: 0, max: 30 }), // a small range: duplicate ids
  user_id: fc.nat(),
  media_type: fc.constantFrom('video', 'image', 'audio', '3d_model'),
  provider_id: fc.constantFrom('pixverse', 'sora', 'openapi'),
  provider_asset_id: fc.oneof(fc.string({ minLength: 1 }), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 16, maxLength: 16 }).map((h) => `local_${h}`)),
  remote_url: urlish,
  thumbnail_url: urlish,
  local_path: fc.option(fc.constant('data/storage/user/1/assets/1.jpg')),
  file_url: urlish,
  sync_status: fc.constantFrom('remote', 'downloading', 'downloaded', 'error'),
  file_size_bytes: fc.option(fc.nat()),
  duration_sec: fc.option(fc.double({ noNaN: true, min: 0, max: 1e5 })),
  width: fc.option(fc.nat()),
  height: fc.option(fc.nat()),
  mime_type: fc.option(fc.constantFrom('image/jpeg', 'video/mp4')),
  description: fc.option(fc.string()),
  tags: fc.array(fc.string(), { maxLength: 5 }),
  provider_status: statusValue,
  provider_flagged: fc.boolean(),
  provider_flag_reason: fc.option(fc.string()),
  created_at: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().replace('Z', '')),
});

const tagSummary = fc.record({ id: fc.nat(), slug: fc.string(), namespace: fc.string(), name: fc.string(), display_name: fc.option(fc.string()), source: fc.option(fc.string()) });
const head = fc.record({
  id: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }).map(String)),
  user_id: fc.nat(),
  media_type: fc.constantFrom('video', 'image'),
  provider_id: fc.constantFrom('pixverse', 'sora'),
  provider_asset_id: fc.string(),
  remote_url: urlish,
  thumbnail_url: urlish,
  preview_url: urlish,
  file_url: urlish,
  sync_status: fc.constantFrom('remote', 'downloaded'),
  tags: fc.array(tagSummary, { maxLength: 3 }),
  provider_status: statusValue,
  provider_uploads: fc.option(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.record({ id: fc.string(), url: fc.webUrl() })), { maxKeys: 2 })),
  last_upload_status_by_provider: fc.option(fc.dictionary(fc.string(), fc.constantFrom('success', 'error'), { maxKeys: 2 })),
  provider_removal_failed: fc.boolean(),
  recovered: fc.boolean(),
  media_metadata: fc.option(fc.record({ provider_flagged: fc.oneof(fc.boolean(), fc.constantFrom('true', 'True ', 'false')), provider_removed: fc.boolean(), provider_flagged_reason: fc.string() }, { requiredKeys: [] })),
  created_at: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().replace('Z', '')),
});

const FIELDS = ['id', 'user_id', 'media_type', 'provider_id', 'provider_asset_id', 'remote_url', 'thumbnail_url', 'preview_url', 'local_path', 'file_url', 'sync_status', 'file_size_bytes', 'duration_sec', 'width', 'height', 'mime_type', 'description', 'tags', 'provider_status', 'provider_flagged', 'provider_flag_reason', 'media_metadata', 'provider_uploads', 'note', 'upload_note', 'created_at'];
const EXTRA = ['extra', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'items', 'data', '\uD800', ''];

/** A well-formed item with some fields replaced by anything, some removed, some extra ones added. */
const corrupted = fc
  .tuple(fc.oneof(eraA, head), fc.array(fc.tuple(fc.constantFrom(...FIELDS, ...EXTRA), wild), { maxLength: 4 }), fc.subarray(FIELDS, { maxLength: 3 }))
  .map(([item, replaced, removed]) => {
    const copy: Record<string, unknown> = { ...item };
    for (const key of removed) delete copy[key];
    for (const [key, value] of replaced) Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  });

const item: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: eraA }, { weight: 3, arbitrary: head }, { weight: 4, arbitrary: corrupted }, { weight: 1, arbitrary: wild });

/** A server list response: mostly good envelopes, some broken ones. */
const listResponse: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ assets: fc.array(item, { maxLength: 30 }), total: fc.oneof(fc.nat(), wild), limit: fc.nat(), offset: fc.nat(), next_cursor: fc.option(fc.string()) }, { requiredKeys: ['assets'] }) },
  { weight: 1, arbitrary: fc.tuple(fc.array(item, { maxLength: 10 }), fc.dictionary(fc.constantFrom('total', 'limit', 'extra', 'items', 'next_cursor'), wild)).map(([assets, extra]) => ({ ...extra, assets })) },
  { weight: 2, arbitrary: fc.record({ assets: fc.oneof(wild, fc.constantFrom(null, 'assets', 42, { 0: {} }, undefined)), total: fc.nat() }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.oneof(wild, fc.array(item, { maxLength: 5 }), fc.record({ items: fc.array(item, { maxLength: 5 }) })) },
);


const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')] as (HTMLElement & { asset: Asset | null })[];
const overview = (gallery: AssetGallery) => root(gallery).querySelector('status-overview') as HTMLElement & { updateComplete: Promise<unknown> };
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The numbers on the overview's per-status buttons. */
function shownCounts(gallery: AssetGallery): StatusCounts {
  const shadow = overview(gallery).shadowRoot as ShadowRoot;
  const counts = { ok: NaN, local_only: NaN, flagged: NaN, unknown: NaN } as StatusCounts;
  for (const status of PROVIDER_STATUSES) {
    const text = shadow.querySelector(`button[data-status="${status}"] .count`)?.textContent ?? '';
    counts[status] = Number(text.replace(/\D/g, ''));
  }
  return counts;
}

/** Uncaught errors and unhandled rejections while `run` runs. */
async function noUncaught(run: () => Promise<void>): Promise<void> {
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
    await frame();
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  expect(uncaught, 'uncaught errors').to.deep.equal([]);
}

/** Each rendered card's status is the one the rules give for an input item with the card's id. */
function checkCards(gallery: AssetGallery, expected: Map<number, Set<ProviderStatus>>): void {
  for (const card of cards(gallery)) {
    const asset = card.asset;
    expect(asset, 'card has an asset').to.not.equal(null);
    if (!asset) continue;
    const statuses = expected.get(asset.id);
    expect(statuses, `an input item has id ${asset.id}`).to.not.equal(undefined);
    expect([...(statuses ?? [])], `status of card #${asset.id}`).to.include(card.getAttribute('status'));
    expect(card.getAttribute('status')).to.equal(asset.provider_status);
  }
}

function expectedStatuses(parsed: Asset[]): Map<number, Set<ProviderStatus>> {
  const map = new Map<number, Set<ProviderStatus>>();
  for (const asset of parsed) {
    const set = map.get(asset.id) ?? new Set<ProviderStatus>();
    set.add(asset.provider_status);
    map.set(asset.id, set);
  }
  return map;
}

/** Host data: the gallery parses what is not already an Asset; cards and counts follow the rules. */
async function checkHost(gallery: AssetGallery, items: unknown[]): Promise<void> {
  const parsed = items.map((raw) => parseAsset(raw)).filter((asset): asset is Asset => asset !== null);
  await noUncaught(async () => {
    gallery.assets = items;
    await gallery.updateComplete;
    await frame();
    await gallery.updateComplete;
    await overview(gallery).updateComplete;
  });
  checkCards(gallery, expectedStatuses(parsed));
  expect(shownCounts(gallery), 'overview counts').to.deep.equal(countByStatus(parsed));
  if (parsed.length > 0) expect(cards(gallery).length, 'some cards rendered').to.be.above(0);
  else expect(root(gallery).querySelector('[part="empty"]'), 'empty state').to.not.equal(null);
}

/** A fetched page: cards, counts and the skipped notice, or the error state for an envelope that is not a list. */
async function checkFetched(json: unknown): Promise<void> {
  let body: string;
  try {
    body = JSON.stringify(json) ?? 'null';
  } catch {
    body = 'null';
  }
  const wire: unknown = JSON.parse(body);
  const page = parseAssetList(wire, new URL('/api/v1/assets', document.baseURI).href);
  let gallery!: AssetGallery;
  await noUncaught(async () => {
    const fetch = async () => new Response(body, { headers: { 'Content-Type': 'application/json' } });
    gallery = await fixture<AssetGallery>(html`<asset-gallery .fetch=${fetch}></asset-gallery>`);
    await waitUntil(
      () => !!root(gallery).querySelector('[part="error"], [part="empty"]') || cards(gallery).length > 0,
      'no error, empty state or cards',
      { timeout: 5000 },
    );
    await gallery.updateComplete;
    await overview(gallery).updateComplete;
  });
  if (!page) {
    expect(root(gallery).querySelector('[part="error"]'), 'error state for a non-list').to.not.equal(null);
    expect(cards(gallery).length).to.equal(0);
    return;
  }
  expect(root(gallery).querySelector('[part="error"]'), 'no error state for a list').to.equal(null);
  // The gallery keeps the first of several items with the same id (src dedupe(): "a page boundary that moved"),
  // also within one page; the later ones are neither shown nor counted as skipped.
  const kept = firstOfEachId(page.assets);
  checkCards(gallery, expectedStatuses(kept));
  expect(shownCounts(gallery), 'overview counts').to.deep.equal(countByStatus(kept));
  const notice = root(gallery).querySelector('[part="notice"]')?.textContent ?? '';
  if (page.skipped > 0) expect(notice.replace(/\D/g, ''), 'skipped count').to.equal(String(page.skipped));
  else expect(notice).to.equal('');
  if (page.assets.length === 0) expect(root(gallery).querySelector('[part="empty"]'), 'empty state').to.not.equal(null);
  gallery.remove();
}

function firstOfEachId(assets: Asset[]): Asset[] {
  const seen = new Set<number>();
  return assets.filter((asset) => !seen.has(asset.id) && !!seen.add(asset.id));
}

/** The gallery's shortcut (src isAsset): an object with a safe-integer id, a valid status and a tags array is used unparsed. */
function takenAsAsset(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object') return false;
  const candidate = raw as Record<string, unknown>;
  return Number.isSafeInteger(candidate.id) && isProviderStatus(candidate.provider_status) && Array.isArray(candidate.tags);
}

/**
 * Host lists without the items of the bug below (taken as Assets unparsed although the parser rejects them), so
 * that this property checks everything else.
 */
const withoutShortcutBug = (items: unknown[]) => items.filter((raw) => !(takenAsAsset(raw) && parseAsset(raw) === null));
const hostItems = fc.array(item, { maxLength: 40 }).map(withoutShortcutBug);

describe('properties: the rendered gallery', () => {
  it('host data: no uncaught errors, card statuses and counts follow the rules (150 lists)', async function () {
    this.timeout(60000);
    const gallery = await fixture<AssetGallery>(html`<asset-gallery></asset-gallery>`);
    await fc.assert(
      fc.asyncProperty(hostItems, async (items) => checkHost(gallery, items)),
      { numRuns: 150 },
    );
  });

  it('fetched pages: cards, counts and skipped notice, or the error state (100 responses)', async function () {
    this.timeout(60000);
    await fc.assert(fc.asyncProperty(listResponse, checkFetched), { numRuns: 100 });
  });

  it('a page of 10 000 generated items, as host data and fetched', async function () {
    this.timeout(60000);
    const items = fc.sample(item, { numRuns: 10_000, seed: 7 });
    const gallery = await fixture<AssetGallery>(html`<asset-gallery></asset-gallery>`);
    await checkHost(gallery, withoutShortcutBug(items));
    await checkFetched({ assets: items, total: items.length, limit: 10_000, offset: 0, next_cursor: null });
  });

  // BUG found by this property (kept failing on purpose; src/ is not changed here):
  // src/components/asset-gallery/asset-gallery.ts hostAssets/readHostAsset/isAsset: a host item with a safe-integer
  // id, a valid provider_status and a tags array is used as an Asset without parsing. parseAsset requires a
  // non-negative id (AssetId), so the same item from the server is skipped, but as host data it becomes a card and
  // is counted. (The shortcut also skips URL checks, clipping and the UTC date normalisation for such items; the
  // card re-checks URLs before rendering them.)
  // fast-check: seed 1375955300, path "30:1:1:1:1:1:1:1:1:1:1:2:1:3:3"; shrunk counterexample:
  // [{"id":-1,"user_id":0,"media_type":"video","provider_id":"pixverse","provider_asset_id":"","remote_url":null,
  //   "thumbnail_url":null,"preview_url":"/api/v1/assets/1/file","file_url":"/api/v1/assets/1/file","sync_status":"remote",
  //   "tags":[],"provider_status":"ok","provider_uploads":null,"last_upload_status_by_provider":null,
  //   "provider_removal_failed":false,"recovered":false,"media_metadata":null,"created_at":"2000-01-01T00:00:00.000"}]
  // Expected: parseAsset(item) is null, so no card and all counts 0; actual: a card #-1 and "Provider OK" 1.
  it('host items the parser rejects (negative id) are not shown, even when they look like Assets (50 lists)', async function () {
    this.timeout(60000);
    const gallery = await fixture<AssetGallery>(html`<asset-gallery></asset-gallery>`);
    const lookalike = fc.record({ id: fc.integer({ min: -1_000_000, max: -1 }), provider_status: fc.constantFrom(...PROVIDER_STATUSES), tags: fc.constant([]) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(item, lookalike), { minLength: 1, maxLength: 10 }), async (items) => checkHost(gallery, items)),
      { numRuns: 50, seed: -631116325 }, // shrinks to [{"id":-1,"provider_status":"ok","tags":[]}, <a valid item with id "0">]
    );
  });
});
