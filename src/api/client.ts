import { formatCopy, type ProviderStatus } from '../status/index.js';
import { ConfigError, HttpError, InvalidResponseError, isAbortError, NetworkError, TimeoutError } from './errors.js';
import { parseAsset, parseAssetList, safeParseWithoutEval, UploadAssetResponseSchema, type Asset, type AssetPage, type UploadAssetResponse } from './schemas.js';
import { toSafeUrl } from './urls.js';

/** `fetch` or anything shaped like it (a test double, an authenticated wrapper, MSW's `getResponse`). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Extra request headers (auth); a function is asked again for every request, so tokens can refresh. */
export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/**
 * `query`: `GET {endpoint}?…` (PixSim7 until 2026-01). `search`: `POST {endpoint}/search` with a JSON body
 * (PixSim7 since).
 */
export type ApiStyle = 'query' | 'search';

export interface AssetsClientOptions {
  /** The assets collection URL, absolute or relative to the page. Default `/api/v1/assets`. */
  endpoint?: string;
  api?: ApiStyle;
  fetch?: FetchLike;
  headers?: HeadersOption;
  /** How long a read may take (answer and body), in ms, before it fails with a TimeoutError. Default 15 000; 0, Infinity or more than 2^31 − 1 (about 24.8 days): no limit. */
  timeoutMs?: number;
  /** The same for uploads, upload-from-url and reuploads (videos are slow). Default 120 000; 0, Infinity or more than 2^31 − 1: no limit. */
  uploadTimeoutMs?: number;
  /** How many times a failed read is tried again, when that can help (0–3). Default 3. Writes are never retried. */
  retries?: number;
  /** The first backoff wait before jitter, in ms; it doubles with each retry, up to 5 s. Default 300. */
  retryBaseMs?: number;
  /**
   * @internal For tests: waits `ms` (the client aborts the wait itself when `signal` aborts). Default: a timer.
   */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** A status filter the server understands: a status, or `not_flagged` (filter-only). */
export type StatusFilter = ProviderStatus | 'not_flagged';

export interface ListParams {
  /** 1–100; the server's default (50) when left out. */
  limit?: number;
  offset?: number;
  /** The previous page's `next_cursor`; takes the place of `offset`. */
  cursor?: string | null;
  provider_status?: StatusFilter | null;
  media_type?: string | null;
  q?: string | null;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface AssetsClient {
  readonly endpoint: string;
  readonly api: ApiStyle;
  /** One page of assets. */
  list(params?: ListParams, options?: RequestOptions): Promise<AssetPage>;
  /** One asset by id. */
  get(id: number | string, options?: RequestOptions): Promise<Asset>;
  /** Multipart upload of a file the person chose. */
  upload(input: { file: Blob; provider_id: string; filename?: string }, options?: RequestOptions): Promise<UploadAssetResponse>;
  /** The server fetches `url` and uploads it (what the browser extension does). */
  uploadFromUrl(input: { url: string; provider_id: string }, options?: RequestOptions): Promise<UploadAssetResponse>;
  /** Uploads an asset the server already has to a provider again. */
  reupload(id: number | string, input: { provider_id: string }, options?: RequestOptions): Promise<UploadAssetResponse>;
}

export const DEFAULT_ENDPOINT = '/api/v1/assets';
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
const STATUS_FILTERS: readonly string[] = ['ok', 'local_only', 'flagged', 'unknown', 'not_flagged'];

/**
 * A client for the PixSim7 assets API. Every call takes an AbortSignal; failures reject with a
 * {@link NetworkError}, {@link HttpError}, {@link InvalidResponseError} or {@link ConfigError}, each with a message
 * for a person; a cancelled call rejects with the signal's AbortError. Creating a client never throws.
 */
export function createAssetsClient(options: AssetsClientOptions = {}): AssetsClient {
  const endpoint = (typeof options.endpoint === 'string' && options.endpoint.trim()) || DEFAULT_ENDPOINT;
  const api: ApiStyle = options.api === 'search' ? 'search' : 'query';
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = resolveEndpoint(endpoint);
  /** What relative media URLs in replies are resolved against. */
  const mediaBase = base?.href;
  const timeoutMs = limit(options.timeoutMs, 15_000);
  const uploadTimeoutMs = limit(options.uploadTimeoutMs, 120_000);
  const retries = Math.min(3, Math.max(0, Math.trunc(options.retries ?? 3) || 0));
  const retryBaseMs = Math.max(0, options.retryBaseMs ?? 300) || 0;
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

  /** `{endpoint}{path}?{query}`, keeping any query the endpoint itself carries (an API key, say). */
  function urlFor(path: string, query: Record<string, string | number> = {}): string {
    if (!base) throw new ConfigError((words) => formatCopy(words.badEndpoint, { endpoint: endpoint.slice(0, 200) }));
    const url = new URL(base);
    url.pathname = url.pathname.replace(/\/+$/, '') + path;
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    return url.href;
  }

  /** The headers a request goes out with: the host's (a function is asked again every time), then ours. */
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

  /**
   * One network request with its headers already worked out; the reply's JSON (null for an empty body).
   * Fails with a TimeoutError when the answer and its body take longer than `timeout` ms.
   */
  async function send(url: string, init: RequestInit, headers: Headers, signal: AbortSignal | undefined, timeout: number): Promise<unknown> {
    // fetch gets a signal of its own that the caller's signal and the timer both abort.
    const controller = new AbortController();
    const forward = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    let timedOut = false;
    const timer =
      timeout > 0 && timeout < Infinity
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new TimeoutError(timeout));
          }, timeout)
        : undefined;
    let response: Response;
    let body: string;
    try {
      signal?.throwIfAborted();
      response = await fetchImpl(url, { ...init, headers, signal: controller.signal });
      body = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timedOut) throw new TimeoutError(timeout, { cause: error });
      if (isAbortError(error)) throw error;
      throw new NetworkError({ cause: error, offline: isOffline() });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
    if (!response.ok) throw new HttpError(response.status, errorDetail(body), retryAfter(response.headers.get('Retry-After')));
    if (body.trim() === '') return null;
    try {
      return JSON.parse(body);
    } catch (error) {
      throw new InvalidResponseError('not JSON', { cause: error, notJson: true });
    }
  }

  /** A write: never shared, sent with the caller's own signal. */
  async function request(url: string, init: RequestInit, signal?: AbortSignal): Promise<unknown> {
    const headers = await headersFor(init);
    signal?.throwIfAborted();
    return send(url, init, headers, signal, uploadTimeoutMs);
  }

  /**
   * Reads in flight, by what goes on the wire (kind, method, URL, body, headers as sent). Per client, and
   * only while in flight: an entry is removed the moment its request settles or every caller has left.
   */
  const inFlight = new Map<string, SharedRead>();

  /**
   * A read: identical reads in flight at the same time go to the network once, and every caller gets the
   * same parsed value (treat it as read-only) or the same error. Each caller's signal rejects that caller
   * at once; the network request itself is aborted only when every caller has aborted.
   */
  async function read<T>(kind: string, url: string, init: RequestInit, parse: (reply: unknown) => T, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    // Offline: fail at once rather than after a timeout and retries.
    if (isOffline()) throw new NetworkError({ offline: true });
    const headers = await headersFor(init);
    // Headers first, so that two calls sent with different tokens are never merged.
    signal?.throwIfAborted();
    const key = JSON.stringify([kind, init.method ?? 'GET', url, typeof init.body === 'string' ? init.body : null, [...headers]]);
    let entry = inFlight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const forget = (): void => {
        if (inFlight.get(key) === created) inFlight.delete(key);
      };
      const created: SharedRead = {
        controller,
        callers: 0,
        forget,
        // `forget` runs before the promise settles, so a caller that sees the result never joins it late.
        promise: (async () => {
          try {
            // The retries live inside the shared request: callers who join late share them too.
            for (let attempt = 0; ; attempt += 1) {
              try {
                return parse(await send(url, init, headers, controller.signal, timeoutMs));
              } catch (error) {
                const delay = retryDelay(error, attempt);
                if (delay === undefined) throw error;
                // Aborted (every caller has left) during the wait: rejects at once, nothing more is sent.
                await wait(delay, controller.signal);
                if (isOffline()) throw new NetworkError({ cause: error, offline: true });
              }
            }
          } finally {
            forget();
          }
        })(),
      };
      // Nobody may be listening any more when an abandoned request ends.
      created.promise.catch(() => undefined);
      inFlight.set(key, created);
      entry = created;
    }
    return join(entry, signal) as Promise<T>;
  }

  const json = (value: unknown): RequestInit => ({
    method: 'POST',
    body: JSON.stringify(value),
    headers: { 'Content-Type': 'application/json' },
  });

  function parseUpload(reply: unknown): UploadAssetResponse {
    const parsed = safeParseWithoutEval(UploadAssetResponseSchema, reply);
    if (!parsed.success) throw new InvalidResponseError('the upload reply is not an object');
    return { ...parsed.data, external_url: toSafeUrl(parsed.data.external_url, mediaBase) };
  }

  return {
    endpoint,
    api,

    async list(params = {}, { signal } = {}) {
      const query = listQuery(params);
      const parse = (reply: unknown): AssetPage => {
        const page = parseAssetList(reply, mediaBase);
        if (!page) throw new InvalidResponseError('it is not a list of assets (no "assets" array)');
        return page;
      };
      return api === 'search'
        ? read('list', urlFor('/search'), json(searchBody(query)), parse, signal)
        : read('list', urlFor('', { ...query }), { method: 'GET' }, parse, signal);
    },

    async get(id, { signal } = {}) {
      const parse = (reply: unknown): Asset => {
        const asset = parseAsset(reply, mediaBase);
        if (!asset) throw new InvalidResponseError('it is not an asset with an id');
        return asset;
      };
      return read('get', urlFor(`/${assetIdPath(id)}`), { method: 'GET' }, parse, signal);
    },

    async upload({ file, provider_id, filename }, { signal } = {}) {
      if (!(file instanceof Blob)) throw new ConfigError((words) => words.notAFile);
      const form = new FormData();
      form.append('file', file, filename ?? (file instanceof File ? file.name : 'upload'));
      form.append('provider_id', provider_id);
      return parseUpload(await request(urlFor('/upload'), { method: 'POST', body: form }, signal));
    },

    async uploadFromUrl({ url, provider_id }, { signal } = {}) {
      return parseUpload(await request(urlFor('/upload-from-url'), json({ url, provider_id }), signal));
    },

    async reupload(id, { provider_id }, { signal } = {}) {
      // The reupload reply is {asset_id, provider_id, provider_asset_id, message}: success, in upload terms.
      const reply = await request(urlFor(`/${assetIdPath(id)}/reupload`), json({ provider_id }), signal);
      const message = readString(reply, 'message') ?? readString(reply, 'note');
      return parseUpload(isObject(reply) ? { ...reply, note: message } : reply);
    },
  };
}

