import { expect } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import type { MediaCard } from '../../src/media-card.js';
import type { FetchLike } from '../../src/api/index.js';
import { uploadCode } from '../../src/components/asset-gallery/uploads/upload-link.js';
import { cardUploadCode } from '../../src/components/media-card/card-upload-code.js';
import { createMockBackend, mockFetch } from '../../mocks/index.js';
import { waitUntil } from '../helpers.js';

// What waits for the gallery's upload code (loaded on first use) while it is not here: counted, kept, and sent only
// as it was asked for. Every wait here is for a condition, never for a duration.

const loadGalleryCode = () => import('../../src/components/asset-gallery/uploads/upload-code.js');
const loadCardCode = () => import('../../src/components/media-card/card-upload.js');

/** A load that waits until `open()`; `fail` makes it fail as an offline page's import() does. */
function gate<T>(load: () => Promise<T>) {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const state = { fail: false };
  const loader = async () => {
    await opened;
    if (state.fail) throw new TypeError('Failed to fetch dynamically imported module');
    return load();
  };
  return { loader, open, state };
}

/** The gallery's upload code fails to load (until `state.fail` is false again). */
function failingCode() {
  const code = gate(loadGalleryCode);
  code.state.fail = true;
  code.open();
  uploadCode.reset(code.loader);
  return code;
}

const galleries: HTMLElement[] = [];
/** A gallery with uploads on the mock backend, put on the page without waiting for the upload code. */
function mount() {
  const answer = mockFetch(createMockBackend({ count: 40, seed: 9 }).handlers);
  const requests: Request[] = [];
  const fetch: FetchLike = (url, init) => {
    requests.push(new Request(url, init));
    return answer(url, init);
  };
  const gallery = document.createElement('asset-gallery');
  gallery.setAttribute('page-size', '40');
  gallery.uploads = true;
  gallery.fetch = fetch;
  document.body.append(gallery);
  galleries.push(gallery);
  const uploadsSent = () => requests.filter((request) => request.method === 'POST' && !request.url.endsWith('/search'));
  return { gallery, uploadsSent };
}

/** An asset 7 as a host hands it over (`.assets`), made at `created`. */
const hostAsset = (created: string, description: string) => ({
  id: 7, user_id: 1, media_type: 'image', provider_id: 'pixverse', provider_asset_id: 'local_0123456789abcdef', remote_url: null,
  thumbnail_url: null, file_url: '/api/v1/assets/7/file', sync_status: 'downloaded', description, provider_status: 'local_only',
  created_at: created, tags: [], provider_flagged: false, provider_flag_reason: null,
});

