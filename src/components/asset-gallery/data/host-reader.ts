import { isParsedAsset, parseAsset, type Asset } from '../../../api/index.js';
import { PROVIDER_STATUSES, type ProviderStatus } from '../../../status/index.js';

/**
 * How long one slice of reading may keep the main thread. Well under the 50 ms of a long task: a click, a scroll or
 * a frame waits at most this long for the read (a filter switch during the read has a frame's time to spare).
 */
export const SLICE_MS = 6;

/**
 * Assets read at once, when the list is handed over, before the first render: the cards a first render shows (24)
 * and more, so the first cards paint in the same frame as parsed ones would; the rest follows in the background.
 * Not bounded by SLICE_MS: the parser's first calls run cold, and on a slow device 6 ms may read only a few.
 */
const FIRST_SCREEN = 48;
/** …but the first read never takes longer than this, whatever it has read. */
const FIRST_READ_MS = 30;

/** The assets of a list, split by status (each in the list's order). */
export type StatusSplit = Map<ProviderStatus, Asset[]>;

/** One host item as an asset, or null; an item whose getters throw is skipped, not the rest of the list. */
export function readHostAsset(item: unknown): Asset | null {
  try {
    return isParsedAsset(item) ? item : parseAsset(item);
  } catch {
    return null;
  }
}

/**
 * A host's `.assets`, validated in display order, in slices that yield to the browser between them: the first
 * screen is read at once, the rest in the background, so that 100 000 raw server items never block the page.
 * Nothing that was not validated is shown or counted: `list` holds the items read so far that could be shown,
 * `skipped` those that could not. A list of assets the api module made (`isParsedAsset`) needs no reading: it is
 * used as it is, at once.
 *
 * The items are those the list had when it was handed over (a copy is read): a host changes the list by handing
 * over a new one, as it does to change it at all.
 */
export class HostReader {
  readonly source: Iterable<unknown>;
  /** The host's items, or null when the list is read already. */
  #items: unknown[] | null = null;
  /** The list needed reading (it was not all the api module's assets), and `#split` holds its split by status. */
  #splitKept = false;
  #length = 0;
  #next = 0;
  /** Read so far, shown or skipped: in the list's order. */
  #assets: Asset[] = [];
  readonly #split: StatusSplit = new Map(PROVIDER_STATUSES.map((status) => [status, []]));
  #skipped = 0;
  #done = false;
  readonly #progress: (done: boolean) => void;
  #cancelSlice: (() => void) | null = null;
  /** `list` as last handed out, and how many assets it held. */
  #snapshot: { size: number; list: Asset[]; sizes: number[]; split: StatusSplit | null } = { size: -1, list: [], sizes: [], split: null };

