// The mock backend as a real HTTP server, started the way a person starts it: `npm run mock-server`.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { createAssetsClient, HttpError, NetworkError } from '../../src/api/index.js';

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
