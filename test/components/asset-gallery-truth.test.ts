import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import type { Asset, FetchLike } from '../../src/api/index.js';
import type { ProviderStatus } from '../../src/status/index.js';
import { createMockBackend, mockFetch, type MockBackendOptions } from '../../mocks/index.js';
import { waitUntil } from '../helpers.js';

/**
 * Issue 12: every number the gallery shows is true for the set it names, and the page holds still. Each test
 * here failed on the code before the change, but for two guards that say what must not break (marked so).
 */

interface Setup extends MockBackendOptions {
  api?: 'query' | 'search';
  pageSize?: number;
  attributes?: { uploads?: boolean; infiniteScroll?: boolean; syncUrl?: boolean };
}

async function mount(options: Setup = {}) {
  const { api = 'query', pageSize = 20, attributes = {}, ...mock } = options;
  const backend = createMockBackend({ count: 60, seed: 12, ...mock });
  const answer = mockFetch(backend.handlers);
  const requests: Request[] = [];
  const fetch: FetchLike = (url, init) => {
    requests.push(new Request(url, init));
    return answer(url, init);
  };
  const gallery = await fixture<AssetGallery>(
    html`<asset-gallery
      api=${api}
      page-size=${pageSize}
      ?uploads=${attributes.uploads}
      ?infinite-scroll=${attributes.infiniteScroll}
      ?sync-url=${attributes.syncUrl}
      .fetch=${fetch}
    ></asset-gallery>`,
  );
  return { gallery, backend, requests };
}

