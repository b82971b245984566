// Runs in Node against the built package (npm run build first): what a Node user of the package gets.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';

test('asset-gallery-elements/status imports in Node and derives statuses', async () => {
  const status = await import('asset-gallery-elements/status');
  assert.deepEqual([...status.PROVIDER_STATUSES], ['ok', 'local_only', 'flagged', 'unknown']);
  assert.equal(status.deriveProviderStatus({ provider_asset_id: 'local_9c1e4b7a2d3f6e08' }), 'local_only');
  assert.equal(status.deriveProviderStatus({ provider_status: 'not_flagged', remote_url: 'https://cdn.example/a.mp4' }), 'ok');
  const outcome = status.interpretUploadResponse({ provider_id: 'pixverse', note: 'Asset saved locally; provider upload failed: boom' });
  assert.deepEqual(outcome, { providerSucceeded: false, status: 'local_only', message: 'Saved locally; provider upload failed: boom', reason: 'boom' });
});

test('asset-gallery-elements/api imports in Node and parses a list', async () => {
  const api = await import('asset-gallery-elements/api');
  const page = api.parseAssetList({ assets: [{ id: 1, remote_url: 'javascript:alert(1)', provider_asset_id: '123' }, { nope: true }], total: 2 });
  assert.equal(page?.assets[0]?.provider_status, 'ok');
  assert.equal(page?.assets[0]?.remote_url, null);
  assert.equal(page?.skipped, 1);
});

test('the built status module imports nothing outside itself and touches no DOM or network', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const folder = new URL('../../dist/status/', import.meta.url);
  const files = (await readdir(folder)).filter((name) => name.endsWith('.js'));
  assert.ok(files.includes('index.js'));
  for (const name of files) {
    const source = await readFile(new URL(name, folder), 'utf8');
    // Import and export statements (static, side-effect) and dynamic imports; never words inside strings.
    const specifiers = [
      ...source.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/gm),
      ...source.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
      ...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ].map((match) => match[1] ?? '');
    assert.ok(name === 'index.js' ? specifiers.length > 0 : true, 'index.js re-exports the status module');
    for (const specifier of specifiers) assert.match(specifier, /^\.\//, `${name} imports ${specifier}`);
    assert.doesNotMatch(source, /\b(document|window|fetch|XMLHttpRequest|localStorage)\b/, `${name} touches the DOM or the network`);
  }
});

test('the package entry registers all four elements (its define imports survive the build)', async () => {
  const { readFile } = await import('node:fs/promises');
  const index = await readFile(new URL('../../dist/index.js', import.meta.url), 'utf8');
  for (const tag of ['asset-gallery', 'media-card', 'provider-badge', 'status-overview']) {
    assert.match(index, new RegExp(`import\\s*["']\\./${tag}\\.js["']`), `dist/index.js does not import ./${tag}.js`);
    const entry = await readFile(new URL(`../../dist/${tag}.js`, import.meta.url), 'utf8');
    assert.match(entry, new RegExp(`\\(\\s*["']${tag}["']`), `dist/${tag}.js does not define <${tag}>`);
  }
});

const TAGS = ['asset-gallery', 'media-card', 'provider-badge', 'status-overview'] as const;

test('asset-gallery-elements/classes exports the four classes and registers no tag', async () => {
  // lit's Node build provides a `customElements` registry, so a define at import time would show here.
  const classes = await import('asset-gallery-elements/classes');
  assert.deepEqual(Object.keys(classes).sort(), ['AssetGallery', 'MediaCard', 'ProviderBadge', 'StatusOverview']);
  for (const tag of TAGS) assert.equal(customElements.get(tag), undefined, `importing the classes defined <${tag}>`);
});

test('asset-gallery-elements/mocks answers like the backend, and mocks/node serves it over HTTP with auth', async () => {
  const { createMockBackend, mockFetch } = await import('asset-gallery-elements/mocks');
  const { startMockServer } = await import('asset-gallery-elements/mocks/node');
  const backend = createMockBackend({ count: 4, authorization: 'Bearer t0ken' });
  const viaFetch = await mockFetch(backend.handlers)('http://localhost/api/v1/assets?limit=2', { headers: { Authorization: 'Bearer t0ken' } });
  assert.equal(((await viaFetch.json()) as { assets: unknown[] }).assets.length, 2);
  const server = await startMockServer({ handlers: backend.handlers, port: 0 });
  try {
    assert.equal((await fetch(`${server.url}/api/v1/assets`)).status, 401);
    const answer = await fetch(`${server.url}/api/v1/assets`, { headers: { Authorization: 'Bearer t0ken' } });
    assert.equal(answer.status, 200);
    assert.equal(((await answer.json()) as { assets: unknown[] }).assets.length, 4);
  } finally {
    await server.close();
  }
});

test('asset-gallery-elements/mocks runs in a browser: nothing it imports, however deep, is ws or a node: module', async () => {
  const { readFile } = await import('node:fs/promises');
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = async (url: URL): Promise<void> => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    const source = await readFile(url, 'utf8');
    for (const [, specifier = ''] of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) {
      if (specifier.startsWith('.')) await visit(new URL(specifier, url));
      else bare.add(specifier);
    }
  };
  await visit(new URL('../../dist/mocks/index.js', import.meta.url));
  assert.ok(seen.size > 5, `followed the relative imports: ${[...seen].join(', ')}`);
  assert.ok(bare.has('msw'), `saw the bare imports: ${[...bare].join(', ')}`);
  for (const specifier of bare) assert.doesNotMatch(specifier, /^(ws|node:.*)$/, `dist/mocks/index.js reaches ${specifier}`);
});

test('mocks/node serves the backend’s event socket (the ws peer dependency)', async () => {
  const { createMockBackend } = await import('asset-gallery-elements/mocks');
  const { startMockServer } = await import('asset-gallery-elements/mocks/node');
  const { WebSocket } = await import('ws');
  const backend = createMockBackend({ count: 4 });
  const server = await startMockServer({ handlers: backend.handlers, socket: backend.socket, port: 0 });
  try {
    const client = new WebSocket(`${server.url.replace(/^http/, 'ws')}/api/v1/ws/events`);
    const [welcome] = (await once(client, 'message')) as [Buffer];
    assert.equal(JSON.parse(welcome.toString('utf8')).type, 'connected');
    client.close();
    await once(client, 'close');
  } finally {
    await server.close();
  }
});
