import { formatCopy, getCopy, type Copy } from '../status/index.js';

export type AssetsApiErrorKind = 'network' | 'http' | 'invalid-response' | 'config' | 'timeout';

/** The words of an error, in any copy: the element that shows it uses its own words and language. */
type ErrorWords = (words: Copy['errors']) => string;

/**
 * Every error the assets client raises; `message` is written for a person, in the global copy, and
 * `describe(copy)` says the same in another copy (an element's own words or language). Aborts are not wrapped.
 */
export class AssetsApiError extends Error {
  readonly kind: AssetsApiErrorKind;
  readonly #words: ErrorWords;
  constructor(kind: AssetsApiErrorKind, words: ErrorWords, options?: { cause?: unknown }) {
    super(words(getCopy().errors), options);
    this.name = 'AssetsApiError';
    this.kind = kind;
    this.#words = words;
  }

  /** The message in the given copy's words. */
  describe(copy: Copy = getCopy()): string {
    return this.#words(copy.errors);
  }
}

/**
 * The server could not be reached, or the connection broke while reading its reply. `offline`: the browser
 * said it was offline (`navigator.onLine === false`), and the message says so.
 */
export class NetworkError extends AssetsApiError {
  readonly offline: boolean;
  constructor(options?: { cause?: unknown; offline?: boolean }) {
    super('network', (words) => (options?.offline ? words.offline : words.network), options);
    this.name = 'NetworkError';
    this.offline = !!options?.offline;
  }
}

/** The server did not answer (headers and body) within `timeoutMs`. */
export class TimeoutError extends AssetsApiError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super('timeout', (words) => formatCopy(words.timeout, { seconds: +(timeoutMs / 1000).toFixed(2) }), options);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The server answered with an HTTP error; `detail` is the server's own explanation, when it gave one, and
 * `retryAfterMs` how long its `Retry-After` asked to wait (undefined without one).
 */
export class HttpError extends AssetsApiError {
  readonly status: number;
  readonly detail: string | undefined;
  readonly retryAfterMs: number | undefined;
  constructor(status: number, detail?: string, retryAfterMs?: number) {
    super('http', (words) => httpMessage(words, status, detail, retryAfterMs));
    this.name = 'HttpError';
    this.status = status;
    this.detail = detail;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The longest `Retry-After` that is put into words; a longer one gets the message a reply without one gets. */
const RETRY_AFTER_SHOWN_MAX_MS = 24 * 60 * 60 * 1000;

/** Plain words for an HTTP error: sign-in and permission problems, a file too large, "try again in …". */
function httpMessage(copy: Copy['errors'], status: number, detail: string | undefined, retryAfterMs: number | undefined): string {
  if (status === 401) return copy.notSignedIn;
  if (status === 403) return copy.forbidden;
  if (status === 413) return copy.tooLarge;
  const seconds = Math.ceil((retryAfterMs ?? 0) / 1000);
  // A wait beyond a day is a server's mistake (or a date years ahead): no one can act on "in 10^18 minutes".
  if (seconds > 0 && (retryAfterMs ?? 0) <= RETRY_AFTER_SHOWN_MAX_MS && (status === 429 || status === 503)) {
    return seconds < 120
      ? formatCopy(copy.retryInSeconds, { status, seconds })
      : formatCopy(copy.retryInMinutes, { status, minutes: Math.ceil(seconds / 60) });
  }
  if (status === 429) return copy.busy;
  return detail ? formatCopy(copy.httpWithDetail, { status, detail }) : formatCopy(copy.http, { status });
}

/** The server answered 2xx, but with something that is not what the API promises. */
export class InvalidResponseError extends AssetsApiError {
  readonly problem: string;
  constructor(problem: string, options?: { cause?: unknown; notJson?: boolean }) {
    super('invalid-response', (words) => (options?.notJson ? words.notJson : formatCopy(words.invalidResponse, { problem })), options);
    this.name = 'InvalidResponseError';
    this.problem = problem;
  }
}

/** The client was asked for something it cannot send: an unusable endpoint or asset id. */
export class ConfigError extends AssetsApiError {
  constructor(words: ErrorWords, options?: { cause?: unknown }) {
    super('config', words, options);
    this.name = 'ConfigError';
  }
}

/** What to tell a person about a failure, in the given copy: an API error's own words, else the error's message. */
export function describeError(error: unknown, copy: Copy = getCopy()): string {
  if (error instanceof AssetsApiError) return error.describe(copy);
  return error instanceof Error && error.message ? error.message : copy.errors.network;
}

/** True for the rejection a cancelled request ends with; such a request needs no message. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
