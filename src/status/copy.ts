import { numberFormat, pluralRules } from './intl.js';
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
    /** A save to the library only (no provider was asked). */
    savedToLibrary: string;
    unreadable: string;
    /** The card's button when the asset is not on the provider yet. */
    action: string;
    /** The card's button on a local-only asset, and after a failure. */
    retry: string;
    uploading: string;
    /** A file's bytes on their way, where they can be counted: `{sent}` of `{total}` (sizes), `{percent}`. */
    sending: string;
    /** The same when the browser cannot tell the total. */
    sendingUnknownTotal: string;
    /** A listed file or URL waiting for its turn (three upload at a time). */
    queued: string;
    /** A listed file's or URL's Cancel, while it uploads or waits for its turn. */
    cancel: string;
    /** A file or URL upload, shown in the list of uploads. */
    addFiles: string;
    addUrl: string;
    urlLabel: string;
    urlSubmit: string;
    dropHint: string;
    notMedia: string;
    dismiss: string;
    /** A file upload cut short (the gallery left the page); the file is kept for Retry. */
    stopped: string;
    /** A re-upload through upload-from-url needs the asset's file URL. */
    noFileUrl: string;
    /** A re-upload through upload-from-url made a new asset; the old one stays as it was. */
    asNewAsset: string;
    /** The same, from a server that did not name the new asset. */
    asNewAssetUnnamed: string;
    /**
     * The button of the bulk re-upload: it re-uploads the local-only assets loaded in the page (`{count}` of
     * them), not every local-only asset on the server, and says so.
     */
    bulk: Plural;
    bulkProgress: string;
    bulkCancel: string;
    bulkSummary: string;
    bulkCancelled: string;
    /** Next to the bulk button: the loaded flagged assets (`{count}`) it leaves out, and why. */
    bulkFlaggedSkipped: Plural;
    /** Files or URLs added before the upload code (loaded on first use) is here. */
    preparing: string;
    /** The upload code could not be loaded (offline, a new deploy). */
    loadFailed: string;
    /** After `loadFailed`: what was added and waits for it (`{count}`). */
    waiting: Plural;
    loadRetry: string;
    /** Cards' re-uploads asked for before the upload code was here, not sent: the list shows other assets under their ids now (`{count}`). */
    dropped: Plural;
  };
  /** Words of `<media-card>`. */
  card: {
    /** Shown where there is no picture, or it did not load. */
    noPreview: string;
    mediaTypes: Record<string, string>;
    /** The title of an asset without a description. */
    untitled: string;
    duration: string;
    /** The name of the button that opens the asset. */
    open: string;
    /** "Created …", before the date. */
    created: string;
  };
  /** Words of `<status-overview>`. */
  overview: {
    label: string;
    all: string;
    /**
     * Said (not shown) on a button whose count is not known, in place of its number; the button shows a dash.
     * It stands where the number stands: "not counted Provider OK", "All not counted".
     */
    countUnknown: string;
    /** The caption, saying what the numbers count: every status, over the assets loaded in the page (`{count}`, their sum) … */
    countsLoaded: Plural;
    /**
     * … the filtered status alone, over the loaded assets (`{count}` of them, `{status}` its label), when it is
     * the only status known (a view the server filtered) …
     */
    countsFiltered: Plural;
    /** … some statuses known and some not, in any other mix (the others show a dash) … */
    countsPartial: string;
    /** … or the server's own totals, over the whole library (`counts-source="server"`). */
    countsServer: string;
    /**
     * Announced when the counts change: one status's part (`{count}`, `{label}` its label); the parts of the
     * statuses counted are joined with `summarySeparator` (a status not counted is left out), so a relabelled
     * status is announced as it is shown.
     */
    summary: string;
    summarySeparator: string;
  };
  /** Words of `<asset-gallery>`. */
  gallery: {
    listLabel: string;
    loading: string;
    loadMore: string;
    loadingMore: string;
    retry: string;
    errorTitle: string;
    empty: string;
    emptyFiltered: string;
    emptyFilteredSoFar: Plural;
    clearFilter: string;
    skipped: Plural;
    /** Host items (`.assets`) that could not be shown, once the whole list is read. */
    hostSkipped: Plural;
    loaded: Plural;
    /** While the host's `.assets` are read in the background: no count is shown until every item is read. */
    reading: string;
    /** A card's place in the grid, said in its name. */
    position: string;
    /** The same while the host's `.assets` are read: `{count}` is how many are read so far, not the total. */
    positionReading: string;
    /** Shown while the device is offline. */
    offline: string;
  };
  /** Words of the gallery's live updates (`live`). */
  live: {
    /** The indicator: the socket is open, changes show as they happen. */
    live: string;
    /** The indicator: opening the socket. */
    connecting: string;
    /** The indicator: no socket now (none on the server, or it dropped); the gallery keeps trying, calmly. */
    paused: string;
    /** Said when one shown asset was flagged: `{title}`, `{provider}`, `{reason}`. */
    flagged: string;
    /** The same without a reason: `{title}`, `{provider}`. */
    flaggedNoReason: string;
    /** Said when one shown asset's status changed otherwise: `{title}`, `{status}`. */
    changed: string;
    /** Said when several shown assets changed status at once. */
    changedMany: Plural;
  };
  errors: {
    network: string;
    http: string;
    httpWithDetail: string;
    /** HTTP 413: the server refused the file's size. */
    tooLarge: string;
    notJson: string;
    invalidResponse: string;
    badEndpoint: string;
    badAssetId: string;
    /** The host's `headers` are not valid HTTP headers. */
    badHeaders: string;
    notAFile: string;
    /** A read started while the browser says it is offline. */
    offline: string;
    /** The server did not answer within the client's timeout; `{seconds}`. */
    timeout: string;
    /** HTTP 401. */
    notSignedIn: string;
    /** HTTP 403. */
    forbidden: string;
    /** HTTP 429 without a Retry-After. */
    busy: string;
    /** The server said when to try again (Retry-After): `{status}`, `{seconds}`. */
    retryInSeconds: string;
    /** The same, for waits of 2 minutes or more: `{status}`, `{minutes}`. */
    retryInMinutes: string;
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
    savedToLibrary: 'Saved to the library only; not sent to a provider',
    unreadable: "The server's reply to the upload could not be read, so it is not known whether {provider} accepted it",
    action: 'Upload to provider',
    retry: 'Retry upload',
    uploading: 'Uploading to {provider}…',
    sending: 'Sending: {sent} of {total} ({percent})',
    sendingUnknownTotal: 'Sending: {sent}',
    queued: 'Waiting for its turn',
    cancel: 'Cancel',
    addFiles: 'Upload files',
    addUrl: 'Add from URL',
    urlLabel: 'Image or video URL',
    urlSubmit: 'Add',
    dropHint: 'Drop images or videos here to upload them',
    notMedia: 'Only images and videos can be uploaded',
    dismiss: 'Dismiss',
    stopped: 'The upload was stopped before it finished',
    noFileUrl: 'This asset has no file address to upload it from',
    asNewAsset: '{message}, as a new asset (#{id})',
    asNewAssetUnnamed: '{message}, as a new asset',
    bulk: { one: 'Re-upload the 1 loaded local-only asset', other: 'Re-upload the {count} loaded local-only assets' },
    bulkProgress: '{done} of {total}, {failed} failed',
    bulkCancel: 'Cancel',
    bulkSummary: 'Re-upload finished: {accepted} accepted, {localOnly} still local only, {failed} failed',
    bulkCancelled: 'Re-upload cancelled after {done} of {total}',
    bulkFlaggedSkipped: {
      one: 'The 1 loaded flagged asset is left out: a moderation flag is not fixed by uploading again',
      other: 'The {count} loaded flagged assets are left out: a moderation flag is not fixed by uploading again',
    },
    preparing: 'Getting uploads ready…',
    loadFailed: 'The upload controls could not be loaded. Check the connection, then try again.',
    waiting: { one: '1 upload waits until then.', other: '{count} uploads wait until then.' },
    loadRetry: 'Try again',
    dropped: {
      one: 'A re-upload was not sent: the gallery shows another asset in its place now.',
      other: '{count} re-uploads were not sent: the gallery shows other assets in their place now.',
    },
  },
  card: {
    noPreview: 'No preview',
    mediaTypes: { image: 'Image', video: 'Video', audio: 'Audio', '3d_model': '3D model' },
    untitled: '{mediaType} #{id}',
    duration: '{seconds} s',
    open: 'Open {title}',
    created: 'Created',
  },
  overview: {
    label: 'Filter by provider status',
    all: 'All',
    countUnknown: 'not counted',
    countsLoaded: { one: 'Counts of the 1 loaded asset', other: 'Counts of the {count} loaded assets' },
    countsFiltered: {
      one: 'Counts of the 1 loaded “{status}” asset; other statuses are not counted while filtered',
      other: 'Counts of the {count} loaded “{status}” assets; other statuses are not counted while filtered',
    },
    countsPartial: 'Some statuses are not counted',
    countsServer: 'Totals in your library',
    summary: '{count} {label}',
    summarySeparator: ', ',
  },
  gallery: {
    listLabel: 'Assets',
    loading: 'Loading assets…',
    loadMore: 'Load more',
    loadingMore: 'Loading more…',
    retry: 'Retry',
    errorTitle: 'The assets could not be loaded',
    empty: 'No assets yet',
    emptyFiltered: 'No assets with the status “{status}”',
    emptyFilteredSoFar: {
      one: 'No assets with the status “{status}” among the 1 loaded so far',
      other: 'No assets with the status “{status}” among the {count} loaded so far',
    },
    clearFilter: 'Show all assets',
    skipped: { one: '1 item from the server could not be shown', other: '{count} items from the server could not be shown' },
    hostSkipped: { one: '1 of the given items could not be shown', other: '{count} of the given items could not be shown' },
    loaded: { one: '1 asset loaded', other: '{count} assets loaded' },
    reading: 'Reading the assets… The counts follow once every one is read.',
    position: '{position} of {count}',
    positionReading: '{position} of the {count} read so far',
    offline: 'You are offline. The gallery will try again when the connection is back.',
  },
  live: {
    live: 'Live',
    connecting: 'Connecting…',
    paused: 'Live updates paused',
    flagged: '“{title}” was flagged by {provider}: {reason}',
    flaggedNoReason: '“{title}” was flagged by {provider}',
    changed: '“{title}” is now {status}',
    changedMany: { one: '1 asset changed status', other: '{count} assets changed status' },
  },
  errors: {
    network: 'Could not reach the server. Check the connection and try again.',
    http: 'The server could not complete the request (HTTP {status}).',
    httpWithDetail: 'The server could not complete the request (HTTP {status}): {detail}',
    tooLarge: 'The file is too large for the server (HTTP 413).',
    notJson: "The server's reply could not be read: it is not JSON.",
    invalidResponse: "The server's reply could not be read: {problem}",
    badEndpoint: 'The assets endpoint "{endpoint}" is not a usable address.',
    badAssetId: '"{id}" is not an asset id.',
    badHeaders: 'The request headers given to the gallery are not valid HTTP headers.',
    notAFile: 'Only files can be uploaded.',
    offline: 'This device is offline. Check the connection and try again.',
    timeout: 'The server did not answer within {seconds} seconds. Try again.',
    notSignedIn: 'You are not signed in to the server, or your session has ended. Sign in and try again.',
    forbidden: 'You are not allowed to see these assets.',
    busy: 'The server is busy (HTTP 429). Wait a moment and try again.',
    retryInSeconds: 'The server is busy (HTTP {status}). Try again in {seconds} seconds.',
    retryInMinutes: 'The server is busy (HTTP {status}). Try again in {minutes} minutes.',
  },
};

