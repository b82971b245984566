import type { ProviderStatus } from './statuses.js';

/**
 * Every word the library shows a person. A badge, a card, an upload result and the overview all read from
 * here, so they can never disagree. `{name}` placeholders are filled by {@link formatCopy}.
 */
export interface Copy {
  /** The host application's name, as in "stored locally in PixSim7". */
  appName: string;
  /** Display names for provider ids; an id not listed is shown as it is. */
  providerNames: Record<string, string>;
  /** Used where an upload response names no provider. */
  unnamedProvider: string;
  status: Record<ProviderStatus, { label: string; explanation: string }>;
  /** Joins a status explanation and the reason behind it. */
  explanationWithReason: string;
  upload: {
    accepted: string;
    reused: string;
    localOnly: string;
    localOnlyWithReason: string;
    unreadable: string;
  };
  errors: {
    network: string;
    http: string;
    httpWithDetail: string;
    notJson: string;
    invalidResponse: string;
    badEndpoint: string;
    badAssetId: string;
    notAFile: string;
  };
}

export const DEFAULT_COPY: Copy = {
  appName: 'PixSim7',
  providerNames: { pixverse: 'Pixverse', openapi: 'OpenAPI', sora: 'Sora', local: 'local storage' },
  unnamedProvider: 'the provider',
  status: {
    ok: { label: 'Provider OK', explanation: 'Provider accepted this asset' },
    local_only: { label: 'Local only', explanation: 'Provider upload failed; stored locally in {app}' },
    flagged: { label: 'Flagged', explanation: 'Flagged by the provider after upload' },
    unknown: { label: 'Unknown', explanation: 'Provider status unknown' },
  },
  explanationWithReason: '{explanation}: {reason}',
  upload: {
    accepted: 'Uploaded to {provider}',
    reused: 'Already on {provider}: reused an existing asset',
    localOnly: 'Saved locally; provider upload failed',
    localOnlyWithReason: 'Saved locally; provider upload failed: {reason}',
    unreadable: "The server's reply to the upload could not be read, so it is not known whether {provider} accepted it",
  },
  errors: {
    network: 'Could not reach the server. Check the connection and try again.',
    http: 'The server could not complete the request (HTTP {status}).',
    httpWithDetail: 'The server could not complete the request (HTTP {status}): {detail}',
    notJson: "The server's reply could not be read: it is not JSON.",
    invalidResponse: "The server's reply could not be read: {problem}",
    badEndpoint: 'The assets endpoint "{endpoint}" is not a usable address.',
    badAssetId: '"{id}" is not an asset id.',
    notAFile: 'Only files can be uploaded.',
  },
};

/** A partial {@link Copy}: any string left out keeps its default. */
export type CopyOverrides = {
  [K in keyof Copy]?: Copy[K] extends string ? string : { [P in keyof Copy[K]]?: Copy[K][P] extends string ? string : Partial<Copy[K][P]> };
};

let current: Copy = DEFAULT_COPY;

/** The copy in force for every element that has no copy of its own. */
export function getCopy(): Copy {
  return current;
}

/** Overrides some of the global copy (rebrand the app name, translate, …); the rest stays as it is. */
export function setCopy(overrides: CopyOverrides): Copy {
  current = mergeCopy(current, overrides);
  return current;
}

/** Restores the built-in English copy. */
export function resetCopy(): void {
  current = DEFAULT_COPY;
}

/** `base` with `overrides` laid over it, two levels deep; neither argument is changed. */
export function mergeCopy(base: Copy, overrides: CopyOverrides): Copy {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const original = (base as unknown as Record<string, unknown>)[key];
    if (value === undefined || original === undefined) continue;
    if (typeof value === 'string') {
      merged[key] = value;
    } else if (typeof value === 'object' && value !== null && typeof original === 'object' && original !== null) {
      const level: Record<string, unknown> = { ...original };
      for (const [inner, innerValue] of Object.entries(value)) {
        if (innerValue === undefined) continue;
        const innerOriginal = (original as Record<string, unknown>)[inner];
        level[inner] =
          typeof innerValue === 'object' && innerValue !== null && typeof innerOriginal === 'object'
            ? { ...innerOriginal, ...withoutUndefined(innerValue as Record<string, unknown>) }
            : innerValue;
      }
      merged[key] = level;
    }
  }
  return merged as unknown as Copy;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** Fills `{name}` placeholders; a placeholder with no value is left as it is. */
export function formatCopy(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** "Provider OK", "Local only", … */
export function statusLabel(status: ProviderStatus, copy: Copy = current): string {
  return copy.status[status].label;
}

/** "Provider upload failed; stored locally in PixSim7: No available account …" */
export function statusExplanation(status: ProviderStatus, reason?: string, copy: Copy = current): string {
  const explanation = formatCopy(copy.status[status].explanation, { app: copy.appName });
  return reason ? formatCopy(copy.explanationWithReason, { explanation, reason }) : explanation;
}

/** "Pixverse" for "pixverse"; an id the copy does not know is shown as it is. */
export function providerName(providerId: string | null | undefined, copy: Copy = current): string {
  if (!providerId) return copy.unnamedProvider;
  return Object.hasOwn(copy.providerNames, providerId) ? (copy.providerNames[providerId] ?? providerId) : providerId;
}
