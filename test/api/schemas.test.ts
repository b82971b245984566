import { expect } from '@open-wc/testing';
import { parseAsset, parseAssetList, toSafeUrl, UploadAssetResponseSchema, type Asset, type AssetPage } from '../../src/api/index.js';
import { eraAListSample, headItemSample, uploadLocalOnlyHead, uploadSuccessEraA, uploadSuccessHead } from './fixtures.js';

const BASE = 'http://localhost:9999/api/v1/assets';

/** Every key an Asset has; nothing the server adds may appear beside them. */
const ASSET_KEYS = [
  'created_at',
  'description',
  'duration_sec',
  'file_size_bytes',
  'file_url',
  'height',
  'id',
  'media_type',
  'mime_type',
  'preview_url',
  'provider_asset_id',
  'provider_id',
  'provider_status',
  'provider_status_reason',
  'remote_url',
  'sync_status',
  'tags',
  'thumbnail_url',
  'user_id',
  'width',
];

const URL_FIELDS = ['remote_url', 'thumbnail_url', 'preview_url', 'file_url'] as const;

const UNSAFE_URLS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/png;base64,iVBORw0KGgo=',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x.png',
  '/\\evil.example/x.png',
  '\\\\evil.example/x.png',
];

function mustParse(json: unknown, base?: string): AssetPage {
  const page = parseAssetList(json, base);
  if (!page) throw new Error('parseAssetList returned null');
  return page;
}

/** Parses a single list item (wrapped in an envelope) and returns it. */
function parseOne(item: Record<string, unknown>, base?: string): Asset {
  const page = mustParse({ assets: [item], total: 1, limit: 50, offset: 0, next_cursor: null }, base);
  const asset = page.assets[0];
  if (!asset) throw new Error(`the item was skipped (skipped=${page.skipped})`);
  return asset;
}

function byId(page: AssetPage, id: number): Asset {
  const asset = page.assets.find((a) => a.id === id);
  if (!asset) throw new Error(`no asset ${id}`);
  return asset;
}

