import { expect } from '@open-wc/testing';
import {
  AssetsApiError,
  createAssetsClient,
  HttpError,
  InvalidResponseError,
  isAbortError,
  NetworkError,
  TimeoutError,
  type AssetsClientOptions,
  type FetchLike,
} from '../../src/api/index.js';
import { hangingFetch, rejectionOf, waitUntil } from '../helpers.js';

const ENDPOINT = 'http://localhost:9999/api/v1/assets';
const NOT_SIGNED_IN = 'You are not signed in to the server, or your session has ended. Sign in and try again.';
const FORBIDDEN = 'You are not allowed to see these assets.';
const OFFLINE = 'This device is offline. Check the connection and try again.';

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

const emptyPage = { assets: [], total: 0, limit: 50, offset: 0, next_cursor: null };
const uploadReply = { id: 5, asset_id: 5, provider_id: 'pixverse', external_url: null, note: 'Uploaded via OpenAPI' };

/** A reply per call, in order; the last one repeats. A function reply may throw (a network error). */
type Reply = Response | (() => Response | Promise<Response>);

/**
 * A client whose fetch answers with `replies` in order and records every call; like the real fetch it
 * rejects with the signal's reason when the signal is (or becomes) aborted. Retries wait 0–1 ms by default.
 */
function setup(replies: Reply[], options: Omit<AssetsClientOptions, 'fetch'> = {}) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    init.signal?.throwIfAborted();
    const reply = replies[Math.min(calls.length - 1, replies.length - 1)];
    if (!reply) throw new Error('no reply');
    return typeof reply === 'function' ? reply() : reply.clone();
  };
  const client = createAssetsClient({ endpoint: ENDPOINT, retryBaseMs: 1, ...options, fetch });
  return { client, calls };
}

function expectAbortError(error: unknown): void {
  expect(isAbortError(error), `expected an AbortError, got ${String(error)}`).to.equal(true);
  expect(error).not.to.be.instanceOf(AssetsApiError);
}

const networkFailure = (): Response => {
  throw new TypeError('Failed to fetch');
};

/** A fetch that answers after `ms`, and like the real fetch rejects with the signal's reason when it aborts. */
function slowFetch(ms: number, reply: () => Response): FetchLike {
  return (_url, init) =>
    new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => resolve(reply()), ms);
      init.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(init.signal?.reason);
      });
    });
}

const file = (): Blob => new Blob(['x'], { type: 'image/png' });

interface WatchedTimer {
  delay: number;
  fired: boolean;
  cleared: boolean;
}

/**
 * Records every timer set from now until `restore()`: its delay, and whether it fired or was cleared. Tests
 * that check what happens during a backoff wait for its timer to be set, rather than guess when it is.
 */
function watchTimers(): { timers: WatchedTimer[]; restore: () => void } {
  const timers: WatchedTimer[] = [];
  const byId = new Map<number, WatchedTimer>();
  const { setTimeout: set, clearTimeout: clear } = window;
  window.setTimeout = ((handler: (...args: unknown[]) => void, delay = 0, ...rest: unknown[]) => {
    const timer: WatchedTimer = { delay, fired: false, cleared: false };
    timers.push(timer);
    const id = set((...args: unknown[]) => ((timer.fired = true), handler(...args)), delay, ...rest);
    byId.set(id, timer);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    const timer = id === undefined ? undefined : byId.get(id);
    if (timer) timer.cleared = true;
    clear(id);
  }) as typeof window.clearTimeout;
  return { timers, restore: () => ((window.setTimeout = set), (window.clearTimeout = clear)) };
}

