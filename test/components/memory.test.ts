import { expect, waitUntil } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import type { Asset, FetchLike } from '../../src/api/index.js';
import { createAssetsClient } from '../../src/api/index.js';
import { createMockBackend, mockFetch } from '../../mocks/index.js';

/**
 * Issue 6: "1 000 mount and unmount cycles of a gallery with data leave no listeners, observers or timers behind
 * (heap after GC within 10 % of the start)." Chromium runs with --expose-gc (web-test-runner.config.mjs).
 */

const gc = (globalThis as unknown as { gc?: () => void }).gc;
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const originalSetTimeout = window.setTimeout.bind(window);
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
const pendingTimers = new Map<number, string>();
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
    pendingTimers.set(id, `${timeout} ms\n${stack}`);
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

describe('<asset-gallery>: 1 000 mounts and unmounts (issue 6)', () => {
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
    const fetched = index % 5 === 4; // one cycle in five: a fetched gallery with uploads on
    if (fetched) {
      gallery.uploads = true;
      gallery.pageSize = 20;
      gallery.api = index % 10 === 9 ? 'search' : 'query';
      gallery.fetch = fetch;
    } else {
      gallery.assets = assets;
    }
    document.body.append(gallery);
    await gallery.updateComplete;
    if (fetched) await waitUntil(() => cards(gallery) > 0, 'fetched gallery showed no cards', { timeout: 3000, interval: 2 });
    await frame();
    expect(cards(gallery)).to.be.greaterThan(0);
    gallery.remove();
    if (keep) unmounted.push(new WeakRef(gallery));
  }

  before(async () => {
    assets = await hostAssets();
    install();
  });
  after(() => restore());

  it('leaves no listeners, observers or timers behind, and the heap within 10 % of the start', async function () {
    this.timeout(240000);
    expect(typeof gc, 'gc() (--js-flags=--expose-gc)').to.equal('function');
    expect(Number.isFinite(heap()), 'performance.memory').to.equal(true);

    // Quantized? Allocate 8 MB, and see whether the figure moves by that much.
    const probeStart = await collect();
    let ballast: number[][] | null = Array.from({ length: 1000 }, () => new Array(1000).fill(1.5));
    const probeFull = heap();
    ballast = null;
    const probeAfter = await collect();
    const precise = probeFull - probeStart > 4 * 1024 * 1024 && heap() % 1024 !== 0;
    void ballast;

    for (let index = 0; index < 50; index++) await cycle(index, false); // warm up
    await sleep(600);
    const listenersBefore = liveListeners.size;
    const observersBefore = observing.size;
    const start = await collect();
    const began = performance.now();

    const laps: number[] = [];
    for (let index = 0; index < 1000; index++) {
      await cycle(index, true);
      if (index % 250 === 249) laps.push(Math.round(performance.now() - began));
    }

    const cyclesMs = performance.now() - began;
    await waitUntil(() => requestsInFlight === 0, 'requests still in flight', { timeout: 3000 });
    await sleep(600); // a settle period: timers that fire shortly (status-overview's announcement) may do so
    const end = await collect();
    const alive = unmounted.filter((ref) => ref.deref() !== undefined).length;

    const report = {
      heapStart: mb(start),
      heapEnd: mb(end),
      heapChange: `${(((end - start) / start) * 100).toFixed(2)} %`,
      heapQuantized: !precise,
      heapProbe: `+8 MB of arrays read as ${mb(probeFull - probeStart)}, after GC ${mb(probeAfter - probeStart)}`,
      cyclesMs: Math.round(cyclesMs),
      cyclesMsAt250s: laps.join(', '),
      listenersAddedBySrc: listenersAdded,
      listenersRemoved,
      listenersLeft: liveListeners.size - listenersBefore,
      observersMade,
      observersStillObserving: observing.size - observersBefore,
      timersMadeBySrc: timersMade,
      timersPending: pendingTimers.size,
      intervalsLive: liveIntervals.size,
      galleriesAliveAfterGc: `${alive} of ${unmounted.length}`,
    };
    const leftObserver = [...observing].at(-1);
    console.log(`memory: ${JSON.stringify(report, null, 2)}`);
    if (leftObserver) console.log(`memory: a ${leftObserver.kind} left observing, from:\n${leftObserver.stack}`);

    const failures: string[] = [];
    const check = (ok: boolean, what: string) => ok || failures.push(what);
    check(liveListeners.size === listenersBefore, `window/document listeners left: ${liveListeners.size - listenersBefore}`);
    check(observing.size === observersBefore, `observers still observing: ${observing.size - observersBefore}`);
    check(pendingTimers.size === 0, `timers neither fired nor cleared: ${[...pendingTimers.values()].join('\n')}`);
    check(liveIntervals.size === 0, `intervals still running: ${liveIntervals.size}`);
    check(end <= start * 1.1, `heap ${mb(start)} → ${mb(end)} (more than 10 % up)`);
    // Nothing holds the unmounted galleries (a retained listener or observer would).
    check(alive <= 10, `unmounted galleries still reachable after GC: ${alive} of ${unmounted.length}`);
    expect(failures, failures.join('\n')).to.deep.equal([]);
  });
});
