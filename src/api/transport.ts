import { ConfigError, HttpError, InvalidResponseError, NetworkError, TimeoutError } from './errors.js';

/** `fetch` or anything shaped like it (a test double, an authenticated wrapper, MSW's `getResponse`). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Extra request headers (auth); a function is asked again for every request, so tokens can refresh. */
export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** Bytes of a request body sent so far; `total` is undefined when the browser cannot tell. */
export interface UploadProgress {
  loaded: number;
  total: number | undefined;
}

/** What the transport needs from the client's options, already checked. */
export interface TransportOptions {
  fetch: FetchLike;
  /**
   * Send bodies whose progress someone follows with XMLHttpRequest, whose upload events count the bytes sent
   * (fetch cannot tell). Only where the client uses the browser's own fetch: a host's fetch (auth, a test double)
   * sees every request, and its uploads show no progress.
   */
  xhr: boolean;
  headers?: HeadersOption;
  /** How many times a failed read is tried again (0–3). */
  retries: number;
  /** The first backoff wait before jitter, in ms. */
  retryBaseMs: number;
  /** Waits `ms` (the transport aborts the wait itself when `signal` aborts). Default: a timer. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** HTTP for the assets client: headers, one request with its timeout, and reads retried with backoff. */
export interface Transport {
  /** The headers a request goes out with: the host's (a function is asked again every time), then ours. */
  headersFor(init: RequestInit): Promise<Headers>;
  /**
   * One network request with its headers already worked out; the reply's JSON (null for an empty body).
   * Fails with a TimeoutError when the answer and its body take longer than `timeout` ms. `onProgress` hears of
   * the body's bytes as they go, where the transport can count them (`xhr`); each count restarts the `timeout`.
   */
  send(url: string, init: RequestInit, headers: Headers, signal: AbortSignal | undefined, timeout: number, onProgress?: (sent: UploadProgress) => void): Promise<unknown>;
  /** A read: `send`, then `parse`, tried again after a wait while that can help. */
  sendWithRetries<T>(url: string, init: RequestInit, headers: Headers, signal: AbortSignal, timeout: number, parse: (reply: unknown) => T): Promise<T>;
}

/** The longest backoff wait between two attempts of a read. */
const BACKOFF_CAP_MS = 5_000;
/** A `Retry-After` longer than this is not waited for: the read fails and its message says when to try again. */
const RETRY_AFTER_CAP_MS = 30_000;
/**
 * The statuses a read is retried on: a proxy or gateway that could not reach the server (502, 504), a server
 * that is starting or overloaded (503), and "too many requests" (429). A 500 is not retried: it is usually a
 * bug on the server that the same request hits again, and four tries would only keep the person waiting
 * longer for the same error. Other 4xx (400, 401, 403, 404, 413, 422) are answers about the request itself.
 */
const RETRY_STATUSES: readonly number[] = [429, 502, 503, 504];

export function createTransport(options: TransportOptions): Transport {
  const { fetch: fetchImpl, retries, retryBaseMs } = options;
  // The timer goes with the wait: an abort leaves nothing running.
  const sleep =
    options.sleep ??
    ((ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      }));

