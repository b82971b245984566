import { expect, fixture, html } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import type { Asset, FetchLike } from '../../src/api/index.js';
import { LIVE_TIMING } from '../../src/components/asset-gallery/live/live-connection.js';
import { createMockBackend, mockFetch, mockSockets, type MockBackendOptions } from '../../mocks/index.js';
import { waitUntil } from '../helpers.js';

/**
 * Issue 14, found in review: live changes that meet a page on its way, a server that fails in the middle, an
 * address with no socket. Each case left a card or a count saying something false, or hammered the server.
 */

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

const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')];
const assetOf = (card: Element) => (card as unknown as { asset: Asset }).asset;
const idsShown = (gallery: AssetGallery) => cards(gallery).map((card) => assetOf(card).id);
const cardOf = (gallery: AssetGallery, id: number) => cards(gallery).find((card) => assetOf(card).id === id);
const text = (element: Element | ShadowRoot | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const indicator = (gallery: AssetGallery) => root(gallery).querySelector('[part~="live"]');
const stateOf = (gallery: AssetGallery) => indicator(gallery)?.getAttribute('data-state');
const badgeStatus = (card: Element | undefined) => card?.shadowRoot?.querySelector('provider-badge')?.getAttribute('status');
const overview = (gallery: AssetGallery) => [...(root(gallery).querySelector('status-overview')?.shadowRoot?.querySelectorAll('button') ?? [])].map((button) => text(button));
const pathOf = (request: Request) => new URL(request.url).pathname;
const isList = (request: Request) => request.method === 'GET' && pathOf(request) === '/api/v1/assets';
const isBulk = (request: Request) => pathOf(request).endsWith('/bulk/get');
const singleGets = (requests: Request[]) => requests.filter((request) => request.method === 'GET' && /\/assets\/\d+$/.test(pathOf(request)));
/** Frames rendered: by then an answer read into memory has been applied and drawn. */
const frames = async (count: number) => {
  for (let index = 0; index < count; index++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

/**
 * A live gallery whose network a test can steer: list answers held back after the mock made them (a slow
 * network: the page is older than what the socket says next), lists or bulk/get failing, cursors dropped.
 */
async function mount(options: MockBackendOptions & { pageSize?: number; noCursor?: boolean } = {}) {
  const { pageSize = 20, noCursor = false, ...mock } = options;
  const backend = createMockBackend({ count: 60, seed: 14, ...mock });
  sockets = await mockSockets(backend.socket.handlers);
  const answer = mockFetch(backend.handlers);
  const requests: Request[] = [];
  const net = { hold: (() => false) as (request: Request) => boolean, held: [] as { body: unknown; release: () => void }[], noCursor, failLists: false, failBulk: false, bulkAnswered: 0, listsAnswered: 0 };
  const fetch: FetchLike = async (url, init) => {
    const request = new Request(url, init);
    requests.push(request);
    if (net.failBulk && isBulk(request)) return Response.json({ detail: 'boom' }, { status: 500 });
    if (net.failLists && isList(request)) return Response.json({ detail: 'down' }, { status: 503 });
    const response = await answer(url, init);
    const body = await response.text();
    const answered = () => new Response(net.noCursor && isList(request) ? JSON.stringify({ ...JSON.parse(body), next_cursor: null }) : body, response);
    if (isBulk(request)) net.bulkAnswered += 1;
    if (isList(request)) net.listsAnswered += 1;
    if (isList(request) && net.hold(request)) await new Promise<void>((release) => net.held.push({ body: JSON.parse(body), release }));
    return answered();
  };
  const gallery = await fixture<AssetGallery>(html`<asset-gallery live page-size=${pageSize} .fetch=${fetch} style="--age-size-card-min-width: 2rem"></asset-gallery>`);
  await waitUntil(() => cards(gallery).length > 0, 'the first page is shown');
  // The catch-up after the first open is one more list request; it is done once that page is answered (not only
  // asked for: a test that holds pages next would hold it too, on a slow machine).
  await waitUntil(() => stateOf(gallery) === 'live' && net.listsAnswered >= 2, 'live, caught up');
  await frames(2);
  const states: string[] = [];
  gallery.addEventListener('live-change', (event) => states.push((event as CustomEvent<{ state: string }>).detail.state));
  return { gallery, backend, requests, net, states };
}

/** Lets the held pages go on. */
const release = (net: Awaited<ReturnType<typeof mount>>['net']) => {
  net.hold = () => false;
  for (const held of net.held.splice(0)) held.release();
};

describe('<asset-gallery live>: races and failures', () => {
  it('a flag told while the first page is on its way is not undone by that (older) page', async () => {
    const { gallery, backend, net } = await mount();
    const target = cards(gallery).map(assetOf).find((asset) => asset.provider_status === 'ok') as Asset;
    net.hold = () => true;
    gallery.reload();
    // At least the reloaded page; a catch-up page of a socket that reopened meanwhile (a busy machine) is held too.
    await waitUntil(() => net.held.length >= 1, 'the page is answered (before the flag) and held');
    backend.changes.flag(target.id);
    await waitUntil(() => net.bulkAnswered > 0, 'the flagged asset is fetched');
    await frames(2);
    release(net);
    await waitUntil(() => cardOf(gallery, target.id) !== undefined, 'the page is shown');
    await frames(2);
    expect(badgeStatus(cardOf(gallery, target.id)), 'the card after the flag the socket told of').to.equal('flagged');
  });

  it('a flag on an asset of the page "Load more" is fetching is not undone by that page, nor miscounted', async () => {
    const { gallery, backend, net } = await mount({ pageSize: 10 });
    net.hold = (request) => /[?&](cursor|offset)=/.test(request.url);
    const more = gallery.loadMore();
    await waitUntil(() => net.held.length === 1, 'page 2 is answered and held');
    const page = net.held[0]?.body as { assets: { id: number; provider_status: string }[] };
    const target = page.assets.find((asset) => asset.provider_status === 'ok') as { id: number };
    backend.changes.flag(target.id);
    await waitUntil(() => net.bulkAnswered > 0, 'the flagged asset is fetched');
    await frames(2);
    release(net);
    await more;
    await waitUntil(() => text(root(gallery)).includes('20 assets loaded'));
    await frames(2);
    const truth = backend.db.assets.slice(0, 20).filter((asset) => backend.db.status(asset) === 'flagged').length;
    expect(overview(gallery).find((label) => label.includes('Flagged')), `${target.id} among the flagged`).to.equal(`${truth} Flagged`);
  });

  it('an asset updated while the first page loads is not put among that page when it belongs far below', async () => {
    const { gallery, backend, net } = await mount({ pageSize: 10 });
    const far = backend.db.assets[45] as { id: number };
    net.hold = () => true;
    gallery.reload();
    await waitUntil(() => net.held.length === 1);
    backend.changes.publish('asset:updated', far.id);
    await waitUntil(() => net.bulkAnswered > 0);
    await frames(2);
    release(net);
    await waitUntil(() => text(root(gallery)).includes('10 assets loaded'));
    await frames(2);
    expect(idsShown(gallery)).not.to.include(far.id);
    expect(overview(gallery)[0], 'the overview counts the 10 loaded').to.equal('All 10');
  });

  it('a live delete on a server that pages by offset does not make "Load more" skip an asset', async () => {
    const { gallery, backend } = await mount({ pageSize: 10, noCursor: true });
    const gone = backend.db.assets[3]?.id as number;
    backend.changes.remove(gone);
    await waitUntil(() => !idsShown(gallery).includes(gone), 'the deleted card goes');
    await gallery.loadMore();
    await waitUntil(() => text(root(gallery)).includes('19 assets loaded') || text(root(gallery)).includes('20 assets loaded'));
    expect(idsShown(gallery).length, 'the cards around the deleted one and the second page are drawn').to.be.at.least(12);
    const server = backend.db.assets.slice(0, idsShown(gallery).length).map((asset) => asset.id);
    expect(idsShown(gallery), "the server's assets in order, none skipped").to.deep.equal(server);
  });

  it('a bulk/get that fails with 500 makes no GET per id: the socket reopens and catches up instead', async () => {
    LIVE_TIMING.retryBaseMs = 50;
    const { gallery, backend, requests, net, states } = await mount();
    net.failBulk = true;
    const target = idsShown(gallery).find((id) => badgeStatus(cardOf(gallery, id)) === 'ok') as number;
    requests.length = 0;
    backend.changes.flag(target);
    for (const id of idsShown(gallery).slice(0, 11)) backend.changes.publish('asset:updated', id);
    await waitUntil(() => requests.some(isBulk) && states.includes('paused'), 'not live once the change could not be fetched');
    net.failBulk = false;
    await waitUntil(() => stateOf(gallery) === 'live' && badgeStatus(cardOf(gallery, target)) === 'flagged', 'live again, with the flag');
    expect(singleGets(requests)).to.have.length(0);
    expect(errors).to.deep.equal([]);
  });

  it('a catch-up that fails is tried again: the card does not stay stale under "Live"', async function () {
    this.timeout(60_000); // the client retries a 503 itself, with its own waits, before the catch-up fails
    LIVE_TIMING.retryBaseMs = 50;
    const { gallery, backend, requests, net, states } = await mount({ pageSize: 10 });
    backend.socket.available = false;
    backend.socket.drop();
    await waitUntil(() => stateOf(gallery) !== 'live');
    const missed = idsShown(gallery).find((id) => badgeStatus(cardOf(gallery, id)) !== 'flagged') as number;
    backend.changes.flag(missed); // nobody hears this one
    net.failLists = true; // the server is coming back: its socket answers before its list route does
    requests.length = 0;
    states.length = 0;
    backend.socket.available = true;
    await waitUntil(() => states.join().includes('live,paused'), 'live, then a catch-up failed: not live', { timeout: 30_000 });
    net.failLists = false;
    await waitUntil(() => stateOf(gallery) === 'live' && badgeStatus(cardOf(gallery, missed)) === 'flagged', 'caught up at last', { timeout: 20_000 });
  });

  it('a WebSocket that cannot even be made (mixed content, CSP) is retried with growing gaps', async () => {
    Object.assign(LIVE_TIMING, { retryBaseMs: 40, retryCapMs: 400, noSocketAfter: 3, noSocketCapMs: 1200 });
    const Real = window.WebSocket;
    const made: number[] = [];
    window.WebSocket = class {
      constructor() {
        made.push(performance.now());
        throw new DOMException('An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.', 'SecurityError');
      }
    } as unknown as typeof WebSocket;
    try {
      const backend = createMockBackend({ count: 20, seed: 14 });
      const gallery = await fixture<AssetGallery>(html`<asset-gallery live .fetch=${mockFetch(backend.handlers)}></asset-gallery>`);
      await waitUntil(() => made.length >= 5, 'five attempts', { timeout: 10_000 });
      gallery.remove();
    } finally {
      window.WebSocket = Real;
    }
    const gaps = made.slice(1).map((time, index) => time - (made[index] as number));
    gaps.forEach((gap, index) => expect(gap, `gap ${index + 1} of ${gaps.map(Math.round).join(', ')}`).to.be.at.least(Math.min(1200, 40 * 2 ** index) / 2 - 5));
    expect(errors).to.deep.equal([]);
  });

  it('says "paused", not "Connecting…" or "Live", where there is no socket address', async () => {
    const backend = createMockBackend({ count: 5, seed: 14, endpoint: '/api/v1/media' });
    const states: string[] = [];
    const gallery = await fixture<AssetGallery>(html`<asset-gallery live endpoint="/api/v1/media" .fetch=${mockFetch(backend.handlers)}
      @live-change=${(event: CustomEvent<{ state: string }>) => states.push(event.detail.state)}></asset-gallery>`);
    await waitUntil(() => stateOf(gallery) === 'paused', 'an endpoint without /assets and no events-url: paused');
    expect(text(indicator(gallery))).to.equal('Live updates paused');
    expect(states).to.deep.equal(['paused']);

    const live = await mount();
    live.gallery.endpoint = '/api/v1/media';
    await waitUntil(() => live.backend.socket.open === 0, 'the socket is closed');
    await waitUntil(() => stateOf(live.gallery) === 'paused', 'a switch to such an endpoint: paused, not Live');
  });
});