/** Words that change with a count: Intl.PluralRules picks the form ("one", "few", …); `other` is the fallback. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A partial {@link Copy}: any string left out keeps its default. */
export type CopyOverrides = {
  [K in keyof Copy]?: Copy[K] extends string ? string : { [P in keyof Copy[K]]?: Copy[K][P] extends string ? string : Partial<Copy[K][P]> };
};

let current: Copy = DEFAULT_COPY;
/** Words registered for a language (`de`, `de-CH`), laid over the global copy for elements in that language. */
let locales = new Map<string, CopyOverrides>();
/** Resolved copies, by language and then by an element's own overrides; emptied on every change. */
let resolved = new Map<string, Copy>();
let resolvedWithOwn = new WeakMap<CopyOverrides, Map<string, Copy>>();
const listeners = new Set<() => void>();

function changed(): void {
  resolved = new Map();
  resolvedWithOwn = new WeakMap();
  for (const listener of [...listeners]) listener();
}

/** The global copy: built-in English with {@link setCopy}'s overrides, before any language's words. */
export function getCopy(): Copy {
  return current;
}

/** Overrides some of the global copy (rebrand the app name, reword a status, …); the rest stays as it is. */
export function setCopy(overrides: CopyOverrides): Copy {
  current = mergeCopy(current, overrides);
  changed();
  return current;
}

