import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Asset } from '../../../api/index.js';
import { formatPlural, type StatusCounts } from '../../../status/index.js';
import type { UploadRequestDetail } from '../../shared/events.js';
import { sameAsset } from '../data/asset-view.js';
import { Lazy } from '../../shared/lazy.js';
import type { UploadState } from '../../shared/upload.js';
import type { UploadController } from './upload-controller.js';
import type { UploadPanel, UploadPanelOptions } from './upload-panel.js';
import type { UploadResultsOptions } from './upload-results.js';

/** The upload code, loaded the first time a gallery has `uploads` or is asked to upload. */
export const uploadCode = new Lazy(() => import('./upload-code.js'));

export interface UploadLinkOptions extends Omit<UploadPanelOptions, 'uploaded' | 'refused'>, UploadResultsOptions {
  /** The gallery has `uploads`: the controls are shown, drops are taken, and the code is loaded. */
  enabled: () => boolean;
  /** Files a person chose or dropped (the gallery's `uploadFiles`, which picks the provider). */
  addFiles: (files: File[]) => void;
  /** A URL a person entered. */
  addUrl: (url: string) => void;
}

/** What the gallery asks of its uploads; until the code is here, each call waits for it in order. */
export type Uploads = Pick<UploadController, 'addFiles' | 'addUrl' | 'reuploadAll' | 'cancelBulk' | 'sourceChanged' | 'assetStates'>;

interface Waiting {
  run: (uploads: UploadController) => void;
  /** The uploads it makes, as the tray counts them: a file pick's files, a bulk run's assets, else 1. */
  count: number;
  /** A bulk re-upload: cancelBulk() drops it, and so does leaving the page (its promise settles). */
  drop?: () => void;
  /** A card's re-upload: of this asset, as the list had it when the card asked; it waits only while that is shown. */
  asset?: Asset;
}

const NO_STATES: ReadonlyMap<number, UploadState> = new Map();

/**
 * The gallery's side of uploads, small enough for a page that never uploads: the toolbar ("Upload files", "Add
 * from URL", room for the bulk re-upload), drag and drop, and loading the rest (`upload-code.ts`) on first use.
 * The toolbar works from the first paint: what a person adds before the code is here waits for it, listed as
 * "Getting uploads ready…", and is never dropped; a failed load says so, with Try again.
 */
export class UploadLink implements ReactiveController {
  /** Files are being dragged over the gallery. */
  dragging = false;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: UploadLinkOptions;
  #panel: UploadPanel | undefined;
  #waiting: Waiting[] = [];
  #loading: Promise<void> | undefined;
  /** Cards' requests that waited for the code and were not sent, for the list shows other assets now. */
  #dropped = 0;
  /** The tray's Try again had focus before this update. */
  #retryHadFocus = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: UploadLinkOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    // Every gallery that wants the code goes on when it comes, also when another gallery's Try again loaded it.
    uploadCode.use(host, () => this.#wanted());
  }

