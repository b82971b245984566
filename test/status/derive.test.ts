import { expect } from '@open-wc/testing';
import { deriveProviderStatus, PROVIDER_STATUSES, resolveProviderStatus, type ProviderStatus } from '../../src/status/index.js';
import { eraAItem, eraAListSample } from '../api/fixtures.js';

const FAILED_NOTE = "Asset saved locally; provider upload failed: No available account for provider 'pixverse'";

/** An object whose `key` getter throws, on top of the given plain fields. */
function withThrowingGetter(key: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const asset: Record<string, unknown> = { ...fields };
  Object.defineProperty(asset, key, {
    enumerable: true,
    get() {
      throw new Error(`reading ${key} blew up`);
    },
  });
  return asset;
}

/** A Proxy that throws on every property read (and on every other trap). */
function hostileProxy(): object {
  const fail = (): never => {
    throw new Error('hostile proxy');
  };
  return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail });
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

describe('deriveProviderStatus', () => {
  describe('a valid server provider_status is trusted', () => {
    // Every field below points somewhere else; the server's word must still win.
    const disagreeing: Record<ProviderStatus, Record<string, unknown>> = {
      ok: { provider_flagged: true, media_metadata: { provider_removed: true }, provider_asset_id: 'local_abc', note: FAILED_NOTE },
      local_only: { remote_url: 'https://cdn.example/a.png', provider_asset_id: '381947226051264', provider_uploads: { pixverse: 'x' } },
      flagged: { provider_flagged: false, remote_url: 'https://cdn.example/a.png', provider_asset_id: '381947226051264' },
      unknown: { provider_flagged: true, remote_url: 'https://cdn.example/a.png', provider_asset_id: 'local_abc' },
    };
    for (const status of PROVIDER_STATUSES) {
      it(`keeps "${status}" even when the fields disagree`, () => {
        expect(deriveProviderStatus({ ...disagreeing[status], provider_status: status })).to.equal(status);
      });
    }
  });

  describe('a provider_status that is not one of the four values falls back to derivation', () => {
    const invalid: Array<[string, unknown]> = [
      ['"not_flagged" (a filter value)', 'not_flagged'],
      ['"pending" (an unknown future value)', 'pending'],
      ['"" (empty)', ''],
      ['42', 42],
      ['null', null],
      ['"OK" (wrong case)', 'OK'],
    ];
    for (const [label, value] of invalid) {
      it(`derives for ${label}`, () => {
        expect(deriveProviderStatus({ provider_status: value, provider_asset_id: 'local_abc' })).to.equal('local_only');
        expect(deriveProviderStatus({ provider_status: value, remote_url: 'https://cdn.example/a.png' })).to.equal('ok');
      });
    }

    it('derives when the key is absent', () => {
      expect(deriveProviderStatus({ provider_flagged: true })).to.equal('flagged');
    });
  });

  describe('rule 1: flagged', () => {
    it('is flagged when provider_flagged is true', () => {
      expect(deriveProviderStatus({ provider_flagged: true })).to.equal('flagged');
    });

    it('is flagged when media_metadata.provider_flagged is true', () => {
      expect(deriveProviderStatus({ media_metadata: { provider_flagged: true } })).to.equal('flagged');
    });

    for (const text of ['true', 'TRUE', 'True', 'tRuE']) {
      it(`is flagged when media_metadata.provider_flagged is the string ${JSON.stringify(text)}`, () => {
        expect(deriveProviderStatus({ media_metadata: { provider_flagged: text } })).to.equal('flagged');
      });
    }

    // The server's _metadata_truthy is `value.lower() == "true"`: it trims nothing.
    for (const text of [' True ', ' true', 'true ', 'true\n', '\ttrue']) {
      it(`is not flagged when media_metadata.provider_flagged is ${JSON.stringify(text)} (no trimming, as on the server)`, () => {
        expect(deriveProviderStatus({ media_metadata: { provider_flagged: text } })).to.equal('unknown');
        expect(deriveProviderStatus({ media_metadata: { provider_flagged: text }, provider_asset_id: '381947226051264' })).to.equal('ok');
      });
    }

    it('is not flagged when the top-level provider_flagged is " true " (same test as the metadata flag)', () => {
      expect(deriveProviderStatus({ provider_flagged: ' true ', provider_asset_id: 'local_abc' })).to.equal('local_only');
    });

    for (const value of [false, 'false', 'no', null, 0]) {
      it(`is not flagged when media_metadata.provider_flagged is ${JSON.stringify(value)}`, () => {
        expect(deriveProviderStatus({ media_metadata: { provider_flagged: value } })).to.equal('unknown');
        expect(deriveProviderStatus({ media_metadata: { provider_flagged: value }, provider_asset_id: '381947226051264' })).to.equal('ok');
      });
    }

    it('is not flagged when provider_flagged is false', () => {
      expect(deriveProviderStatus({ provider_flagged: false, provider_asset_id: '381947226051264' })).to.equal('ok');
    });
  });

  describe('rule 2: provider_removed', () => {
    it('is local only when media_metadata.provider_removed is true', () => {
      expect(deriveProviderStatus({ media_metadata: { provider_removed: true } })).to.equal('local_only');
    });

    it('is local only when media_metadata.provider_removed is "True"', () => {
      expect(deriveProviderStatus({ media_metadata: { provider_removed: 'True' } })).to.equal('local_only');
    });

    it('does not apply when media_metadata.provider_removed is false', () => {
      expect(deriveProviderStatus({ media_metadata: { provider_removed: false } })).to.equal('unknown');
    });

    it('does not apply when media_metadata.provider_removed is " true " (no trimming, as on the server)', () => {
      expect(deriveProviderStatus({ media_metadata: { provider_removed: ' true ' }, remote_url: 'https://cdn.example/a.png' })).to.equal('ok');
      expect(deriveProviderStatus({ media_metadata: { provider_removed: 'True\n' } })).to.equal('unknown');
    });
  });

  describe('rule 3: the last upload note', () => {
    it('is local only when note starts with the failure prefix', () => {
      expect(deriveProviderStatus({ note: FAILED_NOTE })).to.equal('local_only');
    });

    it('is local only when upload_note starts with the failure prefix', () => {
      expect(deriveProviderStatus({ upload_note: FAILED_NOTE })).to.equal('local_only');
    });

    it('is local only for the bare prefix with no reason', () => {
      expect(deriveProviderStatus({ note: 'Asset saved locally; provider upload failed' })).to.equal('local_only');
    });

    for (const note of ['Uploaded via OpenAPI', 'Reused existing asset (deduplicated by sha256)', 'provider upload failed', '']) {
      it(`does not apply to the note ${JSON.stringify(note)}`, () => {
        expect(deriveProviderStatus({ note })).to.equal('unknown');
      });
    }
  });

  describe('rule 4: remote_url', () => {
    for (const url of ['http://cdn.example/a.png', 'https://media.pixverse.ai/a.mp4', 'https://CDN.EXAMPLE/A.PNG']) {
      it(`is ok for ${url}`, () => {
        expect(deriveProviderStatus({ remote_url: url })).to.equal('ok');
      });
    }

    for (const url of ['ftp://cdn.example/a.png', 'javascript:alert(1)', 'pixverse:123', '/api/v1/assets/1/file', '', null, ' https://cdn.example/a.png']) {
      it(`is not ok for ${JSON.stringify(url)}`, () => {
        expect(deriveProviderStatus({ remote_url: url })).to.equal('unknown');
      });
    }

    // The server tests remote_url.startswith("http://") / startswith("https://"): the scheme's case matters.
    for (const url of ['HTTPS://cdn/x.png', 'Http://cdn.example/a.png', 'HTTP://CDN.EXAMPLE/A.PNG', 'hTTps://cdn.example/a.png']) {
      it(`is not ok for ${url} (the server's prefix test is case-sensitive)`, () => {
        expect(deriveProviderStatus({ remote_url: url })).to.equal('unknown');
      });
    }

    it('an upper-case HTTPS:// remote_url does not hide a local_ placeholder', () => {
      expect(deriveProviderStatus({ remote_url: 'HTTPS://cdn/x.png', provider_asset_id: 'local_abc' })).to.equal('local_only');
    });

    it('an upper-case HTTPS:// remote_url does not beat unknown for an empty id', () => {
      expect(deriveProviderStatus({ remote_url: 'HTTPS://cdn/x.png', provider_asset_id: '' })).to.equal('unknown');
    });

    it('an upper-case HTTPS:// remote_url still leaves a real provider id ok', () => {
      expect(deriveProviderStatus({ remote_url: 'HTTPS://cdn/x.png', provider_asset_id: '381947226051264' })).to.equal('ok');
    });

    it('a pseudo remote_url does not hide a local_ placeholder', () => {
      expect(deriveProviderStatus({ remote_url: 'pixverse:123', provider_asset_id: 'local_abc' })).to.equal('local_only');
    });
  });

  describe('rule 5: provider_asset_id is a real provider id', () => {
    it('is ok for "381947226051264"', () => {
      expect(deriveProviderStatus({ provider_asset_id: '381947226051264' })).to.equal('ok');
    });

    it('is not ok for an empty id', () => {
      expect(deriveProviderStatus({ provider_asset_id: '' })).to.equal('unknown');
    });

    it('is not ok for a number', () => {
      expect(deriveProviderStatus({ provider_asset_id: 381947226051264 })).to.equal('unknown');
    });

    // As on the server (`provider_asset_id and not provider_asset_id.startswith("local_")`): nothing trimmed, case kept.
    it('is ok for a whitespace-only id, which the server finds non-empty', () => {
      expect(deriveProviderStatus({ provider_asset_id: ' ' })).to.equal('ok');
    });

    it('is ok for " local_abc" and "LOCAL_abc", which do not start with local_', () => {
      expect(deriveProviderStatus({ provider_asset_id: ' local_abc' })).to.equal('ok');
      expect(deriveProviderStatus({ provider_asset_id: 'LOCAL_abc' })).to.equal('ok');
    });
  });

  describe('rule 6: provider_uploads', () => {
    it('is ok for a non-empty map', () => {
      expect(deriveProviderStatus({ provider_uploads: { pixverse: 'x' } })).to.equal('ok');
    });

    it('is not ok for an empty map', () => {
      expect(deriveProviderStatus({ provider_uploads: {} })).to.equal('unknown');
    });

    it('is ok for a map whose only entry is null (Python: a non-empty dict is truthy)', () => {
      expect(deriveProviderStatus({ provider_uploads: { pixverse: null } })).to.equal('ok');
    });

    it('is not ok for an array, even a non-empty one', () => {
      expect(deriveProviderStatus({ provider_uploads: [] })).to.equal('unknown');
      expect(deriveProviderStatus({ provider_uploads: ['pixverse'] })).to.equal('unknown');
    });
  });

  describe('rule 7 and 8: placeholder id, then unknown', () => {
    it('is local only for a "local_abc" placeholder id', () => {
      expect(deriveProviderStatus({ provider_asset_id: 'local_abc' })).to.equal('local_only');
    });

    it('is unknown for an empty object', () => {
      expect(deriveProviderStatus({})).to.equal('unknown');
    });
  });

  describe('precedence: the earlier rule wins', () => {
    const cases: Array<[string, Record<string, unknown>, ProviderStatus]> = [
      ['flagged beats provider_removed', { provider_flagged: true, media_metadata: { provider_removed: true } }, 'flagged'],
      ['metadata flag beats provider_removed', { media_metadata: { provider_flagged: 'true', provider_removed: true } }, 'flagged'],
      ['flagged beats the failure note', { provider_flagged: true, note: FAILED_NOTE }, 'flagged'],
      ['flagged beats an http remote_url', { provider_flagged: true, remote_url: 'https://cdn.example/a.png' }, 'flagged'],
      ['provider_removed beats an http remote_url', { media_metadata: { provider_removed: true }, remote_url: 'https://cdn.example/a.png' }, 'local_only'],
      ['provider_removed beats a real provider id', { media_metadata: { provider_removed: true }, provider_asset_id: '381947226051264' }, 'local_only'],
      ['the failure note beats an http remote_url', { note: FAILED_NOTE, remote_url: 'https://cdn.example/a.png' }, 'local_only'],
      ['the failure upload_note beats an http remote_url', { upload_note: FAILED_NOTE, remote_url: 'https://cdn.example/a.png' }, 'local_only'],
      ['the failure note beats a real provider id', { note: FAILED_NOTE, provider_asset_id: '381947226051264' }, 'local_only'],
      ['the failure note beats provider_uploads', { note: FAILED_NOTE, provider_uploads: { pixverse: 'x' } }, 'local_only'],
      ['an http remote_url beats a local_ placeholder', { remote_url: 'https://cdn.example/a.png', provider_asset_id: 'local_abc' }, 'ok'],
      ['provider_uploads beats a local_ placeholder', { provider_uploads: { pixverse: 'x' }, provider_asset_id: 'local_abc' }, 'ok'],
      ['a local_ placeholder beats unknown', { provider_asset_id: 'local_abc', provider_uploads: {} }, 'local_only'],
    ];
    for (const [name, asset, expected] of cases) {
      it(`${name} (${expected})`, () => {
        expect(deriveProviderStatus(asset)).to.equal(expected);
      });
    }
  });

  describe('the section 9.1 sample items', () => {
    const expected: Array<[number, ProviderStatus]> = [
      [1042, 'ok'],
      [1041, 'ok'],
      [1040, 'local_only'],
      [1039, 'local_only'],
      [1038, 'flagged'],
      [1037, 'flagged'],
      [1036, 'unknown'],
      [1035, 'ok'],
      [1034, 'local_only'],
      [1033, 'ok'],
    ];
    for (const [id, status] of expected) {
      it(`gives ${id} the status "${status}"`, () => {
        expect(deriveProviderStatus(eraAItem(id))).to.equal(status);
      });
    }

    it('1035 (old server, no status keys) is ok from its http remote_url', () => {
      const item = eraAItem(1035);
      expect(item).not.to.have.property('provider_status');
      expect(deriveProviderStatus(item)).to.equal('ok');
    });

    it('1034 (provider_status null) is local only from its local_ id', () => {
      const item = eraAItem(1034);
      expect(item['provider_status']).to.equal(null);
      expect(deriveProviderStatus(item)).to.equal('local_only');
    });

    it('derivation alone agrees with the server for every item with a provider_asset_id', () => {
      for (const item of eraAListSample().assets) {
        if (typeof item['provider_asset_id'] !== 'string' || item['provider_status'] == null) continue;
        const { provider_status: sent, ...rest } = item;
        expect(deriveProviderStatus(rest), `item ${String(item['id'])}`).to.equal(sent);
      }
    });
  });

  describe('never throws', () => {
    const inputs: Array<[string, () => unknown]> = [
      ['null', () => null],
      ['undefined', () => undefined],
      ['42', () => 42],
      ['"x"', () => 'x'],
      ['[]', () => []],
      ['a Symbol', () => Symbol('asset')],
      ['a function', () => () => 'ok'],
      ['a Proxy that throws on every get', hostileProxy],
      ['a revoked Proxy', revokedProxy],
    ];
    for (const [label, make] of inputs) {
      it(`gives "unknown" for ${label}`, () => {
        expect(deriveProviderStatus(make())).to.equal('unknown');
      });
    }

    it('ignores a throwing provider_status getter and applies the other rules', () => {
      expect(deriveProviderStatus(withThrowingGetter('provider_status', { provider_asset_id: 'local_abc' }))).to.equal('local_only');
      expect(deriveProviderStatus(withThrowingGetter('provider_status', { provider_flagged: true }))).to.equal('flagged');
    });

    it('ignores a throwing remote_url getter and applies the later rules', () => {
      expect(deriveProviderStatus(withThrowingGetter('remote_url', { provider_asset_id: '381947226051264' }))).to.equal('ok');
      expect(deriveProviderStatus(withThrowingGetter('remote_url', { provider_asset_id: 'local_abc' }))).to.equal('local_only');
    });

    it('ignores a media_metadata that throws on every read', () => {
      expect(deriveProviderStatus({ media_metadata: hostileProxy(), provider_asset_id: 'local_abc' })).to.equal('local_only');
    });

    it('ignores a provider_uploads that throws on every trap', () => {
      expect(deriveProviderStatus({ provider_uploads: hostileProxy(), provider_asset_id: 'local_abc' })).to.equal('local_only');
    });

    it('ignores a provider_uploads that is a revoked Proxy', () => {
      expect(() => deriveProviderStatus({ provider_uploads: revokedProxy(), provider_asset_id: 'local_abc' })).not.to.throw();
      expect(deriveProviderStatus({ provider_uploads: revokedProxy(), provider_asset_id: 'local_abc' })).to.equal('local_only');
    });
  });
});

