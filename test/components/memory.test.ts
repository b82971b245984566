import { expect } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import type { Asset, FetchLike } from '../../src/api/index.js';
import { createAssetsClient } from '../../src/api/index.js';
import { createMockBackend, mockFetch, mockSockets } from '../../mocks/index.js';
import { waitUntil } from '../helpers.js';

/**
 * Issue 6: "1 000 mount and unmount cycles of a gallery with data leave no listeners, observers or timers behind
 * (heap after GC within 10 % of the start)." Chromium runs with --expose-gc and --enable-precise-memory-info
 * (web-test-runner.config.mjs).
 *
 * 300 cycles, not 1 000: the 1 000 took 100 s on a quiet machine and ran out of time on a busy one (issue 13),
 * and the property does not need them. Listeners, observers and timers are counted one by one, so one left
 * behind by one cycle fails the test; every unmounted gallery is watched through a WeakRef, so one kept alive
 * by anything fails it too. Only a leak that keeps no gallery and less than about 5 kB a cycle (10 % of the
 * heap over 300 cycles) would pass here and not over 1 000.
 *
 * Issue 14: one cycle in ten is a `live` gallery whose socket opened (the mock's, through `mockSockets`); its
 * socket must be closed (the mock server counts what is open), and its ping interval, timers and online/offline
 * and visibility listeners gone, like everything else's.
 *
 * The heap and the galleries' collection are checked only where the page can force a collection and read the
 * heap (Chromium); the listeners, observers, timers and sockets in every engine. Without the heap check, 100
 * cycles: those counts fail on one cycle's leak, and WebKit took 7 minutes over the 300 on a busy machine.
 */
const gc = (globalThis as unknown as { gc?: () => void }).gc;
/** Chromium has performance.memory even without --expose-gc: there the heap test runs, and fails if gc() is missing. */
const heapReadable = typeof gc === 'function' || 'memory' in performance;
const CYCLES = heapReadable ? 300 : 100;
/**
 * An element's timer this short may still be pending after an unmount and fire (the upload controller's
 * end-of-task check, 0 ms): the test waits for these to fire (it used to sleep 600 ms); a longer one is a leak.
 */
const SHORT_TIMER_MS = 600;
/** Unmounted galleries that may still be reachable at the end (the last ones may be held by the runner's own state). */
const ALIVE_ALLOWED = 10;
const shortTimersPending = () => [...pendingTimers.values()].filter((timer) => timer.delay <= SHORT_TIMER_MS).length;

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const originalSetTimeout = window.setTimeout.bind(window);
/** A task boundary: WeakRefs are cleared, and weak callbacks run, only between tasks. */
const sleep = (ms: number) => new Promise<void>((resolve) => originalSetTimeout(resolve, ms));
const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function collect(): Promise<number> {
  for (let round = 0; round < 5; round++) {
    gc?.();
    await sleep(20);
  }
  return heap();
}

/** Is this call made by the elements' own code (src/), rather than the test, the mocks or the runner? */
const fromSource = (stack: string | undefined) => /\/src\/(components|api|shared|status)\//.test(stack ?? '');

// --- Listeners on window and document --------------------------------------------------------------------------
type ListenerKey = string;
const liveListeners = new Map<ListenerKey, string>();
const listenerIds = new WeakMap<object, number>();
let nextListenerId = 1;
let listenersAdded = 0;
let listenersRemoved = 0;
const idOf = (value: object) => {
  let id = listenerIds.get(value);
  if (id === undefined) listenerIds.set(value, (id = nextListenerId++));
  return id;
};
const captureOf = (options?: boolean | AddEventListenerOptions | EventListenerOptions) =>
  typeof options === 'boolean' ? options : !!options?.capture;

// --- Observers ---------------------------------------------------------------------------------------------------
const observing = new Set<{ targets: Set<Element>; kind: string; stack?: string }>();
let observersMade = 0;