const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')];
const assetOf = (card: Element) => (card as unknown as { asset: Asset }).asset;
const text = (element: Element | ShadowRoot | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const overviewRoot = (gallery: AssetGallery) => root(gallery).querySelector('status-overview')?.shadowRoot ?? null;
const overviewButton = (gallery: AssetGallery, label: RegExp) =>
  [...(overviewRoot(gallery)?.querySelectorAll('button') ?? [])].find((button) => label.test(button.textContent ?? '')) as HTMLButtonElement;
/** The number a person reads on a button of the overview, or null where it shows none. */
const shownCount = (gallery: AssetGallery, label: RegExp): number | null => {
  const digits = text(overviewButton(gallery, label)).replace(/[^\d]/g, '');
  return digits === '' ? null : Number(digits);
};
const caption = (gallery: AssetGallery) => text(overviewRoot(gallery)?.querySelector('[part="caption"]'));
const galleryButton = (gallery: AssetGallery, label: RegExp) =>
  [...root(gallery).querySelectorAll('button')].find((button) => label.test(button.textContent ?? '')) as HTMLButtonElement | undefined;
const loadedCount = (gallery: AssetGallery) => Number(/(\d+) assets? loaded/.exec(text(root(gallery)))?.[1] ?? NaN);
const LABELS: Record<ProviderStatus, RegExp> = { ok: /Provider OK/, local_only: /Local only/, flagged: /Flagged/, unknown: /Unknown/ };

describe('<asset-gallery>: every number is true for the set it names', () => {
  it('shows no number while the first page loads, nor after it failed', async () => {
    let release: (() => void) | undefined;
    const backend = createMockBackend({ count: 30, failure: 'server-error' });
    const answer = mockFetch(backend.handlers);
    const slow: FetchLike = async (url, init) => {
      await new Promise<void>((resolve) => (release = resolve));
      return answer(url, init);
    };
    const gallery = await fixture<AssetGallery>(html`<asset-gallery .fetch=${slow}></asset-gallery>`);
    await waitUntil(() => overviewButton(gallery, /All/) && release, 'the overview and the request');
    for (const label of [/All/, ...Object.values(LABELS)]) expect(shownCount(gallery, label), `${label} while loading`).to.equal(null);
    expect(caption(gallery)).not.to.match(/\d/);
    release?.();
    await waitUntil(() => root(gallery).querySelector('[part~="error"]'), 'the error');
    for (const label of [/All/, ...Object.values(LABELS)]) expect(shownCount(gallery, label), `${label} after the failure`).to.equal(null);
    expect(caption(gallery)).not.to.match(/\d/);
  });

  it('keeps the other statuses unknown, not zero, while the server filters', async () => {
    const { gallery, backend } = await mount();
    await waitUntil(() => loadedCount(gallery) === 20);
    const firstPage = backend.db.assets.slice(0, 20);
    const okOnFirstPage = firstPage.filter((asset) => backend.db.status(asset) === 'ok').length;
    expect(shownCount(gallery, LABELS.ok)).to.equal(okOnFirstPage);

    overviewButton(gallery, LABELS.local_only).click();
    const localOnly = backend.db.assets.filter((asset) => backend.db.status(asset) === 'local_only').length;
    await waitUntil(() => cards(gallery).length > 0 && shownCount(gallery, LABELS.local_only) === localOnly, 'the filtered count');
    expect(shownCount(gallery, LABELS.ok), 'Provider OK is not known here, so no number').to.equal(null);
    expect(shownCount(gallery, LABELS.flagged)).to.equal(null);
    expect(shownCount(gallery, /All/)).to.equal(null);
    expect(overviewButton(gallery, LABELS.local_only).getAttribute('aria-pressed')).to.equal('true');
    expect(caption(gallery)).to.contain(`${localOnly} loaded “Local only”`);
  });

  it('(guard) counts every status of the loaded pages when the server ignores the filter', async () => {
    const { gallery } = await mount({ scenario: 'ignores-filter' });
    await waitUntil(() => loadedCount(gallery) === 20);
    const before = Object.fromEntries(Object.entries(LABELS).map(([status, label]) => [status, shownCount(gallery, label)]));
    const loadedAgain = oneEvent(gallery, 'assets-loaded');
    overviewButton(gallery, LABELS.local_only).click();
    await loadedAgain;
    await waitUntil(() => shownCount(gallery, LABELS.ok) !== null, 'counts again');
    const after = Object.fromEntries(Object.entries(LABELS).map(([status, label]) => [status, shownCount(gallery, label)]));
    expect(JSON.stringify(after)).to.equal(JSON.stringify(before));
    expect(before.ok).to.be.greaterThan(0);
  });

  it('says the bulk re-upload’s own scope beside the server’s totals', async () => {
    const { gallery, backend } = await mount({ api: 'search', attributes: { uploads: true } });
    await waitUntil(() => /Totals in your library/.test(caption(gallery)), 'the server’s totals');
    const loaded = backend.db.assets.slice(0, 20);
    const loadedLocalOnly = loaded.filter((asset) => backend.db.status(asset) === 'local_only').length;
    const loadedFlagged = loaded.filter((asset) => backend.db.status(asset) === 'flagged').length;
    const allFlagged = backend.db.assets.filter((asset) => backend.db.status(asset) === 'flagged').length;
    expect(allFlagged, 'the fixture has flagged assets beyond the first page').to.be.greaterThan(loadedFlagged);
    expect(shownCount(gallery, LABELS.flagged)).to.equal(allFlagged);
    expect(text(galleryButton(gallery, /Re-upload/))).to.equal(`Re-upload the ${loadedLocalOnly} loaded local-only assets`);
    const note = text(root(gallery).querySelector('.bulk [part~="notice"]'));
    expect(note).to.contain(`${loadedFlagged} loaded flagged`);
  });
});

describe('<asset-gallery>: numbers of another source are never shown', () => {
  it('hides the old library’s server totals while the new endpoint’s load', async () => {
    const first = createMockBackend({ count: 60, seed: 12 });
    const other = createMockBackend({ count: 7, seed: 3, endpoint: '/elsewhere/api/v1/assets' });
    const answer = mockFetch([...other.handlers, ...first.handlers]);
    const heldTotals: Array<() => void> = [];
    const fetch: FetchLike = async (url, init) => {
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
      if (String(url).includes('/elsewhere/') && body?.limit === 1) await new Promise<void>((release) => heldTotals.push(release));
      return answer(url, init);
    };
    const gallery = await fixture<AssetGallery>(html`<asset-gallery api="search" page-size="20" .fetch=${fetch}></asset-gallery>`);
    await waitUntil(() => /Totals in your library/.test(caption(gallery)) && shownCount(gallery, /All/) === 60);
    gallery.endpoint = '/elsewhere/api/v1/assets';
    await waitUntil(() => cards(gallery).length === 7 && heldTotals.length > 0, 'the new list, its totals on their way');
    expect(shownCount(gallery, /All/), 'the old library’s 60').not.to.equal(60);
    expect(caption(gallery)).not.to.contain('Totals in your library');
    heldTotals.splice(0).forEach((release) => release());
    await waitUntil(() => shownCount(gallery, /All/) === 7, 'the new library’s totals');
  });

  it('keeps a bulk re-upload going when the host hands over the same list again', async () => {
    const backend = createMockBackend({ count: 40, seed: 9 });
    const reply = await mockFetch(backend.handlers)('/api/v1/assets?limit=40', {});
    const items = ((await reply.json()) as { assets: unknown[] }).assets;
    const gallery = await fixture<AssetGallery>(html`<asset-gallery uploads></asset-gallery>`);
    gallery.uploader = async (request) => ({ provider_id: 'pixverse', asset_id: request.assetId, note: 'Uploaded to pixverse' });
    gallery.assets = items;
    await waitUntil(() => cards(gallery).length > 0);
    // A host that keeps its own list fresh: after each upload it hands the gallery its (same) list again.
    gallery.addEventListener('upload-complete', () => (gallery.assets = [...items]));
    const localOnly = items.filter((item) => (item as { provider_status?: string }).provider_status === 'local_only').length;
    await gallery.reuploadLocalOnly();
    const said = text(root(gallery).querySelector('[part="upload-status"]'));
    expect(said).to.match(/^Re-upload finished: \d+ accepted/);
    expect(said).to.contain(`${localOnly} accepted`);
  });
});

describe('<asset-gallery>: the filter event is a person’s, and may be vetoed', () => {
  afterEach(() => window.history.replaceState(null, '', window.location.pathname));

  it('asks the page before the filter changes; a veto keeps everything as it was', async () => {
    const { gallery, requests } = await mount();
    await waitUntil(() => loadedCount(gallery) === 20);
    const sent = requests.length;
    gallery.addEventListener('status-filter-change', (event) => event.preventDefault(), { once: true });
    const asked = oneEvent(gallery, 'status-filter-change');
    overviewButton(gallery, LABELS.flagged).click();
    const event = await asked;
    expect(event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({ status: 'flagged' });
    await gallery.updateComplete;
    expect(gallery.statusFilter).to.equal(null);
    expect(overviewButton(gallery, LABELS.flagged).getAttribute('aria-pressed')).to.equal('false');
    expect(overviewButton(gallery, /All/).getAttribute('aria-pressed')).to.equal('true');
    expect(requests.length, 'no request for the vetoed filter').to.equal(sent);
  });

  it('tells a restore from the URL apart: status-filter-restore, and no status-filter-change', async () => {
    window.history.replaceState(null, '', '?provider_status=flagged');
    const heard: string[] = [];
    const listen = (event: Event) => heard.push(`${event.type}:${(event as CustomEvent).detail.status}`);
    document.addEventListener('status-filter-change', listen);
    document.addEventListener('status-filter-restore', listen);
    try {
      const { gallery } = await mount({ attributes: { syncUrl: true } });
      expect(gallery.statusFilter).to.equal('flagged');
      window.history.pushState(null, '', '?provider_status=local_only');
      window.dispatchEvent(new PopStateEvent('popstate'));
      await waitUntil(() => gallery.statusFilter === 'local_only');
      expect(heard).to.deep.equal(['status-filter-restore:flagged', 'status-filter-restore:local_only']);
    } finally {
      document.removeEventListener('status-filter-change', listen);
      document.removeEventListener('status-filter-restore', listen);
    }
  });

  it('(guard) fires nothing when the host sets the filter itself', async () => {
    const { gallery } = await mount();
    await waitUntil(() => loadedCount(gallery) === 20);
    let fired = 0;
    gallery.addEventListener('status-filter-change', () => (fired += 1));
    gallery.addEventListener('status-filter-restore', () => (fired += 1));
    gallery.statusFilter = 'ok';
    await gallery.updateComplete;
    expect(fired).to.equal(0);
  });
});

describe('<asset-gallery>: the page holds still', () => {
  /** A person scrolls to the end of the page, with the wheel. */
  const readerScrollsToEnd = () => {
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: 1000 }));
    document.scrollingElement?.scrollTo(0, document.scrollingElement.scrollHeight);
  };
  const frames = async (count: number) => {
    for (let i = 0; i < count; i++) await nextFrame();
  };
  afterEach(() => document.scrollingElement?.scrollTo(0, 0));

  it('infinite scroll loads as the reader scrolls, and stops when they stop', async () => {
    const { gallery, requests } = await mount({ count: 200, pageSize: 12, attributes: { infiniteScroll: true } });
    await waitUntil(() => loadedCount(gallery) === 12);
    const lists = () => requests.filter((request) => request.method === 'GET' && !/\/\d+$/.test(new URL(request.url).pathname)).length;
    readerScrollsToEnd();
    await waitUntil(() => loadedCount(gallery) === 24, 'the next page, as the reader reached the end');
    // Nobody touches anything now: no more pages, however long we look.
    const asked = lists();
    await frames(20);
    expect(lists(), 'pages asked for with nobody scrolling').to.equal(asked);
    expect(loadedCount(gallery)).to.equal(24);
    readerScrollsToEnd();
    await waitUntil(() => loadedCount(gallery) === 36, 'and the next, as the reader scrolls again');
  });

  it('shows upload outcomes, notices and the bulk re-upload without moving a card', async () => {
    const { gallery } = await mount({ attributes: { uploads: true }, scenario: 'upload-accepted' });
    await waitUntil(() => loadedCount(gallery) === 20);
    /** Where the first and the last rendered card are: every card between moves with them. */
    const places = () => {
      const shown = cards(gallery);
      return [shown[0], shown[shown.length - 1]].map((card) => Math.round(card?.getBoundingClientRect().top ?? NaN)).join(' ');
    };
    const firstTop = () => Math.round(cards(gallery)[0]?.getBoundingClientRect().top ?? NaN);
    const top = firstTop();
    // The new asset comes on top of the list (newest first), so the cards after it move on by one: the grid itself
    // does not move for the outcome.
    gallery.uploadFromUrl('https://cdn.example/new.png');
    await waitUntil(() => /Uploaded to/.test(text(root(gallery).querySelector('[part="upload-status"]'))), 'the outcome');
    await frames(2);
    expect(firstTop(), 'after the outcome').to.equal(top);
    const before = places();
    window.dispatchEvent(new Event('offline'));
    await waitUntil(() => /offline/.test(text(root(gallery).querySelector('.tray'))), 'the offline notice');
    await frames(2);
    expect(places(), 'after the offline notice').to.equal(before);
    window.dispatchEvent(new Event('online'));
    // The bulk re-upload's own place above the grid: the first card stays where it is. Its uploads wait until
    // released, so the run is seen running.
    const held: Array<() => void> = [];
    gallery.uploader = async (request) => {
      await new Promise<void>((release) => held.push(release));
      return { provider_id: 'pixverse', asset_id: request.assetId, note: 'Uploaded to pixverse' };
    };
    const bulk = gallery.reuploadLocalOnly();
    await waitUntil(() => held.length > 0 && /\d+ of \d+/.test(text(root(gallery).querySelector('[part="bulk"]'))), 'the bulk run');
    expect(firstTop(), 'while the bulk re-upload runs').to.equal(top);
    const releasing = setInterval(() => held.splice(0).forEach((release) => release()), 10);
    await bulk.finally(() => clearInterval(releasing));
    await waitUntil(() => /Re-upload finished/.test(text(root(gallery).querySelector('[part="upload-status"]'))), 'the run’s summary');
    await frames(2);
    expect(firstTop(), 'once the run is over').to.equal(top);
  });

  it('holds the rows still when a tall card sits at the edge of the rendered rows', async function () {
    this.timeout(60000);
    // Seed 9: titles of one and two lines, a two-line one in the last rows.
    const { gallery } = await mount({ count: 90, seed: 9, pageSize: 90, attributes: { uploads: true } });
    await waitUntil(() => loadedCount(gallery) === 90);
    const long = `quota exceeded: ${'the provider said no at great length '.repeat(30)}`;
    gallery.uploader = async () => ({ provider_id: 'pixverse', note: `Asset saved locally; provider upload failed: ${long}` });
    const rendered = cards(gallery).filter((card) => card.getAttribute('status') === 'local_only');
    const tall = rendered[rendered.length - 1] as HTMLElement;
    (tall.shadowRoot?.querySelector('[part~="upload-button"]') as HTMLButtonElement).click();
    await waitUntil(() => /great length/.test(tall.shadowRoot?.textContent ?? ''));
    const scroller = document.scrollingElement as Element;
    const restless: string[] = [];
    const state = () => `${gallery.style.getPropertyValue('--_row-height')} at ${window.scrollY}`;
    // Down the whole list as a reader scrolls, to its very end: wherever it rests, nothing changes by itself.
    for (let y = 0; y < 7134; y += 41) {
      scroller.scrollTo(0, y);
      await frames(2);
    }
    // 7134: where this library's rows flipped between two heights every frame (a review's probe found it).
    for (const y of [7134, scroller.scrollHeight]) {
      scroller.scrollTo(0, y);
      await frames(4);
      const settled = state();
      for (let frame = 0; frame < 8; frame++) {
        await nextFrame();
        if (state() !== settled) restless.push(`${settled} → ${state()}`);
      }
    }
    expect(restless, restless.slice(0, 5).join('; ')).to.deep.equal([]);
  });

  it('keeps the focused card clear of the tray', async () => {
    const { gallery } = await mount({ attributes: { uploads: true } });
    await waitUntil(() => loadedCount(gallery) === 20);
    gallery.uploadFiles(Array.from({ length: 6 }, (_, index) => new File(['x'], `notes-${index}.txt`, { type: 'text/plain' })));
    await waitUntil(() => root(gallery).querySelectorAll('[part="upload-row"]').length === 6);
    const tray = root(gallery).querySelector('.tray') as HTMLElement;
    expect(tray.getBoundingClientRect().height, 'the tray takes at most a third of the viewport').to.be.at.most(window.innerHeight / 3 + 1);
    cards(gallery)[0]?.focus();
    for (let step = 0; step < 4; step++) {
      const before = Number((root(gallery).activeElement as HTMLElement).dataset.index);
      (root(gallery).activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
      await waitUntil(() => Number((root(gallery).activeElement as HTMLElement | null)?.dataset.index) > before, 'the next row');
      await frames(2);
      // Unrounded: a card a pixel or two under the tray (fractional layout) is covered.
      const card = (root(gallery).activeElement as HTMLElement).getBoundingClientRect();
      expect(card.bottom, `card ${before} + a row is above the tray`).to.be.at.most(tray.getBoundingClientRect().top + 0.01);
    }
  });

  it('keeps every row’s height through a card’s upload: running, a long failure, a success', async () => {
    const { gallery } = await mount({ attributes: { uploads: true } });
    await waitUntil(() => loadedCount(gallery) === 20);
    /** What a person sees move: the height of the rows, and where the last rendered card is. */
    const layout = () => {
      const shown = cards(gallery);
      const last = shown[shown.length - 1]?.getBoundingClientRect();
      return `${Math.round(shown[0]?.getBoundingClientRect().height ?? NaN)} ${Math.round(last?.top ?? NaN)}`;
    };
    await frames(3);
    const usual = layout();
    let answer: (reply: unknown) => void = () => undefined;
    gallery.uploader = () => new Promise((resolve) => (answer = resolve));
    const card = cards(gallery).find((each) => each.getAttribute('status') === 'local_only') as HTMLElement;
    const id = assetOf(card).id;
    (card.shadowRoot?.querySelector('[part~="upload-button"]') as HTMLButtonElement).click();
    await waitUntil(() => /Uploading/.test(card.shadowRoot?.textContent ?? ''), 'running');
    await frames(3);
    expect(layout(), 'while it runs').to.equal(usual);
    const long = `quota exceeded: ${'the provider said no at great length '.repeat(30)}`;
    answer({ provider_id: 'pixverse', note: `Asset saved locally; provider upload failed: ${long}` });
    await waitUntil(() => /great length/.test(card.shadowRoot?.textContent ?? ''), 'the long outcome');
    await frames(3);
    expect(layout(), 'with a long outcome').to.equal(usual);
    const message = card.shadowRoot?.querySelector('[part~="upload-message"]') as HTMLElement;
    expect(message.title, 'the whole outcome is its title').to.contain('great length');
    gallery.uploader = async () => ({ provider_id: 'pixverse', asset_id: id, note: 'Uploaded to pixverse' });
    (card.shadowRoot?.querySelector('[part~="upload-button"]') as HTMLButtonElement).click();
    await waitUntil(() => /Uploaded to Pixverse/.test(card.shadowRoot?.textContent ?? ''), 'the success');
    await frames(3);
    expect(layout(), 'after the success').to.equal(usual);
  });

  it('leaves focus where the reader put it while the last page loaded', async () => {
    const backend = createMockBackend({ count: 30, seed: 12 });
    const answer = mockFetch(backend.handlers);
    let release: (() => void) | undefined;
    let calls = 0;
    const fetch: FetchLike = async (url, init) => {
      calls += 1;
      if (calls > 1) await new Promise<void>((resolve) => (release = resolve));
      return answer(url, init);
    };
    const outside = document.createElement('input');
    document.body.prepend(outside);
    try {
      const gallery = await fixture<AssetGallery>(html`<asset-gallery page-size="20" .fetch=${fetch}></asset-gallery>`);
      await waitUntil(() => cards(gallery).length > 0 && galleryButton(gallery, /Load more/));
      const more = galleryButton(gallery, /Load more/) as HTMLButtonElement;
      more.focus();
      more.click();
      await waitUntil(() => release);
      outside.focus();
      release?.();
      await waitUntil(() => loadedCount(gallery) === 30 && !galleryButton(gallery, /Load more/));
      await gallery.updateComplete;
      await frames(2);
      expect(document.activeElement === outside, 'focus stays on the page’s own field').to.equal(true);
    } finally {
      outside.remove();
    }
  });

  it('puts focus on Retry when "Load more" fails, and on the new cards when Retry brings them', async () => {
    const backend = createMockBackend({ count: 30, seed: 12 });
    const answer = mockFetch(backend.handlers);
    let calls = 0;
    const fetch: FetchLike = async (url, init) => {
      calls += 1;
      if (calls === 2) return Response.json({ detail: 'boom' }, { status: 500 });
      return answer(url, init);
    };
    const gallery = await fixture<AssetGallery>(html`<asset-gallery page-size="20" .fetch=${fetch}></asset-gallery>`);
    await waitUntil(() => cards(gallery).length > 0 && galleryButton(gallery, /Load more/));
    const more = galleryButton(gallery, /Load more/) as HTMLButtonElement;
    more.focus();
    more.click();
    await waitUntil(() => /Retry/.test((root(gallery).activeElement as HTMLElement | null)?.textContent ?? ''), 'focus on Retry');
    (root(gallery).activeElement as HTMLButtonElement).click();
    await waitUntil(() => (root(gallery).activeElement as HTMLElement | null)?.dataset.index === '20', 'focus on the first new card');
  });

  it('moves focus to the first new card when the last page takes "Load more" away', async () => {
    const { gallery } = await mount({ count: 30, pageSize: 20 });
    await waitUntil(() => loadedCount(gallery) === 20);
    const more = galleryButton(gallery, /Load more/) as HTMLButtonElement;
    more.focus();
    more.click();
    await waitUntil(() => loadedCount(gallery) === 30 && !galleryButton(gallery, /Load more/));
    await waitUntil(() => (root(gallery).activeElement as HTMLElement | null)?.dataset.index === '20', 'focus on the first card the page added');
    const focused = root(gallery).activeElement as HTMLElement;
    const { top, bottom } = focused.getBoundingClientRect();
    expect(top >= 0 && bottom <= window.innerHeight, `the focused card is in view (${top}–${bottom})`).to.equal(true);
  });
});