describe('parseAssetList', () => {
  describe('the full section 9.1 sample', () => {
    it('keeps all 10 assets in order and skips none', () => {
      const page = mustParse(eraAListSample());
      expect(page.assets.map((a) => a.id)).to.deep.equal([1042, 1041, 1040, 1039, 1038, 1037, 1036, 1035, 1034, 1033]);
      expect(page.skipped).to.equal(0);
    });

    it('reads the envelope fields', () => {
      const { total, limit, offset, next_cursor } = mustParse(eraAListSample());
      expect({ total, limit, offset, next_cursor }).to.deep.equal({
        total: 10,
        limit: 10,
        offset: 0,
        next_cursor: '2025-11-20T18:03:52.057731|1033',
      });
    });

    it('settles every status as the contract says', () => {
      const statuses = Object.fromEntries(mustParse(eraAListSample()).assets.map((a) => [a.id, a.provider_status]));
      expect(statuses).to.deep.equal({
        1042: 'ok',
        1041: 'ok',
        1040: 'local_only',
        1039: 'local_only',
        1038: 'flagged',
        1037: 'flagged',
        1036: 'unknown',
        1035: 'ok',
        1034: 'local_only',
        1033: 'ok',
      });
    });

    it('gives the flag reason of the flagged assets and none for the others', () => {
      const page = mustParse(eraAListSample());
      expect(byId(page, 1038).provider_status_reason).to.equal('post_delivery_moderation');
      expect(byId(page, 1037).provider_status_reason).to.equal('early_cdn_filtered');
      expect(byId(page, 1040).provider_status_reason).to.equal(null);
      expect(byId(page, 1042).provider_status_reason).to.equal(null);
    });

    it('keeps the string tags', () => {
      const page = mustParse(eraAListSample());
      expect(byId(page, 1042).tags).to.deep.equal(['cyberpunk', 'rain']);
      expect(byId(page, 1041).tags).to.deep.equal(['user_upload', 'from_url']);
      expect(byId(page, 1036).tags).to.deep.equal([]);
    });

    it('reads the fields of a full item', () => {
      const asset = byId(mustParse(eraAListSample()), 1042);
      expect(asset).to.deep.equal({
        id: 1042,
        user_id: 1,
        media_type: 'video',
        provider_id: 'pixverse',
        provider_asset_id: '381947226051264',
        remote_url: 'https://media.pixverse.ai/openapi/output/7f3c2a9e-1b4d-4c8e-9a61-2d5e8f0b7c13.mp4',
        thumbnail_url: 'https://media.pixverse.ai/openapi/output/7f3c2a9e-1b4d-4c8e-9a61-2d5e8f0b7c13.mp4',
        preview_url: null,
        file_url: 'https://media.pixverse.ai/openapi/output/7f3c2a9e-1b4d-4c8e-9a61-2d5e8f0b7c13.mp4',
        sync_status: 'remote',
        file_size_bytes: null,
        duration_sec: 5,
        width: 1280,
        height: 720,
        mime_type: 'video/mp4',
        description: 'Neon koi drifting through a rain-soaked alley',
        tags: ['cyberpunk', 'rain'],
        provider_status: 'ok',
        provider_status_reason: null,
        created_at: '2025-11-21T18:02:11.482Z',
      });
    });

    it('reads 1039 (null provider_asset_id, keys left out) with nulls for what is missing', () => {
      const asset = byId(mustParse(eraAListSample()), 1039);
      expect(asset.provider_asset_id).to.equal(null);
      expect(asset.file_size_bytes).to.equal(null);
      expect(asset.width).to.equal(null);
      expect(asset.description).to.equal(null);
      expect(asset.mime_type).to.equal(null);
      expect(asset.created_at).to.equal('2025-11-21T17:40:27.000Z');
    });

    it('keeps relative file URLs as paths when no base is given', () => {
      expect(byId(mustParse(eraAListSample()), 1040).file_url).to.equal('/api/v1/assets/1040/file');
    });

    it('resolves relative file URLs against the base it is given', () => {
      const asset = byId(mustParse(eraAListSample(), BASE), 1040);
      expect(asset.file_url).to.equal('http://localhost:9999/api/v1/assets/1040/file');
      expect(asset.thumbnail_url).to.equal('http://localhost:9999/api/v1/assets/1040/file');
    });

    it('leaves absolute provider URLs as they are when a base is given', () => {
      expect(byId(mustParse(eraAListSample(), BASE), 1033).remote_url).to.equal(
        'https://media.pixverse.ai/pixverse/i2i/ori/c81f5e2a-9d37-4b6e-a0f4-7e2b1d9c6a35.png',
      );
    });
  });

  describe('a HEAD-shape item (section 9.2)', () => {
    it('reads status, URLs and the tag object as a label', () => {
      const asset = parseOne(headItemSample());
      expect(asset.id).to.equal(5120);
      expect(asset.provider_status).to.equal('flagged');
      expect(asset.provider_status_reason).to.equal(null);
      expect(asset.tags).to.deep.equal(['web']);
      expect(asset.preview_url).to.equal('/api/v1/media/u/1/previews/5120.jpg');
      expect(asset.created_at).to.equal('2026-06-30T09:14:22.508Z');
    });

    it('labels tag objects by display_name, then name, then slug', () => {
      const asset = parseOne({
        id: 1,
        tags: [
          { id: 1, slug: 'mood:sunset', namespace: 'mood', name: 'sunset', display_name: 'Golden hour', source: null },
          { id: 2, slug: 'source:web', namespace: 'source', name: 'web', display_name: null, source: 'auto' },
          { id: 3, slug: 'style:noir', namespace: 'style', name: null, display_name: null, source: null },
        ],
      });
      expect(asset.tags).to.deep.equal(['Golden hour', 'web', 'style:noir']);
    });

    it('mixes string and object tags and drops entries with no label', () => {
      const asset = parseOne({ id: 1, tags: ['rain', { slug: 'a:b' }, {}, null, 42, { display_name: null, name: null, slug: null }] });
      expect(asset.tags).to.deep.equal(['rain', 'a:b']);
    });
  });

  describe('created_at', () => {
    const cases: Array<[string, unknown, string | null]> = [
      ['a naive time is read as UTC', '2025-11-21T18:02:11.482913', '2025-11-21T18:02:11.482Z'],
      ['a naive time without microseconds is read as UTC', '2025-11-21T17:40:27', '2025-11-21T17:40:27.000Z'],
      ['a Z time stays', '2025-11-21T18:02:11Z', '2025-11-21T18:02:11.000Z'],
      ['an offset is applied', '2025-11-21T18:02:11+02:00', '2025-11-21T16:02:11.000Z'],
      ['a negative offset is applied', '2025-11-21T18:02:11.5-05:00', '2025-11-21T23:02:11.500Z'],
      ['"+00:00Z" (HEAD upload history) is read', '2026-06-30T09:14:22.508113+00:00Z', '2026-06-30T09:14:22.508Z'],
      ['a date alone is midnight UTC', '2025-11-21', '2025-11-21T00:00:00.000Z'],
      ['an invalid date is null', '2025-13-45T99:99:99', null],
      ['text is null', 'yesterday', null],
      ['an empty string is null', '', null],
      ['a number is null', 1732212131, null],
      ['null is null', null, null],
    ];
    for (const [name, value, expected] of cases) {
      it(`${name} (${JSON.stringify(value)})`, () => {
        expect(parseOne({ id: 1, created_at: value }).created_at).to.equal(expected);
      });
    }
  });

  describe('explicit nulls and wrong types', () => {
    it('reads an item of explicit nulls', () => {
      const asset = parseOne({
        id: 7, user_id: null, media_type: null, provider_id: null, provider_asset_id: null, remote_url: null,
        thumbnail_url: null, preview_url: null, file_url: null, sync_status: null, file_size_bytes: null,
        duration_sec: null, width: null, height: null, mime_type: null, description: null, tags: null,
        provider_status: null, provider_flagged: null, provider_flag_reason: null, created_at: null,
      });
      expect(asset).to.deep.equal({
        id: 7, user_id: null, media_type: null, provider_id: null, provider_asset_id: null, remote_url: null,
        thumbnail_url: null, preview_url: null, file_url: null, sync_status: null, file_size_bytes: null,
        duration_sec: null, width: null, height: null, mime_type: null, description: null, tags: [],
        provider_status: 'unknown', provider_status_reason: null, created_at: null,
      });
    });

    it('turns fields of the wrong type into null and keeps the asset', () => {
      const asset = parseOne({
        id: 8,
        user_id: '1',
        media_type: 3,
        provider_asset_id: 381947226051264,
        remote_url: { href: 'https://cdn.example/a.png' },
        width: '1280',
        duration_sec: 'five',
        description: ['not', 'text'],
        tags: 'rain',
        created_at: { at: '2025-11-21' },
      });
      expect(asset.id).to.equal(8);
      expect(asset.user_id).to.equal(null);
      expect(asset.media_type).to.equal(null);
      expect(asset.provider_asset_id).to.equal(null);
      expect(asset.remote_url).to.equal(null);
      expect(asset.width).to.equal(null);
      expect(asset.duration_sec).to.equal(null);
      expect(asset.description).to.equal(null);
      expect(asset.tags).to.deep.equal([]);
      expect(asset.created_at).to.equal(null);
    });

    it('keeps the valid fields next to a wrong one', () => {
      const asset = parseOne({ id: 9, width: 'wide', height: 720, media_type: 'image' });
      expect(asset.width).to.equal(null);
      expect(asset.height).to.equal(720);
      expect(asset.media_type).to.equal('image');
    });

    it('keeps a media_type it does not know', () => {
      expect(parseOne({ id: 9, media_type: '3d_model' }).media_type).to.equal('3d_model');
    });

    it('clips a very long description', () => {
      const description = parseOne({ id: 9, description: 'x'.repeat(5000) }).description ?? '';
      expect(description.length).to.equal(2000);
      expect(description.endsWith('…')).to.equal(true);
    });
  });

  describe('unknown extra fields', () => {
    it('are not on the result (HEAD item)', () => {
      expect(Object.keys(parseOne(headItemSample())).sort()).to.deep.equal(ASSET_KEYS);
    });

    it('are not on the result (status inputs and arbitrary keys)', () => {
      const asset = parseOne({
        id: 10,
        local_path: 'data/storage/user/1/assets/10.jpg',
        media_metadata: { provider_flagged: 'true' },
        provider_uploads: { pixverse: 'x' },
        provider_flagged: true,
        note: 'x',
        upload_note: 'y',
        sha256: 'abc',
        // An own "__proto__" key, as JSON.parse makes it from a server reply.
        ...(JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x"}') as Record<string, unknown>),
      });
      expect(Object.keys(asset).sort()).to.deep.equal(ASSET_KEYS);
      expect((asset as unknown as Record<string, unknown>)['polluted']).to.equal(undefined);
      expect(asset.provider_status).to.equal('flagged');
    });
  });

  describe('items as a host app holds them', () => {
    it('reads fields a model class has as getters, and fields that are not enumerable', () => {
      class StoredAsset {
        constructor(readonly id: number) {}
        get remote_url(): string {
          return 'https://cdn.example.com/fox.mp4';
        }
        get provider_status(): string {
          return 'flagged';
        }
        get description(): string {
          return 'A fox';
        }
      }
      const asset = parseAsset(new StoredAsset(5));
      expect(asset?.remote_url).to.equal('https://cdn.example.com/fox.mp4');
      expect(asset?.provider_status).to.equal('flagged');
      expect(asset?.description).to.equal('A fox');
      const hidden = Object.defineProperty({ id: 6 }, 'provider_status', { value: 'ok', enumerable: false });
      expect(parseAsset(hidden)?.provider_status).to.equal('ok');
    });

    it('skips and counts an item whose fields throw when read, and never throws itself', () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      const throwing = { id: 8, get remote_url(): string { throw new Error('read'); } };
      expect(parseAsset(throwing)).to.equal(null);
      expect(parseAsset({ id: 9, tags: proxy })).to.equal(null);
      const page = mustParse({ assets: [throwing, { id: 10 }], total: 2 });
      expect(page.assets.map((asset) => asset.id)).to.deep.equal([10]);
      expect(page.skipped).to.equal(1);
    });

    it('never reads the fields it does not use', () => {
      const item = { id: 7, provider_status: 'ok', get secret(): string { throw new Error('read'); } };
      expect(parseAsset(item)?.provider_status).to.equal('ok');
    });
  });

  describe('items that cannot be shown', () => {
    it('skips and counts items without a usable id, keeping the rest', () => {
      const page = mustParse({
        assets: [
          { id: 1, media_type: 'image' },
          { media_type: 'image' },
          { id: -1 },
          { id: 1.5 },
          { id: 'abc' },
          { id: null },
          { id: '' },
          { id: 2 ** 53 },
          { id: Number.NaN },
          { id: '-1' },
          { id: '1e3' },
          { id: '1234567890123456' },
          null,
          'an asset',
          42,
          [],
          { id: 2, media_type: 'video' },
        ],
        total: 12,
        limit: 50,
        offset: 0,
        next_cursor: null,
      });
      expect(page.assets.map((a) => a.id)).to.deep.equal([1, 2]);
      expect(page.skipped).to.equal(15);
    });

    it('reads a numeric-string id as a number', () => {
      const asset = parseOne({ id: '1042' });
      expect(asset.id).to.equal(1042);
      expect(typeof asset.id).to.equal('number');
    });

    it('keeps id 0', () => {
      expect(parseOne({ id: 0 }).id).to.equal(0);
    });

    it('gives an empty page for an empty assets array', () => {
      const page = mustParse({ assets: [], total: 0, limit: 50, offset: 0, next_cursor: null });
      expect(page.assets).to.deep.equal([]);
      expect(page.skipped).to.equal(0);
    });
  });

  describe('the envelope', () => {
    const bad: Array<[string, unknown]> = [
      ['no assets key', { total: 0 }],
      ['"items" instead of "assets"', { items: [] }],
      ['assets is an object', { assets: {} }],
      ['assets is a string', { assets: 'none' }],
      ['assets is null', { assets: null }],
      ['null', null],
      ['undefined', undefined],
      ['a string', '{"assets":[]}'],
      ['an array', [{ id: 1 }]],
    ];
    for (const [label, json] of bad) {
      it(`returns null for ${label}`, () => {
        expect(parseAssetList(json)).to.equal(null);
      });
    }

    it('reads envelope fields of the wrong type, or missing, as null', () => {
      const page = mustParse({ assets: [], total: '10', offset: null, next_cursor: 42 });
      expect({ total: page.total, limit: page.limit, offset: page.offset, next_cursor: page.next_cursor }).to.deep.equal({
        total: null,
        limit: null,
        offset: null,
        next_cursor: null,
      });
    });

    it('reads an empty next_cursor as null', () => {
      expect(mustParse({ assets: [], next_cursor: '' }).next_cursor).to.equal(null);
    });
  });

  describe('URLs', () => {
    for (const field of URL_FIELDS) {
      for (const url of UNSAFE_URLS) {
        it(`drops ${JSON.stringify(url)} in ${field}`, () => {
          expect(parseOne({ id: 1, [field]: url })[field]).to.equal(null);
          expect(parseOne({ id: 1, [field]: url }, BASE)[field]).to.equal(null);
        });
      }

      it(`keeps an https URL in ${field}`, () => {
        expect(parseOne({ id: 1, [field]: 'https://media.pixverse.ai/openapi/a.jpg' })[field]).to.equal('https://media.pixverse.ai/openapi/a.jpg');
      });

      it(`keeps an http URL in ${field}`, () => {
        expect(parseOne({ id: 1, [field]: 'http://cdn.example/a.jpg' }, BASE)[field]).to.equal('http://cdn.example/a.jpg');
      });

      it(`keeps a blob: URL in ${field}`, () => {
        const blob = 'blob:http://localhost:8000/3f6c9b1e-2d4a-4e8f-9a0b-7c1d2e3f4a5b';
        expect(parseOne({ id: 1, [field]: blob })[field]).to.equal(blob);
      });

      it(`resolves a same-origin path in ${field} against the base`, () => {
        expect(parseOne({ id: 1, [field]: '/api/v1/assets/1040/file' }, BASE)[field]).to.equal('http://localhost:9999/api/v1/assets/1040/file');
      });

      it(`keeps a same-origin path in ${field} as a path without a base`, () => {
        expect(parseOne({ id: 1, [field]: '/api/v1/assets/1040/file' })[field]).to.equal('/api/v1/assets/1040/file');
      });
    }

    it('a dropped javascript: remote_url does not count as a provider URL', () => {
      expect(parseOne({ id: 1, remote_url: 'javascript:alert(1)' }).provider_status).to.equal('unknown');
    });
  });
});