// --- Timers -----------------------------------------------------------------------------------------------------
const pendingTimers = new Map<number, { delay: number; stack: string }>();
const liveIntervals = new Map<number, string>();
let timersMade = 0;

const saved = {
  windowAdd: window.addEventListener,
  windowRemove: window.removeEventListener,
  documentAdd: document.addEventListener,
  documentRemove: document.removeEventListener,
  ResizeObserver: window.ResizeObserver,
  IntersectionObserver: window.IntersectionObserver,
  setTimeout: window.setTimeout,
  clearTimeout: window.clearTimeout,
  setInterval: window.setInterval,
  clearInterval: window.clearInterval,
};

type RawTimer = (this: Window, handler: unknown, timeout?: number, ...rest: unknown[]) => number;
const rawSetTimeout = saved.setTimeout as unknown as RawTimer;
const rawSetInterval = saved.setInterval as unknown as RawTimer;

function install(): void {
  for (const [target, name, add, remove] of [
    [window, 'window', saved.windowAdd, saved.windowRemove],
    [document, 'document', saved.documentAdd, saved.documentRemove],
  ] as const) {
    target.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
      if (listener && fromSource(new Error().stack)) {
        const key = `${name}:${type}:${idOf(listener)}:${captureOf(options)}`;
        if (!liveListeners.has(key)) listenersAdded += 1;
        liveListeners.set(key, new Error().stack ?? '');
      }
      return add.call(this, type, listener as EventListenerOrEventListenerObject, options);
    } as typeof target.addEventListener;
    target.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
      if (listener) {
        const key = `${name}:${type}:${idOf(listener)}:${captureOf(options)}`;
        if (liveListeners.delete(key)) listenersRemoved += 1;
      }
      return remove.call(this, type, listener as EventListenerOrEventListenerObject, options);
    } as typeof target.removeEventListener;
  }

  type AnyObserver = new (...args: any[]) => { observe(target: Element, options?: unknown): void; unobserve(target: Element): void; disconnect(): void };
  const track = <T,>(Base: T, kind: string): T => {
    const Observer = Base as unknown as AnyObserver;
    return class extends Observer {
      readonly #record: { targets: Set<Element>; kind: string; stack?: string } = { targets: new Set<Element>(), kind };
      constructor(...args: any[]) {
        super(...args);
        observersMade += 1;
      }
      override observe(target: Element, options?: unknown): void {
        super.observe(target, options);
        this.#record.targets.add(target);
        this.#record.stack = new Error().stack;
        observing.add(this.#record);
      }
      override unobserve(target: Element): void {
        super.unobserve(target);
        this.#record.targets.delete(target);
        if (this.#record.targets.size === 0) observing.delete(this.#record);
      }
      override disconnect(): void {
        super.disconnect();
        this.#record.targets.clear();
        observing.delete(this.#record);
      }
    } as unknown as T;
  };
  window.ResizeObserver = track(saved.ResizeObserver, 'ResizeObserver');
  window.IntersectionObserver = track(saved.IntersectionObserver, 'IntersectionObserver');

  window.setTimeout = function (handler: unknown, timeout?: number, ...rest: unknown[]) {
    const stack = new Error().stack;
    if (!fromSource(stack) || typeof handler !== 'function') return rawSetTimeout.call(window, handler, timeout, ...rest);
    timersMade += 1;
    const id: number = rawSetTimeout.call(window, (...args: unknown[]) => {
      pendingTimers.delete(id);
      (handler as (...args: unknown[]) => void)(...args);
    }, timeout, ...rest);
    pendingTimers.set(id, { delay: Number(timeout) || 0, stack: `${timeout} ms\n${stack}` });
    return id;
  } as unknown as typeof window.setTimeout;
  window.clearTimeout = function (id?: number) {
    if (id !== undefined) pendingTimers.delete(id);
    return saved.clearTimeout.call(window, id);
  } as typeof window.clearTimeout;
  window.setInterval = function (handler: unknown, timeout?: number, ...rest: unknown[]) {
    const id: number = rawSetInterval.call(window, handler, timeout, ...rest);
    if (fromSource(new Error().stack)) liveIntervals.set(id, new Error().stack ?? '');
    return id;
  } as unknown as typeof window.setInterval;
  window.clearInterval = function (id?: number) {
    if (id !== undefined) liveIntervals.delete(id);
    return saved.clearInterval.call(window, id);
  } as typeof window.clearInterval;
}

function restore(): void {
  window.addEventListener = saved.windowAdd;
  window.removeEventListener = saved.windowRemove;
  document.addEventListener = saved.documentAdd;
  document.removeEventListener = saved.documentRemove;
  window.ResizeObserver = saved.ResizeObserver;
  window.IntersectionObserver = saved.IntersectionObserver;
  window.setTimeout = saved.setTimeout;
  window.clearTimeout = saved.clearTimeout;
  window.setInterval = saved.setInterval;
  window.clearInterval = saved.clearInterval;
}

/** 200 parsed assets, made once, as a host would pass them in `.assets`. */
async function hostAssets(): Promise<Asset[]> {
  const backend = createMockBackend({ count: 200, seed: 4 });
  const client = createAssetsClient({ fetch: mockFetch(backend.handlers) });
  const first = await client.list({ limit: 100 });
  const second = await client.list({ limit: 100, offset: 100 });
  return [...first.assets, ...second.assets];
}

const cards = (gallery: AssetGallery) => (gallery.shadowRoot as ShadowRoot).querySelectorAll('media-card').length;
const liveState = (gallery: AssetGallery) => (gallery.shadowRoot as ShadowRoot).querySelector('[part~="live"]')?.getAttribute('data-state');

describe(`<asset-gallery>: ${CYCLES} mounts and unmounts (issue 6)`, () => {
  let assets: Asset[] = [];
  const backend = createMockBackend({ count: 60, seed: 7 });
  const answer = mockFetch(backend.handlers);
  let requestsInFlight = 0;
  const fetch: FetchLike = async (url, init) => {
    requestsInFlight += 1;
    try {
      return await answer(url, init);
    } finally {
      requestsInFlight -= 1;
    }
  };
  /** Weak references to every unmounted gallery: after GC, how many are still alive. */
  const unmounted: WeakRef<AssetGallery>[] = [];

  async function cycle(index: number, keep: boolean): Promise<void> {
    const gallery = document.createElement('asset-gallery') as AssetGallery;
    gallery.style.width = '900px';
    const fetched = index % 5 === 4; // one cycle in five: a fetched gallery with uploads on...
    const live = index % 10 === 4; // ...and every other one of those live, on the mock's event socket
    if (fetched) {
      gallery.uploads = true;
      gallery.live = live;
      gallery.pageSize = 20;
      gallery.api = index % 10 === 9 ? 'search' : 'query';
      gallery.fetch = fetch;
    } else {
      gallery.assets = assets;
    }
    document.body.append(gallery);
    await gallery.updateComplete;
    if (fetched) await waitUntil(() => cards(gallery) > 0, 'fetched gallery showed no cards', { timeout: 10_000, interval: 2 });
    if (live) await waitUntil(() => liveState(gallery) === 'live', 'the live gallery never opened its socket', { timeout: 10_000, interval: 2 });
    await frame();
    expect(cards(gallery)).to.be.greaterThan(0);
    gallery.remove();
    if (keep) unmounted.push(new WeakRef(gallery));
  }

  let sockets: { dispose(): void } | undefined;
  /** Where the counts and the heap stood after the warm-up, and how long the cycles took. */
  let baseline: { listeners: number; observers: number; heap: number; counted: { listeners: number; observers: number; timers: number; sockets: number } } | undefined;
  const laps: number[] = [];
  let cyclesMs = 0;

  // The cycles run once, here; the two tests below check what they left.
  before(async function () {
    // A net only (the cycles take under a minute on a quiet machine, and minutes beside other runs: Chromium's 300
    // took 2); nothing below waits for a duration. Under the runner's 10 minutes a file.
    this.timeout(480_000);
    assets = await hostAssets();
    sockets = await mockSockets(backend.socket.handlers);
    install();

    for (let index = 0; index < 50; index++) await cycle(index, false); // warm up
    // The warm-up's requests answered and its short timers fired: what is left now is the baseline.
    await waitUntil(() => requestsInFlight === 0 && shortTimersPending() === 0, 'the warm-up did not settle', { timeout: 30_000 });
    const counted = { listeners: listenersAdded, observers: observersMade, timers: timersMade, sockets: backend.socket.attempts.length };
    baseline = { listeners: liveListeners.size, observers: observing.size, heap: await collect(), counted };
    const began = performance.now();
    for (let index = 0; index < CYCLES; index++) {
      await cycle(index, true);
      if (index % 100 === 99) laps.push(Math.round(performance.now() - began));
    }
    cyclesMs = Math.round(performance.now() - began);
    // Instead of a settle period (600 ms): the last requests answered, and the elements' short timers fired.
    await waitUntil(() => requestsInFlight === 0, 'requests still in flight', { timeout: 30_000 });
    await waitUntil(() => shortTimersPending() === 0, `timers of ${SHORT_TIMER_MS} ms or less keep coming`, { timeout: 30_000 });
    // A socket's close reaches the server a moment after the page closes it.
    await waitUntil(() => backend.socket.open === 0, 'sockets still open', { timeout: 30_000 }).catch(() => {});
  });
  after(() => {
    restore();
    sockets?.dispose();
  });

  it('leaves no listeners, observers, timers or sockets behind', () => {
    if (!baseline) throw new Error('the cycles did not run');
    const { counted } = baseline;
    const seen = { listeners: listenersAdded - counted.listeners, observers: observersMade - counted.observers, timers: timersMade - counted.timers };
    const report = {
      cyclesMs,
      cyclesMsAt100s: laps.join(', '),
      listenersAddedBySrc: listenersAdded,
      listenersRemoved,
      listenersLeft: liveListeners.size - baseline.listeners,
      observersMade,
      observersStillObserving: observing.size - baseline.observers,
      timersMadeBySrc: timersMade,
      timersPending: pendingTimers.size,
      intervalsLive: liveIntervals.size,
      socketsOpened: backend.socket.attempts.length - counted.sockets,
      socketsStillOpen: backend.socket.open,
    };
    const leftObserver = [...observing].at(-1);
    console.log(`memory: ${JSON.stringify(report, null, 2)}`);
    if (leftObserver) console.log(`memory: a ${leftObserver.kind} left observing, from:\n${leftObserver.stack}`);

    const failures: string[] = [];
    const check = (ok: boolean, what: string) => ok || failures.push(what);
    // The counts below are 0 when nothing is left behind, and also when the tracking saw nothing at all (the
    // elements' code moved where `fromSource` does not look, say): it must have seen every cycle's share.
    check(seen.listeners >= CYCLES, `window/document listeners seen from src/: ${seen.listeners} in ${CYCLES} cycles`);
    check(seen.observers >= CYCLES, `observers seen: ${seen.observers} in ${CYCLES} cycles`);
    check(seen.timers > 0, `timers seen from src/: ${seen.timers} in ${CYCLES} cycles`);
    const liveCycles = CYCLES / 10;
    check(report.socketsOpened >= liveCycles, `sockets opened: ${report.socketsOpened} in ${liveCycles} live cycles`);
    check(backend.socket.open === 0, `sockets still open: ${backend.socket.open}`);
    check(liveListeners.size === baseline.listeners, `window/document listeners left: ${report.listenersLeft}`);
    check(observing.size === baseline.observers, `observers still observing: ${report.observersStillObserving}`);
    check(pendingTimers.size === 0, `timers neither fired nor cleared: ${[...pendingTimers.values()].map((timer) => timer.stack).join('\n')}`);
    check(liveIntervals.size === 0, `intervals still running: ${liveIntervals.size}`);
    expect(failures, failures.join('\n')).to.deep.equal([]);
  });

  // Only an engine that reads its heap can check it, and only one that collects on demand can tell a gallery kept
  // alive from one not yet collected: Chromium, with gc() from --expose-gc. Firefox and WebKit give a page neither
  // (no gc(), no performance.memory), so there the test is skipped.
  const heapTitle = 'frees every unmounted gallery, and the heap ends within 10 % of the start';
  (heapReadable ? it : it.skip)(
    heapReadable ? heapTitle : `${heapTitle} (skipped: this engine gives the page no gc() and no performance.memory)`,
    async function () {
      this.timeout(120_000); // a net: the collections below wait for conditions
      if (!baseline) throw new Error('the cycles did not run');
      expect(typeof gc, 'gc() (--js-flags=--expose-gc)').to.equal('function');
      expect(Number.isFinite(heap()), 'performance.memory').to.equal(true);
      const start = baseline.heap;

      // Quantized? Allocate 8 MB, and see whether the figure moves by that much. A quantized figure (Chromium
      // without --enable-precise-memory-info) moves in large steps, or not at all: the heap check could not fail.
      const probeStart = await collect();
      // eslint-disable-next-line no-useless-assignment -- the ballast is held only to be measured, then dropped for the collector
      let ballast: number[][] | null = Array.from({ length: 1000 }, () => new Array(1000).fill(1.5));
      const probeFull = heap();
      ballast = null;
      const probeAfter = await collect();
      const precise = probeFull - probeStart > 4 * 1024 * 1024 && heap() % 1024 !== 0;
      void ballast;
      expect(precise, `a precise heap figure (+8 MB read as ${mb(probeFull - probeStart)})`).to.equal(true);

      // The galleries unmounted last may still be held for a while by their pictures' requests (the browser keeps
      // an <img> or <video> alive while its load is under way): collect until none is left, or until at most
      // ALIVE_ALLOWED are and three collections in a row freed no more, rather than for a duration. A gallery that
      // anything else holds stays, and fails the check below once the wait is over.
      const aliveNow = () => unmounted.filter((ref) => ref.deref() !== undefined).length;
      let end = await collect();
      const collecting = performance.now();
      let fewest = Infinity;
      let roundsWithoutChange = 0;
      const collected = async () => {
        end = await collect();
        const now = aliveNow();
        roundsWithoutChange = now < fewest ? 0 : roundsWithoutChange + 1;
        fewest = Math.min(fewest, now);
        return now === 0 || (now <= ALIVE_ALLOWED && roundsWithoutChange >= 3);
      };
      await waitUntil(collected, 'galleries alive', { timeout: 30_000, interval: 50 }).catch(() => {});
      const alive = aliveNow();
      const report = {
        heapStart: mb(start),
        heapEnd: mb(end),
        heapChange: `${(((end - start) / start) * 100).toFixed(2)} %`,
        heapProbe: `+8 MB of arrays read as ${mb(probeFull - probeStart)}, after GC ${mb(probeAfter - probeStart)}`,
        galleriesAliveAfterGc: `${alive} of ${unmounted.length}`,
        collectMs: Math.round(performance.now() - collecting),
      };
      console.log(`memory: ${JSON.stringify(report, null, 2)}`);

      const failures: string[] = [];
      const check = (ok: boolean, what: string) => ok || failures.push(what);
      check(unmounted.length === CYCLES, `galleries watched: ${unmounted.length} of ${CYCLES}`);
      check(end <= start * 1.1, `heap ${mb(start)} → ${mb(end)} (more than 10 % up)`);
      // Nothing holds the unmounted galleries (a retained listener or observer would).
      check(alive <= ALIVE_ALLOWED, `unmounted galleries still reachable after GC: ${alive} of ${unmounted.length}`);
      expect(failures, failures.join('\n')).to.deep.equal([]);
    },
  );
});
