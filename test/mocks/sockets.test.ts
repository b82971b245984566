import { expect } from '@open-wc/testing';
import { createMockBackend, mockFetch, mockSockets, scenarioHandlers, type MockBackend, type MockBackendOptions } from '../../mocks/index.js';
import { waitUntil } from '../helpers.js';

// Port 9 (discard): nothing listens there, so a socket the mock failed to take cannot reach a real server.
const EVENTS = 'ws://127.0.0.1:9/api/v1/ws/events';
const GENERATIONS = 'ws://127.0.0.1:9/api/v1/ws/generations';
const WELCOME = { type: 'connected', message: 'Connected to PixSim7 events', user_id: 1 };
const NativeWebSocket = WebSocket;

/** A page's WebSocket and everything it saw, in order. */
interface Seen {
  socket: WebSocket;
  /** open, error READYSTATE, close CODE clean|unclean REASON */
  log: string[];
  messages: string[];
  closed: Promise<CloseEvent>;
}

const opened: WebSocket[] = [];
const disposers: { dispose(): void }[] = [];

function connect(url: string): Seen {
  const socket = new WebSocket(url);
  opened.push(socket);
  const seen: Seen = { socket, log: [], messages: [], closed: undefined as unknown as Promise<CloseEvent> };
  socket.addEventListener('open', () => seen.log.push('open'));
  // Chromium fires a failed handshake's error with readyState CLOSED already (measured against a real server).
  socket.addEventListener('error', () => seen.log.push(`error ${socket.readyState}`));
  socket.addEventListener('message', (event) => seen.messages.push(String(event.data)));
  seen.closed = new Promise((resolve) =>
    socket.addEventListener('close', (event) => {
      seen.log.push(`close ${event.code} ${event.wasClean ? 'clean' : 'unclean'} ${event.reason}`.trim());
      resolve(event);
    }),
  );
  return seen;
}

/** A backend whose sockets the page reaches through mockSockets, for this test only. */
async function live(options: MockBackendOptions = {}): Promise<MockBackend> {
  const backend = createMockBackend({ count: 30, ...options });
  disposers.push(await mockSockets(backend.socket.handlers));
  return backend;
}

/** The messages a socket got, parsed (the welcome first). */
const parsed = (seen: Seen) => seen.messages.map((message) => JSON.parse(message));

/** Connects and waits for the welcome. */
async function welcomed(url = EVENTS): Promise<Seen> {
  const seen = connect(url);
  await waitUntil(() => seen.messages.length > 0 || seen.log.some((entry) => entry.startsWith('close')), `a welcome on ${url}`);
  expect(seen.log, JSON.stringify(seen.log)).to.deep.equal(['open']);
  expect(JSON.parse(seen.messages[0] ?? '')).to.deep.equal(WELCOME);
  return seen;
}

afterEach(() => {
  for (const socket of opened.splice(0)) socket.close();
  for (const sockets of disposers.splice(0).reverse()) sockets.dispose();
});

