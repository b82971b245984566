import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { createAssetsClient } from '../../src/api/index.js';
import { createMockBackend, scenarioHandlers } from '../../mocks/index.js';
import { waitUntil } from '../helpers.js';

// The real thing, as the demo and Storybook use it: a service worker answering the page's own fetches.
describe('mock backend behind a real service worker', () => {
  const backend = createMockBackend({ count: 30 });
  // The socket's handlers too, as the demo and Storybook get them from scenarioHandlers.
  const worker = setupWorker(...backend.handlers, ...backend.socket.handlers);

  // No worker.stop() afterwards: it can hang when test files share the worker (toolchain pitfall P9).
  before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledFrame: 'bypass' }));

  it('answers the global fetch of the assets client', async () => {
    const page = await createAssetsClient({ endpoint: '/api/v1/assets', api: 'search' }).list({ limit: 5 });
    expect(navigator.serviceWorker.controller?.scriptURL).to.match(/\/mockServiceWorker\.js$/);
    expect(page.assets.map((asset) => asset.id)).to.deep.equal(backend.db.assets.slice(0, 5).map((asset) => asset.id));
  });

  it('serves thumbnails an <img> can show', async () => {
    const page = await createAssetsClient({ endpoint: '/api/v1/assets' }).list({ limit: 10 });
    const url = page.assets.find((asset) => asset.thumbnail_url)?.thumbnail_url as string;
    const img = document.createElement('img');
    img.alt = '';
    const loaded = new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = () => reject(new Error(`the thumbnail ${url} did not load`));
    });
    img.src = url;
    document.body.append(img);
    await loaded;
    expect(img.naturalWidth).to.be.greaterThan(0);
    img.remove();
  });

  it('answers the page’s WebSocket on the event socket, as setupWorker does for the demo and Storybook', async () => {
    const socket = new WebSocket('ws://127.0.0.1:9/api/v1/ws/generations');
    const messages: string[] = [];
    socket.addEventListener('message', (event) => messages.push(String(event.data)));
    await waitUntil(() => messages.length > 0, 'the welcome');
    expect(JSON.parse(messages[0] ?? '')).to.deep.include({ type: 'connected', user_id: 1 });
    backend.changes.flag(backend.db.assets[0]?.id ?? 0);
    await waitUntil(() => messages.length > 1, 'the flag’s event');
    expect(JSON.parse(messages[1] ?? '')).to.deep.include({ type: 'asset:updated', asset_id: backend.db.assets[0]?.id });
    socket.close();
  });

  it('scenarioHandlers carries both kinds, for setupWorker', () => {
    expect(scenarioHandlers('moderation').map((handler) => handler.kind)).to.include.members(['request', 'websocket']);
  });
});
