import { expect } from '@open-wc/testing';
import { createAssetsClient, HttpError, isAbortError, type AssetsClient, type AssetsClientOptions, type FetchLike } from '../../src/api/index.js';

const ENDPOINT = 'http://localhost:9999/api/v1/assets';

interface PendingCall {
  url: string;
  init: RequestInit;
  /** The call as a Request, to read its method, headers and body. */
  request: Request;
  /** The signal fetch was given (the shared one, for reads). */
  signal: AbortSignal | null;
  /** Answers the call (no effect once it has been rejected by its signal). */
  respond: (response: Response) => void;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function page(ids: number[] = [1, 2]): Record<string, unknown> {
  return { assets: ids.map((id) => ({ id, media_type: 'image' })), total: ids.length, limit: 50, offset: 0, next_cursor: null };
}

const uploadReply = { id: 5, asset_id: 5, provider_id: 'pixverse', external_url: null, note: 'Uploaded via OpenAPI' };

/**
 * A fetch double that records every call and answers only when the test says so. Like the real fetch, it
 * rejects with the signal's reason when the signal is (or becomes) aborted.
 */
function recordingFetch() {
  const calls: PendingCall[] = [];
  const fetch: FetchLike = (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal ?? null;
      calls.push({ url, init, request: new Request(url, init), signal, respond: resolve });
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  const call = (index: number): PendingCall => {
    const found = calls[index];
    if (!found) throw new Error(`fetch call #${index} was not made (${calls.length} calls)`);
    return found;
  };
  return { fetch, calls, call };
}

/** A client over a fresh {@link recordingFetch}. */
function setup(options: Omit<AssetsClientOptions, 'fetch'> = {}) {
  const { fetch, calls, call } = recordingFetch();
  const client: AssetsClient = createAssetsClient({ endpoint: ENDPOINT, ...options, fetch });
  return { client, calls, call };
}

/** Lets the client's pending steps (the headers function, the fetch call) run. */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Records how a promise ends, without leaving a rejection unhandled. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown; rejected: boolean } = { settled: false, rejected: false };
  const done = promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, rejected: true, error }),
  );
  return { state, done };
}

function expectAbortError(error: unknown): void {
  expect(isAbortError(error), `expected an AbortError, got ${String(error)}`).to.equal(true);
}

