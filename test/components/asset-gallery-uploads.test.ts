import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import type { Asset, FetchLike } from '../../src/api/index.js';
import { de } from '../../src/locales/de.js';
import { registerLocale, resetCopy } from '../../src/status/index.js';
import { createMockBackend, mockFetch, type MockBackendOptions } from '../../mocks/index.js';
import { recordRequest, sentForm, waitUntil } from '../helpers.js';

interface Setup extends MockBackendOptions {
  api?: 'query' | 'search';
  /** Upload requests wait until released. */
  hold?: boolean;
  /** A second library on the same fetch, at another endpoint (`OTHER_ENDPOINT` unless it says). */
  other?: MockBackendOptions;
}

const OTHER_ENDPOINT = '/elsewhere/api/v1/assets';

/** A gallery with uploads on the mock backend; every request is recorded, uploads can be held back. */
async function mount(options: Setup = {}) {
  const { api = 'query', hold = false, other: otherOptions, ...mock } = options;
  const backend = createMockBackend({ count: 40, seed: 9, ...mock });
  const other = otherOptions ? createMockBackend({ count: 40, seed: 9, endpoint: OTHER_ENDPOINT, ...otherOptions }) : undefined;
  // The other library's handlers first: the first one's (any origin) would answer its longer paths too.
  const answer = mockFetch([...(other?.handlers ?? []), ...backend.handlers]);
  const requests: Request[] = [];
  const held: Array<() => void> = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const fetch: FetchLike = async (url, init) => {
    const request = recordRequest(url, init);
    requests.push(request);
    const isUpload = request.method === 'POST' && !url.endsWith('/search');
    if (!isUpload) return answer(url, init);
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    try {
      if (hold) {
        await new Promise<void>((release, reject) => {
          held.push(release);
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
        });
      }
      return await answer(url, init);
    } finally {
      inFlight -= 1;
    }
  };
  const gallery = await fixture<AssetGallery>(html`<asset-gallery uploads api=${api} page-size="40" .fetch=${fetch}></asset-gallery>`);
  await waitUntil(() => cards(gallery).length > 0, 'cards did not appear');
  const uploadsSent = () => requests.filter((request) => request.method === 'POST' && !request.url.endsWith('/search'));
  const releaseAll = () => held.splice(0).forEach((release) => release());
  return { gallery, backend, other, requests, uploadsSent, releaseAll, mostInFlight: () => mostInFlight, held };
}

