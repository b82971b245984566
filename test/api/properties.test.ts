import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { AssetsApiError, createAssetsClient, parseAsset, parseAssetList } from '../../src/api/index.js';
import { countByStatus, deriveProviderStatus, interpretUploadResponse, PROVIDER_STATUSES } from '../../src/status/index.js';

/*
 * Property-based tests (issue 6) over the list parser, the status derivation, the upload reading and the client.
 * Generated: server list responses mixing well-formed Era A / HEAD items (backend-contract.md §1) with corrupted
 * ones and corrupted envelopes.
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
export const wild: fc.Arbitrary<unknown> = fc.oneof(
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

export const item: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: eraA }, { weight: 3, arbitrary: head }, { weight: 4, arbitrary: corrupted }, { weight: 1, arbitrary: wild });

/** A server list response: mostly good envelopes, some broken ones. */
export const listResponse: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ assets: fc.array(item, { maxLength: 30 }), total: fc.oneof(fc.nat(), wild), limit: fc.nat(), offset: fc.nat(), next_cursor: fc.option(fc.string()) }, { requiredKeys: ['assets'] }) },
  { weight: 1, arbitrary: fc.tuple(fc.array(item, { maxLength: 10 }), fc.dictionary(fc.constantFrom('total', 'limit', 'extra', 'items', 'next_cursor'), wild)).map(([assets, extra]) => ({ ...extra, assets })) },
  { weight: 2, arbitrary: fc.record({ assets: fc.oneof(wild, fc.constantFrom(null, 'assets', 42, { 0: {} }, undefined)), total: fc.nat() }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.oneof(wild, fc.array(item, { maxLength: 5 }), fc.record({ items: fc.array(item, { maxLength: 5 }) })) },
);

