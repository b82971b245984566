import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Asset } from '../../../api/index.js';
import type { UploadOutcome } from '../../../status/index.js';
import type { AssetSource } from '../data/asset-source.js';
import type { AssetView } from '../data/asset-view.js';

export interface UploadResultsOptions {
  source: AssetSource;
  view: AssetView;
  /** The assets shown now, as uploads left them. */
  all: () => Asset[];
  reload: () => void;
}

/**
 * What an upload's answer changes in the list: the card's status, the counts and the filter follow it at once;
 * then the server's word on the asset wins. A new asset comes on top; an answer that names none (Era A) makes
 * the gallery fetch again, once for the uploads that answer together.
 */
export class UploadResults implements ReactiveController {
  readonly #options: UploadResultsOptions;
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: UploadResultsOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#reloadTimer);
  }

  /** The server answered for `assetId` (a re-upload), or for a new asset (`madeNew`, or no `assetId`). */
  uploaded(outcome: UploadOutcome, assetId: number | undefined, newAssetId: number | undefined, madeNew: boolean): void {
    const { source, view } = this.#options;
    if (assetId !== undefined) {
      const current = view.byId(this.#options.all(), assetId);
      // Through upload-from-url the server made a new asset: the old one stays as it was.
      if (current && !madeNew) view.patch({ ...current, provider_status: outcome.status, provider_status_reason: outcome.reason ?? null });
      void this.#refresh(assetId);
    }
    if (assetId === undefined || madeNew) {
      if (newAssetId !== undefined) void this.#addNew(newAssetId);
      else if (!source.hostAssets) this.#reloadSoon();
    }
    source.refreshTotalsSoon();
  }

  /** The server refused a re-upload: it may have changed the asset too (HEAD flags it). */
  refused(assetId: number): void {
    void this.#refresh(assetId);
    this.#options.source.refreshTotalsSoon();
  }

  async #refresh(id: number): Promise<void> {
    try {
      this.#options.view.patch(await this.#options.source.client.get(id));
    } catch {
      // Keep what the upload's reply said; the next page load corrects it.
    }
  }

  async #addNew(id: number): Promise<void> {
    const { source, view } = this.#options;
    try {
      const asset = await source.client.get(id);
      // A dedup reply names an asset that is shown already: it is updated where it is, not added again.
      if ((source.hostAssets ?? source.loaded).some((known) => known.id === id)) view.patch(asset);
      else view.add(asset);
    } catch {
      if (!source.hostAssets) this.#options.reload();
    }
  }

  /** An Era A reply names no asset: fetch again to show it, once for the uploads that answer together. */
  #reloadSoon(): void {
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = setTimeout(() => this.#options.reload(), 400);
  }
}
