// The mock backend as a real HTTP server, started the way a person starts it: `npm run mock-server`.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { WebSocket } from 'ws';
import { createAssetsClient, HttpError, NetworkError } from '../../src/api/index.js';
import { createMockBackend, type MockBackendOptions } from '../../mocks/index.js';
import { startMockServer } from '../../mocks/node-server.js';

let server: ChildProcess;
let origin = '';

/** Starts the CLI on a free port and waits for the line that names its address. */
async function startCli(...args: string[]): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mocks/server.ts', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    output += chunk.toString();
    const match = /on (http:\/\/[\d.]+:\d+)/.exec(output);
    if (match?.[1]) return { child, origin: match[1] };
  }
  throw new Error(`the mock server did not start: ${output}`);
}

before(async () => {
  ({ child: server, origin } = await startCli('--count', '75'));
});
after(async () => {
  server.kill('SIGTERM');
  await once(server, 'exit');
});

test('lists assets over HTTP in both API styles, with CORS for pages on other origins', async () => {
  for (const api of ['query', 'search'] as const) {
    const client = createAssetsClient({ endpoint: `${origin}/api/v1/assets`, api, headers: { Authorization: 'Bearer t' } });
    const page = await client.list({ limit: 50 });
    assert.equal(page.assets.length, 50);
    assert.ok(page.next_cursor);
    const next = await client.list({ limit: 50, cursor: page.next_cursor });
    assert.equal(next.assets.length, 25);
  }
  const response = await fetch(`${origin}/api/v1/assets?limit=1`, { headers: { Origin: 'http://elsewhere.test' } });
  assert.equal(response.headers.get('access-control-allow-origin'), '*');
  const preflight = await fetch(`${origin}/api/v1/assets/search`, { method: 'OPTIONS' });
  assert.equal(preflight.status, 204);
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
});

test('resolves the relative media URLs against the server, and serves them', async () => {
  const client = createAssetsClient({ endpoint: `${origin}/api/v1/assets` });
  const page = await client.list({ limit: 50 });
  const thumbnail = page.assets.map((asset) => asset.thumbnail_url).find((url) => url?.includes('/api/v1/media/'));
  assert.ok(thumbnail?.startsWith(`${origin}/`), `a local thumbnail on the server: ${thumbnail}`);
  const image = await fetch(String(thumbnail));
  assert.equal(image.status, 200);
  assert.equal(image.headers.get('content-type'), 'image/svg+xml');
});

test('takes a multipart upload over HTTP', async () => {
  const client = createAssetsClient({ endpoint: `${origin}/api/v1/assets` });
  const reply = await client.upload({ file: new File([new Uint8Array([1, 2, 3])], 'a.png', { type: 'image/png' }), provider_id: 'pixverse' });
  assert.equal(reply.note, 'Uploaded via OpenAPI');
  const stored = await fetch(`${origin}/api/v1/assets/${reply.asset_id}/file`);
  assert.deepEqual([...new Uint8Array(await stored.arrayBuffer())], [1, 2, 3]);
});

test('answers bulk/get over HTTP: the assets of the ids, a missing id absent; old-server has no such route', async () => {
  const bulkGet = (at: string, ids: number[]) =>
    fetch(`${at}/api/v1/assets/bulk/get`, { method: 'POST', body: JSON.stringify({ asset_ids: ids }), headers: { 'Content-Type': 'application/json' } });
  const page = await createAssetsClient({ endpoint: `${origin}/api/v1/assets` }).list({ limit: 2 });
  const ids = page.assets.map((asset) => asset.id);
  const response = await bulkGet(origin, [...ids, 99_999]);
  assert.equal(response.status, 200);
  const assets = (await response.json()) as { id: number; provider_uploads: unknown }[];
  assert.deepEqual(assets.map((asset) => asset.id), ids);
  assert.ok(assets.every((asset) => 'provider_uploads' in asset), 'the HEAD list shape');
  const old = await startCli('--scenario', 'old-server');
  try {
    const missing = await bulkGet(old.origin, ids);
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { detail: 'Not Found' });
  } finally {
    old.child.kill('SIGTERM');
    await once(old.child, 'exit');
  }
});

test('plays the failure scenarios over HTTP: an HTTP error and a dropped connection', async () => {
  const failing = await startCli('--scenario', 'server-error');
  const dropping = await startCli('--scenario', 'network-error');
  try {
    await assert.rejects(createAssetsClient({ endpoint: `${failing.origin}/api/v1/assets` }).list(), (error) => error instanceof HttpError && error.status === 500);
    await assert.rejects(createAssetsClient({ endpoint: `${dropping.origin}/api/v1/assets` }).list(), NetworkError);
  } finally {
    for (const { child } of [failing, dropping]) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
});

test('refuses an unknown scenario with the list of known ones', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mocks/server.ts', '--scenario', 'nope'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await once(child, 'exit');
  assert.equal(code, 2);
  assert.match(output, /provider-down/);
});

// A socket that never answers would leave a test waiting: fail it instead.
const SOCKET_TEST = { timeout: 15_000 };
const WELCOME = { type: 'connected', message: 'Connected to PixSim7 events', user_id: 1 };

/**
 * A `ws` client and what it saw: `next()` waits for the next message, `upgraded` for the handshake's outcome
 * (true: open), `ended` for the close or a failed upgrade.
 */
