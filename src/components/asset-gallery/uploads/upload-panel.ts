import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Asset } from '../../../api/index.js';
import { formatCopy, formatPlural, isUploadableMedia, providerName } from '../../../status/index.js';
import type { UploadRequestDetail } from '../../shared/events.js';
import { numberFormat } from '../../shared/locale.js';
import type { WordsController } from '../../shared/words.js';
import { UploadController, type UploadControllerOptions, type UploadRow } from './upload-controller.js';
import { sendingView } from './upload-progress.js';

export interface UploadPanelOptions extends Omit<UploadControllerOptions, 'copy' | 'numbers'> {
  words: WordsController;
  reuploadAll: () => void;
}

/**
 * What `<asset-gallery uploads>` shows of uploads once their code is here (the toolbar and the drop zone are
 * `UploadLink`'s, from the first paint): the bulk re-upload of local-only assets, the rows of files and URLs on
 * their way or failed, and the last outcome. The uploads themselves are its `UploadController`'s.
 */
export class UploadPanel {
  readonly uploads: UploadController;
  readonly #options: UploadPanelOptions;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost & HTMLElement, options: UploadPanelOptions) {
    this.#options = options;
    this.#host = host;
    const words = options.words;
    this.uploads = new UploadController(host, {
      ...options,
      copy: () => words.copy,
      numbers: (values) => this.#numbers(values),
    });
  }

  /** The files and URLs on their way, and the last outcome: in the tray below the grid, so no card moves for them. */
  renderRows(): TemplateResult {
    const copy = this.#options.words.copy.upload;
    const rows = this.uploads.rows;
    return html`${rows.length > 0
        ? html`<ul part="uploads" class="uploads" aria-label=${copy.addFiles}>
            ${repeat(rows, (row) => row.key, (row) => this.#renderRow(row))}
          </ul>`
        : nothing}
      <p part="upload-status" class="upload-status" role="status">${this.uploads.message}</p>`;
  }

  /** A card asked to upload its asset: the gallery asks the page itself (its own upload-request); a veto sends the card back to idle. */
  onCardRequest(event: CustomEvent<UploadRequestDetail>, find: (id: number | undefined) => Asset | undefined): void {
    event.stopPropagation();
    const asset = find(event.detail.assetId);
    if (!asset || !this.uploads.reupload(asset, event.detail.providerId)) event.preventDefault();
  }

  #renderRow(row: UploadRow): TemplateResult {
    const copy = this.#options.words.copy;
    const state = row.state;
    const uploading = formatCopy(copy.upload.uploading, { provider: providerName(row.request.providerId, copy) });
    const sending = state?.phase === 'running' ? sendingView(state.sent, copy, this.#options.words.locale) : undefined;
    // null: waiting for its turn, not uploading yet.
    const message = state === null ? copy.upload.queued : (sending?.words ?? uploading);
    // Each row's buttons say which file they are for (every row has a Cancel, or a Retry and a Dismiss).
    const label = `upload-label-${row.key}`;
    return html`<li part="upload-row" class="upload-row">
      <span part="upload-label" class="upload-label" id=${label}>${row.label}</span>
      ${state?.phase === 'failed'
        ? html`<span part="upload-error" class="upload-error">${state.message}</span>
            ${row.request.file && !isUploadableMedia(row.request.file)
              ? nothing
              : html`<button part="button retry" type="button" aria-describedby=${label} @click=${() => this.uploads.retryRow(row.key)}>${copy.upload.retry}</button>`}
            <button part="button dismiss" type="button" aria-describedby=${label} @click=${() => this.uploads.dismissRow(row.key)}>${copy.upload.dismiss}</button>`
        : html`${state === null
              ? nothing
              : sending?.bar
                ? html`<progress part="progress" max=${sending.bar.max} value=${sending.bar.value} aria-label=${message}></progress>`
                : html`<progress part="progress" aria-label=${message}></progress>`}
            <span part="upload-message">${message}</span>
            <button part="button cancel" type="button" aria-describedby=${label} @click=${(event: Event) => void this.#cancel(row.key, event)}>${copy.upload.cancel}</button>`}
    </li>`;
  }

  /** Cancel gives way to Retry, in the same row: the focus goes with it. */
  async #cancel(key: number, event: Event): Promise<void> {
    const row = (event.currentTarget as Element).closest('li');
    this.uploads.cancelRow(key);
    await this.#host.updateComplete;
    row?.querySelector<HTMLElement>('[part~="retry"], [part~="dismiss"]')?.focus();
  }

  /**
   * The bulk re-upload; its button and note count the loaded assets, and say so. Always in place (see the styles),
   * so that the cards below stay put whether it offers, runs or has nothing.
   */
  renderBulk(localOnly: number, flagged: number): TemplateResult {
    const copy = this.#options.words.copy.upload;
    const locale = this.#options.words.locale;
    const bulk = this.uploads.bulk;
    const running = !!bulk?.running;
    const control = bulk?.running
      ? html`<progress part="progress" max=${bulk.total} value=${bulk.done} aria-label=${formatPlural(copy.bulk, bulk.total, locale)}></progress>
          <span part="bulk-progress">${formatCopy(copy.bulkProgress, this.#numbers({ done: bulk.done, total: bulk.total, failed: bulk.failed }))}</span>
          <button part="button bulk-cancel" type="button" @click=${() => this.uploads.cancelBulk()}>${copy.bulkCancel}</button>`
      : localOnly > 0
        ? html`<button part="button bulk-reupload" type="button" @click=${() => this.#options.reuploadAll()}>${formatPlural(copy.bulk, localOnly, locale)}</button>`
        : nothing;
    const note =
      flagged > 0 && (running || localOnly > 0)
        ? html`<span part="notice" class="notice">${formatPlural(copy.bulkFlaggedSkipped, flagged, locale)}</span>`
        : nothing;
    return html`<div part="bulk" class="bulk">${control}${note}</div>`;
  }

  /** Numbers for the words, in the gallery's language ("1.240"). */
  #numbers(values: Record<string, number>): Record<string, string> {
    const format = numberFormat(this.#options.words.locale);
    return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, format.format(value)]));
  }
}
