import type { ReactiveControllerHost } from 'lit';
import type { Asset } from '../../../api/index.js';
import { countByStatus, PROVIDER_STATUSES, type ProviderStatus, type StatusCounts } from '../../../status/index.js';

/** Counts for the overview: `null` is a count that is not known (never shown as 0). */
export type OverviewCounts = Record<ProviderStatus, number | null>;

/** What the overview may say, and of which set. */
export interface OverviewNumbers {
  counts: OverviewCounts | null;
  source: 'loaded' | 'server';
}

/**
 * What the gallery shows, derived from what its source has: the assets as uploads left them (patched, and the
 * ones uploaded here on top), the filtered list, the counts. Each is remade only when what it comes from
 * changes, so 100 000 assets are not re-filtered or re-counted per frame.
 */
export class AssetView {
  readonly #host: ReactiveControllerHost;
  readonly #knownSplit: (list: readonly Asset[]) => ReadonlyMap<ProviderStatus, Asset[]> | null;
  /** Assets as the server has them since an upload (newer than the page they came in). */
  #patches = new Map<number, Asset>();
  /** Assets uploaded here, shown on top until the server's pages include them. */
  #added: Asset[] = [];
  /** Assets the server told of since (live), not in its pages: in created order among them. */
  #placed: Asset[] = [];
  /** Ids of assets the server deleted since their page came. */
  #removed = new Set<number>();

  #all = { base: null as readonly Asset[] | null, patches: this.#patches, added: this.#added, placed: this.#placed, removed: this.#removed, list: [] as Asset[] };
  #visible = { of: null as Asset[] | null, filter: undefined as ProviderStatus | null | undefined, list: [] as Asset[] };
  /** The assets split by status, made on the first filter switch: later switches need no pass over them. */
  #byStatus = { of: null as Asset[] | null, buckets: new Map<ProviderStatus, Asset[]>() };
  #counts = { of: null as Asset[] | null, counts: null as StatusCounts | null };
  #byId = { of: null as Asset[] | null, map: new Map<number, Asset>() };
  #filtered = { of: null as readonly Asset[] | null, by: null as ProviderStatus | null, result: false };

  /** `knownSplit`: a list's split by status when its source knows it already (the host reader), else null. */
  constructor(host: ReactiveControllerHost, options: { knownSplit?: (list: readonly Asset[]) => ReadonlyMap<ProviderStatus, Asset[]> | null } = {}) {
    this.#host = host;
    this.#knownSplit = options.knownSplit ?? (() => null);
  }

  /** New data from the source: what uploads and live updates taught us about the old data is in it, or no longer applies. */
  forgetChanges(): void {
    this.#patches = new Map();
    this.#added = [];
    this.#placed = [];
    this.#removed = new Set();
    this.#host.requestUpdate();
  }

  /**
   * Changes the server told of since the pages came (live updates, or the host's own): an asset shown is replaced
   * where it is; one not shown is put in created order when `belongs` says it is in the loaded range (later pages
   * bring the others); a deleted one goes.
   */
  applyChanges(change: { assets: readonly Asset[]; deleted: readonly number[] }, belongs: (asset: Asset) => boolean): void {
    const shown = this.#all.list;
    for (const asset of change.assets) {
      // Always the newest word on this id: a page on its way (older than this answer) that brings it is patched too.
      this.patch(asset);
      if (!this.byId(shown, asset.id) && belongs(asset)) this.#placed = insertByAge(this.#placed.filter((placed) => placed.id !== asset.id), asset);
    }
    if (change.deleted.length > 0) {
      const deleted = new Set(change.deleted);
      this.#removed = new Set([...this.#removed, ...deleted]);
      this.#added = this.#added.filter((asset) => !deleted.has(asset.id));
      this.#placed = this.#placed.filter((asset) => !deleted.has(asset.id));
    }
    this.#host.requestUpdate();
  }