  constructor(source: Iterable<unknown>, options: { progress: (done: boolean) => void }) {
    this.source = source;
    this.#progress = options.progress;
    try {
      if (Array.isArray(source) && source.every(isParsedAsset)) {
        // Made by the api module already: nothing to read, no copy of 100 000 assets.
        this.#assets = source;
        this.#done = true;
        return;
      }
    } catch {
      // A hostile list: read it item by item below.
    }
    ({ items: this.#items, length: this.#length } = listItems(source));
    this.#splitKept = true;
    this.#read(FIRST_READ_MS, FIRST_SCREEN);
  }

  /** Still reading: `list` is not the whole list yet, and no count of it is. */
  get reading(): boolean {
    return !this.#done;
  }

  /** Items that could not be shown (so far, while reading). */
  get skipped(): number {
    return this.#skipped;
  }

  /** The assets validated so far, in the list's order: the same array until more are read. */
  get list(): Asset[] {
    const size = this.#assets.length;
    if (this.#snapshot.size !== size || (this.#done && this.#snapshot.list !== this.#assets)) {
      // Once read, the list itself (nothing changes it any more); while reading, a copy of what is read.
      const sizes = PROVIDER_STATUSES.map((status) => this.#split.get(status)?.length ?? 0);
      this.#snapshot = { size, list: this.#done ? this.#assets : this.#assets.slice(), sizes, split: null };
    }
    return this.#snapshot.list;
  }

  /** `list` split by status, kept as the items were read: a filter switch needs no pass over the list. */
  splitOf(list: readonly Asset[]): StatusSplit | null {
    const snapshot = this.#snapshot;
    if (list !== snapshot.list || !this.#splitKept) return null; // a list that needed no reading is split on first use
    const done = list === this.#assets; // read to the end: the buckets change no more
    snapshot.split ??= new Map(
      PROVIDER_STATUSES.map((status, index) => {
        const bucket = this.#split.get(status) ?? [];
        return [status, done ? bucket : bucket.slice(0, snapshot.sizes[index])];
      }),
    );
    return snapshot.split;
  }

  /** Reads the rest in slices, one task each; again after `pause()`. */
  resume(): void {
    if (this.#done || this.#cancelSlice) return;
    this.#cancelSlice = nextTask(() => {
      this.#cancelSlice = null;
      this.#read(SLICE_MS, Infinity);
      this.#progress(this.#done);
      this.resume();
    });
  }

  /** Stops reading (the gallery left the page, or has another list); `resume()` goes on where it stopped. */
  pause(): void {
    this.#cancelSlice?.();
    this.#cancelSlice = null;
  }

  /**
   * The next slice waits until the next frame has been drawn: a person's change (a filter switch) shows first, and
   * its frame never waits for a slice that was queued before it.
   */
  afterNextFrame(): void {
    // A hidden page draws no frames (and runs no frame callbacks): nothing to wait for there. Nor while the first
    // screen is not read yet (a slow device, or many bad items first): those cards are the change to draw.
    if (this.#done || !this.#cancelSlice || document.visibilityState === 'hidden' || this.#assets.length < FIRST_SCREEN) return;
    this.pause();
    const frame = requestAnimationFrame(() => {
      // Posted from the frame's callbacks, the slice runs after that frame is drawn.
      this.#cancelSlice = null;
      this.resume();
    });
    this.#cancelSlice = () => cancelAnimationFrame(frame);
  }

  /**
   * The asset under `id` in the whole list, read now if the reading has not come to it: for an upload that must know
   * whether the new list still holds its asset. Undefined when no item with that id can be shown.
   */
  find(id: number): Asset | undefined {
    const known = this.#assets.find((asset) => asset.id === id);
    if (known || this.#done || !this.#items) return known;
    for (let index = this.#next; index < this.#length; index++) {
      const item = this.#items[index];
      const asset = mayHaveId(item, id) ? readHostAsset(item) : null;
      if (asset?.id === id) return asset;
    }
    return undefined;
  }

  /** Reads items for up to `budget` ms (at least one), or until `enough` assets are read. */
  #read(budget: number, enough: number): void {
    const items = this.#items;
    if (!items) return;
    const end = performance.now() + budget;
    let index = this.#next;
    while (index < this.#length) {
      // The clock is read every few items: reading it costs about as much as a cheap item.
      for (const stop = Math.min(this.#length, index + 8); index < stop; index++) {
        const asset = readHostAsset(items[index]);
        if (!asset) {
          this.#skipped += 1;
          continue;
        }
        this.#assets.push(asset);
        this.#split.get(asset.provider_status)?.push(asset);
      }
      if (this.#assets.length >= enough || performance.now() >= end) break;
    }
    this.#next = index;
    if (index >= this.#length) {
      this.#done = true;
      this.#items = null;
    }
  }
}

/** More items than any real library; a hostile `length` (Infinity) is not read forever. */
const MAX_ITEMS = 10_000_000;

/**
 * The items of the host's list as they are now, copied: a store that changes its array in place while the rest is
 * read (shift, sort) must not make the reader skip or miscount an item. A plain array is copied with `slice` (under a
 * millisecond for 100 000; pushing them one by one took 5 to 15 ms of the first paint); an array whose items
 * throw is copied by index, anything else iterated once, either up to the first item that throws.
 */
function listItems(source: Iterable<unknown>): { items: unknown[]; length: number } {
  try {
    if (Array.isArray(source) && Object.getPrototypeOf(source) === Array.prototype) {
      const items = Array.prototype.slice.call(source, 0, MAX_ITEMS) as unknown[];
      return { items, length: items.length };
    }
  } catch {
    // An item (a getter, a proxy's trap) threw, or a revoked proxy: by index below, up to what throws.
  }
  const items: unknown[] = [];
  try {
    if (Array.isArray(source)) {
      const length = Math.min(source.length, MAX_ITEMS);
      for (let index = 0; index < length; index++) items.push(source[index]);
    } else {
      for (const item of source) if (items.push(item) >= MAX_ITEMS) break;
    }
  } catch {
    // A revoked or hostile proxy, or an iterator that threw: read what came.
  }
  return { items, length: items.length };
}

/** Whether an item may be the asset `id` (its id, as a number or digits): only those are parsed by `find`. */
function mayHaveId(item: unknown, id: number): boolean {
  try {
    const value = (item as { id?: unknown } | null)?.id;
    return value === id || value === String(id);
  } catch {
    return false;
  }
}

/*
 * Tasks that yield to the browser: a message to ourselves is a new task at once, without the 4 ms clamp of nested
 * timers, and it runs in every browser (Safari has no requestIdleCallback). Not `scheduler.postTask` at background
 * priority: Chromium runs those about once a frame, and 100 000 items took four times as long. One channel for every
 * gallery on the page; a cancelled task is dropped from the queue, so a gallery off the page is not held by it.
 */
let channel: MessageChannel | undefined;
const queue = new Set<() => void>();

function nextTask(run: () => void): () => void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const [first] = queue;
      if (!first) return;
      queue.delete(first);
      first();
    };
  }
  const task = () => run();
  queue.add(task);
  channel.port2.postMessage(null);
  return () => queue.delete(task);
}
