import { expect } from '@open-wc/testing';
import {
  countByStatus,
  DEFAULT_COPY,
  formatCopy,
  formatPlural,
  getCopy,
  interpretUploadResponse,
  mergeCopy,
  providerName,
  resetCopy,
  setCopy,
  statusExplanation,
  statusLabel,
  type CopyOverrides,
} from '../../src/status/index.js';
import { eraAListSample } from '../api/fixtures.js';

const ZERO = { ok: 0, local_only: 0, flagged: 0, unknown: 0 };

/** A deep snapshot, to show that a value was not changed in place. */
function snapshot(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('countByStatus', () => {
  it('counts the section 9.1 sample page', () => {
    expect(countByStatus(eraAListSample().assets)).to.deep.equal({ ok: 4, local_only: 3, flagged: 2, unknown: 1 });
  });

  it('derives the status of raw server items that have no provider_status', () => {
    const assets = [
      { provider_status: 'ok' },
      { remote_url: 'https://cdn.example/a.png' },
      { provider_asset_id: 'local_9c1e4b7a2d3f6e08', provider_status: null },
      { provider_flagged: true },
      { media_metadata: { provider_removed: 'true' }, remote_url: 'https://cdn.example/b.png' },
      { provider_status: 'not_flagged', provider_asset_id: '' },
    ];
    expect(countByStatus(assets)).to.deep.equal({ ok: 2, local_only: 2, flagged: 1, unknown: 1 });
  });

  it('counts junk entries of a list as unknown', () => {
    expect(countByStatus([null, 42, 'x', {}])).to.deep.equal({ ok: 0, local_only: 0, flagged: 0, unknown: 4 });
  });

  it('counts any iterable, such as a Set', () => {
    const assets = new Set([{ provider_status: 'flagged' }, { provider_status: 'flagged' }, { provider_asset_id: '381947226051264' }]);
    expect(countByStatus(assets)).to.deep.equal({ ok: 1, local_only: 0, flagged: 2, unknown: 0 });
  });

  it('gives zeros for an empty list', () => {
    expect(countByStatus([])).to.deep.equal(ZERO);
  });

  for (const [label, value] of [
    ['null', null],
    ['undefined', undefined],
    ['42', 42],
    ['a string (iterable, but not a list of assets)', 'abc'],
    ['a plain object', { assets: [{ provider_status: 'ok' }] }],
    ['an array-like that is not iterable', { length: 1, 0: { provider_status: 'ok' } }],
  ] as Array<[string, unknown]>) {
    it(`gives zeros for ${label}`, () => {
      expect(countByStatus(value as Iterable<unknown>)).to.deep.equal(ZERO);
    });
  }

  it('returns a fresh object each time', () => {
    const first = countByStatus([]);
    first.ok = 99;
    expect(countByStatus([]).ok).to.equal(0);
  });
});

describe('copy', () => {
  afterEach(() => {
    resetCopy();
  });

  describe('statusLabel', () => {
    it('has the four labels', () => {
      expect(statusLabel('ok')).to.equal('Provider OK');
      expect(statusLabel('local_only')).to.equal('Local only');
      expect(statusLabel('flagged')).to.equal('Flagged');
      expect(statusLabel('unknown')).to.equal('Unknown');
    });
  });

  describe('statusExplanation', () => {
    it('explains each status', () => {
      expect(statusExplanation('ok')).to.equal('Provider accepted this asset');
      expect(statusExplanation('local_only')).to.equal('Provider upload failed; stored locally in PixSim7');
      expect(statusExplanation('flagged')).to.equal('Flagged by the provider after upload');
      expect(statusExplanation('unknown')).to.equal('Provider status unknown');
    });

    it('adds a local-only reason after a colon', () => {
      expect(statusExplanation('local_only', "No available account for provider 'pixverse'")).to.equal(
        "Provider upload failed; stored locally in PixSim7: No available account for provider 'pixverse'",
      );
    });

    it('adds a flag reason after a colon', () => {
      expect(statusExplanation('flagged', 'post_delivery_moderation')).to.equal('Flagged by the provider after upload: post_delivery_moderation');
    });

    it('leaves an empty reason out', () => {
      expect(statusExplanation('flagged', '')).to.equal('Flagged by the provider after upload');
    });

    it('does not treat placeholders inside the reason as template text', () => {
      expect(statusExplanation('flagged', '{app} {explanation}')).to.equal('Flagged by the provider after upload: {app} {explanation}');
    });
  });

  describe('setCopy / resetCopy', () => {
    it('setCopy({appName}) changes the local-only explanation', () => {
      setCopy({ appName: 'Acme' });
      expect(statusExplanation('local_only')).to.equal('Provider upload failed; stored locally in Acme');
    });

    it('setCopy leaves every other word as it was', () => {
      setCopy({ appName: 'Acme' });
      expect(statusLabel('local_only')).to.equal('Local only');
      expect(statusExplanation('ok')).to.equal('Provider accepted this asset');
      expect(providerName('pixverse')).to.equal('Pixverse');
    });

    it('resetCopy restores the built-in copy', () => {
      setCopy({ appName: 'Acme', status: { ok: { label: 'Fine' } } });
      resetCopy();
      expect(statusExplanation('local_only')).to.equal('Provider upload failed; stored locally in PixSim7');
      expect(statusLabel('ok')).to.equal('Provider OK');
    });

    it('two setCopy calls add up', () => {
      setCopy({ appName: 'Acme' });
      setCopy({ status: { flagged: { label: 'Rejected' } } });
      expect(statusExplanation('local_only')).to.equal('Provider upload failed; stored locally in Acme');
      expect(statusLabel('flagged')).to.equal('Rejected');
    });

    it('a relabelled status keeps its explanation', () => {
      setCopy({ status: { ok: { label: 'Anbieter OK' } } });
      expect(statusLabel('ok')).to.equal('Anbieter OK');
      expect(statusExplanation('ok')).to.equal('Provider accepted this asset');
    });

    it('does not change DEFAULT_COPY', () => {
      const before = snapshot(DEFAULT_COPY);
      setCopy({ appName: 'Acme', providerNames: { kling: 'Kling' }, status: { ok: { label: 'Fine' } } });
      expect(snapshot(DEFAULT_COPY)).to.deep.equal(before);
    });

    it('reaches the upload messages', () => {
      setCopy({ upload: { accepted: 'Sent to {provider}' } });
      expect(interpretUploadResponse({ provider_id: 'pixverse', note: null }).message).to.equal('Sent to Pixverse');
    });

    it('adds a provider name and keeps the built-in ones', () => {
      setCopy({ providerNames: { kling: 'Kling AI' } });
      expect(providerName('kling')).to.equal('Kling AI');
      expect(providerName('pixverse')).to.equal('Pixverse');
    });

    it('getCopy returns the copy in force', () => {
      setCopy({ appName: 'Acme' });
      expect(getCopy().appName).to.equal('Acme');
      resetCopy();
      expect(getCopy().appName).to.equal('PixSim7');
    });
  });

  describe('mergeCopy', () => {
    it('changes neither input', () => {
      const overrides: CopyOverrides = { appName: 'Acme', status: { ok: { label: 'Fine' } }, providerNames: { kling: 'Kling' } };
      const baseBefore = snapshot(DEFAULT_COPY);
      const overridesBefore = snapshot(overrides);
      mergeCopy(DEFAULT_COPY, overrides);
      expect(snapshot(DEFAULT_COPY)).to.deep.equal(baseBefore);
      expect(snapshot(overrides)).to.deep.equal(overridesBefore);
    });

    it('returns a new object that shares no changed level with the base', () => {
      const merged = mergeCopy(DEFAULT_COPY, { status: { ok: { label: 'Fine' } } });
      expect(merged).not.to.equal(DEFAULT_COPY);
      expect(merged.status).not.to.equal(DEFAULT_COPY.status);
      expect(merged.status.ok).not.to.equal(DEFAULT_COPY.status.ok);
    });

    it('keeps untouched keys at every level', () => {
      const merged = mergeCopy(DEFAULT_COPY, { status: { ok: { label: 'Fine' } }, errors: { network: 'Offline.' } });
      expect(merged.status.ok).to.deep.equal({ label: 'Fine', explanation: 'Provider accepted this asset' });
      expect(merged.status.flagged).to.deep.equal({ label: 'Flagged', explanation: 'Flagged by the provider after upload' });
      expect(merged.errors.network).to.equal('Offline.');
      expect(merged.errors.notJson).to.equal("The server's reply could not be read: it is not JSON.");
      expect(merged.appName).to.equal('PixSim7');
      expect(merged.upload).to.deep.equal(DEFAULT_COPY.upload);
    });

    it('an explicit copy argument wins over the global copy', () => {
      const german = mergeCopy(DEFAULT_COPY, { status: { local_only: { label: 'Nur lokal', explanation: 'Nur in {app} gespeichert' } } });
      expect(statusLabel('local_only', german)).to.equal('Nur lokal');
      expect(statusExplanation('local_only', undefined, german)).to.equal('Nur in PixSim7 gespeichert');
      expect(statusLabel('local_only')).to.equal('Local only');
    });

    it('ignores keys the copy does not have', () => {
      const merged = mergeCopy(DEFAULT_COPY, { nonsense: 'x' } as unknown as CopyOverrides);
      expect(merged).not.to.have.property('nonsense');
    });

    it('keeps the default for a nested key given as undefined', () => {
      const merged = mergeCopy(DEFAULT_COPY, { upload: { accepted: undefined, reused: 'Reused on {provider}' } });
      expect(merged.upload.accepted).to.equal('Uploaded to {provider}');
      expect(merged.upload.reused).to.equal('Reused on {provider}');
    });

    it('keeps the default label for a status override given as undefined', () => {
      const merged = mergeCopy(DEFAULT_COPY, { status: { ok: { label: undefined } } });
      expect(statusLabel('ok', merged)).to.equal('Provider OK');
    });
  });

  describe('formatCopy', () => {
    it('fills named placeholders with strings and numbers', () => {
      expect(formatCopy('HTTP {status} from {provider}', { status: 502, provider: 'Pixverse' })).to.equal('HTTP 502 from Pixverse');
    });

    it('leaves a placeholder with no value as it is', () => {
      expect(formatCopy('Uploaded to {provider}', {})).to.equal('Uploaded to {provider}');
    });

    it('does not fill placeholders that appear inside a value', () => {
      expect(formatCopy('{a} and {b}', { a: '{b}', b: 'B' })).to.equal('{b} and B');
    });

    it('leaves placeholders named like Object.prototype members as they are', () => {
      expect(formatCopy('{toString} {constructor}', {})).to.equal('{toString} {constructor}');
    });
  });

  describe('words that say what a number counts (issue 12)', () => {
    const plural = (words: Parameters<typeof formatPlural>[0], count: number, values: Record<string, string> = {}) =>
      formatCopy(formatPlural(words, count, 'en'), values);

    it('the overview: not counted, the loaded assets, the filtered status, some statuses, the library', () => {
      const { overview } = DEFAULT_COPY;
      expect(overview.countUnknown).to.equal('not counted');
      expect(plural(overview.countsLoaded, 24)).to.equal('Counts of the 24 loaded assets');
      expect(plural(overview.countsFiltered, 1, { status: 'Local only' })).to.equal(
        'Counts of the 1 loaded “Local only” asset; other statuses are not counted while filtered',
      );
      expect(plural(overview.countsFiltered, 1200, { status: 'Local only' })).to.equal(
        'Counts of the 1,200 loaded “Local only” assets; other statuses are not counted while filtered',
      );
      expect(overview.countsPartial).to.equal('Some statuses are not counted');
      expect(overview.countsServer).to.equal('Totals in your library');
    });

    it('the bulk re-upload says it is of the loaded assets, and so does its note on the flagged ones', () => {
      const { upload } = DEFAULT_COPY;
      expect(plural(upload.bulk, 1)).to.equal('Re-upload the 1 loaded local-only asset');
      expect(plural(upload.bulk, 24)).to.equal('Re-upload the 24 loaded local-only assets');
      expect(plural(upload.bulkFlaggedSkipped, 1)).to.equal('The 1 loaded flagged asset is left out: a moderation flag is not fixed by uploading again');
      expect(plural(upload.bulkFlaggedSkipped, 3)).to.equal('The 3 loaded flagged assets are left out: a moderation flag is not fixed by uploading again');
    });
  });

  describe('providerName', () => {
    it('names known providers', () => {
      expect(providerName('pixverse')).to.equal('Pixverse');
      expect(providerName('openapi')).to.equal('OpenAPI');
      expect(providerName('sora')).to.equal('Sora');
    });

    it('shows an unknown id as it is', () => {
      expect(providerName('kling')).to.equal('kling');
    });

    it('does not read names from Object.prototype', () => {
      expect(providerName('constructor')).to.equal('constructor');
      expect(providerName('__proto__')).to.equal('__proto__');
    });

    it('says "the provider" when there is no id', () => {
      expect(providerName(null)).to.equal('the provider');
      expect(providerName(undefined)).to.equal('the provider');
      expect(providerName('')).to.equal('the provider');
    });
  });
});
