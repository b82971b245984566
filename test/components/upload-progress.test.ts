import { expect, fixture, html } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import { de } from '../../src/locales/de.js';
import { registerLocale, resetCopy } from '../../src/status/index.js';
import { hangingFetch, waitUntil } from '../helpers.js';

/**
 * A file's bytes on their way, counted by the browser: the gallery uploads to a real endpoint of the test server
 * (test/runner/upload-server.mjs), which stops reading part way until the test releases it.
 */

interface ServerState {
  received: number;
  waiting: 'body' | 'answer' | null;
  aborted: boolean;
  answered: boolean;
}

function uploadServer(options: { hold?: boolean } = {}) {
  const run = `run-${Math.random().toString(36).slice(2)}`;
  const base = `/upload-server/${run}`;
  return {
    endpoint: `${base}/api/v1/assets${options.hold ? '?hold' : ''}`,
    state: async (): Promise<ServerState> => (await fetch(`${base}/state`)).json() as Promise<ServerState>,
    release: () => fetch(`${base}/release`, { method: 'POST' }),
  };
}

/** A video file of `size` bytes. */
const video = (size: number, name = 'clip.mp4') => new File([new Uint8Array(size)], name, { type: 'video/mp4' });

const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const row = (gallery: AssetGallery) => root(gallery).querySelector<HTMLElement>('[part~="upload-row"]');
const bar = (gallery: AssetGallery) => row(gallery)?.querySelector<HTMLProgressElement>('progress') ?? null;
const message = (gallery: AssetGallery) => row(gallery)?.querySelector('[part~="upload-message"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const button = (gallery: AssetGallery, part: string) => row(gallery)?.querySelector<HTMLButtonElement>(`[part~="${part}"]`) ?? null;
const status = (gallery: AssetGallery) => root(gallery).querySelector('[part~="upload-status"]')?.textContent?.trim() ?? '';

async function mount(endpoint: string, lang = 'en') {
  return fixture<AssetGallery>(html`<asset-gallery uploads lang=${lang} endpoint=${endpoint} .assets=${[]}></asset-gallery>`);
}

describe('upload progress', () => {
  afterEach(() => resetCopy());

  it('shows the bytes sent and the percent while a file leaves, then an indeterminate bar while the server and the provider work', async () => {
    const server = uploadServer({ hold: true });
    const gallery = await mount(server.endpoint);
    gallery.uploadFiles([video(32_000_000)]);

    // The server stopped reading after 1 MB: the browser's count stops part way, and the row shows it.
    await waitUntil(async () => (await server.state()).waiting === 'body' && !!bar(gallery)?.hasAttribute('value'), 'the row shows the bytes sent');
    const progress = bar(gallery) as HTMLProgressElement;
    expect(progress.max, 'the bar counts the whole request body').to.be.at.least(32_000_000);
    expect(progress.value).to.be.above(0).and.below(progress.max);
    const percent = Math.floor((100 * progress.value) / progress.max);
    expect(message(gallery)).to.match(new RegExp(`^Sending: \\d+(\\.\\d)? MB of 32(\\.\\d)? MB \\(${percent}%\\)$`));
    expect(progress.getAttribute('aria-label')).to.equal(message(gallery));

    // Every byte sent, the server still answering: how long that takes cannot be told.
    await server.release();
    await waitUntil(async () => (await server.state()).waiting === 'answer' && bar(gallery)?.hasAttribute('value') === false, 'the bar is indeterminate once all is sent');
    expect(message(gallery)).to.equal('Uploading to Pixverse…');

    await server.release();
    await waitUntil(() => row(gallery) === null, 'the row leaves once the server answered');
    expect(status(gallery)).to.equal('Uploaded to Pixverse');
  });

  it('Cancel stops the request, keeps the file with Retry (which takes the focus), and Retry sends it again', async () => {
    const server = uploadServer();
    const gallery = await mount(server.endpoint);
    gallery.uploadFiles([video(16_000_000)]);
    await waitUntil(async () => (await server.state()).waiting === 'body' && !!bar(gallery)?.hasAttribute('value'), 'the row shows the bytes sent');

    const cancel = button(gallery, 'cancel') as HTMLButtonElement;
    expect(cancel.textContent?.trim()).to.equal('Cancel');
    cancel.focus();
    cancel.click();
    await waitUntil(() => root(gallery).activeElement === button(gallery, 'retry'), 'Retry has the focus');
    // The server, reading again, finds the connection closed before the body's end.
    await server.release();
    await waitUntil(async () => (await server.state()).aborted, 'the server saw the request end before its body');
    expect(row(gallery)?.querySelector('[part~="upload-label"]')?.textContent).to.equal('clip.mp4');
    expect(row(gallery)?.querySelector('[part~="upload-error"]')?.textContent).to.equal('The upload was stopped before it finished');
    expect(bar(gallery), 'no bar on a stopped row').to.equal(null);

    button(gallery, 'retry')?.click();
    await waitUntil(async () => (await server.state()).waiting === 'body', 'the file is sent again');
    await server.release();
    await waitUntil(() => row(gallery) === null, 'the row leaves once the server answered');
    expect((await server.state()).answered).to.equal(true);
    expect(status(gallery)).to.equal('Uploaded to Pixverse');
  });

  it('Retry after Cancel owns the row, even while the cancelled attempt has not ended (an uploader deaf to its signal)', async () => {
    const gallery = await mount('/api/v1/assets');
    const attempts: Array<{ progress: (sent: { loaded: number; total?: number }) => void; answer: (reply: unknown) => void }> = [];
    gallery.uploader = (_request, _signal, progress) => new Promise((answer) => attempts.push({ progress, answer }));
    gallery.uploadFiles([video(2_000_000)]);
    await waitUntil(() => attempts.length === 1 && button(gallery, 'cancel') !== null, 'the first attempt runs');
    button(gallery, 'cancel')?.click();
    await waitUntil(() => button(gallery, 'retry') !== null, 'Cancel gave way to Retry');
    button(gallery, 'retry')?.click();
    await waitUntil(() => attempts.length === 2, 'Retry sent the file again');
    attempts[1]?.progress({ loaded: 500_000, total: 2_000_000 });
    await waitUntil(() => message(gallery) === 'Sending: 0.5 MB of 2 MB (25%)', `the second attempt shows its bytes (${message(gallery)})`);

    // The cancelled attempt answers after all (its uploader never heard the cancel): that is said, truthfully,
    // and the row stays the second attempt's.
    attempts[0]?.answer({ provider_id: 'pixverse', note: 'Uploaded via OpenAPI' });
    await waitUntil(() => status(gallery) === 'Uploaded to Pixverse', 'the late answer is announced');
    expect(message(gallery)).to.equal('Sending: 0.5 MB of 2 MB (25%)');
    button(gallery, 'cancel')?.click();
    await waitUntil(() => button(gallery, 'retry') !== null, 'the second attempt’s Cancel stops it');
    expect(row(gallery)?.querySelector('[part~="upload-error"]')?.textContent).to.equal('The upload was stopped before it finished');
  });

  it('a file waiting for its turn says so, with no bar, and Cancel takes it out of the queue', async () => {
    const gallery = await mount('/api/v1/assets');
    const started: string[] = [];
    gallery.uploader = (request, signal) =>
      new Promise((_resolve, reject) => {
        started.push(request.file?.name ?? '');
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    gallery.uploadFiles(['a', 'b', 'c', 'd'].map((name) => video(1_000, `${name}.mp4`)));
    // Three at a time: d waits (the newest row is listed first).
    await waitUntil(() => started.length === 3 && row(gallery)?.querySelector('[part~="upload-label"]')?.textContent === 'd.mp4', 'three run, d waits');
    expect(message(gallery)).to.equal('Waiting for its turn');
    expect(bar(gallery), 'no bar for a file not on its way').to.equal(null);
    button(gallery, 'cancel')?.click();
    await waitUntil(() => !!row(gallery)?.querySelector('[part~="upload-error"]'), 'd is stopped');
    const rows = [...root(gallery).querySelectorAll('[part~="upload-row"]')];
    // Its turn comes once the three running are cancelled too: it does not start then either.
    for (const other of rows.slice(1)) other.querySelector<HTMLButtonElement>('[part~="cancel"]')?.click();
    await waitUntil(() => rows.every((each) => each.querySelector('[part~="upload-error"]')), 'all stopped');
    await gallery.updateComplete;
    expect(started, 'd never started').to.deep.equal(['a.mp4', 'b.mp4', 'c.mp4']);
  });

  it('through a host’s fetch the bytes cannot be counted: an indeterminate bar, with Cancel', async () => {
    const gallery = await fixture<AssetGallery>(html`<asset-gallery uploads .assets=${[]} .fetch=${hangingFetch}></asset-gallery>`);
    gallery.uploadFiles([video(2_000_000)]);
    await waitUntil(() => button(gallery, 'cancel') !== null && bar(gallery) !== null, 'the row is running');
    expect(bar(gallery)?.hasAttribute('value')).to.equal(false);
    expect(message(gallery)).to.equal('Uploading to Pixverse…');
  });

  it('a host’s uploader tells its progress through the callback, in the gallery’s language; nonsense and late calls change nothing', async () => {
    registerLocale('de', de);
    const gallery = await mount('/api/v1/assets', 'de');
    let tell: (sent: unknown) => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    gallery.uploader = (_request, _signal, progress) =>
      new Promise((_resolve, reject) => {
        tell = progress as (sent: unknown) => void;
        fail = reject;
      });
    gallery.uploadFiles([video(2_000_000)]);
    await waitUntil(() => message(gallery) === 'Wird bei Pixverse hochgeladen …', 'the row is running');

    tell({ loaded: 500_000, total: 2_000_000 });
    await waitUntil(() => message(gallery) === 'Wird gesendet: 0,5 MB von 2 MB (25 %)', `the row shows the host's count (${message(gallery)})`);
    expect(bar(gallery)?.value).to.equal(500_000);
    expect(bar(gallery)?.max).to.equal(2_000_000);

    for (const nonsense of ['half', null, { loaded: Number.NaN, total: 10 }, { loaded: -5, total: 10 }, { total: 10 }]) tell(nonsense);
    await gallery.updateComplete;
    expect(message(gallery), 'nonsense is not shown').to.equal('Wird gesendet: 0,5 MB von 2 MB (25 %)');

    tell({ loaded: 3_000_000, total: 2_000_000 }); // past the total: all sent
    await waitUntil(() => message(gallery) === 'Wird bei Pixverse hochgeladen …', 'all sent: waiting for the answer');
    expect(bar(gallery)?.hasAttribute('value')).to.equal(false);

    fail(new Error('the host could not reach its storage'));
    await waitUntil(() => !!row(gallery)?.querySelector('[part~="upload-error"]'), 'the row shows the failure');
    tell({ loaded: 1, total: 2 });
    await gallery.updateComplete;
    expect(row(gallery)?.querySelector('[part~="upload-error"]'), 'a call after the answer changes nothing').to.not.equal(null);
    expect(bar(gallery)).to.equal(null);
  });
});