describe('parseAsset', () => {
  it('parses one asset', () => {
    const asset = parseAsset(eraAListSample().assets[2], BASE);
    expect(asset?.id).to.equal(1040);
    expect(asset?.provider_status).to.equal('local_only');
    expect(asset?.file_url).to.equal('http://localhost:9999/api/v1/assets/1040/file');
  });

  for (const [label, json] of [
    ['no id', { media_type: 'image' }],
    ['a negative id', { id: -3 }],
    ['null', null],
    ['a string', 'asset'],
  ] as Array<[string, unknown]>) {
    it(`returns null for ${label}`, () => {
      expect(parseAsset(json)).to.equal(null);
    });
  }
});

describe('UploadAssetResponseSchema', () => {
  it('reads the HEAD success sample', () => {
    const parsed = UploadAssetResponseSchema.safeParse(uploadSuccessHead());
    expect(parsed.success).to.equal(true);
    expect(parsed.data).to.deep.equal({
      provider_id: 'pixverse',
      media_type: 'image',
      external_url: 'https://media.pixverse.ai/openapi/5d1f0c7e-3a2b-4f9d-8e6c-1b7a9d2e4f60.jpg',
      provider_asset_id: '5d1f0c7e-3a2b-4f9d-8e6c-1b7a9d2e4f60',
      asset_id: 1041,
      note: 'Uploaded via OpenAPI',
      versioning_status: 'not_requested',
    });
  });

  it('reads the Era A sample with null for the fields it lacks', () => {
    const parsed = UploadAssetResponseSchema.safeParse(uploadSuccessEraA());
    expect(parsed.success).to.equal(true);
    expect(parsed.data?.asset_id).to.equal(null);
    expect(parsed.data?.versioning_status).to.equal(null);
    expect(parsed.data?.provider_asset_id).to.equal('local_5b0e9d3c1a7f2e64');
  });

  it('keeps the local-only note', () => {
    expect(UploadAssetResponseSchema.safeParse(uploadLocalOnlyHead()).data?.note).to.equal(
      "Asset saved locally; provider upload failed: No available account for provider 'pixverse'",
    );
  });

  it('reads wrong-typed fields as null and a digit-string asset_id as a number', () => {
    const parsed = UploadAssetResponseSchema.safeParse({ provider_id: 5, note: false, asset_id: '1040', external_url: [] });
    expect(parsed.success).to.equal(true);
    expect(parsed.data?.provider_id).to.equal(null);
    expect(parsed.data?.note).to.equal(null);
    expect(parsed.data?.asset_id).to.equal(1040);
    expect(parsed.data?.external_url).to.equal(null);
  });

  it('does not keep unknown fields', () => {
    const parsed = UploadAssetResponseSchema.safeParse({ ...uploadSuccessHead(), secret: 'x' });
    expect(parsed.data).not.to.have.property('secret');
  });

  for (const value of [null, 'text', 42]) {
    it(`rejects ${JSON.stringify(value)}`, () => {
      expect(UploadAssetResponseSchema.safeParse(value).success).to.equal(false);
    });
  }
});