/** The longest delay setTimeout can hold (about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A timeout option: the default when missing or invalid, Infinity for "none" (0, Infinity, or too long for a timer). */
function limit(value: number | undefined, fallback: number): number {
  if (value === 0 || value === Infinity) return Infinity;
  // Someone who asks for weeks means "never cut it off": no limit, rather than a shorter one than they asked for.
  if (typeof value === 'number' && value > MAX_TIMER_MS) return Infinity;
  return typeof value === 'number' && value > 0 ? value : fallback;
}

/** True when the browser says it has no network (`navigator.onLine === false`). */
function isOffline(): boolean {
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

/** One read in flight and how many callers still want it. */
interface SharedRead {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
  /** Takes the entry out of the client's in-flight map (if it is still the one there). */
  forget: () => void;
}

/**
 * Adds a caller to a shared read. Its promise follows the shared one, but rejects with the caller's own
 * abort reason as soon as the caller's signal aborts; when the last caller has left, the request is
 * forgotten (a later identical call starts afresh) and aborted. A caller without a signal never leaves.
 */
function join(entry: SharedRead, signal?: AbortSignal): Promise<unknown> {
  entry.callers += 1;
  if (!signal) return entry.promise;
  return new Promise((resolve, reject) => {
    const leave = (): void => {
      reject(signal.reason);
      entry.callers -= 1;
      if (entry.callers === 0) {
        entry.forget();
        entry.controller.abort(signal.reason);
      }
    };
    signal.addEventListener('abort', leave, { once: true });
    entry.promise.then(
      (value) => {
        signal.removeEventListener('abort', leave);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', leave);
        reject(error);
      },
    );
  });
}

interface ListQuery {
  limit?: number;
  offset?: number;
  cursor?: string;
  provider_status?: StatusFilter;
  media_type?: string;
  q?: string;
}

/** Keeps only parameters the server can take: bad values from attributes are left out, never sent. */
function listQuery(params: ListParams): ListQuery {
  const query: ListQuery = {};
  if (Number.isFinite(params.limit)) query.limit = Math.min(100, Math.max(1, Math.trunc(params.limit as number)));
  if (params.cursor) query.cursor = params.cursor;
  else if (Number.isFinite(params.offset) && (params.offset as number) > 0) query.offset = Math.trunc(params.offset as number);
  if (params.provider_status && STATUS_FILTERS.includes(params.provider_status)) query.provider_status = params.provider_status;
  if (params.media_type) query.media_type = params.media_type;
  if (params.q?.trim()) query.q = params.q.trim();
  return query;
}

/** The HEAD web client puts `media_type` among the registry `filters`; the rest are top-level fields. */
function searchBody({ media_type, ...rest }: ListQuery): Record<string, unknown> {
  return media_type ? { ...rest, filters: { media_type } } : rest;
}

function assetIdPath(id: number | string): string {
  const text = String(id).trim();
  if (!/^\d{1,15}$/.test(text)) throw new ConfigError((words) => formatCopy(words.badAssetId, { id: text.slice(0, 40) }));
  return text;
}

/** The endpoint as an absolute http(s) URL with a host (resolved against the page), or null. */
function resolveEndpoint(endpoint: string): URL | null {
  const pageBase = typeof document !== 'undefined' ? document.baseURI : undefined;
  try {
    // With a scheme it must stand on its own: "http:" alone would otherwise resolve to the page itself.
    const hasScheme = /^[a-z][a-z\d+.-]*:/i.test(endpoint);
    const url = hasScheme || !pageBase ? new URL(endpoint) : new URL(endpoint, pageBase);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
    url.hash = '';
    return url;
  } catch {
    return null;
  }
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

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readString(value: unknown, key: string): string | undefined {
  const field = isObject(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