const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')];
const trayText = (gallery: AssetGallery) => (root(gallery).querySelector('[part="tray"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (within: ParentNode | null | undefined, label: RegExp) =>
  [...(within?.querySelectorAll('button') ?? [])].find((candidate) => label.test((candidate.textContent ?? '').trim())) as HTMLButtonElement | undefined;
const tryAgain = (gallery: AssetGallery) => button(root(gallery), /^Try again$/);
/** The load failed, and Try again is ready for a person (not still trying). */
const failedAndReady = (gallery: AssetGallery) => /could not be loaded/.test(trayText(gallery)) && tryAgain(gallery)?.getAttribute('aria-disabled') === null;
const png = (name: string) => new File([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], name, { type: 'image/png' });

afterEach(() => {
  for (const gallery of galleries.splice(0)) gallery.remove();
  uploadCode.reset(loadGalleryCode);
  cardUploadCode.reset(loadCardCode);
});

describe('what waits for the upload code', () => {
  it('counts the files waiting, not the calls; an empty pick waits for nothing', async () => {
    failingCode();
    const { gallery } = mount();
    gallery.uploadFiles([png('a.png'), png('b.png'), png('c.png')]);
    gallery.uploadFiles([]);
    await waitUntil(() => failedAndReady(gallery), `the tray says ${trayText(gallery)}`);
    expect(trayText(gallery)).to.contain('3 uploads wait until then.');
    gallery.uploadFromUrl('https://example.com/koi.png');
    await waitUntil(() => failedAndReady(gallery) && trayText(gallery).includes('4 uploads wait until then.'), `the tray says ${trayText(gallery)}`);
  });

  it('moves focus to the upload controls when the tray’s Try again loads them', async () => {
    const code = failingCode();
    const { gallery } = mount();
    gallery.uploader = () => new Promise(() => undefined);
    gallery.uploadFiles([png('kept.png')]);
    await waitUntil(() => failedAndReady(gallery), `the tray says ${trayText(gallery)}`);
    const retry = tryAgain(gallery) as HTMLButtonElement;
    retry.focus();
    code.state.fail = false;
    retry.click();
    await waitUntil(() => !tryAgain(gallery), 'Try again did not go');
    const focused = root(gallery).activeElement as HTMLElement | null;
    expect(focused?.textContent?.trim(), 'focus on a control of the gallery').to.equal('Upload files');
    expect(focused?.checkVisibility(), 'a control a person can see').to.equal(true);
    expect(document.activeElement).to.equal(gallery);
  });

  it('a second gallery whose load failed goes on when another gallery’s Try again loads the code', async () => {
    const code = failingCode();
    const first = mount();
    const second = mount();
    second.gallery.uploadFiles([png('second.png')]);
    await waitUntil(() => failedAndReady(first.gallery) && failedAndReady(second.gallery), 'both galleries did not say the load failed');
    code.state.fail = false;
    tryAgain(first.gallery)?.click();
    await waitUntil(() => second.uploadsSent().length === 1, `the second gallery's file waits; its tray: ${trayText(second.gallery)}`);
    await waitUntil(() => !trayText(second.gallery).includes('could not be loaded'), `the second gallery's tray: ${trayText(second.gallery)}`);
    expect(tryAgain(second.gallery)).to.equal(undefined);
  });

  /** A gallery on the host's own list (`.assets`), whose card asks to upload asset 7 before the upload code is here. */
  async function cardAsksBeforeTheCode() {
    const code = gate(loadGalleryCode);
    uploadCode.reset(code.loader);
    const gallery = document.createElement('asset-gallery');
    gallery.uploads = true;
    const sent: unknown[] = [];
    gallery.uploader = async (request) => {
      sent.push(request);
      return new Promise(() => undefined);
    };
    gallery.assets = [hostAsset('2026-01-01T10:00:00', 'Mine')];
    document.body.append(gallery);
    galleries.push(gallery);
    await waitUntil(() => button(cards(gallery)[0]?.shadowRoot, /Retry upload/), 'no card button');
    (button(cards(gallery)[0]?.shadowRoot, /Retry upload/) as HTMLButtonElement).click();
    // The gallery's own request, which it sends once the code is here.
    const asked: number[] = [];
    gallery.addEventListener('upload-request', (event) => asked.push(event.detail.assetId ?? -1));
    const description = () => (cards(gallery)[0] as MediaCard | undefined)?.asset?.description ?? '';
    /** Hands over a new list, opens the gate, and waits until the code is in use (the bulk button is drawn). */
    const newListThenCode = async (created: string, said: string) => {
      gallery.assets = [hostAsset(created, said)];
      await waitUntil(() => description() === said, 'the new list is not shown');
      code.open();
      await waitUntil(() => button(root(gallery), /^Re-upload the 1 loaded local-only asset$/), 'the upload code is not in use');
    };
    return { gallery, sent, asked, newListThenCode };
  }

  it('a card’s request that waits for the code is not run on another asset under the same id, and the tray says so', async () => {
    const { gallery, sent, asked, newListThenCode } = await cardAsksBeforeTheCode();
    // Another library's asset under the same id, made at another time.
    await newListThenCode('2020-05-05T05:05:05', 'Not mine');
    expect(asked, 'upload requests').to.deep.equal([]);
    await waitUntil(() => trayText(gallery).includes('A re-upload was not sent: the gallery shows another asset in its place now.'), `the tray says ${trayText(gallery)}`);
    expect(sent, 'uploads sent').to.deep.equal([]);
    // A new request: what was said of the dropped one is over.
    gallery.uploadFiles([png('next.png')]);
    await waitUntil(() => !trayText(gallery).includes('was not sent'), `the tray says ${trayText(gallery)}`);
  });

  it('a card’s request that waits for the code runs when the new list still has its asset', async () => {
    const { gallery, sent, asked, newListThenCode } = await cardAsksBeforeTheCode();
    await newListThenCode('2026-01-01T10:00:00', 'Mine, described');
    await waitUntil(() => sent.length === 1, 'the upload was not sent');
    expect(asked).to.deep.equal([7]);
    expect(trayText(gallery)).not.to.contain('was not sent');
  });

  it('a bulk re-upload that waits for the code settles when the gallery leaves the page', async () => {
    failingCode();
    const { gallery } = mount();
    await waitUntil(() => cards(gallery).some((card) => card.getAttribute('status') === 'local_only'), 'no local-only card');
    let settled = false;
    void gallery.reuploadLocalOnly().then(() => (settled = true));
    await waitUntil(() => failedAndReady(gallery) && /\d+ uploads? waits? until then/.test(trayText(gallery)), `the tray says ${trayText(gallery)}`);
    gallery.remove();
    await waitUntil(() => settled, 'reuploadLocalOnly() did not settle');
  });
});
