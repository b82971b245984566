import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  bulkReuploadTargets,
  DEFAULT_UPLOAD_PROVIDER,
  isBulkReuploadTarget,
  isUploadableMedia,
  PROVIDER_STATUSES,
  uploadOffer,
  uploadTarget,
  type UploadOffer,
  type UploadOfferQuery,
} from '../../src/status/index.js';
import { wild } from '../arbitraries.js';

/** A Proxy that throws on every trap. */
function hostileProxy(): object {
  const fail = () => {
    throw new Error('hostile');
  };
  return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail });
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const HOSTILE: Array<[string, () => unknown]> = [
  ['null', () => null],
  ['undefined', () => undefined],
  ['a number', () => 42],
  ['a Proxy that throws on every trap', hostileProxy],
  ['a revoked Proxy', revokedProxy],
  ['an object whose getters throw', () => Object.defineProperty({}, 'provider_status', { get: () => { throw new Error('x'); } })],
];

describe('uploadTarget', () => {
  it('is pixverse by default, one constant for every element', () => {
    expect(DEFAULT_UPLOAD_PROVIDER).to.equal('pixverse');
    expect(uploadTarget(undefined, undefined)).to.equal('pixverse');
  });

  it('takes the chosen provider, else the asset provider, else the default, each trimmed', () => {
    expect(uploadTarget('openapi', 'sora')).to.equal('openapi');
    expect(uploadTarget('  openapi \n', 'sora')).to.equal('openapi');
    expect(uploadTarget(null, 'sora')).to.equal('sora');
    expect(uploadTarget('   ', ' sora ')).to.equal('sora');
    expect(uploadTarget('', '')).to.equal('pixverse');
    expect(uploadTarget(' ', '\t')).to.equal('pixverse');
  });

  it('ignores what is not a string', () => {
    expect(uploadTarget(42, { id: 'sora' })).to.equal('pixverse');
    expect(uploadTarget(['openapi'], 'sora')).to.equal('sora');
    expect(uploadTarget(hostileProxy(), revokedProxy())).to.equal('pixverse');
  });
});

