import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import type { Asset, FetchLike } from '../../src/api/index.js';
import { createMockBackend, mockFetch, type MockBackendOptions } from '../../mocks/index.js';
import { waitUntil } from '../helpers.js';

/**
 * `response`, whose body calls `onRead` once read. The client reads the body of every response it gets, and
 * after that only microtasks of its handling remain: a test that checks what a late answer did NOT do waits
 * for this, then for the gallery's update, rather than for a duration.
 */
function onBodyRead(response: Response, onRead: () => void): Response {
  const text = response.text.bind(response);
  response.text = () => text().finally(onRead);
  return response;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** A gallery on the mock backend, with every request it sends recorded, and how many are not yet read. */
async function mount(options: MockBackendOptions & { api?: 'query' | 'search'; pageSize?: number; syncUrl?: boolean } = {}) {
  const { api = 'query', pageSize = 20, syncUrl = false, ...mock } = options;
  const backend = createMockBackend({ count: 60, ...mock });
  const answer = mockFetch(backend.handlers);
  const requests: Request[] = [];
  let unsettled = 0;
  const fetch: FetchLike = async (url, init) => {
    requests.push(new Request(url, init));
    unsettled += 1;
    try {
      return onBodyRead(await answer(url, init), () => (unsettled -= 1));
    } catch (error) {
      unsettled -= 1;
      throw error;
    }
  };
  const gallery = await fixture<AssetGallery>(
    html`<asset-gallery api=${api} page-size=${pageSize} ?sync-url=${syncUrl} .fetch=${fetch}></asset-gallery>`,
  );
  /** Every request sent so far was answered and its answer read. */
  const settled = () => unsettled === 0;
  return { gallery, backend, requests, settled };
}

const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')];
const shownIds = (gallery: AssetGallery) => cards(gallery).map((card) => (card as unknown as { asset: Asset }).asset.id);
const shownStatuses = (gallery: AssetGallery) => cards(gallery).map((card) => card.getAttribute('status'));
const text = (gallery: AssetGallery) => (root(gallery).textContent ?? '').replace(/\s+/g, ' ');
const overview = (gallery: AssetGallery) => root(gallery).querySelector('status-overview') as HTMLElement;
const overviewButton = (gallery: AssetGallery, label: RegExp) =>
  [...(overview(gallery).shadowRoot as ShadowRoot).querySelectorAll('button')].find((button) => label.test(button.textContent ?? '')) as HTMLButtonElement;
const button = (gallery: AssetGallery, label: RegExp) =>
  [...root(gallery).querySelectorAll('button')].find((b) => label.test(b.textContent ?? '')) as HTMLButtonElement | undefined;
/**
 * How many assets the gallery holds, as a person learns it: its announcement ("45 assets loaded") for fetched
 * pages, the overview's "All N" for host data. The grid renders only the cards near the viewport.
 */
const heldCount = (gallery: AssetGallery) => {
  const said = /(\d+) assets? loaded/.exec(text(gallery));
  if (said) return Number(said[1]);
  const all = overviewButton(gallery, /All/)?.textContent?.replace(/\D/g, '');
  return all ? Number(all) : NaN;
};
const loaded = (gallery: AssetGallery, count?: number) =>
  waitUntil(() => cards(gallery).length > 0 && (count === undefined || heldCount(gallery) === count), `not ${count} assets`, { timeout: 3000 });
const filterOnWire = (request: Request) =>
  request.method === 'GET' ? new URL(request.url).searchParams.get('provider_status') : request.clone().json().then((body) => body.provider_status ?? null);

describe('<asset-gallery>', () => {
  it('shows the first page of cards with their status, and the counts over them', async () => {
    const { gallery, backend } = await mount();
    await loaded(gallery, 20);
    const shown = shownIds(gallery).length;
    expect(shown).to.be.within(1, 20);
    expect(shownIds(gallery)).to.deep.equal(backend.db.assets.slice(0, shown).map((asset) => asset.id));
    expect(shownStatuses(gallery)).to.deep.equal(backend.db.assets.slice(0, shown).map((asset) => backend.db.status(asset)));
    expect(overviewButton(gallery, /Provider OK/).textContent).to.match(/\d+/);
    await expect(gallery).to.be.accessible();
  });

  for (const api of ['query', 'search'] as const) {
    it(`sends the filter to the server and shows only that status (${api})`, async () => {
      const { gallery, requests } = await mount({ api });
      await loaded(gallery);
      overviewButton(gallery, /Local only/).click();
      await waitUntil(() => shownStatuses(gallery).length > 0 && shownStatuses(gallery).every((status) => status === 'local_only'));
      expect(gallery.getAttribute('status-filter')).to.equal('local_only');
      const listRequests = requests.filter((request) => !/limit=1(&|$)/.test(request.url) && request.method === (api === 'query' ? 'GET' : 'POST'));
      expect(await filterOnWire(listRequests.at(-1) as Request)).to.equal('local_only');
    });
  }

  it('filters on the client too when the server ignores the filter', async () => {
    const { gallery } = await mount({ scenario: 'ignores-filter' });
    await loaded(gallery);
    gallery.statusFilter = 'flagged';
    await waitUntil(() => shownStatuses(gallery).length > 0 && shownStatuses(gallery).every((status) => status === 'flagged'));
  });

  it('derives the status of an old server that sends none', async () => {
    const { gallery, backend } = await mount({ scenario: 'old-server', seed: 5 });
    await loaded(gallery, 20);
    const shown = shownStatuses(gallery).length;
    expect(shownStatuses(gallery)).to.deep.equal(backend.db.assets.slice(0, shown).map((asset) => backend.db.status(asset)));
    expect(new Set(shownStatuses(gallery)).size).to.be.greaterThan(2);
  });

  it('pages with Load more over next_cursor, to the end', async () => {
    const { gallery, requests } = await mount({ count: 45 });
    await loaded(gallery, 20);
    button(gallery, /Load more/)?.click();
    await loaded(gallery, 40);
    expect(new URL(requests.at(-1)?.url ?? '').searchParams.get('cursor')).to.match(/\|\d+$/);
    button(gallery, /Load more/)?.click();
    await loaded(gallery, 45);
    await gallery.updateComplete;
    expect(button(gallery, /Load more/)).to.equal(undefined);
  });

  it('sends the host’s headers (auth) with every request', async () => {
    const backend = createMockBackend({ count: 5 });
    const answer = mockFetch(backend.handlers);
    const seen: (string | null)[] = [];
    const fetch: FetchLike = (url, init) => {
      seen.push(new Headers(init.headers).get('Authorization'));
      return answer(url, init);
    };
    let token = 0;
    const gallery = await fixture<AssetGallery>(
      html`<asset-gallery api="search" .fetch=${fetch} .headers=${() => ({ Authorization: `Bearer t${++token}` })}></asset-gallery>`,
    );
    await loaded(gallery, 5);
    expect(seen.length).to.be.greaterThan(1);
    expect(seen.every((value) => /^Bearer t\d+$/.test(value ?? ''))).to.equal(true);
  });

  it('does not reload for headers re-created with the same content (a framework re-rendering), only for new ones', async () => {
    const backend = createMockBackend({ count: 5 });
    const answer = mockFetch(backend.handlers);
    const seen: (string | null)[] = [];
    const fetch: FetchLike = (url, init) => (seen.push(new Headers(init.headers).get('Authorization')), answer(url, init));
    const gallery = await fixture<AssetGallery>(html`<asset-gallery .fetch=${fetch} .headers=${{ Authorization: 'Bearer a' }}></asset-gallery>`);
    await loaded(gallery, 5);
    const before = seen.length;
    gallery.headers = { Authorization: 'Bearer a' };
    gallery.headers = new Headers({ authorization: 'Bearer a' });
    gallery.headers = [['Authorization', 'Bearer a']];
    await gallery.updateComplete;
    expect(seen.length).to.equal(before);
    // New headers are sent at once. A reload for the same ones would have been sent before them: once they are,
    // none came between.
    gallery.headers = { Authorization: 'Bearer b' };
    await waitUntil(() => seen.at(-1) === 'Bearer b', 'the new token was not sent');
    expect(seen.slice(before), 'requests after the same headers were set again').to.deep.equal(['Bearer b']);
  });

  for (const [attribute, limit] of [['500', '100'], ['0', '50'], ['abc', '50'], ['7', '7']] as const) {
    it(`asks for pages of ${limit} when page-size="${attribute}"`, async () => {
      const backend = createMockBackend({ count: 5 });
      const answer = mockFetch(backend.handlers);
      const limits: (string | null)[] = [];
      const fetch: FetchLike = (url, init) => (limits.push(new URL(url).searchParams.get('limit')), answer(url, init));
      const gallery = await fixture<AssetGallery>(html`<asset-gallery page-size=${attribute} .fetch=${fetch}></asset-gallery>`);
      await loaded(gallery, 5);
      expect(limits).to.deep.equal([limit]);
    });
  }

  it('loads the next pages with infinite-scroll as the reader scrolls', async () => {
    const backend = createMockBackend({ count: 12 });
    // A scroller that 4 cards overflow in every engine's window: a list too short to scroll would fill it at once.
    const scroller = await fixture<HTMLElement>(
      html`<div style="width: 320px; height: 260px; overflow: auto">
        <asset-gallery page-size="4" infinite-scroll .fetch=${mockFetch(backend.handlers)}></asset-gallery>
      </div>`,
    );
    const gallery = scroller.querySelector('asset-gallery') as AssetGallery;
    for (const count of [4, 8, 12]) {
      await loaded(gallery, count);
      expect(scroller.scrollHeight, 'the list scrolls').to.be.greaterThan(scroller.clientHeight);
      scroller.dispatchEvent(new WheelEvent('wheel', { deltaY: 1000, bubbles: true })); // a person scrolls to the end
      scroller.scrollTo(0, scroller.scrollHeight);
    }
  });

  it('falls back to offsets when the server ignores the cursor (PixSim7 before its fix)', async () => {
    const backend = createMockBackend({ count: 30 });
    const answer = mockFetch(backend.handlers);
    const offsets: (string | null)[] = [];
    const ignoresCursor: FetchLike = (url, init) => {
      const withoutCursor = new URL(url);
      withoutCursor.searchParams.delete('cursor');
      offsets.push(withoutCursor.searchParams.get('offset'));
      return answer(withoutCursor.href, init);
    };
    const gallery = await fixture<AssetGallery>(html`<asset-gallery page-size="10" .fetch=${ignoresCursor}></asset-gallery>`);
    await loaded(gallery, 10);
    button(gallery, /Load more/)?.click();
    await loaded(gallery, 20);
    button(gallery, /Load more/)?.click();
    await loaded(gallery, 30);
    expect(shownIds(gallery)).to.deep.equal(backend.db.assets.slice(0, shownIds(gallery).length).map((asset) => asset.id));
    expect(offsets).to.include.members(['10', '20']);
  });

  it('never lets a slow older response overwrite a newer one, and aborts it', async () => {
    const backend = createMockBackend({ count: 60 });
    const answer = mockFetch(backend.handlers);
    let releaseSlow: () => void = () => {};
    let slowAnswered = false;
    const signals: AbortSignal[] = [];
    const fetch: FetchLike = async (url, init) => {
      const slow = !new URL(url).searchParams.has('provider_status') && !signals.length;
      if (init.signal) signals.push(init.signal);
      if (!slow) return answer(url, { ...init, signal: null });
      await new Promise<void>((resolve) => (releaseSlow = resolve));
      const response = await answer(url, { ...init, signal: null });
      slowAnswered = true;
      return response;
    };
    const gallery = await fixture<AssetGallery>(html`<asset-gallery page-size="20" .fetch=${fetch}></asset-gallery>`);
    gallery.statusFilter = 'flagged';
    await loaded(gallery);
    releaseSlow();
    // The slow answer (the fetch ignored its abort) has had its chance to land a couple of frames after it came.
    await waitUntil(() => slowAnswered, 'the slow answer came');
    await gallery.updateComplete;
    await frame();
    await frame();
    expect(shownStatuses(gallery).length).to.be.greaterThan(0);
    expect(shownStatuses(gallery).every((status) => status === 'flagged')).to.equal(true);
    expect(signals[0]?.aborted).to.equal(true);
  });

  it('names the active filter when nothing matches, and offers to clear it', async () => {
    const { gallery } = await mount({ count: 0 });
    gallery.statusFilter = 'flagged';
    await waitUntil(() => /No assets with the status “Flagged”/.test(text(gallery)));
    const events: unknown[] = [];
    gallery.addEventListener('status-filter-change', (event) => events.push(event.detail));
    button(gallery, /Show all assets/)?.click();
    await gallery.updateComplete;
    expect(gallery.hasAttribute('status-filter')).to.equal(false);
    expect(events).to.deep.equal([{ status: null }]);
    await waitUntil(() => /No assets yet/.test(text(gallery)));
  });

  it('shows the server’s message and a Retry that works', async () => {
    const { gallery, backend } = await mount({ scenario: 'server-error' });
    await waitUntil(() => root(gallery).querySelector('[role="alert"]'));
    expect(text(gallery)).to.contain('The assets could not be loaded');
    expect(text(gallery)).to.contain('Failed to list assets: database is locked');
    await expect(gallery).to.be.accessible();
    backend.behaviour.failure = undefined;
    button(gallery, /Retry/)?.click();
    await loaded(gallery, 20);
  });

  it('keeps its cards when moved elsewhere in the page', async () => {
    const { gallery, requests } = await mount();
    await loaded(gallery, 20);
    const sent = requests.length;
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(gallery);
    await gallery.updateComplete;
    expect(cards(gallery).length).to.be.greaterThan(0);
    expect(heldCount(gallery)).to.equal(20);
    expect(requests.length).to.equal(sent);
    elsewhere.remove();
  });

  it('still loads when moved while its first page is on the way', async () => {
    const backend = createMockBackend({ count: 30 });
    const answer = mockFetch(backend.handlers);
    // The first page answers only after the move (it waited 30 ms, which a busy machine may spend before the move).
    let asked = false;
    let release = () => {};
    const moved = new Promise<void>((resolve) => (release = resolve));
    const fetch: FetchLike = async (url, init) => {
      asked = true;
      await moved;
      return answer(url, init);
    };
    const gallery = await fixture<AssetGallery>(html`<asset-gallery page-size="20" .fetch=${fetch}></asset-gallery>`);
    await waitUntil(() => asked, 'the first page was not asked for');
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(gallery);
    release();
    await loaded(gallery, 20);
    elsewhere.remove();
  });

  it('says when the device is offline, and tries again by itself when it is back', async () => {
    const { gallery, backend } = await mount({ scenario: 'server-error' });
    await waitUntil(() => root(gallery).querySelector('[role="alert"]'));
    window.dispatchEvent(new Event('offline'));
    await gallery.updateComplete;
    expect(text(gallery)).to.contain('You are offline. The gallery will try again when the connection is back.');
    backend.behaviour.failure = undefined;
    window.dispatchEvent(new Event('online'));
    await loaded(gallery, 20);
    expect(text(gallery)).not.to.contain('You are offline');
  });

  it('fires assets-error with the message, and assets-loaded with the count', async () => {
    const failing = createMockBackend({ scenario: 'network-error' });
    const errored = oneEvent(document.body, 'assets-error');
    const gallery = await fixture<AssetGallery>(html`<asset-gallery .fetch=${mockFetch(failing.handlers)}></asset-gallery>`);
    expect((await errored).detail.message).to.contain('Could not reach the server');
    const working = createMockBackend({ count: 30 });
    const done = oneEvent(gallery, 'assets-loaded');
    gallery.fetch = mockFetch(working.handlers);
    expect((await done).detail).to.deep.include({ count: 30 });
  });

  it('counts and shows the items that could not be shown', async () => {
    const { gallery } = await mount({ scenario: 'invalid-items', pageSize: 21 });
    await loaded(gallery, 18);
    expect(text(gallery)).to.contain('3 items from the server could not be shown');
  });

  it('shows the server’s totals in the overview when the search API can give them', async () => {
    const { gallery, backend } = await mount({ api: 'search', count: 60 });
    await loaded(gallery);
    const flagged = backend.db.assets.filter((asset) => backend.db.status(asset) === 'flagged').length;
    await waitUntil(() => /Totals in your library/.test(overview(gallery).shadowRoot?.textContent ?? ''));
    expect(overviewButton(gallery, /Flagged/).textContent).to.contain(String(flagged));
  });

  it('counts the loaded assets instead when the server’s totals do not add up (filter ignored)', async () => {
    const { gallery, requests, settled } = await mount({ api: 'search', scenario: 'ignores-filter' });
    await loaded(gallery, 20);
    // The totals had their chance once the first page and the five one-item totals requests are answered and read.
    await waitUntil(() => requests.length >= 6 && settled(), 'the totals requests did not settle');
    await gallery.updateComplete;
    await frame();
    expect(overview(gallery).shadowRoot?.textContent).to.contain('Counts of the 20 loaded assets');
  });

  it('renders host-supplied assets without fetching, and filters them', async () => {
    const backend = createMockBackend({ count: 30 });
    const page = await createAssetsPage(backend);
    let fetched = 0;
    const gallery = await fixture<AssetGallery>(html`<asset-gallery .assets=${page} .fetch=${async () => (fetched++, new Response('{}'))}></asset-gallery>`);
    await loaded(gallery, 30);
    gallery.statusFilter = 'local_only';
    await gallery.updateComplete;
    expect(shownStatuses(gallery).length, 'local-only cards shown').to.be.greaterThan(0);
    expect(shownStatuses(gallery).every((status) => status === 'local_only')).to.equal(true);
    expect(fetched).to.equal(0);
  });

  it('drops the page on its way when the host hands over its own assets, and reports nothing of it', async () => {
    const backend = createMockBackend({ count: 30, invalidItems: true });
    const host = (await createAssetsPage(createMockBackend({ count: 5, seed: 9 }))).slice(0, 5);
    const answer = mockFetch(backend.handlers);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    let answered = 0;
    // A server that answers late and ignores the abort, as a custom fetch may.
    const lateFetch: FetchLike = async (url, init) => {
      asked += 1;
      await gate;
      const response = await answer(url, { ...init, signal: undefined });
      answered += 1;
      return response;
    };
    const gallery = await fixture<AssetGallery>(html`<asset-gallery .fetch=${lateFetch}></asset-gallery>`);
    const events: string[] = [];
    for (const type of ['assets-loaded', 'assets-error']) gallery.addEventListener(type, () => events.push(type));
    gallery.assets = host;
    await gallery.updateComplete;
    release();
    // The late page (the fetch ignored its abort) has had its chance to land a couple of frames after it came.
    await waitUntil(() => asked > 0 && answered === asked, 'the late answers came');
    await gallery.updateComplete;
    await frame();
    await frame();
    expect(events).to.deep.equal([]);
    expect(text(gallery)).not.to.match(/loaded|could not be shown/);
    expect(overviewButton(gallery, /All/).textContent?.replace(/\D/g, '')).to.equal('5');
  });

  it('opens a card with asset-open', async () => {
    const { gallery } = await mount();
    await loaded(gallery);
    const opened = oneEvent(gallery, 'asset-open');
    const first = cards(gallery)[0]?.shadowRoot?.querySelector('button[part~="open"]') as HTMLButtonElement;
    first.click();
    expect((await opened).detail.asset.id).to.equal(shownIds(gallery)[0]);
  });
});

describe('<asset-gallery sync-url>', () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start));

  it('restores the filter from ?provider_status= on load', async () => {
    history.replaceState(null, '', '?provider_status=flagged');
    const { gallery } = await mount({ syncUrl: true });
    expect(gallery.statusFilter).to.equal('flagged');
    await loaded(gallery);
    expect(shownStatuses(gallery).every((status) => status === 'flagged')).to.equal(true);
  });

  it('writes a choice into the URL, and follows back and forward', async () => {
    history.replaceState(null, '', location.pathname + location.search.replace(/[?&]provider_status=[^&]*/, ''));
    // A guard entry: should the gallery fail to push its own, Back stays on this page and the test fails cleanly.
    history.pushState(null, '', location.href);
    const { gallery } = await mount({ syncUrl: true });
    await loaded(gallery);
    overviewButton(gallery, /Local only/).click();
    await gallery.updateComplete;
    expect(new URL(location.href).searchParams.get('provider_status')).to.equal('local_only');
    overviewButton(gallery, /Flagged/).click();
    await gallery.updateComplete;
    expect(new URL(location.href).searchParams.get('provider_status')).to.equal('flagged');
    const back = oneEvent(window, 'popstate');
    history.back();
    await back;
    await gallery.updateComplete;
    expect(gallery.statusFilter).to.equal('local_only');
    const forward = oneEvent(window, 'popstate');
    history.forward();
    await forward;
    await gallery.updateComplete;
    expect(gallery.statusFilter).to.equal('flagged');
  });

  it('ignores a value that is not a status', async () => {
    history.replaceState(null, '', '?provider_status=%3Cscript%3E');
    const { gallery } = await mount({ syncUrl: true });
    expect(gallery.statusFilter).to.equal(null);
  });
});

async function createAssetsPage(backend: ReturnType<typeof createMockBackend>): Promise<Asset[]> {
  const { createAssetsClient } = await import('../../src/api/index.js');
  return (await createAssetsClient({ fetch: mockFetch(backend.handlers) }).list({ limit: 100 })).assets;
}
