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

/**
 * What a host can act on when a request failed: the `assets-error` and `upload-error` details carry it.
 * `message` is for a person; `kind`, `status` and `retryable` are for the host's code.
 */
export interface ErrorDetail {
  /** What to tell a person, in the given copy ({@link describeError}). */
  message: string;
  /** The kind of failure: an {@link AssetsApiError}'s own; any other error (a host's uploader that threw, …) is `network`. */
  kind: AssetsApiErrorKind;
  /** The HTTP status, for an {@link HttpError}; absent for every other kind. */
  status?: number;
  /** How long the server's `Retry-After` asked to wait, in ms, when an {@link HttpError} carried one. */
  retryAfterMs?: number;
  /**
   * The same request may succeed if sent again unchanged, later (after `retryAfterMs`, when given): the fault
   * was the connection's or the server's moment, not the request's. True for `network` and `timeout`, and for
   * HTTP 408, 425, 429, 500, 502, 503 and 504; false for every other HTTP status (a 401 wants a sign-in, a 403
   * a permission, a 404 another asset, a 413 a smaller file: the same request fails the same way), for
   * `invalid-response` (the server answered, with something this client cannot read: a retry gets the same
   * reply) and for `config` (the request cannot be sent at all: the host must change its setup).
   *
   * What a host does with it: offer or schedule a later try (with a backoff, or `retryAfterMs`) when true;
   * when false, change something first (sign in, fix the endpoint, pick another file) rather than retry.
   * A read that failed retryably has already been tried again by the client (429, 502, 503, 504, a timeout
   * and a network error while online, up to `retries` times; a 500 not, since it is usually the server's bug
   * and hits again at once), so "retryable" means "worth trying later", not "try again now".
   */
  retryable: boolean;
}

/**
 * HTTP statuses that say "not now" rather than "not this": a timeout (408), too early (425), too many requests
 * (429), and a server or gateway error or overload (500, 502, 503, 504).
 */
const RETRYABLE_HTTP_STATUSES: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * The detail of a failure for an `assets-error` or `upload-error` event: the message in the given copy (the
 * element's words and language), its kind, the HTTP status when there is one, and whether sending the same
 * request again may succeed (see {@link ErrorDetail.retryable}). Never throws: a hostile error (throwing
 * getters, a revoked Proxy) is a `network` error with the copy's network message. Aborted requests are not
 * failures: check {@link isAbortError} first, and report nothing for them.
 */
export function errorDetail(error: unknown, copy: Copy = getCopy()): ErrorDetail {
  let message: string;
  try {
    message = describeError(error, copy);
  } catch {
    message = copy.errors.network;
  }
  try {
    return { message, ...classify(error) };
  } catch {
    return { message, kind: 'network', retryable: true };
  }
}

const KINDS: ReadonlySet<unknown> = new Set<AssetsApiErrorKind>(['network', 'http', 'invalid-response', 'config', 'timeout']);

/** Everything of {@link ErrorDetail} but the message; may throw for a hostile error (errorDetail catches it). */
function classify(error: unknown): Omit<ErrorDetail, 'message'> {
  if (!(error instanceof AssetsApiError)) return { kind: 'network', retryable: true };
  if (error instanceof HttpError) {
    const { status, retryAfterMs } = error;
    // Only an object made to look like an HttpError has no integer status: an HTTP error all the same.
    if (!Number.isInteger(status)) return { kind: 'http', retryable: false };
    const detail: Omit<ErrorDetail, 'message'> = { kind: 'http', status, retryable: RETRYABLE_HTTP_STATUSES.has(status) };
    if (typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs >= 0) detail.retryAfterMs = retryAfterMs;
    return detail;
  }
  const kind = KINDS.has(error.kind) ? error.kind : 'network';
  return { kind, retryable: kind === 'network' || kind === 'timeout' };
}

/** True for the rejection a cancelled request ends with; such a request needs no message. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
