/**
 * The benchmark page: `?n=1000&mode=gallery|raw|baseline`. It makes N assets, then measures itself and reports
 * through `window.__result` (and the promise `window.__done`); `bench/run.mjs` loads it once per sample. `gallery`
 * hands the gallery assets the api module parsed; `raw` hands it the same assets as raw server JSON (both eras'
 * shapes, about 3 % of them invalid), as a host app's own store holds them; `baseline` is the vanilla DOM.
 *
 * Every timing starts inside a requestAnimationFrame callback (t0, then the change) and ends in a task posted
 * right after a frame's rendering (style, layout, paint) has run on the main thread (t1), at the first such
 * frame in which the cards are there: nothing pending in any Lit element, every visible card filled in, and the
 * viewport covered with cards (or every matching asset shown). Work that finishes inside the frame it started
 * in therefore measures as its own cost, not as a whole frame.
 */
import type { Asset } from '../../src/api/schemas.js';
import type { ProviderStatus } from '../../src/status/index.js';
import { PROVIDER_STATUSES } from '../../src/status/index.js';
import { makeAssets, makeRawAssets, makeThumbnailUrl } from './assets.js';
import { Baseline } from './baseline.js';

export type Mode = 'gallery' | 'raw' | 'baseline';

export interface Timing {
  /** t1 − t0 in milliseconds. */
  ms: number;
  /** Frames rendered from t0 until the cards were there (1: in the frame the change was made in). */
  frames: number;
  /** Cards in the DOM at t1, and how many of them intersect the viewport. */
  cards: number;
  visible: number;
  /** Visible cards that show the wrong status for the filter (must be 0). */
  wrong: number;
}

export interface BenchResult {
  mode: Mode;
  n: number;
  /** Data → painted cards. */
  paint: Timing;
  /** Every element in the document, shadow roots included, after the first paint. */
  elements: number;
  /** Filter "all" → FILTER, and back to all: FILTER_ROUNDS of each, in turn. */
  filterTo: Timing[];
  filterBack: Timing[];
  filter: ProviderStatus;
  /** Assets of that status among the N. */
  matching: number;
  /** From the data going in until the gallery had read all of it (its counts shown): the background read. */
  readMs: number;
  /** Main-thread tasks over 50 ms (PerformanceObserver, `longtask`) from the data going in until it was read. */
  longTasks: number[];
  /** Where each of them began: during the first paint, the filter switches (with the settling between), or after them. */
  longTaskPhases: ('paint' | 'filter' | 'read')[];
  /** After the read: the overview's counts are the true counts, and the skipped items are counted (raw). */
  countsRight: boolean;
  countsShown: string;
}

declare global {
  interface Window {
    __result?: BenchResult | { error: string };
    __done?: Promise<BenchResult | { error: string }>;
  }
}

const FILTER: ProviderStatus = 'local_only';
/** Filter switches per page, each way: a person switches often, so these are warm as well as cold. */
const FILTER_ROUNDS = 3;

/** What is measured: the gallery element, or the vanilla baseline. */
interface Subject {
  /** Puts the data in (timed). */
  show(assets: unknown[]): void;
  /** Resolves once the gallery shows its counts (it has read every asset): per status, and the items it skipped; null for the baseline. */
  counted(): Promise<{ counts: number[]; skipped: number } | null>;
  /** Switches the status filter (timed). */
  filter(status: ProviderStatus | null): void;
  /** The cards in the DOM now. */
  cards(): Element[];
  /** An update is still to come (a Lit element with a pending update). */
  pending(): boolean;
  /** The card shows an asset; its status. */
  filled(card: Element): boolean;
  status(card: Element): string | null;
}

