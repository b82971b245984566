import { expect } from '@open-wc/testing';
import { HttpError, isAbortError, NetworkError, type AssetsClient, type RequestOptions, type UploadAssetResponse } from '../../src/api/index.js';
import { interpretUploadResponse } from '../../src/status/index.js';
import { SCENARIOS, type MockBackendOptions } from '../../mocks/index.js';
import { rejectionOf, setup } from './helpers.js';

const png = () => new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3])], 'koi.png', { type: 'image/png' });
const PNG_BYTES = [137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3];
const ENDPOINTS = ['upload', 'upload-from-url', 'reupload'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

/** A backend and client, a local-only asset of its library, and each upload endpoint as one call. */
function uploads(options: MockBackendOptions = {}) {
  const context = setup(options);
  const { client, backend } = context;
  const local = backend.db.assets.find((asset) => asset.provider_asset_id.startsWith('local_') && asset.has_local_file);
  if (!local) throw new Error('the library has no local-only asset');
  const send = (endpoint: Endpoint, options?: RequestOptions): Promise<UploadAssetResponse> =>
    endpoint === 'upload'
      ? client.upload({ file: png(), provider_id: 'pixverse' }, options)
      : endpoint === 'upload-from-url'
        ? client.uploadFromUrl({ url: 'https://example.com/cat.jpg', provider_id: 'pixverse' }, options)
        : client.reupload(local.id, { provider_id: 'pixverse' }, options);
  return { ...context, local, send };
}

/** What a person sees of the library: every asset of the first pages with its status, and how many there are. */
async function shown(client: AssetsClient): Promise<string[]> {
  const first = await client.list({ limit: 100 });
  const second = await client.list({ limit: 100, cursor: first.next_cursor });
  return [...first.assets, ...second.assets].map((asset) => `${asset.id}:${asset.provider_status}:${asset.provider_asset_id}`);
}

/** The ids the list shows under one status filter. */
async function idsWithStatus(client: AssetsClient, provider_status: 'ok' | 'local_only' | 'flagged'): Promise<number[]> {
  return (await client.list({ limit: 100, provider_status })).assets.map((asset) => asset.id);
}

const absolute = (path: string) => new URL(path, location.href).href;
const bytesOf = async (response: Response) => [...new Uint8Array(await response.arrayBuffer())];
const settle = (ms = 20) => new Promise((done) => setTimeout(done, ms));

describe('mock backend: uploads', () => {
  it('accepted: the provider takes the file, the list shows it on top as Provider OK, its bytes are served back', async () => {
    const { client, fetch } = setup();
    const reply = await client.upload({ file: png(), provider_id: 'pixverse' });
    const outcome = interpretUploadResponse(reply);
    expect(outcome.providerSucceeded).to.equal(true);
    expect(outcome.message).to.equal('Uploaded to Pixverse');
    const [top] = (await client.list({ limit: 1 })).assets;
    expect(top?.id).to.equal(reply.asset_id);
    expect(top?.provider_status).to.equal('ok');
    const bytes = new Uint8Array(await (await fetch(new URL(`/api/v1/assets/${reply.asset_id}/file`, location.href).href)).arrayBuffer());
    expect([...bytes]).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
  });

  it('provider-down: upload and upload-from-url end local only with the real note, and the list says Local only', async () => {
    const { client } = setup({ scenario: 'provider-down' });
    for (const reply of [
      await client.upload({ file: png(), provider_id: 'pixverse' }),
      await client.uploadFromUrl({ url: 'https://example.com/cat.jpg', provider_id: 'pixverse' }),
    ]) {
      expect(reply.note).to.equal("Asset saved locally; provider upload failed: No available account for provider 'pixverse'");
      expect(reply.provider_asset_id).to.match(/^local_[0-9a-f]{16}$/);
      const outcome = interpretUploadResponse(reply);
      expect(outcome).to.deep.include({ providerSucceeded: false, status: 'local_only', reason: "No available account for provider 'pixverse'" });
      expect((await client.get(reply.asset_id as number)).provider_status).to.equal('local_only');
    }
  });

  it('provider-down: a re-upload fails with HTTP 500 and the asset stays local only', async () => {
    const { client, backend } = setup({ scenario: 'provider-down' });
    const local = backend.db.assets.find((asset) => asset.provider_asset_id.startsWith('local_'));
    const error = await rejectionOf(client.reupload(local?.id as number, { provider_id: 'pixverse' }));
    expect(error).to.be.instanceOf(HttpError);
    expect(error.message).to.contain('Failed to upload asset to provider');
    expect((await client.get(local?.id as number)).provider_status).to.equal('local_only');
  });

  it('a re-upload the provider accepts turns a local-only asset into Provider OK', async () => {
    const { client, backend } = setup();
    const local = backend.db.assets.find((asset) => asset.provider_asset_id.startsWith('local_'));
    const reply = await client.reupload(local?.id as number, { provider_id: 'pixverse' });
    expect(interpretUploadResponse(reply).providerSucceeded).to.equal(true);
    expect((await client.get(local?.id as number)).provider_status).to.equal('ok');
  });

  it('moderation: an accepted asset is flagged once the delay has passed', async () => {
    let now = 1_000_000;
    const { client } = setup({ scenario: 'moderation', moderationDelayMs: 5000, now: () => now });
    const reply = await client.uploadFromUrl({ url: 'https://example.com/clip.mp4', provider_id: 'pixverse' });
    expect((await client.get(reply.asset_id as number)).provider_status).to.equal('ok');
    now += 5001;
    const flagged = await client.get(reply.asset_id as number);
    expect(flagged.provider_status).to.equal('flagged');
    expect(flagged.provider_status_reason).to.equal('post_delivery_moderation');
  });

  it('moderation: the newest accepted asset of the library is flagged a few seconds after start', async () => {
    let now = 5_000_000;
    const { client, backend } = setup({ scenario: 'moderation', now: () => now });
    const target = backend.db.assets.find((asset) => asset.flag_at !== null);
    expect((await client.get(target?.id as number)).provider_status).to.equal('ok');
    now += 60_000;
    expect((await client.get(target?.id as number)).provider_status).to.equal('flagged');
  });

  it('rejects what the real backend rejects, with its words', async () => {
    const { client } = setup();
    const text = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    expect((await rejectionOf(client.upload({ file: text, provider_id: 'pixverse' }))).message).to.contain('Unsupported content type: text/plain');
    expect((await rejectionOf(client.uploadFromUrl({ url: 'ftp://example.com/a.jpg', provider_id: 'pixverse' }))).message).to.contain('URL must be http(s)');
    expect((await rejectionOf(client.reupload(424242, { provider_id: 'pixverse' }))).message).to.contain('Asset not found');
  });
});

describe('mock backend: upload outcomes per scenario', () => {
  for (const scenario of ['default', 'upload-accepted'] as const) {
    it(`${scenario}: every upload endpoint is accepted, and later lists show the asset as Provider OK`, async () => {
      const { client, send, local } = uploads({ scenario });
      for (const endpoint of ENDPOINTS) {
        const reply = await send(endpoint);
        const outcome = interpretUploadResponse(reply);
        expect(outcome.providerSucceeded, endpoint).to.equal(true);
        expect(outcome.message, endpoint).to.equal('Uploaded to Pixverse');
        if (endpoint !== 'reupload') {
          const [top] = (await client.list({ limit: 1 })).assets;
          expect(top?.id, endpoint).to.equal(reply.asset_id);
          expect(top?.provider_status, endpoint).to.equal('ok');
        }
      }
      expect(await idsWithStatus(client, 'ok')).to.include(local.id);
      expect(await idsWithStatus(client, 'local_only')).not.to.include(local.id);
    });
  }

  it('provider-down: later lists show the new uploads as Local only, not as Provider OK', async () => {
    const { client, send } = uploads({ scenario: 'provider-down' });
    const ids = [(await send('upload')).asset_id, (await send('upload-from-url')).asset_id];
    const localOnly = await idsWithStatus(client, 'local_only');
    expect(localOnly.slice(0, 2)).to.deep.equal([ids[1], ids[0]]);
    const ok = await idsWithStatus(client, 'ok');
    for (const id of ids) expect(ok).not.to.include(id);
  });

  it('upload-bad-gateway: every endpoint fails with HTTP 502 and the provider’s detail, and nothing changes', async () => {
    const { client, send, backend, local } = uploads({ scenario: 'upload-bad-gateway' });
    const before = await shown(client);
    const count = backend.db.assets.length;
    for (const endpoint of ENDPOINTS) {
      const error = await rejectionOf(send(endpoint));
      expect(error, endpoint).to.be.instanceOf(HttpError);
      expect((error as HttpError).status, endpoint).to.equal(502);
      expect((error as HttpError).detail, endpoint).to.equal('Provider upload failed: Pixverse upload failed: upstream timeout');
      expect(error.message, endpoint).to.contain('Provider upload failed: Pixverse upload failed: upstream timeout');
    }
    expect(backend.db.assets.length).to.equal(count);
    expect(await shown(client)).to.deep.equal(before);
    expect((await client.get(local.id)).provider_status).to.equal('local_only');
  });

  it('upload-bad-gateway: the wire carries FastAPI’s JSON detail', async () => {
    const { fetch } = setup({ scenario: 'upload-bad-gateway' });
    const response = await fetch(absolute('/api/v1/assets/upload-from-url'), {
      method: 'POST',
      body: JSON.stringify({ url: 'https://example.com/a.jpg', provider_id: 'pixverse' }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).to.equal(502);
    expect(await response.json()).to.deep.equal({ detail: 'Provider upload failed: Pixverse upload failed: upstream timeout' });
  });

  it('upload-too-large: every endpoint fails with the 413 message, no HTML shown, and nothing changes', async () => {
    const { client, send, backend, local } = uploads({ scenario: 'upload-too-large' });
    const before = await shown(client);
    const count = backend.db.assets.length;
    for (const endpoint of ENDPOINTS) {
      const error = await rejectionOf(send(endpoint));
      expect(error, endpoint).to.be.instanceOf(HttpError);
      expect((error as HttpError).status, endpoint).to.equal(413);
      expect(error.message, endpoint).to.equal('The file is too large for the server (HTTP 413).');
      expect((error as HttpError).detail, endpoint).to.equal(undefined);
    }
    expect(backend.db.assets.length).to.equal(count);
    expect(await shown(client)).to.deep.equal(before);
    expect((await client.get(local.id)).provider_status).to.equal('local_only');
  });

  it('upload-too-large: the wire carries a proxy’s HTML page, as nginx answers', async () => {
    const { fetch } = setup({ scenario: 'upload-too-large' });
    const form = new FormData();
    form.append('file', png());
    form.append('provider_id', 'pixverse');
    const response = await fetch(absolute('/api/v1/assets/upload'), { method: 'POST', body: form });
    expect(response.status).to.equal(413);
    expect(response.headers.get('Content-Type')).to.contain('text/html');
    const body = await response.text();
    expect(body).to.match(/^<html>/);
    expect(body).to.contain('<title>413 Request Entity Too Large</title>');
  });

  it('upload-network-drop: every endpoint fails with a NetworkError, listing still works, and nothing changes', async () => {
    const { client, send, backend, local } = uploads({ scenario: 'upload-network-drop' });
    const before = await shown(client);
    const count = backend.db.assets.length;
    for (const endpoint of ENDPOINTS) {
      const error = await rejectionOf(send(endpoint));
      expect(error, endpoint).to.be.instanceOf(NetworkError);
      expect(error.message, endpoint).to.contain('Could not reach the server');
    }
    expect(backend.db.assets.length).to.equal(count);
    expect(await shown(client)).to.deep.equal(before);
    expect((await client.get(local.id)).provider_status).to.equal('local_only');
  });

  it('upload-slow: every endpoint is still pending after 50 ms, an abort rejects with an AbortError and changes nothing', async () => {
    const { client, send, backend } = uploads({ scenario: 'upload-slow' });
    const before = await shown(client);
    const count = backend.db.assets.length;
    for (const endpoint of ENDPOINTS) {
      const controller = new AbortController();
      const pending = send(endpoint, { signal: controller.signal });
      const first = await Promise.race([pending.then(() => 'answered', () => 'failed'), settle(50).then(() => 'waiting')]);
      expect(first, endpoint).to.equal('waiting');
      controller.abort();
      expect(isAbortError(await rejectionOf(pending)), endpoint).to.equal(true);
    }
    await settle();
    expect(backend.db.assets.length).to.equal(count);
    expect(await shown(client)).to.deep.equal(before);
  });

  it('upload-slow: only uploads wait; a listing answers at once', async () => {
    const { client } = setup({ scenario: 'upload-slow' });
    // Before an upload's wait would be over: a timer as long, set first, fires before any the mock sets for the
    // listing. (It raced 500 ms, which a busy machine can spend on the listing itself.)
    const uploadWait = SCENARIOS['upload-slow'].uploadLatencyMs;
    const first = await Promise.race([client.list({ limit: 5 }).then(() => 'answered'), settle(uploadWait).then(() => 'waiting')]);
    expect(first).to.equal('answered');
  });

  it('uploadLatencyMs: an upload answers after the wait, accepted, and the list then shows it', async () => {
    const { client, send } = uploads({ scenario: 'upload-slow', uploadLatencyMs: 150 });
    const started = performance.now();
    const reply = await send('upload');
    expect(performance.now() - started).to.be.at.least(140);
    expect(interpretUploadResponse(reply).providerSucceeded).to.equal(true);
    expect((await client.list({ limit: 1 })).assets[0]?.id).to.equal(reply.asset_id);
  });

  it('no-reupload-route: reupload answers FastAPI’s 404 "Not Found", where a missing asset on the default backend is "Asset not found"', async () => {
    const { send, client, local } = uploads({ scenario: 'no-reupload-route' });
    for (const error of [await rejectionOf(send('reupload')), await rejectionOf(client.reupload(424242, { provider_id: 'pixverse' }))]) {
      expect(error).to.be.instanceOf(HttpError);
      expect((error as HttpError).status).to.equal(404);
      expect((error as HttpError).detail).to.equal('Not Found');
    }
    expect((await client.get(local.id)).provider_status).to.equal('local_only');
    const missing = await rejectionOf(setup().client.reupload(424242, { provider_id: 'pixverse' }));
    expect((missing as HttpError).status).to.equal(404);
    expect((missing as HttpError).detail).to.equal('Asset not found');
  });

  it('no-reupload-route: upload and upload-from-url still work, and upload-from-url of the file URL is the way round', async () => {
    const { send, client, local } = uploads({ scenario: 'no-reupload-route' });
    expect(interpretUploadResponse(await send('upload')).providerSucceeded).to.equal(true);
    const { file_url } = await client.get(local.id);
    const reply = await client.uploadFromUrl({ url: file_url as string, provider_id: 'pixverse' });
    expect(interpretUploadResponse(reply).providerSucceeded).to.equal(true);
    expect((await client.list({ limit: 1 })).assets[0]).to.deep.include({ id: reply.asset_id, provider_status: 'ok', media_type: local.media_type });
  });

  it('moderation: a re-upload the provider accepts is flagged once the delay has passed, in the list too', async () => {
    let now = 2_000_000;
    const { client, send, local } = uploads({ scenario: 'moderation', moderationDelayMs: 5000, now: () => now });
    await send('reupload');
    expect(await idsWithStatus(client, 'ok')).to.include(local.id);
    now += 5001;
    expect(await idsWithStatus(client, 'flagged')).to.include(local.id);
    expect(await idsWithStatus(client, 'ok')).not.to.include(local.id);
  });
});

describe('mock backend: upload-from-url of its own file URL', () => {
  it('creates a new asset with the same media type, description and bytes, and leaves the original as it was', async () => {
    const { client, backend, fetch } = setup({ seed: 3 });
    const source = backend.db.assets.find((asset) => asset.media_type === 'video' && asset.provider_asset_id.startsWith('local_') && asset.has_local_file);
    if (!source) throw new Error('the library has no local-only video');
    const original = await client.get(source.id);
    const count = backend.db.assets.length;
    expect(original.file_url).to.equal(absolute(`/api/v1/assets/${source.id}/file`));

    const reply = await client.uploadFromUrl({ url: original.file_url as string, provider_id: 'pixverse' });
    expect(reply.media_type).to.equal('video');
    expect(reply.asset_id).not.to.equal(source.id);
    expect(backend.db.assets.length).to.equal(count + 1);

    const copy = await client.get(reply.asset_id as number);
    expect(copy).to.deep.include({ media_type: 'video', mime_type: original.mime_type, description: original.description, provider_status: 'ok' });
    expect(await bytesOf(await fetch(absolute(`/api/v1/assets/${copy.id}/file`)))).to.deep.equal(await bytesOf(await fetch(original.file_url as string)));
    expect(await client.get(source.id)).to.deep.equal(original);
  });

  it('copies the bytes of a file a person uploaded, also when the URL names the server by another loopback name', async () => {
    const { client, fetch } = setup({ scenario: 'provider-down' });
    const uploaded = await client.upload({ file: png(), provider_id: 'pixverse' });
    const url = new URL(`/api/v1/assets/${uploaded.asset_id}/file`, location.href);
    if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
    else if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
    const reply = await client.uploadFromUrl({ url: url.href, provider_id: 'pixverse' });
    expect(reply.asset_id).not.to.equal(uploaded.asset_id);
    const copy = await client.get(reply.asset_id as number);
    expect(copy).to.deep.include({ media_type: 'image', mime_type: 'image/png', description: 'koi.png', provider_status: 'local_only' });
    expect(await bytesOf(await fetch(absolute(`/api/v1/assets/${copy.id}/file`)))).to.deep.equal(PNG_BYTES);
  });

  it('answers 502 "Failed to fetch URL" for its own file URL of a missing asset, and creates nothing', async () => {
    const { client, backend } = setup();
    const count = backend.db.assets.length;
    const error = await rejectionOf(client.uploadFromUrl({ url: absolute('/api/v1/assets/424242/file'), provider_id: 'pixverse' }));
    expect((error as HttpError).status).to.equal(502);
    expect(error.message).to.contain('Failed to fetch URL');
    expect(backend.db.assets.length).to.equal(count);
  });

  it('does not copy from another server that has the same path: the media type comes from the URL there', async () => {
    const { client, backend } = setup({ seed: 3 });
    const video = backend.db.assets.find((asset) => asset.media_type === 'video' && asset.has_local_file);
    const elsewhere = await client.uploadFromUrl({ url: `http://elsewhere.test/api/v1/assets/${video?.id}/file`, provider_id: 'pixverse' });
    expect(elsewhere.media_type).to.equal('image');
    const clip = await client.uploadFromUrl({ url: 'http://elsewhere.test/clips/koi.mp4', provider_id: 'pixverse' });
    expect(clip.media_type).to.equal('video');
  });
});
