import { formatCopy, getCopy } from '../status/index.js';

export type AssetsApiErrorKind = 'network' | 'http' | 'invalid-response' | 'config';

/** Every error the assets client raises; `message` is written for a person. Aborts are not wrapped. */
export class AssetsApiError extends Error {
  readonly kind: AssetsApiErrorKind;
  constructor(kind: AssetsApiErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AssetsApiError';
    this.kind = kind;
  }
}

/** The server could not be reached, or the connection broke while reading its reply. */
export class NetworkError extends AssetsApiError {
  constructor(options?: { cause?: unknown }) {
    super('network', getCopy().errors.network, options);
    this.name = 'NetworkError';
  }
}

/** The server answered with an HTTP error; `detail` is the server's own explanation, when it gave one. */
export class HttpError extends AssetsApiError {
  readonly status: number;
  readonly detail: string | undefined;
  constructor(status: number, detail?: string) {
    const copy = getCopy().errors;
    const message =
      status === 413 ? copy.tooLarge : detail ? formatCopy(copy.httpWithDetail, { status, detail }) : formatCopy(copy.http, { status });
    super('http', message);
    this.name = 'HttpError';
    this.status = status;
    this.detail = detail;
  }
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
