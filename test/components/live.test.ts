import { expect, fixture, html } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import type { Asset, FetchLike } from '../../src/api/index.js';
import { LIVE_TIMING } from '../../src/components/asset-gallery/live/live-connection.js';
import { createMockBackend, mockFetch, mockSockets, type MockBackendOptions } from '../../mocks/index.js';
import { waitUntil } from '../helpers.js';

/**
 * Issue 14: with `live`, the gallery follows the library through the backend's event socket (the mock's, through
 * MSW's WebSocket interception): flags, new and deleted assets reach the cards and the counts; bursts become one
 * request; a dropped socket catches up; a server without one is left alone.
 */

interface Setup extends MockBackendOptions {
  api?: 'query' | 'search';
  pageSize?: number;
  filter?: 'ok' | 'local_only' | 'flagged' | 'unknown';
}

const savedTiming = { ...LIVE_TIMING };
let sockets: { dispose(): void } | undefined;
const errors: unknown[] = [];
const onError = (event: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in event ? event.reason : event.error);

beforeEach(() => {
  errors.length = 0;
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onError);
});
afterEach(() => {
  sockets?.dispose();
  sockets = undefined;
  Object.assign(LIVE_TIMING, savedTiming);
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onError);
});

async function mount(options: Setup = {}) {
  const { api = 'query', pageSize = 20, filter, ...mock } = options;
  const backend = createMockBackend({ count: 60, seed: 14, ...mock });
  sockets = await mockSockets(backend.socket.handlers);
  const answer = mockFetch(backend.handlers);
  const requests: Request[] = [];
  const fetch: FetchLike = (url, init) => {
    requests.push(new Request(url, init));
    return answer(url, init);
  };
  const states: string[] = [];
  const gallery = await fixture<AssetGallery>(
    html`<asset-gallery
      live
      api=${api}
      page-size=${pageSize}
      status-filter=${filter ?? ''}
      .fetch=${fetch}
      @live-change=${(event: CustomEvent<{ state: string }>) => states.push(event.detail.state)}
    ></asset-gallery>`,
  );
  await waitUntil(() => cards(gallery).length > 0 || text(root(gallery)).includes('No assets'), 'the first page is shown');
  return { gallery, backend, requests, states };
}

