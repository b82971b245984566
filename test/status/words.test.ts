import { expect } from '@open-wc/testing';
import { ConfigError, createAssetsClient, describeError, HttpError, InvalidResponseError, TimeoutError } from '../../src/api/index.js';
import { de } from '../../src/locales/de.js';
import {
  copyFor,
  DEFAULT_COPY,
  mergeCopy,
  onCopyChange,
  registerLocale,
  resetCopy,
  setCopy,
  statusLabel,
  type CopyOverrides,
} from '../../src/status/index.js';

/** Every string in a copy, by its path ("upload.bulk.other"). */
function strings(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') found.set(path, value);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) for (const entry of strings(inner, path ? `${path}.${key}` : key)) found.set(...entry);
  }
  return found;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('words: the German locale', () => {
  const english = strings(DEFAULT_COPY);
  const german = strings(de);
  // The app's and providers' names are the host's to set, in any language.
  const translatable = [...english.keys()].filter((path) => path !== 'appName' && !path.startsWith('providerNames.'));

  it('translates every word but the app and provider names', () => {
    expect(translatable.filter((path) => !german.has(path))).to.deep.equal([]);
    expect([...german.keys()].filter((path) => !english.has(path))).to.deep.equal([]);
  });

  it('keeps every placeholder, except the technical problem it leaves out on purpose', () => {
    const differing = translatable.filter((path) => placeholders(english.get(path)!).join() !== placeholders(german.get(path) ?? '').join());
    expect(differing).to.deep.equal(['errors.invalidResponse']);
  });

  it('is not English left in place', () => {
    const same = translatable.filter((path) => english.get(path) === german.get(path) && /[a-z]{4}/.test(english.get(path)!.replace(/\{\w+\}/g, '')));
    // Words that are the same in both languages.
    expect(same).to.deep.equal(['card.mediaTypes.video', 'card.mediaTypes.audio', 'gallery.listLabel']);
  });
});

describe('words: copyFor (global, language, own)', () => {
  afterEach(() => resetCopy());

  it('is the global copy without a language, and for a language nobody registered', () => {
    expect(copyFor()).to.equal(DEFAULT_COPY);
    registerLocale('de', de);
    expect(copyFor('fr').status.ok.label).to.equal('Provider OK');
    expect(copyFor('').status.ok.label).to.equal('Provider OK');
  });

  it('finds a language by its registered prefixes, the longest winning, in any case', () => {
    registerLocale('de', de);
    registerLocale('de-CH', { gallery: { loadMore: 'Mehr laden (CH)' } });
    expect(copyFor('de').status.local_only.label).to.equal('Nur lokal');
    expect(copyFor('DE-at').status.local_only.label).to.equal('Nur lokal');
    expect(copyFor('de-ch-1996').gallery.loadMore).to.equal('Mehr laden (CH)');
    expect(copyFor('de-ch').status.local_only.label).to.equal('Nur lokal');
  });

  it('lays the language over the global copy, and an element’s own words over both', () => {
    setCopy({ appName: 'Acme', status: { ok: { label: 'Fine' } } });
    registerLocale('de', de);
    const own: CopyOverrides = { status: { flagged: { label: 'Gesperrt' } } };
    const copy = copyFor('de', own);
    expect(copy.appName).to.equal('Acme');
    expect(copy.status.ok.label).to.equal('Beim Anbieter');
    expect(copy.status.flagged.label).to.equal('Gesperrt');
    expect(copyFor(undefined, own).status.ok.label).to.equal('Fine');
  });

  it('resolves once per language and overrides, and again after a change', () => {
    const own: CopyOverrides = { gallery: { empty: 'Nothing' } };
    expect(copyFor('en', own)).to.equal(copyFor('en', own));
    const before = copyFor('en', own);
    setCopy({ gallery: { retry: 'Again' } });
    expect(copyFor('en', own)).not.to.equal(before);
    expect(copyFor('en', own).gallery.retry).to.equal('Again');
  });

  it('tells listeners of every change until they stop listening', () => {
    let calls = 0;
    const stop = onCopyChange(() => calls++);
    setCopy({ appName: 'Acme' });
    registerLocale('de', de);
    resetCopy();
    stop();
    setCopy({ appName: 'Other' });
    expect(calls).to.equal(3);
  });

  it('resetCopy drops the languages too', () => {
    registerLocale('de', de);
    resetCopy();
    expect(copyFor('de').status.ok.label).to.equal('Provider OK');
  });
});