const BASE = 'http://localhost:8000/api/v1/assets';
const ISO_UTC = /^(\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const URL_FIELDS = ['remote_url', 'thumbnail_url', 'preview_url', 'file_url'] as const;

function hasAssetsArray(json: unknown): json is { assets: unknown[] } {
  return json !== null && typeof json === 'object' && !Array.isArray(json) && Array.isArray((json as { assets?: unknown }).assets);
}

/** Checks one parse against its input; `base` undefined: relative URLs come back as same-origin paths. */
function checkPage(json: unknown, base: string | undefined): void {
  const page = parseAssetList(json, base);
  if (!hasAssetsArray(json)) {
    expect(page).to.equal(null);
    return;
  }
  expect(page).to.not.equal(null);
  if (!page) return;
  expect(page.assets.length + page.skipped).to.equal(json.assets.length);
  // Assets come back in input order: pair each with its input item.
  let index = 0;
  for (const asset of page.assets) {
    while (parseAsset(json.assets[index], base) === null) index += 1;
    const original = json.assets[index];
    index += 1;
    expect(Number.isInteger(asset.id), 'integer id').to.equal(true);
    expect(PROVIDER_STATUSES).to.include(asset.provider_status);
    expect(asset.provider_status, 'status follows the rules').to.equal(deriveProviderStatus(original));
    if (asset.created_at !== null) {
      expect(asset.created_at).to.match(ISO_UTC);
      expect(new Date(asset.created_at).toISOString()).to.equal(asset.created_at);
    }
    for (const field of URL_FIELDS) {
      const url = asset[field];
      if (url === null) continue;
      if (base !== undefined) expect(url, field).to.match(/^(https?|blob):/);
      // Without a base a relative URL stays a same-origin path; a "//host" path would load from another host.
      else expect(/^(https?|blob):/.test(url) || (url.startsWith('/') && !url.startsWith('//')), `${field}: ${url.slice(0, 80)}`).to.equal(true);
    }
  }
}

describe('properties: parsing list responses', () => {
  it('parseAssetList never throws and gives valid assets plus a count of skipped ones (10 000 responses, with a base)', function () {
    this.timeout(60000);
    fc.assert(fc.property(listResponse, (json) => checkPage(json, BASE)), { numRuns: 10_000 });
  });

  // BUG found by this property (kept failing on purpose; src/ is not changed here):
  // src/api/urls.ts toSafeUrl(value) without a base, which is how parseAsset/parseAssetList run when no base is
  // passed, and how <asset-gallery> reads host data (readHostAsset -> parseAsset(item), no base). A relative URL
  // such as ".//evil.example/x" (or "a/..//evil.example/x") resolves against the placeholder origin to the
  // pathname "//evil.example/x", which is returned as is: a protocol-relative URL that loads from another host.
  // fast-check: seed 1677694622, path "0:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:2:2:2:2:2:2:2:2:2:2:2:2"; shrunk counterexample:
  // {"assets":[{"id":"0","user_id":0,"media_type":"video","provider_id":"pixverse","provider_asset_id":"",
  //   "remote_url":"http://a.aa","thumbnail_url":"http://a.aa","preview_url":null,"file_url":".//evil.example/x",
  //   "sync_status":"remote","tags":[],"provider_status":"ok","provider_uploads":null,"last_upload_status_by_provider":null,
  //   "provider_removal_failed":false,"recovered":false,"media_metadata":null,"created_at":"2000-01-01T00:00:00.000"}]}
  // Expected: file_url null (or a path that stays on the same origin); actual: "//evil.example/x".
  it('parseAssetList without a base keeps relative URLs on the same origin (2 000 responses)', function () {
    this.timeout(60000);
    fc.assert(fc.property(listResponse, (json) => checkPage(json, undefined)), { numRuns: 2_000, seed: 1677694622 });
  });

  it('a page of 10 000 items parses with counts that add up', function () {
    this.timeout(60000);
    const items = fc.sample(item, { numRuns: 10_000, seed: 42 });
    checkPage({ assets: items, total: items.length, limit: 10_000, offset: 0, next_cursor: null }, BASE);
  });
});

describe('properties: derivation, uploads, counts', () => {
  it('deriveProviderStatus never throws and gives one of the four (3 000 values)', function () {
    this.timeout(60000);
    fc.assert(
      fc.property(fc.oneof(item, wild), (value) => {
        expect(PROVIDER_STATUSES).to.include(deriveProviderStatus(value));
      }),
      { numRuns: 3_000 },
    );
  });

  it('interpretUploadResponse never throws; providerSucceeded only with status ok (3 000 values)', function () {
    this.timeout(60000);
    const upload = fc.oneof(
      wild,
      fc.record({ provider_id: fc.oneof(fc.string(), wild), note: fc.oneof(anyString, wild, fc.constant('Asset saved locally; provider upload failed')), asset_id: wild }, { requiredKeys: [] }),
    );
    fc.assert(
      fc.property(upload, (reply) => {
        const outcome = interpretUploadResponse(reply);
        expect(PROVIDER_STATUSES).to.include(outcome.status);
        expect(typeof outcome.message).to.equal('string');
        if (outcome.providerSucceeded) expect(outcome.status).to.equal('ok');
      }),
      { numRuns: 3_000 },
    );
  });

  it('countByStatus sums to the length of any list (1 000 lists)', function () {
    this.timeout(60000);
    fc.assert(
      fc.property(fc.array(fc.oneof(item, wild), { maxLength: 50 }), (list) => {
        const counts = countByStatus(list);
        expect(PROVIDER_STATUSES.reduce((sum, status) => sum + counts[status], 0)).to.equal(list.length);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('properties: the client on arbitrary replies', () => {
  const replyText = fc.oneof(
    fc.string({ unit: 'binary' }),
    listResponse.map((json) => {
      try {
        return JSON.stringify(json) ?? 'null';
      } catch {
        return 'null';
      }
    }),
    fc.jsonValue().map((json) => JSON.stringify(json)),
    fc.constantFrom('', ' ', '{', 'null', '[]', '{"assets":null}', '{"assets":"x"}', '{"assets":[]}', HUGE),
  );

  it('list() resolves with a page or rejects with an AssetsApiError with a readable message (500 replies)', async function () {
    this.timeout(60000);
    await fc.assert(
      fc.asyncProperty(replyText, async (text) => {
        const client = createAssetsClient({ fetch: async () => new Response(text), retries: 0 });
        try {
          const page = await client.list();
          expect(page.assets.length + page.skipped).to.be.at.least(0);
        } catch (error) {
          expect(error).to.be.instanceOf(AssetsApiError);
          const { message } = error as AssetsApiError;
          expect(typeof message).to.equal('string');
          expect(message.trim()).to.not.equal('');
          expect(message).to.not.include('undefined');
          expect(message).to.not.include('[object Object]');
        }
      }),
      { numRuns: 500 },
    );
  });
});