  /** The server's word on an asset since its page came (an upload, a live change): it wins over that page's copy. */
  patch(asset: Asset): void {
    this.#patches = new Map(this.#patches).set(asset.id, asset);
    if (this.#added.some((added) => added.id === asset.id)) this.#added = this.#added.map((added) => (added.id === asset.id ? asset : added));
    if (this.#placed.some((placed) => placed.id === asset.id)) this.#placed = this.#placed.map((placed) => (placed.id === asset.id ? asset : placed));
    this.#host.requestUpdate();
  }

  /** An asset uploaded here: on top, until the server's pages include it. */
  add(asset: Asset): void {
    this.#added = [asset, ...this.#added.filter((added) => added.id !== asset.id)];
    this.#host.requestUpdate();
  }

  /** The source's assets the view was last made of (before a new list replaces them). */
  get lastBase(): readonly Asset[] | null {
    return this.#all.base;
  }

  /** The source's assets, as uploads and live updates left them, with the ones uploaded here on top. */
  all(base: readonly Asset[]): Asset[] {
    const all = this.#all;
    const [patches, added, placed, removed] = [this.#patches, this.#added, this.#placed, this.#removed];
    if (all.base !== base || all.patches !== patches || all.added !== added || all.placed !== placed || all.removed !== removed) {
      let list = patches.size > 0 ? base.map((asset) => patches.get(asset.id) ?? asset) : (base as Asset[]);
      if (removed.size > 0) list = list.filter((asset) => !removed.has(asset.id));
      if (placed.length > 0) list = mergeByAge(list, placed);
      if (added.length > 0) {
        const known = new Set(list.map((asset) => asset.id));
        list = [...added.filter((asset) => !known.has(asset.id)), ...list];
      }
      this.#all = { base, patches, added, placed, removed, list };
    }
    return this.#all.list;
  }

  /** The assets the filter lets through (the server is sent the filter too; older servers ignore it). */
  visible(all: Asset[], filter: ProviderStatus | null): Asset[] {
    const visible = this.#visible;
    if (visible.of !== all || visible.filter !== filter) {
      this.#visible = { of: all, filter, list: filter ? (this.#buckets(all).get(filter) ?? []) : all };
    }
    return this.#visible.list;
  }

  #buckets(all: Asset[]): Map<ProviderStatus, Asset[]> {
    if (this.#byStatus.of !== all) {
      const known = this.#knownSplit(all);
      const buckets = new Map<ProviderStatus, Asset[]>(PROVIDER_STATUSES.map((status) => [status, known ? (known.get(status) ?? []) : []]));
      if (!known) for (const asset of all) buckets.get(asset.provider_status)?.push(asset);
      this.#byStatus = { of: all, buckets };
    }
    return this.#byStatus.buckets;
  }

  /** The assets counted by status. */
  counts(all: Asset[]): StatusCounts {
    if (this.#counts.of !== all || !this.#counts.counts) this.#counts = { of: all, counts: countByStatus(all) };
    return this.#counts.counts as StatusCounts;
  }

  /** The asset shown under `id` now, if any. */
  byId(all: Asset[], id: number): Asset | undefined {
    if (this.#byId.of !== all) this.#byId = { of: all, map: new Map(all.map((asset) => [asset.id, asset])) };
    return this.#byId.map.get(id);
  }

  /**
   * What the overview may truthfully say, and of which set: the server's totals (the library) when it gives them;
   * otherwise the loaded assets. Nothing while the first page loads or has failed; with the server filtering,
   * only the filtered status (the others were never loaded, so they are not known, not zero).
   */
  overview(input: {
    all: Asset[];
    /** The server's pages as they came (not patched): whether the server applied the filter shows in them. */
    pages: readonly Asset[];
    filter: ProviderStatus | null;
    hostData: boolean;
    firstPageHere: boolean;
    serverTotals: StatusCounts | null;
  }): OverviewNumbers {
    const { all, pages, filter, hostData, firstPageHere, serverTotals } = input;
    if (serverTotals) return { counts: serverTotals, source: 'server' };
    if (!hostData && !firstPageHere) return { counts: null, source: 'loaded' };
    const counts = this.counts(all);
    if (hostData || filter === null || !this.#serverFiltered(pages, filter)) return { counts, source: 'loaded' };
    return { counts: { ok: null, local_only: null, flagged: null, unknown: null, [filter]: counts[filter] }, source: 'loaded' };
  }

  /** The server applied the filter: every asset of its pages has the filtered status (an older server sends others too). */
  #serverFiltered(pages: readonly Asset[], filter: ProviderStatus): boolean {
    const known = this.#filtered;
    if (known.of !== pages || known.by !== filter) {
      this.#filtered = { of: pages, by: filter, result: pages.every((asset) => asset.provider_status === filter) };
    }
    return this.#filtered.result;
  }
}

/**
 * The same asset, as far as a list can tell: the same id, made at the same time, of the same kind. Another library
 * (another user, another backend) may use the same ids for other assets.
 */
export function sameAsset(a: Asset, b: Asset): boolean {
  return a.id === b.id && a.created_at === b.created_at && a.media_type === b.media_type;
}

/**
 * For a new list from the host: is the asset under an id still the one the old list had there? `find` looks an id up
 * in the whole new list (also where it is not read yet); null when there is no new list.
 */
export function stillShown(before: readonly Asset[] | null, find: ((id: number) => Asset | undefined) | null): (id: number) => boolean {
  let old: Map<number, Asset> | undefined;
  return (id) => {
    if (!before || !find) return false;
    old ??= new Map(before.map((asset) => [asset.id, asset]));
    const [then, now] = [old.get(id), find(id)];
    return !!then && !!now && sameAsset(then, now);
  };
}

/** Newer first, as the server lists them (`created_at DESC, id DESC`); an asset without a date is oldest. */
export function newerFirst(a: Asset, b: Asset): number {
  const [left, right] = [a.created_at ?? '', b.created_at ?? ''];
  return left === right ? b.id - a.id : left < right ? 1 : -1;
}

function insertByAge(sorted: Asset[], asset: Asset): Asset[] {
  const index = sorted.findIndex((other) => newerFirst(asset, other) < 0);
  return index === -1 ? [...sorted, asset] : [...sorted.slice(0, index), asset, ...sorted.slice(index)];
}

/** The list with `placed` (newer first) put where they belong by age; ids the list has already are left out. */
function mergeByAge(list: Asset[], placed: readonly Asset[]): Asset[] {
  const known = new Set(list.map((asset) => asset.id));
  const extra = placed.filter((asset) => !known.has(asset.id));
  const result: Asset[] = [];
  let next = 0;
  for (const asset of list) {
    while (next < extra.length && newerFirst(extra[next] as Asset, asset) < 0) result.push(extra[next++] as Asset);
    result.push(asset);
  }
  return result.concat(extra.slice(next));
}