function listen(url: string) {
  const client = new WebSocket(url);
  const messages: string[] = [];
  const waiting: (() => void)[] = [];
  let read = 0;
  client.on('message', (data: Buffer) => {
    messages.push(data.toString('utf8'));
    for (const wake of waiting.splice(0)) wake();
  });
  const upgraded = new Promise<boolean>((resolve) => {
    client.once('open', () => resolve(true));
    client.once('error', () => resolve(false));
  });
  const ended = new Promise<{ opened: boolean; code?: number; reason?: string; error?: Error }>((resolve) => {
    let opened = false;
    client.on('open', () => (opened = true));
    client.on('close', (code: number, reason: Buffer) => resolve({ opened, code, reason: reason.toString() }));
    client.on('error', (error: Error) => resolve({ opened, error }));
  });
  const next = async (): Promise<string> => {
    while (messages.length <= read) await Promise.race([new Promise<void>((wake) => waiting.push(wake)), ended]);
    return messages[read++] as string;
  };
  return { client, messages, next, upgraded, ended, json: async () => JSON.parse(await next()) as Record<string, unknown> };
}

/** A backend served in this process, so that the test can change its library; its socket is served too. */
async function serve(options: MockBackendOptions = {}) {
  const backend = createMockBackend({ count: 20, ...options });
  const server = await startMockServer({ handlers: backend.handlers, socket: backend.socket, port: 0 });
  return { backend, server, ws: `${server.url.replace(/^http/, 'ws')}/api/v1/ws/events` };
}

test('speaks the event socket over ws on both paths: the welcome, then pong for ping and nothing for the rest', SOCKET_TEST, async () => {
  for (const path of ['events', 'generations']) {
    const socket = listen(`${origin.replace(/^http/, 'ws')}/api/v1/ws/${path}?token=t`);
    assert.deepEqual(await socket.json(), WELCOME);
    socket.client.send('hello');
    socket.client.send('ping');
    assert.equal(await socket.next(), 'pong');
    socket.client.close();
    assert.equal((await socket.ended).code, 1005);
    assert.deepEqual(socket.messages.slice(1), ['pong']);
  }
});

test('refuses the upgrade with --no-socket, and on a path that is not a socket', SOCKET_TEST, async () => {
  const without = await startCli('--no-socket');
  try {
    for (const url of [`${without.origin.replace(/^http/, 'ws')}/api/v1/ws/events`, `${origin.replace(/^http/, 'ws')}/api/v1/ws/nope`]) {
      const socket = listen(url);
      assert.equal(await socket.upgraded, false, `${url} was upgraded`);
      assert.match(String((await socket.ended).error?.message), /socket hang up|ECONNRESET/, url);
    }
  } finally {
    without.child.kill('SIGTERM');
    await once(without.child, 'exit');
  }
});

test('publishes each change as PixSim7 does: a flag, a new asset, a deletion, an upload, a moderation landing', SOCKET_TEST, async () => {
  const { backend, server, ws } = await serve({ scenario: 'moderation', moderationDelayMs: 300 });
  try {
    const pending = backend.db.assets.find((asset) => asset.flag_at !== null);
    const socket = listen(ws);
    assert.deepEqual(await socket.json(), WELCOME);
    const landed = await socket.json();
    assert.deepEqual({ ...landed, timestamp: 'T' }, {
      type: 'asset:updated', asset_id: pending?.id, user_id: 1, media_type: pending?.media_type, data: { asset_id: pending?.id }, timestamp: 'T',
    });
    assert.match(String(landed.timestamp), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    assert.equal(pending && backend.db.status(pending), 'flagged', 'the data says flagged when the event arrives');
    const target = backend.db.assets[3]?.id ?? 0;
    backend.changes.flag(target, 'early_cdn_filtered');
    assert.deepEqual(await socket.json().then(({ type, asset_id }) => [type, asset_id]), ['asset:updated', target]);
    const created = backend.changes.create();
    assert.deepEqual(await socket.json().then(({ type, asset_id }) => [type, asset_id]), ['asset:created', created.id]);
    backend.changes.remove(target);
    assert.deepEqual(await socket.json().then(({ type, asset_id }) => [type, asset_id]), ['asset:deleted', target]);
    const client = createAssetsClient({ endpoint: `${server.url}/api/v1/assets` });
    const reply = await client.upload({ file: new File([new Uint8Array([1])], 'a.png', { type: 'image/png' }), provider_id: 'pixverse' });
    assert.deepEqual(await socket.json().then(({ type, asset_id }) => [type, asset_id]), ['asset:created', reply.asset_id]);
    socket.client.close();
    await socket.ended;
  } finally {
    await server.close();
  }
});

test('drop() loses every socket without a close frame (1006); available = false refuses the next upgrade', SOCKET_TEST, async () => {
  const { backend, server, ws } = await serve();
  try {
    const socket = listen(ws);
    assert.deepEqual(await socket.json(), WELCOME);
    assert.equal(backend.socket.open, 1);
    backend.socket.drop();
    assert.deepEqual(await socket.ended, { opened: true, code: 1006, reason: '' });
    assert.equal(backend.socket.open, 0);
    backend.socket.available = false;
    assert.equal(await listen(ws).upgraded, false, 'the upgrade was refused');
    assert.equal(backend.socket.attempts.length, 2);
  } finally {
    await server.close();
  }
});

test('closes a socket whose ?token= is not the token with 1008 Not authenticated', SOCKET_TEST, async () => {
  const { server, ws } = await serve({ authorization: 'Bearer s3cret' });
  try {
    assert.deepEqual(await listen(`${ws}?token=nope`).ended, { opened: true, code: 1008, reason: 'Not authenticated' });
    const socket = listen(`${ws}?token=s3cret`);
    assert.deepEqual(await socket.json(), WELCOME);
    socket.client.close();
    await socket.ended;
  } finally {
    await server.close();
  }
});