const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')];
const assetOf = (card: Element) => (card as unknown as { asset: Asset }).asset;
const cardFor = (gallery: AssetGallery, id: number) => cards(gallery).find((card) => assetOf(card).id === id);
const cardText = (card: Element | undefined) => (card?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const uploadButton = (card: Element | undefined) => card?.shadowRoot?.querySelector('[part~="upload-button"]') as HTMLButtonElement | null;
const text = (gallery: AssetGallery) => (root(gallery).textContent ?? '').replace(/\s+/g, ' ');
const statusLine = (gallery: AssetGallery) => root(gallery).querySelector('[part="upload-status"]')?.textContent?.trim() ?? '';
const overviewCount = (gallery: AssetGallery, label: RegExp) => {
  const button = [...(root(gallery).querySelector('status-overview')?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => label.test(b.textContent ?? ''));
  return Number((button?.textContent ?? '').replace(/[^\d]/g, ''));
};
const firstLocalOnly = (gallery: AssetGallery) => cards(gallery).find((card) => card.getAttribute('status') === 'local_only') as Element;
const galleryButton = (gallery: AssetGallery, label: RegExp) =>
  [...root(gallery).querySelectorAll('button')].find((button) => label.test(button.textContent ?? '')) as HTMLButtonElement | undefined;
/** Leaving the page: true when the gallery asks first ("Leave site?"). */
const leave = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};
/** A timeout queued now runs after the current task and every microtask queued in it: a move is over by then. */
const endOfTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const png = (name = 'koi.png') => new File([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], name, { type: 'image/png' });

describe('<asset-gallery uploads>: a card’s re-upload', () => {
  it('sends one request for a burst of clicks, then shows Provider OK with the counts and filter following', async () => {
    const { gallery, uploadsSent, releaseAll } = await mount({ hold: true });
    gallery.statusFilter = 'local_only';
    await waitUntil(() => cards(gallery).length > 0 && cards(gallery).every((card) => card.getAttribute('status') === 'local_only'));
    const before = overviewCount(gallery, /Local only/);
    const card = firstLocalOnly(gallery);
    const id = assetOf(card).id;
    for (let i = 0; i < 5; i++) uploadButton(card)?.click();
    await waitUntil(() => uploadsSent().length === 1);
    await gallery.updateComplete;
    expect(uploadButton(card)?.getAttribute('aria-disabled')).to.equal('true');
    const completed = oneEvent(gallery, 'upload-complete');
    releaseAll();
    const detail = (await completed).detail;
    expect(detail).to.deep.include({ assetId: id, providerSucceeded: true, status: 'ok', message: 'Uploaded to Pixverse' });
    await waitUntil(() => !cardFor(gallery, id), 'the card left the Local only filter');
    expect(uploadsSent()).to.have.length(1);
    expect(new URL(uploadsSent()[0]?.url ?? '').pathname).to.equal(`/api/v1/assets/${id}/reupload`);
    expect(overviewCount(gallery, /Local only/)).to.equal(before - 1);
    expect(statusLine(gallery)).to.equal('Uploaded to Pixverse');
  });

  it('shows the server’s detail on failure, and a Retry that works once the provider is back', async () => {
    const { gallery, backend } = await mount({ scenario: 'provider-down' });
    const card = firstLocalOnly(gallery);
    const id = assetOf(card).id;
    const failed = oneEvent(gallery, 'upload-error');
    uploadButton(card)?.click();
    expect((await failed).detail.message).to.contain("Failed to upload asset to provider: No available account for provider 'pixverse'");
    await waitUntil(() => /No available account/.test(cardText(cardFor(gallery, id))));
    expect(cardFor(gallery, id)?.getAttribute('status')).to.equal('local_only');
    expect(cardText(cardFor(gallery, id))).not.to.match(/Uploaded|accepted/);
    backend.behaviour.provider = 'accepts';
    const completed = oneEvent(gallery, 'upload-complete');
    uploadButton(cardFor(gallery, id))?.click();
    expect((await completed).detail.providerSucceeded).to.equal(true);
    await waitUntil(() => cardFor(gallery, id)?.getAttribute('status') === 'ok');
  });

  it('shows what the server made of an asset after refusing its re-upload (HEAD flags it)', async () => {
    const { gallery, backend } = await mount({ scenario: 'provider-down' });
    const card = firstLocalOnly(gallery);
    const id = assetOf(card).id;
    const record = backend.db.assets.find((asset) => asset.id === id) as (typeof backend.db.assets)[number];
    record.flag_reason = 'Failed to upload asset to provider';
    const failed = oneEvent(gallery, 'upload-error');
    uploadButton(card)?.click();
    await failed;
    await waitUntil(() => cardFor(gallery, id)?.getAttribute('status') === 'flagged', 'the card kept the status from before the failure');
  });

  it('falls back to upload-from-url with the file’s URL where the backend has no reupload route', async () => {
    const { gallery, uploadsSent } = await mount({ reupload: false });
    const card = firstLocalOnly(gallery);
    const asset = assetOf(card);
    const completed = oneEvent(gallery, 'upload-complete');
    uploadButton(card)?.click();
    const detail = (await completed).detail;
    expect(detail.providerSucceeded).to.equal(true);
    expect(detail.message).to.match(/^Uploaded to Pixverse, as a new asset \(#\d+\)$/);
    const [reupload, fromUrl] = uploadsSent();
    expect(new URL(reupload?.url ?? '').pathname).to.equal(`/api/v1/assets/${asset.id}/reupload`);
    expect(new URL(fromUrl?.url ?? '').pathname).to.equal('/api/v1/assets/upload-from-url');
    expect(fromUrl, 'an upload-from-url request').to.not.equal(undefined);
    expect((await (fromUrl as Request).clone().json()).url).to.equal(asset.file_url);
    // The server made a new asset from the file: it is on top, with its own status.
    await waitUntil(() => cards(gallery)[0]?.getAttribute('status') === 'ok' && assetOf(cards(gallery)[0] as Element).id !== asset.id);
    // The old asset is still local only, truthfully, and says what happened.
    expect(cardFor(gallery, asset.id)?.getAttribute('status')).to.equal('local_only');
    expect(cardText(cardFor(gallery, asset.id))).to.contain('as a new asset');
    // The next re-upload goes straight to upload-from-url.
    const next = cards(gallery).find((card) => card.getAttribute('status') === 'local_only' && assetOf(card).id !== asset.id);
    const again = oneEvent(gallery, 'upload-complete');
    uploadButton(next)?.click();
    await again;
    expect(uploadsSent().map((request) => new URL(request.url).pathname).slice(2)).to.deep.equal(['/api/v1/assets/upload-from-url']);
  });

  it('says a fallback re-upload made a new asset even when the server does not name it (before asset_id)', async () => {
    const backend = createMockBackend({ count: 40, seed: 9, reupload: false });
    const answer = mockFetch(backend.handlers);
    // An old server: upload-from-url replies carry no asset_id.
    const fetch: FetchLike = async (url, init) => {
      const response = await answer(url, init);
      if (!url.endsWith('/upload-from-url')) return response;
      const { asset_id: _named, versioning_status: _versioning, ...reply } = await response.json();
      return Response.json(reply, { status: response.status });
    };
    const gallery = await fixture<AssetGallery>(html`<asset-gallery uploads page-size="40" .fetch=${fetch}></asset-gallery>`);
    await waitUntil(() => cards(gallery).length > 0);
    const card = firstLocalOnly(gallery);
    const asset = assetOf(card);
    const completed = oneEvent(gallery, 'upload-complete');
    uploadButton(card)?.click();
    expect((await completed).detail.message).to.equal('Uploaded to Pixverse, as a new asset');
    // The new asset is found by fetching again; the old one keeps its status.
    await waitUntil(() => cards(gallery)[0]?.getAttribute('status') === 'ok' && assetOf(cards(gallery)[0] as Element).id !== asset.id, 'the new asset was not shown');
    expect(cardFor(gallery, asset.id)?.getAttribute('status')).to.equal('local_only');
  });

  it('lets the host page veto a re-upload, and then sends nothing', async () => {
    const { gallery, uploadsSent } = await mount();
    const veto = (event: Event) => event.preventDefault();
    gallery.addEventListener('upload-request', veto);
    const [card, other] = cards(gallery).filter((shown) => shown.getAttribute('status') === 'local_only');
    uploadButton(card)?.click();
    await gallery.updateComplete;
    expect(uploadButton(card)?.getAttribute('aria-disabled')).not.to.equal('true');
    // Nothing was sent for it: shown by a re-upload allowed after it, which is sent, and alone (had the vetoed one
    // gone out, it would have gone first).
    gallery.removeEventListener('upload-request', veto);
    uploadButton(other)?.click();
    await waitUntil(() => uploadsSent().length > 0, 'the re-upload allowed after the veto was not sent');
    expect(uploadsSent().map((request) => new URL(request.url).pathname)).to.deep.equal([`/api/v1/assets/${assetOf(other as Element).id}/reupload`]);
  });

  it('reads a host uploader’s reply with the same semantics: a local save is not a success', async () => {
    const { gallery, uploadsSent } = await mount();
    gallery.uploader = async () => ({ provider_id: 'pixverse', note: 'Asset saved locally; provider upload failed: quota exceeded' });
    const card = firstLocalOnly(gallery);
    const id = assetOf(card).id;
    const completed = oneEvent(gallery, 'upload-complete');
    uploadButton(card)?.click();
    expect((await completed).detail).to.deep.include({ providerSucceeded: false, status: 'local_only', reason: 'quota exceeded' });
    await waitUntil(() => /Saved locally; provider upload failed: quota exceeded/.test(cardText(cardFor(gallery, id))));
    expect(uploadsSent()).to.have.length(0);
  });
});

describe('<asset-gallery uploads>: files and URLs', () => {
  it('uploads chosen files; each new asset appears on top with its true status', async () => {
    const { gallery, uploadsSent } = await mount({ scenario: 'provider-down' });
    gallery.uploadFiles([png('one.png'), png('two.png')]);
    await waitUntil(() => uploadsSent().length === 2);
    await waitUntil(() => cards(gallery).length >= 2 && cards(gallery).slice(0, 2).every((card) => /one\.png|two\.png/.test(assetOf(card).description ?? '')), 'new cards on top');
    expect(cards(gallery).slice(0, 2).map((card) => card.getAttribute('status'))).to.deep.equal(['local_only', 'local_only']);
    expect(statusLine(gallery)).to.contain('Saved locally; provider upload failed');
  });

  it('updates a shown asset in place when the server answers a file with it (dedup)', async () => {
    const { gallery, backend } = await mount();
    const card = firstLocalOnly(gallery);
    const id = assetOf(card).id;
    // How many assets the gallery holds, as its overview counts them: the cards rendered are only those near the
    // viewport, a number that moved while the grid was still measuring on a busy machine (24, then 9).
    const before = overviewCount(gallery, /^\s*All/);
    expect(before).to.equal(40);
    // The server had the file already, and that asset has since reached the provider.
    const record = backend.db.assets.find((asset) => asset.id === id) as (typeof backend.db.assets)[number];
    gallery.uploader = async () => {
      record.provider_asset_id = 'c0ffee-on-pixverse';
      return { provider_id: 'pixverse', asset_id: id, note: 'Reused existing asset (deduplicated by sha256, uploaded to pixverse)' };
    };
    gallery.uploadFiles([png('again.png')]);
    await waitUntil(() => cardFor(gallery, id)?.getAttribute('status') === 'ok', 'the shown card did not follow the server');
    expect(cards(gallery).filter((shown) => assetOf(shown).id === id)).to.have.length(1);
    await gallery.updateComplete;
    expect(overviewCount(gallery, /^\s*All/)).to.equal(before);
  });

  it('fetches again once, not once per file, when the server names no asset in its replies (Era A)', async () => {
    const { gallery, requests } = await mount();
    let answered = 0;
    gallery.uploader = async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 150 * answered++)); // the answers come one by one
      return { provider_id: request.providerId, note: 'Uploaded to provider successfully' };
    };
    // The gallery fetches again 400 ms after the last answer (it sets that timer before it reports the answer). A
    // timer as long, set as each answer is reported, fires after the gallery's: once the last one has, the
    // gallery had its every chance to fetch again (rather than a guess of 600 ms).
    let completed = 0;
    let afterLastAnswer = Promise.resolve();
    gallery.addEventListener('upload-complete', () => {
      completed += 1;
      afterLastAnswer = new Promise((resolve) => setTimeout(resolve, 400));
    });
    const lists = () => requests.filter((request) => request.method === 'GET' && /\/assets(\?|$)/.test(request.url)).length;
    const before = lists();
    gallery.uploadFiles([png('a.png'), png('b.png'), png('c.png')]);
    await waitUntil(() => completed === 3, 'the three files were not answered', { timeout: 5000 });
    await afterLastAnswer;
    await waitUntil(() => lists() > before, 'the gallery did not fetch again');
    await gallery.updateComplete;
    expect(lists() - before).to.equal(1);
  });

  it('keeps a failed file listed with its error and a Retry, and never drops a non-media file silently', async () => {
    const { gallery, backend, uploadsSent } = await mount({ uploadFailure: 'bad-gateway' });
    gallery.uploadFiles([png('koi.png'), new File(['hello'], 'notes.txt', { type: 'text/plain' })]);
    await waitUntil(() => /Provider upload failed/.test(text(gallery)));
    expect(text(gallery)).to.contain('notes.txt');
    expect(text(gallery)).to.contain('Only images and videos can be uploaded');
    expect(uploadsSent()).to.have.length(1);
    (backend.behaviour as { uploadFailure?: string }).uploadFailure = undefined;
    galleryButton(gallery, /Retry upload/)?.click();
    await waitUntil(() => /koi\.png/.test(assetOf(cards(gallery)[0] as Element).description ?? ''));
    expect(text(gallery)).not.to.contain('Provider upload failed');
  });

  it('adds from a URL through the form', async () => {
    const { gallery, uploadsSent } = await mount();
    const input = root(gallery).querySelector('input[type="url"]') as HTMLInputElement;
    input.value = 'https://example.com/cat.jpg';
    (root(gallery).querySelector('.url-form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => uploadsSent().length === 1);
    expect(await uploadsSent()[0]?.clone().json()).to.deep.equal({ url: 'https://example.com/cat.jpg', provider_id: 'pixverse' });
    await waitUntil(() => cards(gallery)[0]?.getAttribute('status') === 'ok' && statusLine(gallery) === 'Uploaded to Pixverse');
  });

  it('takes files dropped onto the gallery', async () => {
    const { gallery, uploadsSent } = await mount();
    const transfer = new DataTransfer();
    transfer.items.add(png('dropped.png'));
    const base = root(gallery).querySelector('[part="base"]') as HTMLElement;
    base.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await gallery.updateComplete;
    expect(text(gallery)).to.contain('Drop images or videos here to upload them');
    base.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await waitUntil(() => uploadsSent().length === 1);
    expect((sentForm(uploadsSent()[0] as Request).get('file') as File).name).to.equal('dropped.png');
  });
});

describe('<asset-gallery uploads>: re-upload all local only', () => {
  it('uploads at most 3 at a time, shows progress, and can be cancelled', async () => {
    const { gallery, uploadsSent, releaseAll, mostInFlight, held } = await mount({ hold: true });
    const localOnly = overviewCount(gallery, /Local only/);
    expect(localOnly).to.be.greaterThan(4);
    galleryButton(gallery, new RegExp(`Re-upload the ${localOnly} loaded local-only assets`))?.click();
    await waitUntil(() => uploadsSent().length === 3);
    // The fourth waits for a free place: let one of the three finish, and the fourth is sent then, not before
    // (sent before, it would have made four at a time).
    held.shift()?.();
    await waitUntil(() => uploadsSent().length === 4, 'the fourth was not sent when a place came free');
    expect(mostInFlight()).to.equal(3);
    releaseAll();
    await waitUntil(() => new RegExp(`4 of ${localOnly}, 0 failed`).test(text(gallery)));
    galleryButton(gallery, /^\s*Cancel\s*$/)?.click();
    await waitUntil(() => /Re-upload cancelled after \d+ of/.test(statusLine(gallery)));
    expect(mostInFlight()).to.equal(3);
    expect(uploadsSent().length).to.be.lessThan(localOnly);
  });

  it('does not send again an asset that its own card uploaded while it waited its turn', async () => {
    const { gallery, uploadsSent, releaseAll, held } = await mount({ hold: true });
    gallery.statusFilter = 'local_only'; // every card shown is one the bulk run will reach
    await waitUntil(() => cards(gallery).length >= 4 && cards(gallery).every((card) => card.getAttribute('status') === 'local_only'));
    void gallery.reuploadLocalOnly();
    await waitUntil(() => uploadsSent().length === 3);
    const started = uploadsSent().map((request) => request.url);
    const waiting = cards(gallery).find((card) => card.getAttribute('status') === 'local_only' && !started.some((url) => url.includes(`/${assetOf(card).id}/`)));
    const id = assetOf(waiting as Element).id;
    uploadButton(waiting)?.click();
    await waitUntil(() => uploadsSent().length === 4);
    const ownDone = new Promise<void>((resolve) =>
      gallery.addEventListener('upload-complete', (event) => event.detail.assetId === id && resolve()),
    );
    held[3]?.(); // its own upload ends first
    await ownDone;
    await waitUntil(() => (releaseAll(), statusLine(gallery).startsWith('Re-upload finished')), 'the bulk re-upload did not finish');
    expect(uploadsSent().filter((request) => request.url.includes(`/${id}/reupload`))).to.have.length(1);
  });

  it('ends with a summary; local-only assets are gone from the counts, flagged ones left out with a word why', async () => {
    const { gallery } = await mount();
    const flagged = overviewCount(gallery, /Flagged/);
    expect(flagged).to.be.greaterThan(1);
    expect(text(gallery)).to.contain(`The ${flagged} loaded flagged assets are left out: a moderation flag is not fixed by uploading again`);
    const localOnly = overviewCount(gallery, /Local only/);
    await gallery.reuploadLocalOnly();
    await waitUntil(() => statusLine(gallery).startsWith('Re-upload finished'));
    expect(statusLine(gallery)).to.equal(`Re-upload finished: ${localOnly} accepted, 0 still local only, 0 failed`);
    await waitUntil(() => overviewCount(gallery, /Local only/) === 0);
  });

  it('asks before the page is left while uploads are in flight, and not after', async () => {
    const { gallery, uploadsSent, releaseAll } = await mount({ hold: true });
    expect(leave()).to.equal(false);
    const completed = oneEvent(gallery, 'upload-complete');
    gallery.uploadFiles([png('big.png')]);
    await waitUntil(() => uploadsSent().length === 1);
    expect(leave()).to.equal(true);
    releaseAll();
    await completed;
    expect(leave()).to.equal(false);
  });

  it('goes on with a card’s upload through a move in the page (a framework re-parenting it), and still asks before leaving', async () => {
    const { gallery, uploadsSent, releaseAll } = await mount({ hold: true });
    const card = firstLocalOnly(gallery);
    const id = assetOf(card).id;
    uploadButton(card)?.click();
    await waitUntil(() => uploadsSent().length === 1);
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    try {
      elsewhere.append(gallery);
      await endOfTask();
      expect(uploadsSent()[0]?.signal.aborted, 'the move aborted the upload').to.equal(false);
      expect(leave()).to.equal(true);
      const completed = oneEvent(gallery, 'upload-complete');
      releaseAll();
      expect((await completed).detail).to.deep.include({ assetId: id, providerSucceeded: true, status: 'ok' });
      await waitUntil(
        () => cardFor(gallery, id)?.getAttribute('status') === 'ok' && /Uploaded to Pixverse/.test(cardText(cardFor(gallery, id))),
        'the moved gallery’s card did not show the outcome',
      );
      expect(statusLine(gallery)).to.equal('Uploaded to Pixverse');
      expect(leave()).to.equal(false);
    } finally {
      elsewhere.remove();
    }
  });

  it('uploads every file of a gallery moved in the page, those still waiting their turn too', async () => {
    const { gallery, uploadsSent, releaseAll } = await mount({ hold: true });
    gallery.uploadFiles(['1', '2', '3', '4'].map((name) => png(`moved-${name}.png`)));
    await waitUntil(() => uploadsSent().length === 3);
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    try {
      elsewhere.append(gallery);
      await endOfTask();
      expect(uploadsSent().some((request) => request.signal.aborted), 'the move aborted an upload').to.equal(false);
      await waitUntil(() => (releaseAll(), root(gallery).querySelectorAll('[part="upload-row"]').length === 0), 'the files’ rows did not leave');
      expect(uploadsSent()).to.have.length(4);
      await waitUntil(() => cards(gallery).length >= 4 && cards(gallery).slice(0, 4).every((shown) => /moved-\d\.png/.test(assetOf(shown).description ?? '')), 'the new assets were not shown on top');
      expect(text(gallery)).not.to.contain('The upload was stopped before it finished');
    } finally {
      elsewhere.remove();
    }
  });

  it('starts none of the waiting files once the gallery is off the page, and keeps them listed with Retry', async () => {
    const { gallery, uploadsSent } = await mount({ hold: true });
    gallery.uploadFiles(['1', '2', '3', '4', '5'].map((name) => png(`${name}.png`)));
    await waitUntil(() => uploadsSent().length === 3);
    const unloadPrompts: boolean[] = [];
    const onUnload = (event: Event) => unloadPrompts.push(event.defaultPrevented);
    gallery.remove();
    // Off the page, its uploads stop and the waiting files' turns come: all five rows say so (the gallery renders
    // off the page too). Only then is it sure that the waiting files had their chance to be sent.
    const stoppedRows = () =>
      [...root(gallery).querySelectorAll('[part="upload-row"]')].filter((row) => /The upload was stopped before it finished/.test(row.textContent ?? '')).length;
    await waitUntil(() => stoppedRows() === 5, 'the five rows did not stop');
    window.addEventListener('beforeunload', onUnload);
    window.dispatchEvent(new Event('beforeunload', { cancelable: true }));
    window.removeEventListener('beforeunload', onUnload);
    expect(uploadsSent().length).to.equal(3);
    expect(unloadPrompts).to.deep.equal([false]);
    document.body.append(gallery);
    await gallery.updateComplete;
    const rows = [...root(gallery).querySelectorAll('[part="upload-row"]')].map((row) => (row.textContent ?? '').replace(/\s+/g, ' '));
    expect(rows).to.have.length(5);
    expect(rows.every((row) => /The upload was stopped before it finished/.test(row) && /Retry upload/.test(row))).to.equal(true);
    gallery.remove();
  });

  it('aborts its uploads when the gallery is taken off the page', async () => {
    const { gallery, uploadsSent } = await mount({ hold: true });
    void gallery.reuploadLocalOnly();
    await waitUntil(() => uploadsSent().length === 3);
    gallery.remove();
    await waitUntil(() => uploadsSent().every((request) => request.signal.aborted), 'the uploads were not aborted');
    expect(uploadsSent()).to.have.length(3);
    expect(leave()).to.equal(false);
  });
});

describe('<asset-gallery uploads>: a new data source', () => {
  // The ids are the source's own: the answer of an upload to the old source is not about the new one's asset.
  it('does not put an upload that answers after the endpoint changed on the new library’s asset with the same id', async () => {
    const { gallery, other, requests, uploadsSent, releaseAll } = await mount({ hold: true, other: {} });
    const card = firstLocalOnly(gallery);
    const id = assetOf(card).id;
    const theirs = other?.db.assets.find((asset) => asset.id === id) as NonNullable<typeof other>['db']['assets'][number];
    theirs.description = 'Another library’s asset';
    uploadButton(card)?.click();
    await waitUntil(() => uploadsSent().length === 1);
    gallery.endpoint = OTHER_ENDPOINT;
    await waitUntil(() => cardFor(gallery, id) && assetOf(cardFor(gallery, id) as Element).description === 'Another library’s asset', 'the other library was not shown');
    await gallery.updateComplete;
    expect(cardText(cardFor(gallery, id)), 'the new library’s card shows the old upload').not.to.contain('Uploading');
    const completed = oneEvent(gallery, 'upload-complete');
    releaseAll();
    // The event is true about the upload, which went to the first library.
    expect((await completed).detail).to.deep.include({ assetId: id, providerSucceeded: true, status: 'ok' });
    await gallery.updateComplete;
    const shown = cardFor(gallery, id) as Element & { updateComplete: Promise<unknown> };
    await shown.updateComplete;
    expect(shown.getAttribute('status')).to.equal('local_only');
    expect(cardText(shown)).not.to.contain('Uploaded to Pixverse');
    expect(requests.some((request) => request.method === 'GET' && new URL(request.url).pathname === `${OTHER_ENDPOINT}/${id}`), 'the new library was asked about the old asset').to.equal(false);
    expect(statusLine(gallery)).to.equal('');
  });

  it('does not put an upload that answers after the host gave its own assets on the host’s asset with the same id', async () => {
    const { gallery, uploadsSent, releaseAll } = await mount({ hold: true });
    const card = firstLocalOnly(gallery);
    const mine = assetOf(card);
    uploadButton(card)?.click();
    await waitUntil(() => uploadsSent().length === 1);
    // Another library's asset under the same id: made at another time (the same id, time and kind is the same asset).
    gallery.assets = [{ ...mine, description: 'The host’s own asset', created_at: '2020-01-02T03:04:05Z' }];
    await waitUntil(() => cards(gallery).length === 1 && assetOf(cards(gallery)[0] as Element).description === 'The host’s own asset');
    await gallery.updateComplete;
    const shown = cards(gallery)[0] as Element & { updateComplete: Promise<unknown> };
    await shown.updateComplete;
    expect(cardText(shown), 'the host’s card shows the old upload').not.to.contain('Uploading');
    const completed = oneEvent(gallery, 'upload-complete');
    releaseAll();
    expect((await completed).detail).to.deep.include({ assetId: mine.id, status: 'ok' });
    await gallery.updateComplete;
    await shown.updateComplete;
    expect(shown.getAttribute('status')).to.equal('local_only');
    expect(cardText(shown)).not.to.contain('Uploaded to Pixverse');
    expect(overviewCount(gallery, /Local only/)).to.equal(1);
  });

  it('cancels a bulk re-upload of the old list when the endpoint changes', async () => {
    const { gallery, uploadsSent, releaseAll } = await mount({ hold: true, other: {} });
    const run = gallery.reuploadLocalOnly();
    await waitUntil(() => uploadsSent().length === 3);
    gallery.endpoint = OTHER_ENDPOINT;
    await run;
    expect(uploadsSent().every((request) => request.signal.aborted), 'the old list’s uploads go on').to.equal(true);
    expect(statusLine(gallery)).to.match(/^Re-upload cancelled after 0 of \d+$/);
    releaseAll();
    await waitUntil(() => cards(gallery).length > 0 && !/Uploading/.test(text(gallery)));
    expect(uploadsSent()).to.have.length(3);
  });
});

describe('<asset-gallery uploads>: words of the moment', () => {
  afterEach(() => resetCopy());

  it('says the last outcome, and the card’s, in German once the gallery’s language is German', async () => {
    registerLocale('de', de);
    const { gallery } = await mount();
    const card = firstLocalOnly(gallery);
    const id = assetOf(card).id;
    const completed = oneEvent(gallery, 'upload-complete');
    uploadButton(card)?.click();
    await completed;
    await waitUntil(() => statusLine(gallery) === 'Uploaded to Pixverse' && /Uploaded to Pixverse/.test(cardText(cardFor(gallery, id))));
    gallery.lang = 'de';
    gallery.requestUpdate();
    await gallery.updateComplete;
    expect(statusLine(gallery)).to.equal('Bei Pixverse hochgeladen');
    await waitUntil(() => /Bei Pixverse hochgeladen/.test(cardText(cardFor(gallery, id))), 'the card’s outcome stayed in English');
    expect(cardText(cardFor(gallery, id))).not.to.contain('Uploaded to Pixverse');
  });

  it('says a failed upload, a card’s and a file’s, in German once the gallery’s language is German', async () => {
    registerLocale('de', de);
    const { gallery } = await mount({ scenario: 'provider-down' });
    const card = firstLocalOnly(gallery);
    const id = assetOf(card).id;
    gallery.uploadFiles([new File(['hello'], 'notes.txt', { type: 'text/plain' })]);
    const failed = oneEvent(gallery, 'upload-error');
    uploadButton(card)?.click();
    await failed;
    await waitUntil(() => /^The server could not complete the request \(HTTP 500\)/.test(statusLine(gallery)));
    gallery.lang = 'de';
    gallery.requestUpdate();
    await gallery.updateComplete;
    expect(statusLine(gallery)).to.match(/^Der Server konnte die Anfrage nicht ausführen \(HTTP 500\): Failed to upload asset to provider/);
    const row = root(gallery).querySelector('[part="upload-error"]')?.textContent?.trim();
    expect(row).to.equal('Nur Bilder und Videos können hochgeladen werden');
    await waitUntil(() => /Der Server konnte die Anfrage nicht ausführen/.test(cardText(cardFor(gallery, id))), 'the card’s error stayed in English');
  });
});
