import { formatCopy, getCopy } from '../status/index.js';

export type AssetsApiErrorKind = 'network' | 'http' | 'invalid-response' | 'config' | 'timeout';

/** Every error the assets client raises; `message` is written for a person. Aborts are not wrapped. */
export class AssetsApiError extends Error {
  readonly kind: AssetsApiErrorKind;
  constructor(kind: AssetsApiErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AssetsApiError';
    this.kind = kind;
  }
}

/**
 * The server could not be reached, or the connection broke while reading its reply. `offline`: the browser
 * said it was offline (`navigator.onLine === false`), and the message says so.
 */
export class NetworkError extends AssetsApiError {
  readonly offline: boolean;
  constructor(options?: { cause?: unknown; offline?: boolean }) {
    const copy = getCopy().errors;
    super('network', options?.offline ? copy.offline : copy.network, options);
    this.name = 'NetworkError';
    this.offline = !!options?.offline;
  }
}

/** The server did not answer (headers and body) within `timeoutMs`. */
export class TimeoutError extends AssetsApiError {
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options?: { cause?: unknown }) {
    super('timeout', formatCopy(getCopy().errors.timeout, { seconds: +(timeoutMs / 1000).toFixed(2) }), options);
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
    super('http', httpMessage(status, detail, retryAfterMs));
    this.name = 'HttpError';
    this.status = status;
    this.detail = detail;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Plain words for an HTTP error: sign-in and permission problems, a file too large, "try again in …". */
function httpMessage(status: number, detail: string | undefined, retryAfterMs: number | undefined): string {
  const copy = getCopy().errors;
  if (status === 401) return copy.notSignedIn;
  if (status === 403) return copy.forbidden;
  if (status === 413) return copy.tooLarge;
  const seconds = Math.ceil((retryAfterMs ?? 0) / 1000);
  if (seconds > 0 && (status === 429 || status === 503)) {
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
    const copy = getCopy().errors;
    super('invalid-response', options?.notJson ? copy.notJson : formatCopy(copy.invalidResponse, { problem }), options);
    this.name = 'InvalidResponseError';
    this.problem = problem;
  }
}

/** The client was asked for something it cannot send: an unusable endpoint or asset id. */
export class ConfigError extends AssetsApiError {
  constructor(message: string) {
    super('config', message);
    this.name = 'ConfigError';
  }
}

/** True for the rejection a cancelled request ends with; such a request needs no message. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