describe('resolveProviderStatus', () => {
  it('gives the Era A provider_flag_reason for a flagged asset', () => {
    expect(resolveProviderStatus(eraAItem(1037))).to.deep.equal({ status: 'flagged', reason: 'early_cdn_filtered' });
  });

  it('gives media_metadata.provider_flagged_reason for a flag from metadata', () => {
    const asset = { media_metadata: { provider_flagged: 'true', provider_flagged_reason: 'post_delivery_moderation' } };
    expect(resolveProviderStatus(asset)).to.deep.equal({ status: 'flagged', reason: 'post_delivery_moderation' });
  });

  it('gives the flag reason when the server sent "flagged" itself', () => {
    const asset = { provider_status: 'flagged', provider_flag_reason: 'placeholder_url_only' };
    expect(resolveProviderStatus(asset)).to.deep.equal({ status: 'flagged', reason: 'placeholder_url_only' });
  });

  it('falls back to the metadata reason when provider_flag_reason is blank', () => {
    const asset = { provider_flagged: true, provider_flag_reason: '  ', media_metadata: { provider_flagged_reason: 'early_cdn_filtered' } };
    expect(resolveProviderStatus(asset)).to.deep.equal({ status: 'flagged', reason: 'early_cdn_filtered' });
  });

  it('gives no reason for a flag without one', () => {
    expect(resolveProviderStatus({ provider_flagged: true, provider_flag_reason: null })).to.deep.equal({ status: 'flagged' });
  });

  it('gives the text after the colon of a failure note for a local-only asset', () => {
    expect(resolveProviderStatus({ note: FAILED_NOTE })).to.deep.equal({
      status: 'local_only',
      reason: "No available account for provider 'pixverse'",
    });
  });

  it('reads the failure reason from upload_note too', () => {
    expect(resolveProviderStatus({ upload_note: 'Asset saved locally; provider upload failed: Video validation failed: too long' })).to.deep.equal({
      status: 'local_only',
      reason: 'Video validation failed: too long',
    });
  });

  it('gives no reason for a local-only placeholder id', () => {
    expect(resolveProviderStatus({ provider_asset_id: 'local_abc' })).to.deep.equal({ status: 'local_only' });
  });

  it('gives no reason for a failure note with nothing after the colon', () => {
    expect(resolveProviderStatus({ note: 'Asset saved locally; provider upload failed:  ' })).to.deep.equal({ status: 'local_only' });
  });

  it('gives no reason for an ok asset, even with a flag reason lying around', () => {
    expect(resolveProviderStatus({ provider_status: 'ok', provider_flag_reason: 'stale' })).to.deep.equal({ status: 'ok' });
  });

  it('never throws for a Proxy that throws on every get', () => {
    expect(resolveProviderStatus(hostileProxy())).to.deep.equal({ status: 'unknown' });
  });
});
