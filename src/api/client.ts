import { ConfigError, InvalidResponseError, NetworkError } from './errors.js';
import { assetIdPath, endpointUrl, listQuery, resolveEndpoint, searchBody, type ListParams } from './params.js';
import { parseAsset, parseAssetList, safeParseWithoutEval, UploadAssetResponseSchema, type Asset, type AssetPage, type UploadAssetResponse } from './schemas.js';
import { createSharedReads } from './shared-reads.js';
import { createTransport, isObject, isOffline, limit, readString, type FetchLike, type HeadersOption, type UploadProgress } from './transport.js';
import { toSafeUrl } from './urls.js';

export type { ListParams, StatusFilter } from './params.js';
export type { FetchLike, HeadersOption, UploadProgress } from './transport.js';

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
  /** The same for uploads, upload-from-url and reuploads (videos are slow); for an upload whose bytes are counted (`onProgress`), the time since they last moved. Default 120 000; 0, Infinity or more than 2^31 − 1: no limit. */
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

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface UploadOptions extends RequestOptions {
  /**
   * Hears of the file's bytes as they are sent. Only the client's default transport (the browser's fetch, no
   * `fetch` option) can count them: it then sends through XMLHttpRequest. With a `fetch` of the host's, never called.
   */
  onProgress?: (sent: UploadProgress) => void;
}

export interface AssetsClient {
  readonly endpoint: string;
  readonly api: ApiStyle;
  /** One page of assets. */
  list(params?: ListParams, options?: RequestOptions): Promise<AssetPage>;
  /** One asset by id. */
  get(id: number | string, options?: RequestOptions): Promise<Asset>;
  /**
   * Several assets by id: `POST {endpoint}/bulk/get`, one request per {@link BULK_GET_MAX} ids. An id the
   * server leaves out (missing, forbidden) is simply not in the answer; an item that cannot be shown is skipped.
   * A server without the route rejects with its 404 or 405 `HttpError`.
   */
  bulkGet(ids: readonly number[], options?: RequestOptions): Promise<Asset[]>;
  /** Multipart upload of a file the person chose. */
  upload(input: { file: Blob; provider_id: string; filename?: string }, options?: UploadOptions): Promise<UploadAssetResponse>;
  /** The server fetches `url` and uploads it (what the browser extension does). */
  uploadFromUrl(input: { url: string; provider_id: string }, options?: RequestOptions): Promise<UploadAssetResponse>;
  /** Uploads an asset the server already has to a provider again. */
  reupload(id: number | string, input: { provider_id: string }, options?: RequestOptions): Promise<UploadAssetResponse>;
}

export const DEFAULT_ENDPOINT = '/api/v1/assets';

/** The most ids one `bulk/get` request may carry (the backend's limit). */
export const BULK_GET_MAX = 200;

/**
 * A client for the PixSim7 assets API. Every call takes an AbortSignal; failures reject with a
 * {@link NetworkError}, {@link HttpError}, {@link InvalidResponseError} or {@link ConfigError}, each with a message
 * for a person; a cancelled call rejects with the signal's AbortError. Creating a client never throws.
 *
 * The HTTP transport (timeouts, retries, `Retry-After`) is in `transport.ts`, the sharing of identical reads
 * in `shared-reads.ts`, and the checking of parameters and URLs in `params.ts`.
 */
export function createAssetsClient(options: AssetsClientOptions = {}): AssetsClient {
  const endpoint = (typeof options.endpoint === 'string' && options.endpoint.trim()) || DEFAULT_ENDPOINT;
  const api: ApiStyle = options.api === 'search' ? 'search' : 'query';
  const base = resolveEndpoint(endpoint);
  /** What relative media URLs in replies are resolved against. */
  const mediaBase = base?.href;
  const timeoutMs = limit(options.timeoutMs, 15_000);
  const uploadTimeoutMs = limit(options.uploadTimeoutMs, 120_000);
  const transport = createTransport({
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    xhr: !options.fetch && typeof XMLHttpRequest === 'function',
    headers: options.headers,
    retries: Math.min(3, Math.max(0, Math.trunc(options.retries ?? 3) || 0)),
    retryBaseMs: Math.max(0, options.retryBaseMs ?? 300) || 0,
    sleep: options.sleep,
  });
  const shared = createSharedReads();

  /** `{endpoint}{path}?{query}`, keeping any query the endpoint itself carries (an API key, say). */
  const urlFor = (path: string, query?: Record<string, string | number>): string => endpointUrl(base, endpoint, path, query);

  /** A write: never shared, sent with the caller's own signal. */
  async function request(url: string, init: RequestInit, signal?: AbortSignal, onProgress?: (sent: UploadProgress) => void): Promise<unknown> {
    const headers = await transport.headersFor(init);
    signal?.throwIfAborted();
    return transport.send(url, init, headers, signal, uploadTimeoutMs, onProgress);
  }

  /**
   * A read: identical reads in flight at the same time go to the network once, and every caller gets the
   * same parsed value (treat it as read-only) or the same error. Each caller's signal rejects that caller
   * at once; the network request itself is aborted only when every caller has aborted.
   */
  async function read<T>(kind: string, url: string, init: RequestInit, parse: (reply: unknown) => T, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    // Offline: fail at once rather than after a timeout and retries.
    if (isOffline()) throw new NetworkError({ offline: true });
    const headers = await transport.headersFor(init);
    // Headers first, so that two calls sent with different tokens are never merged.
    signal?.throwIfAborted();
    const key = JSON.stringify([kind, init.method ?? 'GET', url, typeof init.body === 'string' ? init.body : null, [...headers]]);
    return shared.share(key, (sharedSignal) => transport.sendWithRetries(url, init, headers, sharedSignal, timeoutMs, parse), signal);
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

    async bulkGet(ids, { signal } = {}) {
      const parse = (reply: unknown): Asset[] => {
        if (!Array.isArray(reply)) throw new InvalidResponseError('it is not a list of assets');
        return reply.map((item) => parseAsset(item, mediaBase)).filter((asset) => asset !== null);
      };
      const chunks: (readonly number[])[] = [];
      for (let start = 0; start < ids.length; start += BULK_GET_MAX) chunks.push(ids.slice(start, start + BULK_GET_MAX));
      const answers = await Promise.all(chunks.map((chunk) => read('bulk', urlFor('/bulk/get'), json({ asset_ids: chunk }), parse, signal)));
      return answers.flat();
    },

    async upload({ file, provider_id, filename }, { signal, onProgress } = {}) {
      if (!(file instanceof Blob)) throw new ConfigError((words) => words.notAFile);
      const form = new FormData();
      form.append('file', file, filename ?? (file instanceof File ? file.name : 'upload'));
      form.append('provider_id', provider_id);
      return parseUpload(await request(urlFor('/upload'), { method: 'POST', body: form }, signal, onProgress));
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
