import { expect } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import type { MediaCard } from '../../src/media-card.js';
import type { FetchLike } from '../../src/api/index.js';
import { uploadCode } from '../../src/components/asset-gallery/uploads/upload-link.js';
import { cardUploadCode } from '../../src/components/media-card/card-upload-code.js';
import { createMockBackend, mockFetch } from '../../mocks/index.js';
import { recordRequest, sentForm, waitUntil } from '../helpers.js';

// Every module this page fetches is a resource entry; the default buffer (250) could fill up and hide some.
performance.setResourceTimingBufferSize(10_000);

/** The modules loaded on first use that a page has fetched so far. */
const fetchedOnFirstUse = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /\/(upload-code|upload-controller|card-upload|live-updates)\.(ts|js)$/.test(path))
    .map((path) => path.split('/').pop()?.replace(/\.(ts|js)$/, ''));

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

/**
 * The grid has laid itself out: its columns and the rows in view are measured (in the first frames after the
 * cards appear) and drawn. A card picked before may be recycled for another asset then, when the rows regroup.
 */
const laidOut = (gallery: HTMLElement & { isUpdatePending: boolean }) =>
  waitUntil(() => gallery.style.getPropertyValue('--_row-height') !== '' && !gallery.isUpdatePending, 'the grid was not laid out');

const galleries: HTMLElement[] = [];
/** Put on the page without waiting for updateComplete, which waits for the upload code. */
function mount(attributes: { uploads?: boolean } = {}) {
  const backend = createMockBackend({ count: 40, seed: 9 });
  const answer = mockFetch(backend.handlers);
  const requests: Request[] = [];
  const fetch: FetchLike = (url, init) => {
    requests.push(recordRequest(url, init));
    return answer(url, init);
  };
  const gallery = document.createElement('asset-gallery');
  gallery.setAttribute('page-size', '40');
  gallery.uploads = !!attributes.uploads;
  gallery.fetch = fetch;
  document.body.append(gallery);
  galleries.push(gallery);
  const uploadsSent = () => requests.filter((request) => request.method === 'POST' && !request.url.endsWith('/search'));
  return { gallery, uploadsSent };
}

