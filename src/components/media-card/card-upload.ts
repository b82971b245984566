// A `<media-card>`'s upload controls: what they show (`uploadView`, from the asset, `.upload` and the pending
// click) and their template (`renderUpload`). The card keeps the state and sends `upload-request`.
import { html, nothing, type TemplateResult } from 'lit';
import {
  formatCopy,
  isProviderStatus,
  providerName,
  statusExplanation,
  uploadOffer,
  type Copy,
  type ProviderStatus,
  type UploadOffer,
  type UploadPhase,
} from '../../status/index.js';
import { statusIcon } from '../shared/status-icons.js';
import type { UploadState } from '../shared/upload.js';
import type { View } from './card-view.js';

/** What the upload controls show, worked out from the asset, `.upload` and the pending click. */
export interface UploadView {
  phase: UploadPhase;
  /** The button, as the upload rules offer it: "Upload to provider", "Retry upload", or none. */
  offer: UploadOffer;
  /** Running: no second request can start. */
  busy: boolean;
  /** "Uploading to Pixverse…", or the outcome's sentence; null when idle. */
  message: string | null;
  /** The icon before an outcome: a status's own, or the error's; null while idle or running. */
  icon: ProviderStatus | 'error' | null;
}

/** The card's side of an upload, as `uploadView` needs it. */
export interface UploadContext {
  /** The `uploads` attribute: off, no controls. */
  uploads: boolean;
  /** `.upload` as this card shows it (`readUploadState`): null is idle. */
  state: UploadState | null;
  /** The provider an upload goes to. */
  target: string;
  /** An `upload-request` left and was not cancelled; `.upload` has not changed since. */
  pending: boolean;
  /** The pending request was a retry: its button keeps saying so while it runs. */
  retrying: boolean;
}

/** A failed request (HTTP or network) is not a moderation flag: an exclamation mark in a circle, not the flag. */
const ERROR_ICON = html`<svg class="status-icon" part="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"
  fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><circle cx="8" cy="8" r="6.5"/><path d="M8 4.4v4.4"/><path d="M8 11.4v.1"/></svg>`;

/**
 * What the upload controls show, or null for none. Which button (if any) is the upload rules' answer
 * (`uploadOffer`); the card decides only how its phase looks: busy, the words and the icon.
 */
export function uploadView(view: View, copy: Copy, context: UploadContext): UploadView | null {
  if (!context.uploads) return null;
  const { state, target } = context;
  const phase: UploadPhase = context.pending ? 'running' : (state?.phase ?? 'idle');
  const offer = uploadOffer({
    status: view.status,
    provider: view.provider,
    target,
    phase,
    providerSucceeded: state?.phase === 'done' && state.providerSucceeded,
    retrying: context.retrying,
  });
  if (phase === 'running') {
    const provider = state?.phase === 'running' ? state.providerId : target;
    return { phase, offer, busy: true, message: formatCopy(copy.upload.uploading, { provider: providerName(provider, copy) }), icon: null };
  }
  if (state?.phase === 'failed') {
    // No words from the handler: the honest "Provider status unknown" rather than an empty message.
    const message = state.message || statusExplanation('unknown', undefined, copy);
    return { phase, offer, busy: false, message, icon: 'error' };
  }
  if (state?.phase === 'done') {
    // The icon follows the provider's answer: never a check for anything but an accepted upload.
    const icon: ProviderStatus = state.providerSucceeded
      ? state.status === 'ok' || !isProviderStatus(state.status) ? 'ok' : state.status
      : isProviderStatus(state.status) && state.status !== 'ok' ? state.status : 'unknown';
    // No words from the handler: the badge's explanation of the status shown, never an empty message.
    const message = state.message || statusExplanation(icon, state.reason, copy);
    return { phase, offer, busy: false, message, icon };
  }
  // Idle: no offer (a flagged asset, one the target provider already has) is no upload controls at all.
  return offer === null ? null : { phase, offer, busy: false, message: null, icon: null };
}

/**
 * The upload controls. The button comes first and keeps its place (and its node, so focus stays on it) from
 * idle to running to a failure; the progress or the outcome follow it.
 */
export function renderUpload(
  upload: UploadView | null,
  copy: Copy,
  controls: { uploads: boolean; tabbable: boolean; onClick: () => void },
): TemplateResult | typeof nothing {
  // Nothing to offer now: the room is kept all the same, so the card is as tall as the ones beside it.
  if (!upload) return controls.uploads ? html`<div class="upload"></div>` : nothing;
  const status = upload.icon === 'error' ? nothing : (upload.icon ?? (upload.phase === 'running' ? 'unknown' : nothing));
  return html`<div part="upload" class="upload" data-phase=${upload.phase}>
    ${upload.offer
      ? html`<button
          part="upload-button"
          class="upload-button"
          type="button"
          tabindex=${controls.tabbable ? nothing : '-1'}
          aria-disabled=${upload.busy ? 'true' : nothing}
          aria-describedby=${upload.message === null ? nothing : 'upload-message'}
          @click=${controls.onClick}
        >
          ${upload.offer === 'retry' ? copy.upload.retry : copy.upload.action}
        </button>`
      : nothing}
    ${upload.message === null
      ? nothing
      : html`<p part="upload-outcome" class="upload-outcome" data-status=${status}>
          ${upload.icon === 'error' ? ERROR_ICON : upload.icon === null ? nothing : statusIcon(upload.icon)}<span
            part="upload-message"
            class="upload-message"
            id="upload-message"
            title=${upload.message}
            >${upload.message}</span
          >
        </p>`}
    ${upload.busy ? html`<progress part="upload-progress" class="upload-progress" aria-labelledby="upload-message"></progress>` : nothing}
  </div>`;
}