describe('words: overrides of the wrong shape are ignored, not fatal', () => {
  const bad: unknown[] = [
    null, 'text', 42, [], { status: 'Fine' }, { status: { ok: 5 } }, { status: { ok: { label: null } } }, { status: { maybe: { label: 'x' } } },
    { upload: { bulk: 'x' } }, { gallery: [] }, { appName: { first: 'x' } }, { errors: { network: 7 } },
  ];
  for (const overrides of bad) {
    it(`keeps a whole copy given ${JSON.stringify(overrides)}`, () => {
      const merged = mergeCopy(DEFAULT_COPY, overrides as CopyOverrides);
      expect([...strings(merged).keys()]).to.deep.equal([...strings(DEFAULT_COPY).keys()]);
      expect(statusLabel('ok', merged)).to.equal('Provider OK');
      expect(Object.keys(merged.status)).to.deep.equal(['ok', 'local_only', 'flagged', 'unknown']);
    });
  }

  it('takes new words only in lists of words: a provider name, a plural form', () => {
    const merged = mergeCopy(DEFAULT_COPY, { providerNames: { kling: 'Kling' }, gallery: { loaded: { few: '{count} assets (few)' } } });
    expect(merged.providerNames.kling).to.equal('Kling');
    expect(merged.gallery.loaded.few).to.equal('{count} assets (few)');
  });
});

describe('words: error messages in any copy', () => {
  afterEach(() => resetCopy());

  it('an API error says its message in the copy it is asked for', () => {
    registerLocale('de', de);
    const german = copyFor('de');
    expect(new HttpError(401).message).to.contain('not signed in');
    expect(describeError(new HttpError(401), german)).to.equal(de.errors.notSignedIn);
    expect(describeError(new HttpError(503, undefined, 30_000), german)).to.equal('Der Server ist ausgelastet (HTTP 503). Versuchen Sie es in 30 Sekunden erneut.');
    expect(describeError(new TimeoutError(15_000), german)).to.equal('Der Server hat nicht innerhalb von 15 Sekunden geantwortet. Versuchen Sie es erneut.');
    expect(describeError(new InvalidResponseError('no "assets" array'), german)).to.equal('Die Antwort des Servers ist nicht lesbar.');
  });

  it('another error keeps its own message; a message-less one gets the network words', () => {
    expect(describeError(new Error('Custom uploader failed'))).to.equal('Custom uploader failed');
    expect(describeError('nope', copyFor('de'))).to.equal(DEFAULT_COPY.errors.network);
    registerLocale('de', de);
    expect(describeError(undefined, copyFor('de'))).to.equal(de.errors.network);
  });

  it('headers that are not headers give a ConfigError in plain words, and no request leaves', async () => {
    registerLocale('de', de);
    let requests = 0;
    const fetch = async () => (requests++, new Response('{"assets":[]}'));
    for (const headers of [42, { 'bad name': 'x' }, { Authorization: 'Bearer a\nb' }, [['only-a-name']]]) {
      const client = createAssetsClient({ fetch, headers: headers as unknown as HeadersInit, retries: 0 });
      const error = await client.list().then(() => undefined, (reason: unknown) => reason);
      expect(error, JSON.stringify(headers)).to.be.instanceOf(ConfigError);
      expect((error as Error).message).to.equal(DEFAULT_COPY.errors.badHeaders);
      expect(describeError(error, copyFor('de'))).to.equal(de.errors.badHeaders);
    }
    expect(requests).to.equal(0);
  });
});