  hostUpdate(): void {
    const code = uploadCode.value;
    if (code && this.#wanted()) this.#start(code);
    else if (this.#options.enabled() && !uploadCode.failed) void this.#load();
    this.#retryHadFocus = !!this.#host.shadowRoot?.activeElement?.matches('.load-retry');
  }

  hostUpdated(): void {
    // The loaded controls replaced Try again: focus goes to the toolbar's first button, not to the page's start.
    if (this.#retryHadFocus && this.#panel) this.#host.shadowRoot?.querySelector<HTMLButtonElement>('.upload-toolbar button')?.focus();
    this.#retryHadFocus = false;
  }

  hostDisconnected(): void {
    // Still off the page once the task is over (not moved): a bulk re-upload that waits for the code settles.
    setTimeout(() => this.#host.isConnected || this.#dropWhere((waiting) => !!waiting.drop));
  }

  /** Settles once the code is here and in use, or failed; at once when it is not being loaded. */
  settled(): Promise<void> {
    return this.#loading ?? Promise.resolve();
  }

  readonly uploads: Uploads = ((panel: () => UploadPanel | undefined): Uploads => ({
    addFiles: (files, providerId) => {
      const chosen = [...files]; // a FileList or an iterator may not be there later
      this.#when({ run: (uploads) => uploads.addFiles(chosen, providerId), count: chosen.length });
    },
    addUrl: (url, providerId) => this.#when({ run: (uploads) => uploads.addUrl(url, providerId), count: 1 }),
    reuploadAll: (...args) =>
      new Promise<void>((done) => {
        this.#when({ run: (uploads) => void uploads.reuploadAll(...args).then(done), count: args[0].length, drop: done });
      }),
    cancelBulk: () => {
      this.#dropWhere((waiting) => !!waiting.drop);
      this.#panel?.uploads.cancelBulk();
    },
    sourceChanged: (same) => {
      // Another asset under a card's id is not the one the card asked for: its request goes, and the tray says so.
      const gone = this.#dropWhere((waiting) => !!waiting.asset && !same?.(waiting.asset.id));
      this.#tellDropped(this.#dropped + gone);
      this.#panel?.uploads.sourceChanged(same);
    },
    get assetStates() {
      return panel()?.uploads.assetStates ?? NO_STATES;
    },
  }))(() => this.#panel);

  /** The toolbar, from the first paint; the bulk re-upload's line is kept empty until the code is here. */
  renderToolbar(loaded: StatusCounts): TemplateResult {
    const copy = this.#options.words.copy.upload;
    return html`<div part="upload-toolbar" class="upload-toolbar">
      <button part="button add-files" type="button" @click=${this.#chooseFiles}>${copy.addFiles}</button>
      <input class="file-input" type="file" multiple accept="image/*,video/*" tabindex="-1" aria-hidden="true" @change=${this.#onFilesChosen} />
      <form part="url-form" class="url-form" @submit=${this.#onUrlSubmit}>
        <label>
          <span part="url-label">${copy.urlLabel}</span>
          <input part="url-input" name="url" type="url" required autocomplete="off" />
        </label>
        <button part="button add-url" type="submit">${copy.addUrl}</button>
      </form>
      ${this.#panel ? this.#panel.renderBulk(loaded.local_only, loaded.flagged) : html`<div part="bulk" class="bulk"></div>`}
    </div>`;
  }

  /** In the tray: the uploads on their way and the last outcome; before the code is here, what waits for it. */
  renderRows(): TemplateResult {
    const { copy: { upload: copy }, locale } = this.#options.words;
    // In place from the start (a live region says only what changes in it); hidden while empty.
    const dropped = html`<p part="notice" class="notice upload-status" role="status">${this.#dropped > 0 ? formatPlural(copy.dropped, this.#dropped, locale) : ''}</p>`;
    if (this.#panel) return html`${dropped}${this.#panel.renderRows()}`;
    const count = this.#waiting.reduce((sum, waiting) => sum + waiting.count, 0);
    if (uploadCode.failed) {
      return html`${dropped}<div part="notice" class="notice upload-load">
          <span role="alert">${copy.loadFailed}${count > 0 ? ` ${formatPlural(copy.waiting, count, locale)}` : ''}</span>
          <button part="button retry" class="load-retry" type="button" aria-disabled=${this.#loading ? 'true' : nothing} @click=${() => void this.#load()}>${copy.loadRetry}</button>
        </div>`;
    }
    return html`${dropped}<p part="upload-status" class="upload-status" role="status">${count > 0 ? copy.preparing : ''}</p>`;
  }

  /** A card asked to upload its asset (see UploadPanel.onCardRequest). */
  onCardRequest(event: CustomEvent<UploadRequestDetail>, find: (id: number | undefined) => Asset | undefined): void {
    this.#tellDropped(0);
    if (this.#panel) return this.#panel.onCardRequest(event, find);
    event.stopPropagation();
    const asset = find(event.detail.assetId);
    if (!asset) return event.preventDefault();
    const { providerId } = event.detail;
    this.#when({
      run: (uploads) => {
        // Run on the list's asset of the moment (uploads since may have changed it), if it is still that asset.
        const now = find(asset.id);
        if (now && sameAsset(now, asset)) void uploads.reupload(now, providerId);
        else this.#tellDropped(this.#dropped + 1);
      },
      count: 1,
      asset,
    });
  }

  readonly onDragOver = (event: DragEvent): void => {
    if (!this.#options.enabled() || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.#setDragging(true);
  };

  readonly onDragLeave = (event: DragEvent): void => {
    const into = event.relatedTarget as Node | null;
    if (!into || !(event.currentTarget as HTMLElement).contains(into)) this.#setDragging(false);
  };

  readonly onDrop = (event: DragEvent): void => {
    this.#setDragging(false);
    if (!this.#options.enabled() || !event.dataTransfer?.files.length) return;
    event.preventDefault();
    this.#options.addFiles([...event.dataTransfer.files]);
  };

  /** Runs now when the code is here; otherwise once it is (loading it, or trying again after a failure). */
  #when(waiting: Waiting): void {
    this.#tellDropped(0); // a new request: what the tray said of earlier ones is over
    if (this.#panel) return waiting.run(this.#panel.uploads);
    if (waiting.count === 0) return waiting.drop?.(); // nothing to upload: nothing waits, nothing loads
    this.#waiting.push(waiting);
    this.#host.requestUpdate();
    void this.#load();
  }

  #load(): Promise<void> {
    if (this.#panel) return Promise.resolve();
    if (this.#loading) return this.#loading;
    this.#loading = uploadCode.load().then(() => {
      this.#loading = undefined;
      const code = uploadCode.value;
      if (code) this.#start(code);
      this.#host.requestUpdate();
    });
    this.#host.requestUpdate(); // a Try again shows that it is trying
    return this.#loading;
  }

  /** The code is wanted: the gallery has `uploads`, or something waits for it. */
  #wanted(): boolean {
    return this.#options.enabled() || this.#waiting.length > 0;
  }

  /** Takes the waiting requests `which` picks out of the queue, settling a bulk run's promise; returns how many cards' requests went. */
  #dropWhere(which: (waiting: Waiting) => boolean): number {
    const gone = this.#waiting.filter(which);
    this.#waiting = this.#waiting.filter((waiting) => !which(waiting));
    for (const waiting of gone) waiting.drop?.();
    if (gone.length > 0) this.#host.requestUpdate();
    return gone.filter((waiting) => waiting.asset).length;
  }

  /** The tray says how many cards' requests were not sent (0: nothing to say). */
  #tellDropped(count: number): void {
    if (count === this.#dropped) return;
    this.#dropped = count;
    this.#host.requestUpdate();
  }

  #start(code: typeof import('./upload-code.js')): void {
    if (this.#panel) return;
    const options = this.#options;
    const results = new code.UploadResults(this.#host, options);
    this.#panel = new code.UploadPanel(this.#host, {
      ...options,
      uploaded: (outcome, assetId, newAssetId, madeNew) => results.uploaded(outcome, assetId, newAssetId, madeNew),
      refused: (assetId) => results.refused(assetId),
    });
    for (const waiting of this.#waiting.splice(0)) waiting.run(this.#panel.uploads);
  }

  #setDragging(dragging: boolean): void {
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.#host.requestUpdate();
  }

  readonly #chooseFiles = (): void => {
    this.#host.shadowRoot?.querySelector<HTMLInputElement>('.file-input')?.click();
  };

  readonly #onFilesChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.#options.addFiles([...(input.files ?? [])]);
    input.value = '';
  };

  readonly #onUrlSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('url') as HTMLInputElement;
    const url = input.value.trim();
    if (!url) return;
    this.#options.addUrl(url);
    form.reset();
  };
}