describe('request sharing', () => {
  it('sends two identical list() calls in flight at once as one fetch; both get equal pages', async () => {
    const { client, calls, call } = setup();
    const a = client.list({ limit: 20, provider_status: 'ok' });
    const b = client.list({ limit: 20, provider_status: 'ok' });
    await tick();
    expect(calls).to.have.length(1);
    call(0).respond(json(page([7, 8])));
    const [pageA, pageB] = await Promise.all([a, b]);
    expect(pageA.assets.map((asset) => asset.id)).to.deep.equal([7, 8]);
    expect(pageB).to.deep.equal(pageA);
    expect(calls).to.have.length(1);
  });

  it('sends list() calls with different parameters as separate fetches', async () => {
    const { client, calls, call } = setup();
    const a = client.list({ limit: 20 });
    const b = client.list({ limit: 20, offset: 20 });
    await tick();
    expect(calls.map((c) => c.url)).to.deep.equal([`${ENDPOINT}?limit=20`, `${ENDPOINT}?limit=20&offset=20`]);
    call(0).respond(json(page([1])));
    call(1).respond(json(page([2])));
    expect((await a).assets.map((asset) => asset.id)).to.deep.equal([1]);
    expect((await b).assets.map((asset) => asset.id)).to.deep.equal([2]);
  });

  it('sends get(id) twice in flight as one fetch', async () => {
    const { client, calls, call } = setup();
    const a = client.get(42);
    const b = client.get('42');
    await tick();
    expect(calls).to.have.length(1);
    expect(call(0).url).to.equal(`${ENDPOINT}/42`);
    call(0).respond(json({ id: 42, media_type: 'video' }));
    const [assetA, assetB] = await Promise.all([a, b]);
    expect(assetA.id).to.equal(42);
    expect(assetB).to.deep.equal(assetA);
  });

  it('does not merge get() of different ids', async () => {
    const { client, calls, call } = setup();
    const a = client.get(1);
    const b = client.get(2);
    await tick();
    expect(calls.map((c) => c.url)).to.deep.equal([`${ENDPOINT}/1`, `${ENDPOINT}/2`]);
    call(0).respond(json({ id: 1 }));
    call(1).respond(json({ id: 2 }));
    expect([(await a).id, (await b).id]).to.deep.equal([1, 2]);
  });

  it("sends two identical search-style list() calls (POST /search) as one fetch", async () => {
    const { client, calls, call } = setup({ api: 'search' });
    const a = client.list({ limit: 10, media_type: 'image', q: 'koi' });
    const b = client.list({ limit: 10, media_type: 'image', q: 'koi' });
    await tick();
    expect(calls).to.have.length(1);
    expect(call(0).request.method).to.equal('POST');
    expect(call(0).url).to.equal(`${ENDPOINT}/search`);
    expect(await call(0).request.json()).to.deep.equal({ limit: 10, q: 'koi', filters: { media_type: 'image' } });
    call(0).respond(json(page([3])));
    const [pageA, pageB] = await Promise.all([a, b]);
    expect(pageA.assets.map((asset) => asset.id)).to.deep.equal([3]);
    expect(pageB).to.deep.equal(pageA);
  });

  it('does not merge search-style list() calls with different bodies', async () => {
    const { client, calls, call } = setup({ api: 'search' });
    const a = client.list({ q: 'koi' });
    const b = client.list({ q: 'fox' });
    await tick();
    expect(calls).to.have.length(2);
    expect(await call(0).request.json()).to.deep.equal({ q: 'koi' });
    expect(await call(1).request.json()).to.deep.equal({ q: 'fox' });
    call(0).respond(json(page([1])));
    call(1).respond(json(page([2])));
    await Promise.all([a, b]);
  });

  it('never shares uploads: two identical uploadFromUrl() calls make two fetches', async () => {
    const { client, calls, call } = setup();
    const input = { url: 'https://example.com/koi.png', provider_id: 'pixverse' };
    const a = client.uploadFromUrl(input);
    const b = client.uploadFromUrl(input);
    await tick();
    expect(calls).to.have.length(2);
    call(0).respond(json(uploadReply));
    call(1).respond(json(uploadReply));
    expect((await a).asset_id).to.equal(5);
    expect((await b).asset_id).to.equal(5);
  });

  it('never shares reuploads or file uploads either', async () => {
    const { client, calls, call } = setup();
    const file = new Blob(['x'], { type: 'image/png' });
    const uploads = [
      client.reupload(5, { provider_id: 'pixverse' }),
      client.reupload(5, { provider_id: 'pixverse' }),
      client.upload({ file, provider_id: 'pixverse' }),
      client.upload({ file, provider_id: 'pixverse' }),
    ];
    await tick();
    expect(calls).to.have.length(4);
    for (let i = 0; i < 4; i += 1) call(i).respond(json(uploadReply));
    await Promise.all(uploads);
  });

  it("when one of two callers aborts, it rejects at once with its AbortError; the other still resolves; the fetch is not aborted", async () => {
    const { client, calls, call } = setup();
    const first = new AbortController();
    const second = new AbortController();
    const a = track(client.list({}, { signal: first.signal }));
    const b = track(client.list({}, { signal: second.signal }));
    await tick();
    expect(calls).to.have.length(1);
    first.abort();
    await tick();
    // Rejected right away, before the server has answered.
    expect(a.state.rejected).to.equal(true);
    expectAbortError(a.state.error);
    expect(a.state.error).to.equal(first.signal.reason);
    expect(b.state.settled).to.equal(false);
    expect(call(0).signal?.aborted).to.equal(false);
    call(0).respond(json(page([9])));
    await b.done;
    expect(b.state.rejected).to.equal(false);
    expect(b.state.value?.assets.map((asset) => asset.id)).to.deep.equal([9]);
    expect(calls).to.have.length(1);
  });

  it('does not abort the fetch when a caller without a signal shares it with one that aborts', async () => {
    const { client, call } = setup();
    const controller = new AbortController();
    const a = track(client.get(3, { signal: controller.signal }));
    const b = client.get(3);
    await tick();
    controller.abort();
    await a.done;
    expectAbortError(a.state.error);
    expect(call(0).signal?.aborted).to.equal(false);
    call(0).respond(json({ id: 3 }));
    expect((await b).id).to.equal(3);
  });

  it('aborts the fetch once every caller sharing it has aborted; both reject with AbortError', async () => {
    const { client, calls, call } = setup();
    const first = new AbortController();
    const second = new AbortController();
    const a = track(client.list({ q: 'koi' }, { signal: first.signal }));
    const b = track(client.list({ q: 'koi' }, { signal: second.signal }));
    await tick();
    expect(calls).to.have.length(1);
    const fetchSignal = call(0).signal;
    expect(fetchSignal).to.be.instanceOf(AbortSignal);
    first.abort();
    await tick();
    expect(fetchSignal?.aborted).to.equal(false);
    second.abort();
    expect(fetchSignal?.aborted).to.equal(true);
    await Promise.all([a.done, b.done]);
    expectAbortError(a.state.error);
    expectAbortError(b.state.error);
    expect(a.state.error).to.equal(first.signal.reason);
    expect(b.state.error).to.equal(second.signal.reason);
  });

  it('aborts the fetch of a single caller that aborts', async () => {
    const { client, call } = setup();
    const controller = new AbortController();
    const a = track(client.get(8, { signal: controller.signal }));
    await tick();
    controller.abort();
    expect(call(0).signal?.aborted).to.equal(true);
    await a.done;
    expectAbortError(a.state.error);
  });

  it('starts afresh, after every caller has aborted, rather than joining the aborted request', async () => {
    const { client, calls, call } = setup();
    const controller = new AbortController();
    const a = track(client.list({}, { signal: controller.signal }));
    await tick();
    controller.abort();
    const b = client.list();
    await tick();
    expect(calls).to.have.length(2);
    expect(call(1).signal?.aborted).to.equal(false);
    call(1).respond(json(page([4])));
    expect((await b).assets.map((asset) => asset.id)).to.deep.equal([4]);
    await a.done;
    expectAbortError(a.state.error);
  });

  it('rejects a caller whose signal is already aborted at once, without fetching or joining', async () => {
    const { client, calls, call } = setup();
    const aborted = new AbortController();
    aborted.abort();
    const a = track(client.list({}, { signal: aborted.signal }));
    await a.done;
    expectAbortError(a.state.error);
    expect(calls).to.have.length(0);

    // Next to a request in flight: it does not join it, and does not keep it alive.
    const live = new AbortController();
    const b = track(client.list({}, { signal: live.signal }));
    await tick();
    const c = track(client.list({}, { signal: aborted.signal }));
    await c.done;
    expectAbortError(c.state.error);
    expect(calls).to.have.length(1);
    live.abort();
    expect(call(0).signal?.aborted).to.equal(true);
    await b.done;
    expectAbortError(b.state.error);
  });

  it('forgets a request once it has settled: a later identical call fetches again', async () => {
    const { client, calls, call } = setup();
    const first = client.list({ limit: 5 });
    await tick();
    call(0).respond(json(page([1])));
    expect((await first).assets.map((asset) => asset.id)).to.deep.equal([1]);
    const second = client.list({ limit: 5 });
    await tick();
    expect(calls).to.have.length(2);
    call(1).respond(json(page([2])));
    expect((await second).assets.map((asset) => asset.id)).to.deep.equal([2]);
  });

  it('forgets a failed request too: a retry after an error fetches again', async () => {
    const { client, calls, call } = setup();
    const first = track(client.get(6));
    await tick();
    call(0).respond(json({ detail: 'boom' }, 500));
    await first.done;
    expect(first.state.error).to.be.instanceOf(HttpError);
    const retry = client.get(6);
    await tick();
    expect(calls).to.have.length(2);
    call(1).respond(json({ id: 6 }));
    expect((await retry).id).to.equal(6);
  });

  it('delivers an HTTP 500 to both callers as HttpError', async () => {
    const { client, calls, call } = setup();
    const a = track(client.list());
    const b = track(client.list());
    await tick();
    expect(calls).to.have.length(1);
    call(0).respond(json({ detail: 'Failed to list assets: boom' }, 500));
    await Promise.all([a.done, b.done]);
    for (const { state } of [a, b]) {
      expect(state.error).to.be.instanceOf(HttpError);
      expect((state.error as HttpError).status).to.equal(500);
      expect((state.error as HttpError).detail).to.equal('Failed to list assets: boom');
    }
  });

  it('does not merge calls whose headers function returns different tokens', async () => {
    let issued = 0;
    const { client, calls, call } = setup({
      headers: async () => {
        issued += 1;
        const token = `token-${issued}`;
        await Promise.resolve();
        return { Authorization: `Bearer ${token}` };
      },
    });
    const a = client.list();
    const b = client.list();
    await tick();
    expect(calls.map((c) => c.request.headers.get('Authorization'))).to.deep.equal(['Bearer token-1', 'Bearer token-2']);
    call(0).respond(json(page([1])));
    call(1).respond(json(page([2])));
    expect((await a).assets.map((asset) => asset.id)).to.deep.equal([1]);
    expect((await b).assets.map((asset) => asset.id)).to.deep.equal([2]);
  });

  it('asks the headers function for every call, and merges calls whose headers come out the same', async () => {
    let asked = 0;
    const { client, calls, call } = setup({
      headers: () => {
        asked += 1;
        return { Authorization: 'Bearer same' };
      },
    });
    const a = client.get(11);
    const b = client.get(11);
    await tick();
    expect(asked).to.equal(2);
    expect(calls).to.have.length(1);
    expect(call(0).request.headers.get('Authorization')).to.equal('Bearer same');
    call(0).respond(json({ id: 11 }));
    await Promise.all([a, b]);
  });

  it('shares per client: two clients over the same fetch do not merge their requests', async () => {
    const { fetch, calls, call } = recordingFetch();
    const one = createAssetsClient({ endpoint: ENDPOINT, fetch });
    const two = createAssetsClient({ endpoint: ENDPOINT, fetch });
    const a = one.list();
    const b = two.list();
    await tick();
    expect(calls).to.have.length(2);
    call(0).respond(json(page([1])));
    call(1).respond(json(page([1])));
    await Promise.all([a, b]);
  });
});
