import { expect } from '@open-wc/testing';
import { createAssetsClient, isAbortError, TimeoutError, type FetchLike } from '../../src/api/index.js';
import { rejectionOf, waitUntil } from '../helpers.js';

/**
 * A host's own fetch may drop the signal it is given (a wrapper that builds its own init), and a body may stop
 * half way and never end. The client's timeout and its caller's abort must end the wait all the same: a gallery
 * that says "Loading…" for ever is a hang.
 */
const ENDPOINT = 'http://localhost:9999/api/v1/assets';

/** Never answers, and never listens to its signal. */
const deafFetch: FetchLike = () => new Promise<Response>(() => undefined);

/** Answers 200 at once with a body that sends half a page and then nothing, never closing; ignores the signal. */
const endlessBodyFetch: FetchLike = async () =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"assets": ['));
      },
    }),
    { status: 200, headers: { 'Content-Type': 'application/json' } },
  );

describe('a fetch that ignores its signal', () => {
  it('times a read out that never answers', async () => {
    const client = createAssetsClient({ endpoint: ENDPOINT, fetch: deafFetch, timeoutMs: 30, retries: 0 });
    expect(await rejectionOf(client.list({ limit: 5 }))).to.be.instanceOf(TimeoutError);
  });

  it('times a read out whose body never ends', async () => {
    const client = createAssetsClient({ endpoint: ENDPOINT, fetch: endlessBodyFetch, timeoutMs: 30, retries: 0 });
    expect(await rejectionOf(client.list({ limit: 5 }))).to.be.instanceOf(TimeoutError);
  });

  it("ends an upload with the caller's AbortError when the caller leaves while the fetch hangs", async () => {
    let called = false;
    const fetch: FetchLike = (url, init) => {
      called = true;
      return deafFetch(url, init);
    };
    // An upload, not a read: a read's callers are let go by the shared-read layer whatever the transport does.
    const client = createAssetsClient({ endpoint: ENDPOINT, fetch, uploadTimeoutMs: 0 });
    const caller = new AbortController();
    const upload = rejectionOf(client.upload({ file: new File(['x'], 'x.png', { type: 'image/png' }), provider_id: 'pixverse' }, { signal: caller.signal }));
    await waitUntil(() => called, 'the fetch was called');
    caller.abort();
    expect(isAbortError(await upload)).to.equal(true);
  });

  it('times an upload out that never answers', async () => {
    const client = createAssetsClient({ endpoint: ENDPOINT, fetch: deafFetch, uploadTimeoutMs: 30 });
    const error = await rejectionOf(client.upload({ file: new File(['x'], 'x.png', { type: 'image/png' }), provider_id: 'pixverse' }));
    expect(error).to.be.instanceOf(TimeoutError);
  });
});