  /** Waits `ms`, or rejects with the signal's reason the moment it aborts. */
  function wait(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const stop = (): void => reject(signal.reason);
      if (signal.aborted) return stop();
      signal.addEventListener('abort', stop, { once: true });
      sleep(ms, signal).then(
        () => {
          signal.removeEventListener('abort', stop);
          resolve();
        },
        (error: unknown) => {
          signal.removeEventListener('abort', stop);
          reject(error);
        },
      );
    });
  }

  /**
   * How long to wait before trying a failed read again, or undefined when trying again cannot help: the
   * `Retry-After` the server asked for, else exponential backoff with full jitter (a random wait up to
   * base × 2^attempt, capped), so that many galleries do not all come back at the same moment.
   */
  function retryDelay(error: unknown, attempt: number): number | undefined {
    if (attempt >= retries) return undefined;
    if (error instanceof HttpError) {
      if (!RETRY_STATUSES.includes(error.status)) return undefined;
      if (error.retryAfterMs !== undefined) return error.retryAfterMs > RETRY_AFTER_CAP_MS ? undefined : error.retryAfterMs;
    } else if (!(error instanceof TimeoutError) && !(error instanceof NetworkError && !error.offline)) {
      return undefined;
    }
    return Math.random() * Math.min(BACKOFF_CAP_MS, retryBaseMs * 2 ** attempt);
  }

  async function headersFor(init: RequestInit): Promise<Headers> {
    const given = typeof options.headers === 'function' ? await options.headers() : options.headers;
    let headers: Headers;
    try {
      headers = new Headers(given);
    } catch (error) {
      throw new ConfigError((words) => words.badHeaders, { cause: error }); // not a list of names and values
    }
    headers.set('Accept', 'application/json');
    new Headers(init.headers).forEach((value, key) => headers.set(key, value));
    // The browser writes the multipart boundary itself; a host's Content-Type would break it.
    if (init.body instanceof FormData) headers.delete('Content-Type');
    return headers;
  }

  /** The answer to one request, its body read: through the host's fetch, or XMLHttpRequest to count the bytes sent. */
  async function exchange(url: string, init: RequestInit & { signal: AbortSignal }, onProgress?: (sent: UploadProgress) => void): Promise<Reply> {
    // Loaded with the first upload that counts its bytes: a page that only browses never downloads it. If it cannot
    // be loaded (offline, a new deploy), the upload goes through fetch all the same, only without a count.
    const counted = onProgress && options.xhr ? await import('./xhr.js').catch(() => undefined) : undefined;
    if (counted && onProgress) return counted.sendWithXhr(url, init, onProgress);
    const response = await fetchImpl(url, init);
    return { status: response.status, retryAfter: response.headers.get('Retry-After'), body: await response.text() };
  }

  async function send(url: string, init: RequestInit, headers: Headers, signal: AbortSignal | undefined, timeout: number, onProgress?: (sent: UploadProgress) => void): Promise<unknown> {
    // fetch gets a signal of its own that the caller's signal and the timer both abort.
    const controller = new AbortController();
    const forward = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    let timedOut = false;
    const limited = timeout > 0 && timeout < Infinity;
    const expire = (): void => {
      timedOut = true;
      controller.abort(new TimeoutError(timeout));
    };
    let timer = limited ? setTimeout(expire, timeout) : undefined;
    // A file whose bytes are counted has `timeout` ms from its last sign of life: a large one moving steadily is
    // not cut off for being large.
    const counted =
      onProgress &&
      ((sent: UploadProgress): void => {
        if (controller.signal.aborted) return;
        clearTimeout(timer);
        timer = limited ? setTimeout(expire, timeout) : undefined;
        onProgress(sent);
      });
    // A host's fetch may ignore its signal (a wrapper that drops it), and a body may never end: the abort and the
    // timer end the wait for either all the same.
    let stop: () => void = () => undefined;
    const stopped = new Promise<never>((_resolve, reject) => {
      stop = () => reject(controller.signal.reason);
      controller.signal.addEventListener('abort', stop, { once: true });
    });
    let reply: Reply;
    try {
      signal?.throwIfAborted();
      reply = await Promise.race([exchange(url, { ...init, headers, signal: controller.signal }, counted), stopped]);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timedOut) throw new TimeoutError(timeout, { cause: error });
      // Nothing aborted: an AbortError here is the connection's (Firefox rejects a body that breaks mid-read
      // with one), not a caller who left, and is reported as the network failure it is.
      throw new NetworkError({ cause: error, offline: isOffline() });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
      controller.signal.removeEventListener('abort', stop);
    }
    const { status, body } = reply;
    if (status < 200 || status > 299) throw new HttpError(status, errorDetail(body), retryAfter(reply.retryAfter));
    if (body.trim() === '') return null;
    try {
      return JSON.parse(body);
    } catch (error) {
      throw new InvalidResponseError('not JSON', { cause: error, notJson: true });
    }
  }

  async function sendWithRetries<T>(url: string, init: RequestInit, headers: Headers, signal: AbortSignal, timeout: number, parse: (reply: unknown) => T): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return parse(await send(url, init, headers, signal, timeout));
      } catch (error) {
        const delay = retryDelay(error, attempt);
        if (delay === undefined) throw error;
        // Aborted (every caller has left) during the wait: rejects at once, nothing more is sent.
        await wait(delay, signal);
        if (isOffline()) throw new NetworkError({ cause: error, offline: true });
      }
    }
  }

  return { headersFor, send, sendWithRetries };
}

/** An answer as `send` reads it. */
export interface Reply {
  status: number;
  retryAfter: string | null;
  body: string;
}

/** The longest delay setTimeout can hold (about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A timeout option: the default when missing or invalid, Infinity for "none" (0, Infinity, or too long for a timer). */
export function limit(value: number | undefined, fallback: number): number {
  if (value === 0 || value === Infinity) return Infinity;
  // Someone who asks for weeks means "never cut it off": no limit, rather than a shorter one than they asked for.
  if (typeof value === 'number' && value > MAX_TIMER_MS) return Infinity;
  return typeof value === 'number' && value > 0 ? value : fallback;
}

/** True when the browser says it has no network (`navigator.onLine === false`). */
export function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** A `Retry-After` header (seconds, or an HTTP date) in ms from now, or undefined without a usable one. */
function retryAfter(header: string | null): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * The server's explanation from an error body: FastAPI's `detail` (a string, or a list of validation
 * errors with `msg`), or a short plain-text body. HTML error pages are not shown to people.
 */
function errorDetail(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const plain = body.trim();
    return plain && !plain.startsWith('<') ? clip(plain) : undefined;
  }
  const detail = isObject(parsed) ? parsed.detail : undefined;
  if (typeof detail === 'string' && detail.trim()) return clip(detail.trim());
  if (Array.isArray(detail)) {
    const messages = detail.map((entry) => readString(entry, 'msg')).filter((msg): msg is string => !!msg);
    if (messages.length) return clip(messages.join('; '));
  }
  return undefined;
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** A JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A string field of a JSON object, or undefined. */
export function readString(value: unknown, key: string): string | undefined {
  const field = isObject(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}