/**
 * Registers the words of a language: an element whose `lang` (its own, or inherited from the page) is `lang`,
 * or starts with it (`de` serves `de-AT`), shows them. A region's words (`de-CH`) are laid over its language's. The language's words win over {@link setCopy}'s; an
 * element's own `copy` wins over both. Registering a language again replaces its words.
 */
export function registerLocale(lang: string, words: CopyOverrides): void {
  locales.set(lang.trim().toLowerCase(), words);
  changed();
}

/** Restores the built-in English copy: global overrides and registered languages are dropped. */
export function resetCopy(): void {
  current = DEFAULT_COPY;
  locales = new Map();
  changed();
}

/** Calls `listener` whenever the global copy or a language changes; returns the function that stops it. */
export function onCopyChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The global copy with the words of every registered prefix of `lang` laid over it, shortest first (`de`, then `de-ch`). */
function copyInLanguage(lang: string): Copy {
  const parts = lang.split('-');
  let copy = current;
  for (let length = 1; length <= parts.length; length++) {
    const words = locales.get(parts.slice(0, length).join('-'));
    if (words) copy = mergeCopy(copy, words);
  }
  return copy;
}

/**
 * The copy an element shows: the global copy, then the words registered for its language, then its own
 * overrides. Resolved once per language and overrides object, until the copy changes.
 */