window.__done = run().then(
  (result) => (window.__result = result),
  (error: unknown) => (window.__result = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);

async function run(): Promise<BenchResult> {
  const params = new URLSearchParams(location.search);
  const n = Number(params.get('n') ?? '1000');
  const mode = (['gallery', 'raw', 'baseline'] as const).find((known) => known === params.get('mode')) ?? 'gallery';
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`bad n: ${params.get('n')}`);

  // Not timed: making the data, loading the code, putting the empty element in the page.
  const thumbnail = makeThumbnailUrl();
  const raw = mode === 'raw' ? makeRawAssets(n, thumbnail) : null;
  const assets = raw ? null : makeAssets(n, thumbnail);
  const statuses = raw ? raw.statuses : (assets ?? []).map((asset) => asset.provider_status);
  const root = document.getElementById('root') as HTMLElement;
  const subject = mode === 'baseline' ? baselineSubject(root) : await gallerySubject(root);
  const longTasks = watchLongTasks();
  // Half a second of quiet: the page's own start (fonts, compositor, code) is over before the data arrives,
  // as it is when the data comes from a fetch.
  await settle(500);

  const start = longTasks.mark();
  const paint = await measure(subject, () => subject.show(raw ? raw.items : (assets ?? [])), statuses.length, null);
  const elements = countElements(document);
  const matching = statuses.filter((status) => status === FILTER).length;
  const filterTo: Timing[] = [];
  const filterBack: Timing[] = [];
  for (let round = 0; round < FILTER_ROUNDS; round++) {
    await settle();
    filterTo.push(await measure(subject, () => subject.filter(FILTER), matching, FILTER));
    await settle();
    filterBack.push(await measure(subject, () => subject.filter(null), statuses.length, null));
  }
  // The read goes on in the background (raw data): until the counts are shown, every long task is the gallery's.
  const filtersDone = performance.now();
  const counts = await subject.counted();
  const readMs = performance.now() - start;
  const expected = PROVIDER_STATUSES.map((status) => statuses.filter((known) => known === status).length);
  const countsShown = counts ? `${counts.counts.join('/')}${raw ? `, skipped ${counts.skipped}` : ''}` : 'none';
  const countsRight = !counts || (counts.counts.join('/') === expected.join('/') && counts.skipped === (raw?.invalid ?? 0));
  const tasks = longTasks.since(start);
  const phase = (at: number) => (at < start + paint.ms ? 'paint' : at < filtersDone ? 'filter' : 'read');
  return {
    mode,
    n,
    paint,
    elements,
    filterTo,
    filterBack,
    filter: FILTER,
    matching,
    readMs,
    longTasks: tasks.map((task) => task.duration),
    longTaskPhases: tasks.map((task) => phase(task.start)),
    countsRight,
    countsShown,
  };
}

async function gallerySubject(root: HTMLElement): Promise<Subject> {
  await import('../../src/asset-gallery.js');
  const gallery = document.createElement('asset-gallery');
  // The data comes from the host (`.assets`); the gallery must never fetch here.
  gallery.fetch = () => Promise.reject(new Error('the benchmark gives the gallery its assets'));
  gallery.assets = [];
  root.append(gallery);
  await gallery.updateComplete;
  return {
    show: (assets) => {
      gallery.assets = assets;
    },
    counted: async () => {
      const overview = () => deepQuery(gallery, 'status-overview')[0]?.shadowRoot;
      const count = (status: ProviderStatus) => overview()?.querySelector(`button[data-status="${status}"] .count`)?.textContent?.replace(/\D/g, '') ?? '';
      while (PROVIDER_STATUSES.some((status) => count(status) === '')) await new Promise((resolve) => requestAnimationFrame(resolve));
      const notice = [...(gallery.shadowRoot?.querySelectorAll('[part~="notice"]') ?? [])].find((element) => /could not be shown/.test(element.textContent ?? ''));
      return { counts: PROVIDER_STATUSES.map((status) => Number(count(status))), skipped: Number(notice?.textContent?.replace(/\D/g, '') || 0) };
    },
    filter: (status) => {
      gallery.statusFilter = status;
    },
    cards: () => deepQuery(gallery, 'media-card'),
    pending: () => deepQuery(gallery, '*').some((element) => (element as Partial<LitLike>).isUpdatePending === true) || gallery.isUpdatePending,
    filled: (card) => (card as Element & { assetId?: number | null }).assetId != null,
    status: (card) => card.getAttribute('status'),
  };
}