const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')];
const trayText = (gallery: AssetGallery) => (root(gallery).querySelector('[part="tray"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
const gridTop = (gallery: AssetGallery) => (root(gallery).querySelector('[role="grid"]') as HTMLElement).getBoundingClientRect().top;
const button = (within: ParentNode | null | undefined, label: RegExp) =>
  [...(within?.querySelectorAll('button') ?? [])].find((candidate) => label.test((candidate.textContent ?? '').trim())) as HTMLButtonElement | undefined;
const png = (name: string) => new File([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], name, { type: 'image/png' });
const filesOf = (...files: File[]) => {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer;
};

afterEach(() => {
  for (const gallery of galleries.splice(0)) gallery.remove();
  uploadCode.reset(loadGalleryCode);
  cardUploadCode.reset(loadCardCode);
});

describe('code loaded on first use', () => {
  // First in this file: nothing here has asked for uploads or live updates yet.
  it('a browse-only gallery fetches no upload or live code; uploads then fetch theirs', async () => {
    const { gallery } = mount();
    await waitUntil(() => cards(gallery).length > 0, 'cards did not appear');
    await gallery.updateComplete;
    expect(fetchedOnFirstUse()).to.deep.equal([]);
    gallery.uploads = true;
    await gallery.updateComplete;
    await Promise.all(cards(gallery).map((card) => card.updateComplete));
    expect(fetchedOnFirstUse()).to.have.members(['upload-code', 'upload-controller', 'card-upload']);
    const localOnly = cards(gallery).find((card) => card.getAttribute('status') === 'local_only');
    expect(button(localOnly?.shadowRoot, /^Retry upload$/), 'a card offers to upload').to.exist;
  });

  it('shows the toolbar from the first paint, and the grid does not move when the upload code arrives', async () => {
    const galleryCode = gate(loadGalleryCode);
    const cardCode = gate(loadCardCode);
    uploadCode.reset(galleryCode.loader);
    cardUploadCode.reset(cardCode.loader);
    const { gallery } = mount({ uploads: true });
    await waitUntil(() => cards(gallery).length > 0, 'cards did not appear');
    await laidOut(gallery);
    const card = cards(gallery).find((candidate) => candidate.getAttribute('status') === 'local_only') as MediaCard;
    const top = gridTop(gallery);
    const cardHeight = card.getBoundingClientRect().height;
    expect(button(root(gallery), /^Upload files$/)?.disabled).to.equal(false);
    expect(button(root(gallery), /Re-upload the/), 'no bulk button yet').to.equal(undefined);
    expect(button(card.shadowRoot, /Retry upload/), 'no card button yet').to.equal(undefined);
    galleryCode.open();
    cardCode.open();
    await gallery.updateComplete;
    await card.updateComplete;
    expect(button(root(gallery), /Re-upload the \d+ loaded local-only assets/), 'the bulk button').to.exist;
    expect(button(card.shadowRoot, /Retry upload/), 'the card’s button').to.exist;
    expect(gridTop(gallery)).to.equal(top);
    expect(card.getBoundingClientRect().height).to.equal(cardHeight);
  });

  it('uploads a file chosen, and one dropped, before the upload code is here', async () => {
    const galleryCode = gate(loadGalleryCode);
    uploadCode.reset(galleryCode.loader);
    const { gallery, uploadsSent } = mount({ uploads: true });
    await waitUntil(() => root(gallery).querySelector('.file-input'), 'no toolbar');
    const input = root(gallery).querySelector('.file-input') as HTMLInputElement;
    input.files = filesOf(png('chosen.png')).files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const base = root(gallery).querySelector('[part="base"]') as HTMLElement;
    base.dispatchEvent(new DragEvent('drop', { dataTransfer: filesOf(png('dropped.png')), bubbles: true, cancelable: true }));
    await waitUntil(() => trayText(gallery) === 'Getting uploads ready…', `the tray says ${trayText(gallery)}`);
    expect(uploadsSent()).to.have.length(0);
    const completed: string[] = [];
    gallery.addEventListener('upload-complete', (event) => completed.push(event.detail.message));
    galleryCode.open();
    await waitUntil(() => completed.length === 2, 'both files were not uploaded');
    const sent = uploadsSent().map((request) => (sentForm(request).get('file') as File).name);
    expect(sent).to.have.members(['chosen.png', 'dropped.png']);
  });

  it('says so when the upload code cannot be loaded, keeps what was added, and Try again loads it', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const galleryCode = gate(loadGalleryCode);
      galleryCode.state.fail = true;
      galleryCode.open();
      uploadCode.reset(galleryCode.loader);
      const { gallery, uploadsSent } = mount({ uploads: true });
      await gallery.updateComplete;
      gallery.uploadFiles([png('kept.png')]);
      // The call tries again (Try again says so) and fails again: then Try again is ready for a person.
      const tryAgain = () => button(root(gallery), /^Try again$/);
      await gallery.updateComplete;
      expect(tryAgain()?.hasAttribute('aria-disabled')).to.equal(false);
      expect(trayText(gallery)).to.equal('The upload controls could not be loaded. Check the connection, then try again. 1 upload waits until then. Try again');
      expect(uploadsSent()).to.have.length(0);
      galleryCode.state.fail = false;
      const completed = new Promise((resolve) => gallery.addEventListener('upload-complete', resolve, { once: true }));
      tryAgain()?.click();
      await completed;
      expect(uploadsSent()).to.have.length(1);
      expect(trayText(gallery)).not.to.contain('could not be loaded');
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

  it('a card says so when its upload controls cannot be loaded, in the room kept for them, and Try again loads them', async () => {
    const cardCode = gate(loadCardCode);
    cardCode.state.fail = true;
    cardUploadCode.reset(cardCode.loader);
    const { gallery } = mount({ uploads: true });
    await waitUntil(() => cards(gallery).length > 0, 'cards did not appear');
    await laidOut(gallery);
    const card = cards(gallery).find((candidate) => candidate.getAttribute('status') === 'local_only') as MediaCard;
    const height = card.getBoundingClientRect().height;
    cardCode.open();
    await card.updateComplete;
    expect(card.shadowRoot?.querySelector('[part="upload-message"]')?.textContent).to.equal('The upload controls could not be loaded. Check the connection, then try again.');
    expect(card.getBoundingClientRect().height).to.equal(height);
    cardCode.state.fail = false;
    const retry = button(card.shadowRoot, /^Try again$/) as HTMLButtonElement;
    retry.focus();
    retry.click();
    await waitUntil(() => button(card.shadowRoot, /Retry upload/), 'the card’s upload button did not come');
    // Every card that failed comes back, not only the one clicked; focus moves to the button that replaced Try again.
    await waitUntil(() => cards(gallery).every((other) => !button(other.shadowRoot, /^Try again$/)), 'another card still says Try again');
    // Where the focus is, said when it is not where it should be (a CI run in Firefox once found it elsewhere).
    const name = (element: Element | null | undefined) =>
      element ? `${element.localName}${element instanceof HTMLElement && element.dataset.index ? `[${element.dataset.index}]` : ''} "${element.textContent?.trim().slice(0, 30) ?? ''}"` : 'nothing';
    const focus = `page: ${name(document.activeElement)}; gallery: ${name(gallery.shadowRoot?.activeElement)}; card [${card.dataset.index ?? ''}]: ${name(card.shadowRoot?.activeElement)}`;
    expect(card.shadowRoot?.activeElement?.textContent?.trim(), focus).to.equal('Retry upload');
  });
});
