import fc from 'fast-check';

/*
 * The generators of the property tests (issue 6): server list responses mixing well-formed Era A / HEAD items
 * (backend-contract.md §1) with corrupted ones (wrong types, nulls, 1 MB strings, deep nesting, lone surrogates,
 * invalid dates, duplicate ids, extra keys) and broken envelopes. A plain module, so both property test files
 * share it without running each other's tests.
 */

export const HUGE = 'x'.repeat(1_000_000);
const LONE = ['\uD800', '\uDFFF', 'a\uD83D', '\uDE00b', '\u0000', '\uFFFE', '\u202E'];

/** Nested arrays/objects `depth` deep. */
function nest(depth: number, asObject: boolean): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = asObject ? { a: value } : [value];
  return value;
}

export const anyString = fc.oneof(
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