describe('mock backend: the event socket in the page (mockSockets)', () => {
  it('welcomes a page’s WebSocket on both paths, answers ping with pong, and ignores anything else', async () => {
    const backend = await live();
    for (const url of [EVENTS, `${GENERATIONS}?token=abc`]) {
      const seen = await welcomed(url);
      seen.socket.send('hello');
      seen.socket.send('{"type":"ping"}');
      seen.socket.send('ping');
      await waitUntil(() => seen.messages.length > 1, 'a pong');
      expect(seen.messages.slice(1)).to.deep.equal(['pong']);
    }
    expect(backend.socket.open).to.equal(2);
    expect(backend.socket.attempts).to.have.length(2);
  });

  it('sends every change to every open socket, one JSON object per message, as PixSim7 does', async () => {
    const backend = await live();
    const [a, b] = [await welcomed(), await welcomed(GENERATIONS)];
    const target = backend.db.assets[4];
    if (!target) throw new Error('no asset');
    backend.changes.flag(target.id);
    const created = backend.changes.create({ status: 'local_only', media_type: 'video', description: 'New' });
    backend.changes.remove(target.id);
    backend.changes.publish('asset:updated', 7);
    backend.socket.sendRaw('{"type": "asset:upd');
    for (const seen of [a, b]) {
      await waitUntil(() => seen.messages.length === 6, 'five messages after the welcome');
      const events = seen.messages.slice(1, 5).map((message) => JSON.parse(message));
      expect(events.map((event) => [event.type, event.asset_id])).to.deep.equal([
        ['asset:updated', target.id], ['asset:created', created.id], ['asset:deleted', target.id], ['asset:updated', 7],
      ]);
      expect(events[0]).to.deep.include({ user_id: 1, media_type: target.media_type, data: { asset_id: target.id } });
      expect(events[0].timestamp).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
      expect(events[3].media_type).to.equal(null);
      expect(seen.messages[5]).to.equal('{"type": "asset:upd');
    }
    expect(backend.db.status(backend.db.assets[0]!)).to.equal('local_only');
    expect(backend.db.get(target.id)).to.equal(undefined);
  });

  it('announces what an upload, an upload from a URL and a reupload change', async () => {
    const backend = await live({ scenario: 'upload-accepted' });
    const fetch = mockFetch(backend.handlers);
    const seen = await welcomed();
    const form = new FormData();
    form.set('file', new File([new Uint8Array([1])], 'a.png', { type: 'image/png' }));
    form.set('provider_id', 'pixverse');
    const uploaded = await (await fetch('/api/v1/assets/upload', { method: 'POST', body: form })).json();
    const body = JSON.stringify({ url: 'https://example.test/a.jpg', provider_id: 'pixverse' });
    const fromUrl = await (await fetch('/api/v1/assets/upload-from-url', { method: 'POST', body, headers: json })).json();
    const reuploaded = backend.db.assets[5]!;
    await fetch(`/api/v1/assets/${reuploaded.id}/reupload`, { method: 'POST', body: '{}', headers: json });
    await waitUntil(() => seen.messages.length === 4, 'three events');
    expect(parsed(seen).slice(1).map((event) => [event.type, event.asset_id])).to.deep.equal([
      ['asset:created', uploaded.asset_id], ['asset:created', fromUrl.asset_id], ['asset:updated', reuploaded.id],
    ]);
  });

  it('moderation: asset:updated when the flag lands, and the data says flagged by then', async () => {
    const backend = await live({ scenario: 'moderation', moderationDelayMs: 300 });
    const pending = backend.db.assets.find((asset) => asset.flag_at !== null)!;
    expect(backend.db.status(pending)).to.equal('ok');
    const seen = await welcomed();
    await waitUntil(() => seen.messages.length > 1, 'the flag’s event');
    expect(parsed(seen)[1]).to.deep.include({ type: 'asset:updated', asset_id: pending.id });
    const [asset] = await (await mockFetch(backend.handlers)('/api/v1/assets/bulk/get', { method: 'POST', body: JSON.stringify({ asset_ids: [pending.id] }), headers: json })).json();
    expect(asset.provider_status).to.equal('flagged');
  });

  it('live-library: a new asset arrives (asset:created) and one loaded at the top is deleted', async () => {
    const backend = await live({ scenario: 'live-library' });
    const third = backend.db.assets[2]!;
    const seen = await welcomed();
    await waitUntil(() => parsed(seen).some((event) => event.type === 'asset:deleted'), 'the deletion', { timeout: 12_000 });
    const events = parsed(seen).slice(1);
    // The first arrival (4 s), then the deletion (6 s): an asset now at the top, and one the page had loaded.
    expect(events.map((event) => event.type)).to.deep.equal(['asset:created', 'asset:deleted']);
    expect(backend.db.assets[0]?.id).to.equal(events[0].asset_id);
    expect(backend.db.assets[0]?.tags).to.deep.equal(['generated']);
    expect(events[1].asset_id).to.equal(third.id);
    expect(backend.db.get(third.id)).to.equal(undefined);
  });

  it('drop(): every socket closes as a lost connection does: close 1006, not clean, no error', async () => {
    const backend = await live();
    const [a, b] = [await welcomed(), await welcomed(GENERATIONS)];
    backend.socket.drop();
    expect(backend.socket.open).to.equal(0);
    for (const seen of [a, b]) {
      const event = await seen.closed;
      expect(seen.log, JSON.stringify(seen.log)).to.deep.equal(['open', 'close 1006 unclean']);
      expect(event).to.be.instanceOf(CloseEvent);
      expect(seen.socket.readyState).to.equal(WebSocket.CLOSED);
    }
    await welcomed(); // and the server takes the next one
    expect(backend.socket.open).to.equal(1);
  });

  it('available = false (and behaviour socket: false): the attempt fails as a refused upgrade, never open', async () => {
    for (const options of [{ socket: false }, {}]) {
      const backend = await live(options);
      backend.socket.available = false;
      const seen = connect(EVENTS);
      await seen.closed;
      expect(seen.log, JSON.stringify(seen.log)).to.deep.equal(['error 3', 'close 1006 unclean']);
      expect(seen.messages).to.deep.equal([]);
      expect(backend.socket.attempts, 'the mock saw the attempt').to.have.length(1);
      expect(backend.socket.open).to.equal(0);
      backend.socket.available = true;
      await welcomed();
      expect(backend.socket.attempts).to.have.length(2);
      disposers.pop()?.dispose();
    }
  });

  it('authorization: a socket whose ?token= is not the token opens, then closes 1008 “Not authenticated”', async () => {
    const backend = await live({ authorization: 'Bearer s3cret' });
    const wrong = connect(`${EVENTS}?token=nope`);
    await wrong.closed;
    expect(wrong.log, JSON.stringify(wrong.log)).to.deep.equal(['open', 'close 1008 clean Not authenticated']);
    expect(wrong.messages).to.deep.equal([]);
    await welcomed(`${EVENTS}?token=s3cret`);
    expect(backend.socket.open).to.equal(1);
  });

  it('counts open sockets, and a page’s close leaves the server', async () => {
    const backend = await live();
    const seen = await welcomed();
    expect(backend.socket.open).to.equal(1);
    seen.socket.close();
    await seen.closed;
    await waitUntil(() => backend.socket.open === 0, 'the server saw the close');
  });

  it('dispose() gives the page its real WebSocket back', async () => {
    const backend = await live();
    expect(WebSocket).not.to.equal(NativeWebSocket);
    for (const sockets of disposers.splice(0)) sockets.dispose();
    expect(WebSocket).to.equal(NativeWebSocket);
    const seen = connect(EVENTS);
    // The real socket fails: port 9 is one browsers block, and WebKit says so with `error` alone, no `close`.
    await waitUntil(() => seen.log.length > 0, 'the real socket failed');
    expect(seen.log[0]).to.match(/^error/);
    expect(backend.socket.attempts).to.have.length(0);
    expect(seen.messages).to.deep.equal([]);
  });

  it('two at once: each answers its own endpoint, and the later one a shared one', async () => {
    const first = await live();
    const second = await live();
    const other = await live({ endpoint: '/elsewhere/api/v1/assets' });
    const seen = await welcomed();
    const elsewhere = await welcomed('ws://127.0.0.1:9/elsewhere/api/v1/ws/events');
    expect([first.socket.open, second.socket.open, other.socket.open]).to.deep.equal([0, 1, 1]);
    second.changes.publish('asset:updated', 1);
    await waitUntil(() => seen.messages.length === 2, 'the event');
    expect(elsewhere.messages).to.have.length(1);
    for (const sockets of disposers.splice(1, 2)) sockets.dispose();
    await welcomed(); // the first alone again
    expect(first.socket.open).to.equal(1);
  });

  it('scenarioHandlers gives the socket handlers too, and mockFetch still answers from it', async () => {
    const handlers = scenarioHandlers('default', { count: 5 });
    expect(handlers.filter((handler) => handler.kind === 'websocket')).to.have.length(2);
    const page = await (await mockFetch(handlers)('/api/v1/assets?limit=2')).json();
    expect(page.assets).to.have.length(2);
  });
});