describe('toSafeUrl', () => {
  for (const url of UNSAFE_URLS) {
    it(`drops ${JSON.stringify(url)}`, () => {
      expect(toSafeUrl(url)).to.equal(null);
      expect(toSafeUrl(url, BASE)).to.equal(null);
    });
  }

  for (const value of [null, undefined, 42, {}, '', '   ']) {
    it(`drops ${JSON.stringify(value) ?? 'undefined'}`, () => {
      expect(toSafeUrl(value)).to.equal(null);
    });
  }

  it('keeps http and https URLs', () => {
    expect(toSafeUrl('http://cdn.example/a.png')).to.equal('http://cdn.example/a.png');
    expect(toSafeUrl('https://media.pixverse.ai/a.mp4?x=1#t=2')).to.equal('https://media.pixverse.ai/a.mp4?x=1#t=2');
  });

  it('keeps an absolute http URL on another host even with a base', () => {
    expect(toSafeUrl('https://media.pixverse.ai/a.mp4', BASE)).to.equal('https://media.pixverse.ai/a.mp4');
  });

  it('keeps blob: URLs', () => {
    const blob = 'blob:http://localhost:8000/3f6c9b1e-2d4a-4e8f-9a0b-7c1d2e3f4a5b';
    expect(toSafeUrl(blob)).to.equal(blob);
  });

  it('resolves a same-origin path against the base', () => {
    expect(toSafeUrl('/api/v1/assets/1040/file', BASE)).to.equal('http://localhost:9999/api/v1/assets/1040/file');
  });

  it('keeps a same-origin path, with its query and hash, as a path without a base', () => {
    expect(toSafeUrl('/api/v1/assets/1040/file')).to.equal('/api/v1/assets/1040/file');
    expect(toSafeUrl('/api/v1/media/u/1/a.jpg?token=abc#x')).to.equal('/api/v1/media/u/1/a.jpg?token=abc#x');
  });

  describe('without a base, on a page whose base is /app/ (a host page passing its own assets)', () => {
    let baseElement: HTMLBaseElement;
    beforeEach(() => {
      baseElement = document.createElement('base');
      baseElement.href = '/app/';
      document.head.prepend(baseElement);
    });
    afterEach(() => baseElement.remove());

    it("reads a page-relative URL against the page's base (document.baseURI), as an <img src> would", () => {
      expect(new URL(document.baseURI).pathname).to.equal('/app/');
      const pageReads = (value: string): string => {
        const url = new URL(value, document.baseURI);
        return url.pathname + url.search + url.hash;
      };
      for (const value of ['img/1.jpg', './img/1.jpg', 'media/x?token=abc#t=1', '../shared/a.png']) {
        expect(toSafeUrl(value), value).to.equal(pageReads(value));
      }
      expect(toSafeUrl('img/1.jpg')).to.equal('/app/img/1.jpg');
      expect(toSafeUrl('../shared/a.png')).to.equal('/shared/a.png');
      // A root-relative path is unchanged.
      expect(toSafeUrl('/api/v1/assets/1040/file')).to.equal('/api/v1/assets/1040/file');
      // Host assets are parsed without a base: their relative thumbnails load from the page's folder.
      expect(parseAsset({ id: 1, thumbnail_url: 'img/1.jpg' })?.thumbnail_url).to.equal('/app/img/1.jpg');
    });

    it('still drops every unsafe URL, and paths that would read as //other-host', () => {
      for (const url of UNSAFE_URLS) expect(toSafeUrl(url), url).to.equal(null);
      // These climb out of /app/ to a path "//evil.example/x", which a src would read as another host.
      for (const url of ['..//evil.example/x', '../..//evil.example/x', 'a/../..//evil.example/x']) expect(toSafeUrl(url), url).to.equal(null);
      // These stay under /app/ ("/app//evil.example/x"): a path on this origin, which is harmless.
      for (const url of ['.//evil.example/x', 'a/..//evil.example/x']) {
        const result = toSafeUrl(url);
        expect(result, url).to.be.a('string');
        expect(result?.startsWith('//'), url).to.equal(false);
        expect(new URL(result ?? '', document.baseURI).origin, url).to.equal(location.origin);
      }
    });
  });
});
