import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Asset } from '../../../api/index.js';
import { formatPlural, type StatusCounts } from '../../../status/index.js';
import type { UploadRequestDetail } from '../../shared/events.js';
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
  /** A bulk re-upload: cancelBulk() drops it. */
  drop?: () => void;
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

  constructor(host: ReactiveControllerHost & HTMLElement, options: UploadLinkOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.#options.enabled() && !uploadCode.failed) void this.#load();
  }

  /** Settles once the code is here and in use, or failed; at once when it is not being loaded. */
  settled(): Promise<void> {
    return this.#loading ?? Promise.resolve();
  }

  readonly uploads: Uploads = ((panel: () => UploadPanel | undefined): Uploads => ({
    addFiles: (files, providerId) => {
      const chosen = [...files]; // a FileList or an iterator may not be there later
      this.#when({ run: (uploads) => uploads.addFiles(chosen, providerId) });
    },
    addUrl: (url, providerId) => this.#when({ run: (uploads) => uploads.addUrl(url, providerId) }),
    reuploadAll: (...args) =>
      new Promise<void>((done) => {
        this.#when({ run: (uploads) => void uploads.reuploadAll(...args).then(done), drop: done });
      }),
    cancelBulk: () => {
      this.#waiting = this.#waiting.filter((waiting) => {
        waiting.drop?.();
        return !waiting.drop;
      });
      this.#panel?.uploads.cancelBulk();
    },
    sourceChanged: (sameAsset) => this.#panel?.uploads.sourceChanged(sameAsset),
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
    if (this.#panel) return this.#panel.renderRows();
    const copy = this.#options.words.copy.upload;
    const count = this.#waiting.length;
    if (uploadCode.failed) {
      return html`<div part="notice" class="notice upload-load">
        <span role="alert">${copy.loadFailed}${count > 0 ? ` ${formatPlural(copy.waiting, count, this.#options.words.locale)}` : ''}</span>
        <button part="button retry" type="button" aria-disabled=${this.#loading ? 'true' : nothing} @click=${() => void this.#load()}>${copy.loadRetry}</button>
      </div>`;
    }
    return html`<p part="upload-status" class="upload-status" role="status">${count > 0 ? copy.preparing : ''}</p>`;
  }

  /** A card asked to upload its asset (see UploadPanel.onCardRequest). */
  onCardRequest(event: CustomEvent<UploadRequestDetail>, find: (id: number | undefined) => Asset | undefined): void {
    if (this.#panel) return this.#panel.onCardRequest(event, find);
    event.stopPropagation();
    const { assetId, providerId } = event.detail;
    this.#when({
      run: (uploads) => {
        const asset = find(assetId);
        if (asset) void uploads.reupload(asset, providerId);
      },
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
    if (this.#panel) return waiting.run(this.#panel.uploads);
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

  #start(code: typeof import('./upload-code.js')): void {
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