const json = { 'Content-Type': 'application/json' };

/** `POST /api/v1/assets/bulk/get` through `mockFetch`, as the live gallery asks for the assets of a burst of events. */
function bulk(options: MockBackendOptions = {}) {
  const backend = createMockBackend({ count: 30, ...options });
  const fetch = mockFetch(backend.handlers);
  const get = (body: unknown, headers: Record<string, string> = {}) =>
    fetch('/api/v1/assets/bulk/get', { method: 'POST', body: JSON.stringify(body), headers: { ...json, ...headers } });
  return { backend, get };
}

describe('mock backend: bulk/get', () => {
  it('answers the assets of the ids asked for, in the HEAD list shape, and leaves a missing id out', async () => {
    const { backend, get } = bulk();
    const [first, second] = backend.db.assets;
    const response = await get({ asset_ids: [second?.id, 99_999, first?.id, second?.id] });
    expect(response.status).to.equal(200);
    const assets = await response.json();
    expect(assets.map((asset: { id: number }) => asset.id)).to.deep.equal([second?.id, first?.id]);
    expect(assets[0]).to.have.property('provider_uploads');
    expect(assets[0]).to.have.property('provider_status');
    expect(await (await get({ asset_ids: [] })).json()).to.deep.equal([]);
  });

  it('refuses more than 200 ids, and a body without asset_ids, with FastAPI’s 422', async () => {
    const { get } = bulk();
    const tooMany = await get({ asset_ids: Array.from({ length: 201 }, (_, i) => 1000 + i) });
    expect(tooMany.status).to.equal(422);
    expect((await tooMany.json()).detail[0].loc).to.deep.equal(['body', 'asset_ids']);
    expect((await get({ asset_ids: Array.from({ length: 200 }, (_, i) => 1000 + i) })).status).to.equal(200);
    const missing = await get({ ids: [1001] });
    expect(missing.status).to.equal(422);
    expect((await missing.json()).detail[0].msg).to.equal('Field required');
    expect((await get({ asset_ids: [1001, 'x'] })).status).to.equal(422);
  });

  it('answers 404 Not Found on a server without the route (bulkGet: false, and old-server)', async () => {
    for (const options of [{ bulkGet: false }, { scenario: 'old-server' }] as const) {
      const response = await bulk(options).get({ asset_ids: [1001] });
      expect(response.status, JSON.stringify(options)).to.equal(404);
      expect(await response.json()).to.deep.equal({ detail: 'Not Found' });
    }
  });

  it('asks for the Authorization header, and fails as listing fails', async () => {
    const locked = bulk({ authorization: 'Bearer t' });
    expect((await locked.get({ asset_ids: [1001] })).status).to.equal(401);
    expect((await locked.get({ asset_ids: [1001] }, { Authorization: 'Bearer t' })).status).to.equal(200);
    expect((await bulk({ failure: 'server-error' }).get({ asset_ids: [1001] })).status).to.equal(500);
  });
});