const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')];
const assetOf = (card: Element) => (card as unknown as { asset: Asset }).asset;
const idsShown = (gallery: AssetGallery) => cards(gallery).map((card) => assetOf(card).id);
const cardOf = (gallery: AssetGallery, id: number) => cards(gallery).find((card) => assetOf(card).id === id);
const text = (element: Element | ShadowRoot | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const indicator = (gallery: AssetGallery) => root(gallery).querySelector('[part~="live"]');
const isLive = (gallery: AssetGallery) => indicator(gallery)?.getAttribute('data-state') === 'live';
const count = (gallery: AssetGallery, label: RegExp): number | null => {
  const button = [...(root(gallery).querySelector('status-overview')?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => label.test(b.textContent ?? ''));
  const digits = text(button).replace(/[^\d]/g, '');
  return digits === '' ? null : Number(digits);
};
const announced = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('[role="status"]')].map((region) => text(region)).join(' | ');
const badgeStatus = (card: Element | undefined) => card?.shadowRoot?.querySelector('provider-badge')?.getAttribute('status');
const pathOf = (request: Request) => new URL(request.url).pathname;
const bulkGets = (requests: Request[]) => requests.filter((request) => pathOf(request).endsWith('/bulk/get'));
const singleGets = (requests: Request[]) => requests.filter((request) => request.method === 'GET' && /\/assets\/\d+$/.test(pathOf(request)));

describe('<asset-gallery live>', () => {
  it('says it is live, and fires live-change', async () => {
    const { gallery, states } = await mount();
    await waitUntil(() => isLive(gallery), 'the indicator says live');
    expect(text(indicator(gallery))).to.equal('Live');
    expect(states).to.deep.equal(['connecting', 'live']);
  });

  it('shows a later flag on the card and in the counts, and says so once', async () => {
    const { gallery, backend } = await mount();
    await waitUntil(() => isLive(gallery));
    const target = cards(gallery).map(assetOf).find((asset) => asset.provider_status === 'ok' && asset.description) as Asset;
    const [okBefore, flaggedBefore] = [count(gallery, /Provider OK/), count(gallery, /Flagged/)];
    backend.changes.flag(target.id, 'post_delivery_moderation');
    // That it happens, not how fast: a timed wait fails on a busy machine (events wait 150 ms to be batched).
    await waitUntil(() => badgeStatus(cardOf(gallery, target.id)) === 'flagged', 'the card turns Flagged');
    expect(count(gallery, /Provider OK/)).to.equal((okBefore as number) - 1);
    expect(count(gallery, /Flagged/)).to.equal((flaggedBefore as number) + 1);
    // bulk/get answers in the HEAD shape, which carries no flag reason: the sentence says what is known.
    expect(announced(gallery)).to.include(`“${target.description}” was flagged by Pixverse`);
    expect(announced(gallery).match(/was flagged/g)).to.have.length(1);
  });

  it('takes a flagged asset out of a filter it no longer matches, at once', async () => {
    const { gallery, backend } = await mount({ filter: 'ok' });
    await waitUntil(() => isLive(gallery));
    const target = assetOf(cards(gallery)[0] as Element);
    backend.changes.flag(target.id);
    await waitUntil(() => !idsShown(gallery).includes(target.id), 'the card leaves the Provider OK list');
  });

  it('puts a new asset on top, counts a new one the filter hides without showing it, and removes a deleted one', async () => {
    const { gallery, backend } = await mount({ api: 'search' });
    // The search API's counts are the server's totals: until they are here, the overview counts the loaded page.
    const countsSource = () => root(gallery).querySelector('status-overview')?.getAttribute('counts-source');
    await waitUntil(() => isLive(gallery) && countsSource() === 'server', 'live, with the server\'s totals');
    const okBefore = count(gallery, /Provider OK/) as number;
    const created = backend.changes.create({ status: 'ok', description: 'Fresh from the generator' });
    await waitUntil(() => idsShown(gallery)[0] === created.id, 'the new asset is on top');
    await waitUntil(() => count(gallery, /Provider OK/) === okBefore + 1, 'and counted');

    gallery.statusFilter = 'flagged';
    await waitUntil(() => cards(gallery).length > 0 && cards(gallery).every((card) => assetOf(card).provider_status === 'flagged'));
    const another = backend.changes.create({ status: 'ok' });
    await waitUntil(() => count(gallery, /Provider OK/) === okBefore + 2, 'counted in the totals');
    expect(idsShown(gallery)).not.to.include(another.id);

    const gone = idsShown(gallery)[1] as number;
    const flaggedBefore = count(gallery, /Flagged/) as number;
    backend.changes.remove(gone);
    await waitUntil(() => !idsShown(gallery).includes(gone), 'the deleted card goes');
    await waitUntil(() => count(gallery, /Flagged/) === flaggedBefore - 1, 'and its count');
  });

  it('makes a burst of 50 events one bulk/get', async () => {
    const { gallery, backend, requests } = await mount({ pageSize: 60 });
    await waitUntil(() => isLive(gallery));
    const ids = idsShown(gallery).slice(0, 50);
    requests.length = 0;
    ids.forEach((id) => backend.changes.publish('asset:updated', id));
    backend.changes.flag(ids[0] as number);
    await waitUntil(() => badgeStatus(cardOf(gallery, ids[0] as number)) === 'flagged');
    expect(bulkGets(requests)).to.have.length(1);
    expect(singleGets(requests)).to.have.length(0);
  });

  it('falls back to one GET per asset on a server without bulk/get', async () => {
    const { gallery, backend, requests } = await mount({ bulkGet: false });
    await waitUntil(() => isLive(gallery));
    const [first, second] = idsShown(gallery) as [number, number];
    requests.length = 0;
    backend.changes.flag(first);
    backend.changes.flag(second);
    await waitUntil(() => badgeStatus(cardOf(gallery, first)) === 'flagged' && badgeStatus(cardOf(gallery, second)) === 'flagged');
    expect(bulkGets(requests)).to.have.length(1);
    expect(singleGets(requests).map(pathOf).sort()).to.deep.equal([`/api/v1/assets/${first}`, `/api/v1/assets/${second}`].sort());
  });

  it('ignores malformed and unknown messages and keeps working', async () => {
    const { gallery, backend } = await mount();
    await waitUntil(() => isLive(gallery));
    for (const raw of ['{broken', '[]', 'null', '{"type":"job:completed","job_id":4}', '{"type":"asset:updated","asset_id":"x"}', '{"type":"asset:deleted"}', 'pong', '"text"']) {
      backend.socket.sendRaw(raw);
    }
    const target = idsShown(gallery)[2] as number;
    backend.changes.flag(target);
    await waitUntil(() => badgeStatus(cardOf(gallery, target)) === 'flagged');
    expect(text(root(gallery))).to.include('20 assets loaded');
    expect(errors).to.deep.equal([]);
  });

  it('reconnects after a drop and catches up on what changed meanwhile, one request per page shown', async () => {
    LIVE_TIMING.retryBaseMs = 50;
    const { gallery, backend, requests } = await mount({ pageSize: 10 });
    await waitUntil(() => isLive(gallery));
    await gallery.loadMore();
    await waitUntil(() => text(root(gallery)).includes('20 assets loaded'));
    backend.socket.available = false;
    backend.socket.drop();
    await waitUntil(() => indicator(gallery)?.getAttribute('data-state') !== 'live', 'the indicator no longer says live');
    const missed = idsShown(gallery).find((id) => badgeStatus(cardOf(gallery, id)) !== 'flagged') as number;
    backend.changes.flag(missed); // nobody hears this one
    expect(badgeStatus(cardOf(gallery, missed))).not.to.equal('flagged');
    requests.length = 0;
    backend.socket.available = true;
    await waitUntil(() => isLive(gallery), 'live again');
    await waitUntil(() => badgeStatus(cardOf(gallery, missed)) === 'flagged', 'the missed flag is shown');
    const lists = requests.filter((request) => request.method === 'GET' && pathOf(request) === '/api/v1/assets');
    expect(lists).to.have.length(2);
    expect(singleGets(requests)).to.have.length(0);
    expect(text(root(gallery))).to.include('20 assets loaded');
  });

  it('leaves a server without a socket alone: growing gaps, calm words, nothing thrown', async () => {
    Object.assign(LIVE_TIMING, { retryBaseMs: 40, retryCapMs: 400, noSocketAfter: 3, noSocketCapMs: 1200 });
    const { gallery, backend } = await mount({ socket: false });
    await waitUntil(() => backend.socket.attempts.length >= 6, 'six attempts', { timeout: 10_000 });
    const attempts = backend.socket.attempts;
    const gaps = attempts.slice(1).map((time, index) => time - (attempts[index] as number));
    // Each wait is at least half its nominal length and at most all of it: 40, 80, 160, ... ms, capped.
    gaps.forEach((gap, index) => expect(gap, `gap ${index + 1} of ${gaps.join(', ')}`).to.be.at.least(Math.min(1200, 40 * 2 ** index) / 2 - 5));
    expect(text(indicator(gallery))).to.equal('Live updates paused');
    expect(text(root(gallery))).to.include('20 assets loaded');
    expect(errors).to.deep.equal([]);
  });

  it('gives up at once on a socket the browser refuses to open (a blocked port), without waiting out the connect timeout', async () => {
    Object.assign(LIVE_TIMING, { connectTimeoutMs: 60_000, retryBaseMs: 60_000 });
    const states: string[] = [];
    // No mockSockets: the page's own WebSocket, to port 9, which browsers block. WebKit fires `error` and no `close`.
    const gallery = await fixture<AssetGallery>(
      html`<asset-gallery
        live
        events-url="ws://127.0.0.1:9/api/v1/ws/events"
        .fetch=${mockFetch(createMockBackend({ count: 5 }).handlers)}
        @live-change=${(event: CustomEvent<{ state: string }>) => states.push(event.detail.state)}
      ></asset-gallery>`,
    );
    await waitUntil(() => indicator(gallery)?.getAttribute('data-state') === 'paused', `paused, not still connecting (${states.join(', ')})`);
    expect(text(indicator(gallery))).to.equal('Live updates paused');
    expect(errors).to.deep.equal([]);
  });

  it('reconnects at once when the device comes back online', async () => {
    LIVE_TIMING.retryBaseMs = 60_000;
    const { gallery, backend } = await mount();
    await waitUntil(() => isLive(gallery));
    backend.socket.available = false;
    backend.socket.drop();
    await waitUntil(() => indicator(gallery)?.getAttribute('data-state') === 'paused');
    backend.socket.available = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => isLive(gallery), 'live again without waiting a minute');
  });

  it('names an asset with a blank description as its card does, not as “”', async () => {
    const { gallery, backend } = await mount();
    await waitUntil(() => isLive(gallery));
    const target = cards(gallery).map(assetOf).find((asset) => asset.provider_status === 'ok') as Asset;
    (backend.db.assets.find((asset) => asset.id === target.id) as { description: string | null }).description = ' ';
    backend.changes.flag(target.id);
    await waitUntil(() => badgeStatus(cardOf(gallery, target.id)) === 'flagged', 'the card turns Flagged');
    const title = text(cardOf(gallery, target.id)?.shadowRoot?.querySelector('[part~="title"]'));
    expect(title).to.match(/#\d+$/);
    expect(announced(gallery)).to.include(`“${title}” was flagged by Pixverse`);
  });

  it('sends the token as ?token=, from the headers by default or from liveToken, asked before every connect', async () => {
    LIVE_TIMING.retryBaseMs = 50;
    const { gallery, backend } = await mount();
    await waitUntil(() => isLive(gallery));
    backend.behaviour.authorization = 'Bearer first';
    gallery.headers = { Authorization: 'Bearer first' };
    await waitUntil(() => backend.socket.attempts.length >= 2 && backend.socket.open === 1 && isLive(gallery), 'the bearer token of the headers opens the socket');
    // That liveToken wins over the headers is shown by the refused-token test below.
    let asked = 0;
    gallery.liveToken = () => {
      asked += 1;
      return Promise.resolve('first');
    };
    await waitUntil(() => asked > 0 && backend.socket.open === 1 && isLive(gallery), 'the function is asked, and its token opens the socket');
    backend.socket.drop();
    await waitUntil(() => asked > 1 && backend.socket.open === 1 && isLive(gallery), 'asked again before the next connect');
  });

  it('never calls a socket the server closes at once (a refused token) live, refetches nothing for it, and backs off', async () => {
    Object.assign(LIVE_TIMING, { retryBaseMs: 40, retryCapMs: 400, noSocketAfter: 3, noSocketCapMs: 1200 });
    const { gallery, backend, requests, states } = await mount();
    await waitUntil(() => isLive(gallery));
    backend.behaviour.authorization = 'Bearer right';
    gallery.headers = { Authorization: 'Bearer right' };
    gallery.liveToken = 'wrong'; // the server accepts the upgrade, then closes with 1008
    await waitUntil(() => text(root(gallery)).includes('20 assets loaded') && indicator(gallery)?.getAttribute('data-state') !== 'live');
    const attemptsBefore = backend.socket.attempts.length;
    requests.length = 0;
    states.length = 0;
    await waitUntil(() => backend.socket.attempts.length >= attemptsBefore + 5, 'five more attempts', { timeout: 10_000 });
    expect(states, 'live-change states while refused').not.to.include('live');
    expect(requests.map((request) => pathOf(request)), 'requests while refused').to.deep.equal([]);
    const attempts = backend.socket.attempts.slice(attemptsBefore);
    const gaps = attempts.slice(1).map((time, index) => time - (attempts[index] as number));
    gaps.forEach((gap, index) => expect(gap, `gap ${index + 1} of ${gaps.join(', ')}`).to.be.at.least(Math.min(1200, 40 * 2 ** (index + 1)) / 2 - 5));
    gallery.liveToken = 'right';
    await waitUntil(() => isLive(gallery) && backend.socket.open === 1, 'the right token makes it live');
    expect(errors).to.deep.equal([]);
  });

  it('closes the socket when the gallery leaves the page, and opens none without live', async () => {
    const { gallery, backend } = await mount();
    await waitUntil(() => backend.socket.open === 1);
    gallery.remove();
    await waitUntil(() => backend.socket.open === 0, 'the socket is closed');
    gallery.live = false;
    document.body.append(gallery);
    await gallery.updateComplete;
    expect(indicator(gallery)).to.equal(null);
    expect(backend.socket.attempts).to.have.length(1);
    gallery.remove();
  });
});