describe('uploadOffer', () => {
  const offer = (query: UploadOfferQuery): UploadOffer => uploadOffer(query);

  describe('idle', () => {
    it('offers "Retry upload" for a local-only asset, "Upload to provider" for an unknown one', () => {
      expect(offer({ status: 'local_only', provider: 'pixverse', target: 'pixverse' })).to.equal('retry');
      expect(offer({ status: 'unknown', provider: 'pixverse', target: 'pixverse' })).to.equal('upload');
      expect(offer({ status: 'unknown', provider: null, target: 'pixverse' })).to.equal('upload');
    });

    it('offers nothing for a flagged asset, whatever the target', () => {
      expect(offer({ status: 'flagged', provider: 'pixverse', target: 'pixverse' })).to.equal(null);
      expect(offer({ status: 'flagged', provider: 'pixverse', target: 'sora' })).to.equal(null);
      expect(offer({ status: 'flagged' })).to.equal(null);
    });

    it('offers nothing for an asset OK on the target provider, an upload for one OK elsewhere', () => {
      expect(offer({ status: 'ok', provider: 'pixverse', target: 'pixverse' })).to.equal(null);
      expect(offer({ status: 'ok', provider: 'pixverse', target: 'sora' })).to.equal('upload');
      // No provider named: an upload to pixverse may still be wanted.
      expect(offer({ status: 'ok', provider: null, target: 'pixverse' })).to.equal('upload');
    });

    it('resolves the target as uploadTarget does: the raw choice and the resolved one answer alike', () => {
      expect(offer({ status: 'ok', provider: 'sora', target: null })).to.equal(null);
      expect(offer({ status: 'ok', provider: 'sora', target: '  ' })).to.equal(null);
      expect(offer({ status: 'ok', provider: 'sora' })).to.equal(null);
      expect(offer({ status: 'ok', provider: 'sora', target: ' sora ' })).to.equal(null);
      expect(offer({ status: 'ok', provider: ' pixverse ', target: 'pixverse' })).to.equal(null);
      expect(offer({ status: 'ok', provider: 'sora', target: ' pixverse ' })).to.equal('upload');
    });

    it('is the default phase, and what an unknown phase counts as', () => {
      for (const phase of [undefined, null, 'idle', 'RUNNING', 'queued', 3]) {
        expect(offer({ status: 'flagged', phase }), String(phase)).to.equal(null);
        expect(offer({ status: 'local_only', phase }), String(phase)).to.equal('retry');
      }
    });
  });

  describe('running', () => {
    it('keeps the button, worded "Retry upload" for a retry or a local-only asset', () => {
      expect(offer({ status: 'unknown', phase: 'running' })).to.equal('upload');
      expect(offer({ status: 'unknown', phase: 'running', retrying: true })).to.equal('retry');
      expect(offer({ status: 'local_only', phase: 'running', retrying: false })).to.equal('retry');
      expect(offer({ status: 'ok', provider: 'pixverse', target: 'pixverse', phase: 'running' })).to.equal('upload');
    });

    it('shows a running request even on a flagged asset', () => {
      expect(offer({ status: 'flagged', phase: 'running' })).to.equal('upload');
      expect(offer({ status: 'flagged', phase: 'running', retrying: true })).to.equal('retry');
    });

    it('counts only retrying: true as a retry', () => {
      for (const retrying of ['true', 1, {}, 'yes']) expect(offer({ status: 'unknown', phase: 'running', retrying })).to.equal('upload');
    });
  });

  describe('done', () => {
    it('offers nothing once the provider accepted the file', () => {
      for (const status of PROVIDER_STATUSES) expect(offer({ status, phase: 'done', providerSucceeded: true }), status).to.equal(null);
    });

    it('offers a retry when it was saved locally only, except on a flagged asset', () => {
      expect(offer({ status: 'local_only', phase: 'done', providerSucceeded: false })).to.equal('retry');
      expect(offer({ status: 'unknown', phase: 'done', providerSucceeded: false })).to.equal('retry');
      expect(offer({ status: 'ok', provider: 'pixverse', target: 'pixverse', phase: 'done', providerSucceeded: false })).to.equal('retry');
      expect(offer({ status: 'flagged', phase: 'done', providerSucceeded: false })).to.equal(null);
    });

    it('counts only providerSucceeded: true as success', () => {
      for (const providerSucceeded of [undefined, 'true', 1]) {
        expect(offer({ status: 'local_only', phase: 'done', providerSucceeded }), String(providerSucceeded)).to.equal('retry');
      }
    });
  });

  describe('failed', () => {
    it('offers a retry, except on a flagged asset', () => {
      expect(offer({ status: 'local_only', phase: 'failed' })).to.equal('retry');
      expect(offer({ status: 'unknown', phase: 'failed' })).to.equal('retry');
      expect(offer({ status: 'ok', provider: 'pixverse', target: 'pixverse', phase: 'failed' })).to.equal('retry');
      expect(offer({ status: 'flagged', phase: 'failed' })).to.equal(null);
    });
  });

  it('counts a status that is not one of the four as unknown', () => {
    for (const status of ['not_flagged', 'OK', null, 7]) {
      expect(offer({ status, provider: 'pixverse', target: 'pixverse' }), String(status)).to.equal('upload');
      expect(offer({ status, phase: 'done', providerSucceeded: false }), String(status)).to.equal('retry');
    }
  });

  for (const [label, make] of HOSTILE) {
    it(`never throws for ${label} as the query`, () => {
      expect(uploadOffer(make() as UploadOfferQuery)).to.equal('upload');
    });
  }

  it('answers an offer for any query, and never throws', function () {
    this.timeout(60_000); // a busy machine: the property needs its runs, not a deadline
    const query = fc.record({ status: wild, provider: wild, target: wild, phase: wild, providerSucceeded: wild, retrying: wild }, { requiredKeys: [] });
    fc.assert(
      fc.property(query, (value) => [null, 'upload', 'retry'].includes(uploadOffer(value as UploadOfferQuery))),
      { numRuns: 200 },
    );
  });
});