describe('faults', () => {
  describe('retries of reads', () => {
    it('retries a 503: 503 then 200 resolves after 2 calls', async () => {
      const { client, calls } = setup([json({ detail: 'starting' }, 503), json(emptyPage)]);
      expect((await client.list()).assets).to.deep.equal([]);
      expect(calls).to.have.length(2);
    });

    for (const status of [429, 502, 503, 504]) {
      it(`retries HTTP ${status} at most 3 times (4 calls), then rejects with the HttpError`, async () => {
        const { client, calls } = setup([json({}, status)]);
        const error = await rejectionOf(client.list());
        expect(error).to.be.instanceOf(HttpError);
        expect((error as HttpError).status).to.equal(status);
        expect(calls).to.have.length(4);
      });
    }

    for (const status of [400, 404, 413, 422, 500]) {
      it(`does not retry HTTP ${status} (1 call)`, async () => {
        const { client, calls } = setup([json({ detail: 'no' }, status), json(emptyPage)]);
        const error = await rejectionOf(client.list());
        expect((error as HttpError).status).to.equal(status);
        expect(calls).to.have.length(1);
      });
    }

    it('retries get() too: a network error then the asset', async () => {
      const { client, calls } = setup([networkFailure, json({ id: 7, media_type: 'image' })]);
      expect((await client.get(7)).id).to.equal(7);
      expect(calls).to.have.length(2);
    });

    it('retries a network error, and ends in a NetworkError with the plain message after 4 calls', async () => {
      const { client, calls } = setup([networkFailure]);
      const error = await rejectionOf(client.list());
      expect(error).to.be.instanceOf(NetworkError);
      expect(error.message).to.equal('Could not reach the server. Check the connection and try again.');
      expect(calls).to.have.length(4);
    });

    it('does not retry malformed JSON: an InvalidResponseError after 1 call', async () => {
      const { client, calls } = setup([new Response('{"assets": [', { status: 200 }), json(emptyPage)]);
      const error = await rejectionOf(client.list());
      expect(error).to.be.instanceOf(InvalidResponseError);
      expect(error.message).to.equal("The server's reply could not be read: it is not JSON.");
      expect(calls).to.have.length(1);
    });

    it('takes `retries` from the options (retries: 1 → 2 calls; retries: 0 → 1 call)', async () => {
      const one = setup([json({}, 503)], { retries: 1 });
      await rejectionOf(one.client.list());
      expect(one.calls).to.have.length(2);
      const none = setup([json({}, 503)], { retries: 0 });
      await rejectionOf(none.client.list());
      expect(none.calls).to.have.length(1);
    });

    it('never retries more than 3 times, whatever `retries` says', async () => {
      const { client, calls } = setup([json({}, 503)], { retries: 10 });
      await rejectionOf(client.list());
      expect(calls).to.have.length(4);
    });

    it('waits with exponential backoff and full jitter, each wait at most base × 2^n', async () => {
      const waits: number[] = [];
      const { client } = setup([json({}, 503)], { retryBaseMs: 100, sleep: async (ms) => void waits.push(ms) });
      await rejectionOf(client.list());
      expect(waits).to.have.length(3);
      waits.forEach((ms, n) => {
        expect(ms).to.be.at.least(0);
        expect(ms).to.be.at.most(100 * 2 ** n);
      });
    });

    it('caps the backoff at 5 s', async () => {
      const waits: number[] = [];
      const { client } = setup([json({}, 503)], { retryBaseMs: 1_000_000, sleep: async (ms) => void waits.push(ms) });
      await rejectionOf(client.list());
      expect(waits).to.have.length(3);
      for (const ms of waits) expect(ms).to.be.at.most(5_000);
    });

    it('shares the retries of identical reads in flight: two callers, 503 then 200, 2 calls in all', async () => {
      const { client, calls } = setup([json({}, 503), json(emptyPage)]);
      const [a, b] = await Promise.all([client.list({ q: 'koi' }), client.list({ q: 'koi' })]);
      expect(a.assets).to.deep.equal([]);
      expect(b.assets).to.deep.equal([]);
      expect(calls).to.have.length(2);
    });
  });

  describe('Retry-After', () => {
    it('waits as long as Retry-After says in seconds (here 2 s, through the sleep option)', async () => {
      const waits: number[] = [];
      const { client, calls } = setup([json({}, 429, { 'Retry-After': '2' }), json(emptyPage)], { sleep: async (ms) => void waits.push(ms) });
      await client.list();
      expect(waits).to.deep.equal([2000]);
      expect(calls).to.have.length(2);
    });

    it('really waits a short Retry-After (0.05 s) before trying again', async () => {
      const { client, calls } = setup([json({}, 503, { 'Retry-After': '0.05' }), json(emptyPage)]);
      const started = performance.now();
      await client.list();
      expect(performance.now() - started).to.be.at.least(45);
      expect(calls).to.have.length(2);
    });

    it('reads Retry-After as an HTTP date', async () => {
      const waits: number[] = [];
      const date = new Date(Date.now() + 10_000).toUTCString();
      const { client } = setup([json({}, 503, { 'Retry-After': date }), json(emptyPage)], { sleep: async (ms) => void waits.push(ms) });
      await client.list();
      expect(waits).to.have.length(1);
      // Whole seconds in the date, and a few ms spent on the way.
      expect(waits[0]).to.be.within(8_000, 10_000);
    });

    it('does not retry when Retry-After is beyond 30 s, and says when to try again', async () => {
      const { client, calls } = setup([json({}, 503, { 'Retry-After': '45' }), json(emptyPage)]);
      const error = await rejectionOf(client.list());
      expect(calls).to.have.length(1);
      expect((error as HttpError).status).to.equal(503);
      expect((error as HttpError).retryAfterMs).to.equal(45_000);
      expect(error.message).to.equal('The server is busy (HTTP 503). Try again in 45 seconds.');
    });

    it('says minutes for a long wait (429, Retry-After 3600)', async () => {
      const { client, calls } = setup([json({}, 429, { 'Retry-After': '3600' })]);
      const error = await rejectionOf(client.list());
      expect(calls).to.have.length(1);
      expect(error.message).to.equal('The server is busy (HTTP 429). Try again in 60 minutes.');
    });

    it('gives no time for a Retry-After beyond a day (huge seconds, a date years ahead), and does not retry', async () => {
      const yearsAhead = new Date(Date.now() + 5 * 365 * 86_400_000).toUTCString();
      for (const header of ['99999999999999999999', '9'.repeat(400), '86401', yearsAhead]) {
        const busy = setup([json({}, 429, { 'Retry-After': header }), json(emptyPage)]);
        const error = await rejectionOf(busy.client.list());
        expect(busy.calls, header).to.have.length(1);
        expect(error.message, header).to.equal('The server is busy (HTTP 429). Wait a moment and try again.');
        const unavailable = setup([json({}, 503, { 'Retry-After': header }), json(emptyPage)]);
        const error503 = await rejectionOf(unavailable.client.list());
        expect(unavailable.calls, header).to.have.length(1);
        expect(error503.message, header).to.equal('The server could not complete the request (HTTP 503).');
      }
    });

    it('still says the time for a Retry-After of exactly a day', async () => {
      const { client } = setup([json({}, 429, { 'Retry-After': '86400' })]);
      expect((await rejectionOf(client.list())).message).to.equal('The server is busy (HTTP 429). Try again in 1440 minutes.');
    });

    it('gives a 429 without Retry-After a plain message after its retries', async () => {
      const { client } = setup([json({}, 429)]);
      expect((await rejectionOf(client.list())).message).to.equal('The server is busy (HTTP 429). Wait a moment and try again.');
    });
  });

  describe('abort during a backoff wait', () => {
    it('rejects at once with the AbortError, and sends nothing more', async () => {
      const { timers, restore } = watchTimers();
      try {
        const { client, calls } = setup([json({}, 503, { 'Retry-After': '10' }), json(emptyPage)]);
        const controller = new AbortController();
        const pending = rejectionOf(client.list({}, { signal: controller.signal }));
        // In the wait: its 10 s timer is set (rather than 20 ms, by which a busy machine may not be there yet).
        const backoff = () => timers.find((timer) => timer.delay === 10_000);
        await waitUntil(() => backoff(), 'the client did not wait out Retry-After', { interval: 0 });
        expect(calls).to.have.length(1);
        const firedBefore = timers.filter((timer) => timer.fired).length;
        controller.abort();
        expectAbortError(await pending);
        // At once: no timer fired between the abort and the rejection (it was < 100 ms, a busy machine's gamble).
        expect(timers.filter((timer) => timer.fired).length, 'timers fired before the rejection').to.equal(firedBefore);
        // Nothing more: the wait's timer is gone, so no second request can follow (it looked 20 ms later).
        expect(backoff()).to.deep.include({ fired: false, cleared: true });
        expect(calls).to.have.length(1);
      } finally {
        restore();
      }
    });

    it('stops the shared retry loop only when every caller has aborted', async () => {
      const { client, calls } = setup([json({}, 503, { 'Retry-After': '0.05' }), json(emptyPage)]);
      const controller = new AbortController();
      const leaving = rejectionOf(client.list({}, { signal: controller.signal }));
      const staying = client.list({}, { signal: new AbortController().signal });
      // One caller leaves while the shared loop waits out Retry-After: its 50 ms timer is set, and not yet fired.
      const { timers, restore } = watchTimers();
      try {
        await waitUntil(() => timers.some((timer) => timer.delay === 50 && !timer.fired), 'the shared loop did not wait', { interval: 0 });
      } finally {
        restore();
      }
      controller.abort();
      expectAbortError(await leaving);
      expect((await staying).assets).to.deep.equal([]);
      expect(calls).to.have.length(2);
    });
  });

  describe('401 and 403', () => {
    it('401: "not signed in" in plain words, 1 call, status and detail kept', async () => {
      const { client, calls } = setup([json({ detail: 'Not authenticated' }, 401)]);
      const error = await rejectionOf(client.list());
      expect(error).to.be.instanceOf(HttpError);
      expect(error.message).to.equal(NOT_SIGNED_IN);
      expect((error as HttpError).status).to.equal(401);
      expect((error as HttpError).detail).to.equal('Not authenticated');
      expect(calls).to.have.length(1);
    });

    it('403: "not allowed" in plain words, 1 call', async () => {
      const { client, calls } = setup([json({ detail: 'Forbidden' }, 403)]);
      const error = await rejectionOf(client.get(3));
      expect(error.message).to.equal(FORBIDDEN);
      expect((error as HttpError).status).to.equal(403);
      expect(calls).to.have.length(1);
    });
  });

  describe('uploads', () => {
    it('413 on upload: the "too large" message, 1 call', async () => {
      const { client, calls } = setup([json({ detail: 'Request Entity Too Large' }, 413)]);
      const error = await rejectionOf(client.upload({ file: file(), provider_id: 'pixverse' }));
      expect((error as HttpError).status).to.equal(413);
      expect(error.message).to.equal('The file is too large for the server (HTTP 413).');
      expect(calls).to.have.length(1);
    });

    it('never retries an upload, upload-from-url or reupload on 503 or a network error', async () => {
      for (const reply of [json({}, 503), networkFailure]) {
        const { client, calls } = setup([reply]);
        await rejectionOf(client.upload({ file: file(), provider_id: 'pixverse' }));
        await rejectionOf(client.uploadFromUrl({ url: 'https://example.com/a.png', provider_id: 'pixverse' }));
        await rejectionOf(client.reupload(5, { provider_id: 'pixverse' }));
        expect(calls).to.have.length(3);
      }
    });

    it('times out an upload after uploadTimeoutMs with a TimeoutError', async () => {
      const client = createAssetsClient({ endpoint: ENDPOINT, fetch: hangingFetch, uploadTimeoutMs: 20 });
      const error = await rejectionOf(client.upload({ file: file(), provider_id: 'pixverse' }));
      expect(error).to.be.instanceOf(TimeoutError);
      expect(error.message).to.equal('The server did not answer within 0.02 seconds. Try again.');
    });

    it('an upload aborted by its caller aborts the fetch, with the AbortError', async () => {
      let seen: AbortSignal | null | undefined;
      const fetch: FetchLike = (url, init) => {
        seen = init.signal;
        return hangingFetch(url, init);
      };
      const client = createAssetsClient({ endpoint: ENDPOINT, fetch });
      const controller = new AbortController();
      const pending = rejectionOf(client.uploadFromUrl({ url: 'https://example.com/a.png', provider_id: 'pixverse' }, { signal: controller.signal }));
      await waitUntil(() => seen !== undefined, 'the upload was not sent', { interval: 0 });
      controller.abort();
      expectAbortError(await pending);
      expect(seen?.aborted).to.equal(true);
    });
  });

  describe('timeout', () => {
    it('rejects a read that does not answer within timeoutMs with a TimeoutError, after its retries', async () => {
      let count = 0;
      const fetch: FetchLike = (url, init) => {
        count += 1;
        return hangingFetch(url, init);
      };
      const client = createAssetsClient({ endpoint: ENDPOINT, fetch, timeoutMs: 20, retryBaseMs: 1 });
      const error = await rejectionOf(client.list());
      expect(error).to.be.instanceOf(TimeoutError);
      expect(error).to.be.instanceOf(AssetsApiError);
      expect((error as TimeoutError).kind).to.equal('timeout');
      expect(error.name).to.equal('TimeoutError');
      expect(error.message).to.equal('The server did not answer within 0.02 seconds. Try again.');
      expect(count).to.equal(4);
    });

    it('says the default 15 seconds in plain words', () => {
      expect(new TimeoutError(15_000).message).to.equal('The server did not answer within 15 seconds. Try again.');
    });

    it('a timeout then an answer resolves', async () => {
      let count = 0;
      const fetch: FetchLike = (url, init) => (++count === 1 ? hangingFetch(url, init) : Promise.resolve(json(emptyPage)));
      const client = createAssetsClient({ endpoint: ENDPOINT, fetch, timeoutMs: 20, retryBaseMs: 1 });
      expect((await client.list()).assets).to.deep.equal([]);
      expect(count).to.equal(2);
    });

    it("the caller's own abort rejects with its AbortError, not a TimeoutError", async () => {
      const client = createAssetsClient({ endpoint: ENDPOINT, fetch: hangingFetch, timeoutMs: 1_000 });
      const controller = new AbortController();
      const pending = rejectionOf(client.list({}, { signal: controller.signal }));
      await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort();
      const error = await pending;
      expectAbortError(error);
      expect(error).not.to.be.instanceOf(TimeoutError);
    });

    // setTimeout fires at once for a delay above 2^31 − 1 ms; such a timeout means no limit, not "fail now".
    it('a timeoutMs longer than a timer can hold (2^31 ms, 30 days) means no limit: an answer after 50 ms resolves', async () => {
      for (const timeoutMs of [2 ** 31, 30 * 86_400_000, Number.MAX_VALUE]) {
        const client = createAssetsClient({ endpoint: ENDPOINT, fetch: slowFetch(50, () => json(emptyPage)), timeoutMs, retries: 0 });
        expect((await client.list()).assets, String(timeoutMs)).to.deep.equal([]);
      }
    });

    it('an uploadTimeoutMs longer than a timer can hold (3e9) means no limit: an upload answered after 50 ms resolves', async () => {
      const client = createAssetsClient({ endpoint: ENDPOINT, fetch: slowFetch(50, () => json(uploadReply)), uploadTimeoutMs: 3e9 });
      expect((await client.uploadFromUrl({ url: 'https://example.com/a.png', provider_id: 'pixverse' })).asset_id).to.equal(5);
    });

    it('timeoutMs 0 means no timeout', async () => {
      const client = createAssetsClient({ endpoint: ENDPOINT, fetch: hangingFetch, timeoutMs: 0 });
      const controller = new AbortController();
      const pending = client.list({}, { signal: controller.signal }).then(
        () => 'resolved',
        (error: unknown) => (isAbortError(error) ? 'aborted' : String(error)),
      );
      await new Promise((resolve) => setTimeout(resolve, 60));
      controller.abort();
      expect(await pending).to.equal('aborted');
    });
  });

  describe('offline', () => {
    let original: PropertyDescriptor | undefined;
    beforeEach(() => {
      original = Object.getOwnPropertyDescriptor(navigator, 'onLine');
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    });
    afterEach(() => {
      if (original) Object.defineProperty(navigator, 'onLine', original);
      else delete (navigator as unknown as Record<string, unknown>)['onLine'];
    });

    it('fails a read at once with a NetworkError that says the device is offline, without fetching', async () => {
      const { client, calls } = setup([json(emptyPage)]);
      const error = await rejectionOf(client.list());
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as NetworkError).offline).to.equal(true);
      expect(error.message).to.equal(OFFLINE);
      expect(calls).to.have.length(0);
      expect(await rejectionOf(client.get(3))).to.be.instanceOf(NetworkError);
      expect(calls).to.have.length(0);
    });

    it('says "offline" for a failed upload too, and does not retry', async () => {
      const { client, calls } = setup([networkFailure]);
      const error = await rejectionOf(client.uploadFromUrl({ url: 'https://example.com/a.png', provider_id: 'pixverse' }));
      expect(error.message).to.equal(OFFLINE);
      expect(calls).to.have.length(1);
    });
  });

  it('the real navigator is online in the test browser (so the other tests fetch)', () => {
    expect(navigator.onLine).to.equal(true);
  });
});