function baselineSubject(root: HTMLElement): Subject {
  const baseline = new Baseline(root);
  return {
    show: (assets) => baseline.show(assets as Asset[]),
    counted: () => Promise.resolve(null),
    filter: (status) => baseline.filter(status),
    cards: () => [...baseline.grid.querySelectorAll('.bl-card')],
    pending: () => false,
    filled: () => true,
    status: (card) => card.querySelector('.bl-badge')?.getAttribute('data-status') ?? null,
  };
}

interface LitLike {
  isUpdatePending: boolean;
}

/**
 * Runs `change` at the start of a frame and resolves once a frame with the cards has been rendered: see the
 * comment at the top. `expected` is how many assets match; `filter` the status every visible card must show.
 */
function measure(subject: Subject, change: () => void, expected: number, filter: ProviderStatus | null): Promise<Timing> {
  return new Promise((resolve, reject) => {
    requestAnimationFrame(() => {
      const t0 = performance.now();
      try {
        change();
      } catch (error) {
        reject(error);
        return;
      }
      let frames = 1;
      const check = (): void => {
        const t1 = performance.now();
        try {
          const state = cardsState(subject, expected, filter);
          if (state) {
            resolve({ ms: t1 - t0, frames, ...state });
            return;
          }
        } catch (error) {
          reject(error);
          return;
        }
        frames += 1;
        requestAnimationFrame(() => afterRendering(check));
      };
      afterRendering(check);
    });
  });
}

/** The cards as they are now, or null when they are not all there yet. */
function cardsState(subject: Subject, expected: number, filter: ProviderStatus | null): Omit<Timing, 'ms' | 'frames'> | null {
  if (subject.pending()) return null;
  const cards = subject.cards();
  if (cards.length === 0) return expected === 0 ? { cards: 0, visible: 0, wrong: 0 } : null;
  let visible = 0;
  let wrong = 0;
  let bottom = 0;
  for (const card of cards) {
    const box = card.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) continue;
    if (!subject.filled(card)) return null;
    visible += 1;
    bottom = Math.max(bottom, box.bottom);
    if (filter !== null && subject.status(card) !== filter) wrong += 1;
  }
  if (visible === 0) return null;
  const covered = bottom >= innerHeight || cards.length >= expected;
  return covered ? { cards: cards.length, visible, wrong } : null;
}

/** Calls `callback` in a task: posted from a rAF callback, it runs after that frame's rendering. */
function afterRendering(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

/**
 * A few quiet frames and a pause: lazy images, observers and timers of the last step settle. Then the garbage
 * of what came before (100 000 fixture assets make a lot) is collected, so that no collection of it lands
 * inside the next timed step, in either mode.
 */
async function settle(ms = 50): Promise<void> {
  for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, ms));
  const before = performance.now();
  (globalThis as { gc?: () => void }).gc?.();
  harnessTasks.push([before, performance.now()]);
}

/** The harness's own forced collections (start, end): a long task they are part of is not the gallery's. */
const harnessTasks: [number, number][] = [];

/** Collects long tasks (over 50 ms) as the browser reports them, from the page's start. */
function watchLongTasks(): { mark(): number; since(start: number): { start: number; duration: number }[] } {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  return {
    mark: () => performance.now(),
    since: (start) => {
      entries.push(...observer.takeRecords());
      const own = (entry: PerformanceEntry) =>
        !harnessTasks.some(([from, to]) => from < entry.startTime + entry.duration && to > entry.startTime);
      return entries
        .filter((entry) => entry.startTime >= start - 1 && own(entry))
        .map((entry) => ({ start: entry.startTime, duration: Math.round(entry.duration) }));
    },
  };
}

/** Elements matching `selector` under `host`, through every open shadow root. */
function deepQuery(host: Element, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (root: Element | ShadowRoot | Document): void => {
    for (const element of root.querySelectorAll('*')) {
      if (element.matches(selector)) found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  visit(host);
  return found;
}

/** Every element in the document, and in every open shadow root, recursively. */
function countElements(root: Document | ShadowRoot): number {
  let count = 0;
  for (const element of root.querySelectorAll('*')) {
    count += 1;
    if (element.shadowRoot) count += countElements(element.shadowRoot);
  }
  return count;
}