describe('isBulkReuploadTarget', () => {
  it('takes a parsed asset by its settled provider_status', () => {
    expect(isBulkReuploadTarget({ id: 1, provider_status: 'local_only' })).to.equal(true);
    // The settled status wins over fields that would derive another.
    expect(isBulkReuploadTarget({ id: 2, provider_status: 'local_only', remote_url: 'https://cdn.example/a.png' })).to.equal(true);
    expect(isBulkReuploadTarget({ id: 3, provider_status: 'ok', provider_asset_id: 'local_abc' })).to.equal(false);
  });

  it('leaves out flagged, OK and unknown assets', () => {
    for (const status of ['ok', 'flagged', 'unknown']) expect(isBulkReuploadTarget({ provider_status: status }), status).to.equal(false);
  });

  it('derives the status of a raw item without one', () => {
    expect(isBulkReuploadTarget({ provider_asset_id: 'local_9c1e4b7a2d3f6e08' })).to.equal(true);
    expect(isBulkReuploadTarget({ media_metadata: { provider_removed: true }, remote_url: 'https://cdn.example/a.png' })).to.equal(true);
    expect(isBulkReuploadTarget({ provider_status: 'not_flagged', note: 'Asset saved locally; provider upload failed: quota' })).to.equal(true);
    expect(isBulkReuploadTarget({ provider_asset_id: 'local_abc', provider_flagged: true })).to.equal(false);
    expect(isBulkReuploadTarget({ remote_url: 'https://cdn.example/a.png' })).to.equal(false);
  });

  for (const [label, make] of HOSTILE) {
    it(`is false for ${label}`, () => {
      expect(isBulkReuploadTarget(make())).to.equal(false);
    });
  }
});

describe('bulkReuploadTargets', () => {
  it('takes the local-only assets, in order, as the same objects, in a new array', () => {
    const a = { id: 1, provider_status: 'local_only' };
    const b = { id: 2, provider_status: 'flagged' };
    const c = { id: 3, provider_asset_id: 'local_abc' };
    const d = { id: 4, provider_status: 'ok' };
    const list = [a, b, c, d];
    const targets = bulkReuploadTargets(list);
    expect(targets).to.have.ordered.members([a, c]);
    expect(targets[0] === a && targets[1] === c).to.equal(true);
    expect(targets).not.to.equal(list);
    expect(list.length).to.equal(4);
  });

  it('takes from any iterable, and skips junk entries', () => {
    const a = { provider_status: 'local_only' };
    expect(bulkReuploadTargets(new Set<unknown>([null, 42, 'local_only', a, revokedProxy()]))).to.deep.equal([a]);
  });

  for (const [label, value] of [
    ['null', null],
    ['undefined', undefined],
    ['a string', 'local_only'],
    ['a plain object', { assets: [{ provider_status: 'local_only' }] }],
  ] as Array<[string, unknown]>) {
    it(`takes none from ${label}`, () => {
      expect(bulkReuploadTargets(value as Iterable<unknown>)).to.deep.equal([]);
    });
  }

  it('keeps what it read from a list that stops iterating', () => {
    const a = { provider_status: 'local_only' };
    function* broken(): Generator<unknown> {
      yield a;
      yield { provider_status: 'local_only' };
      throw new Error('hostile iterator');
    }
    expect(bulkReuploadTargets(broken())).to.have.length(2);
    expect(bulkReuploadTargets(hostileProxy() as Iterable<unknown>)).to.deep.equal([]);
  });
});

describe('isUploadableMedia', () => {
  it('takes image and video files', () => {
    expect(isUploadableMedia(new File(['x'], 'koi.png', { type: 'image/png' }))).to.equal(true);
    expect(isUploadableMedia(new File(['x'], 'koi.mp4', { type: 'video/mp4' }))).to.equal(true);
    expect(isUploadableMedia(new File(['x'], 'koi.svg', { type: 'image/svg+xml' }))).to.equal(true);
  });

  it('refuses other files, and a file whose type the browser does not know', () => {
    expect(isUploadableMedia(new File(['hello'], 'notes.txt', { type: 'text/plain' }))).to.equal(false);
    expect(isUploadableMedia(new File(['x'], 'song.mp3', { type: 'audio/mpeg' }))).to.equal(false);
    expect(isUploadableMedia(new File(['x'], 'koi.png'))).to.equal(false);
  });

  it('reads a MIME type string, case-insensitively, by its top-level type only', () => {
    expect(isUploadableMedia('image/jpeg')).to.equal(true);
    expect(isUploadableMedia('Video/MP4')).to.equal(true);
    for (const type of ['', 'image', 'imagex/png', ' image/png', 'application/x-image/png', 'text/plain', 'audio/ogg', 'x-video/mp4']) {
      expect(isUploadableMedia(type), type).to.equal(false);
    }
  });

  it('reads the type of any object, and refuses one without a string type', () => {
    expect(isUploadableMedia({ type: 'image/webp' })).to.equal(true);
    for (const value of [{}, { type: null }, { type: ['image/png'] }, { type: { toString: () => 'image/png' } }, hostileProxy(), revokedProxy(), null, 42]) {
      expect(isUploadableMedia(value as { type?: unknown })).to.equal(false);
    }
  });
});