export function copyFor(lang?: string | null, own?: CopyOverrides | null): Copy {
  const key = typeof lang === 'string' ? lang.trim().toLowerCase() : '';
  let byLang = resolved.get(key);
  if (!byLang) {
    byLang = key ? copyInLanguage(key) : current;
    resolved.set(key, byLang);
  }
  if (!own || typeof own !== 'object') return byLang;
  let mine = resolvedWithOwn.get(own);
  if (!mine) resolvedWithOwn.set(own, (mine = new Map<string, Copy>()));
  let copy = mine.get(key);
  if (!copy) mine.set(key, (copy = mergeCopy(byLang, own)));
  return copy;
}

/**
 * `base` with `overrides` laid over it; neither argument is changed. Only a string replaces a string and only
 * an object is merged into an object, so overrides of the wrong shape (from JSON, from a host's typo) are
 * ignored rather than breaking an element. New keys are taken only in lists of words (provider names, media
 * types, plural forms), never new statuses.
 */
export function mergeCopy(base: Copy, overrides: CopyOverrides): Copy {
  return mergeWords(base, overrides) as unknown as Copy;
}

function mergeWords(base: object, overrides: unknown): object {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return base;
  const merged: Record<string, unknown> = { ...base };
  const wordList = Object.values(base).every((value) => typeof value === 'string');
  for (const [key, value] of Object.entries(overrides)) {
    const original = Object.hasOwn(base, key) ? (base as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' && (typeof original === 'string' || (original === undefined && wordList))) merged[key] = value;
    else if (typeof original === 'object' && original !== null) merged[key] = mergeWords(original, value);
  }
  return merged;
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

/** The form of `plural` for `count`, with `{count}` filled in (as a number of the given locale). */
export function formatPlural(plural: Plural, count: number, locale?: string): string {
  const form = pluralRules(locale).select(count);
  return formatCopy(plural[form] ?? plural.other, { count: numberFormat(locale).format(count) });
}
