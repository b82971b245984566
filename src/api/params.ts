import { formatCopy, PROVIDER_STATUSES, type ProviderStatus } from '../status/index.js';
import { ConfigError } from './errors.js';

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

/** The list parameters that go on the wire, each one checked. */
export interface ListQuery {
  limit?: number;
  offset?: number;
  cursor?: string;
  provider_status?: StatusFilter;
  media_type?: string;
  q?: string;
}

/** What the server's `provider_status` filter takes: the four statuses, and its own `not_flagged`. */
const SERVER_FILTERS: readonly string[] = [...PROVIDER_STATUSES, 'not_flagged'];

/** Keeps only parameters the server can take: bad values from attributes are left out, never sent. */
export function listQuery(params: ListParams): ListQuery {
  const query: ListQuery = {};
  if (Number.isFinite(params.limit)) query.limit = Math.min(100, Math.max(1, Math.trunc(params.limit as number)));
  if (params.cursor) query.cursor = params.cursor;
  else if (Number.isFinite(params.offset) && (params.offset as number) > 0) query.offset = Math.trunc(params.offset as number);
  if (params.provider_status && SERVER_FILTERS.includes(params.provider_status)) query.provider_status = params.provider_status;
  if (params.media_type) query.media_type = params.media_type;
  if (params.q?.trim()) query.q = params.q.trim();
  return query;
}

/** The HEAD web client puts `media_type` among the registry `filters`; the rest are top-level fields. */
export function searchBody({ media_type, ...rest }: ListQuery): Record<string, unknown> {
  return media_type ? { ...rest, filters: { media_type } } : rest;
}

/** An asset id as a path segment; a ConfigError for anything but up to 15 digits. */
export function assetIdPath(id: number | string): string {
  const text = String(id).trim();
  if (!/^\d{1,15}$/.test(text)) throw new ConfigError((words) => formatCopy(words.badAssetId, { id: text.slice(0, 40) }));
  return text;
}

/** The endpoint as an absolute http(s) URL with a host (resolved against the page), or null. */
export function resolveEndpoint(endpoint: string): URL | null {
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
 * `{base}{path}?{query}`, keeping any query the endpoint itself carries (an API key, say); a ConfigError
 * when the endpoint did not resolve (`base` null).
 */
export function endpointUrl(base: URL | null, endpoint: string, path: string, query: Record<string, string | number> = {}): string {
  if (!base) throw new ConfigError((words) => formatCopy(words.badEndpoint, { endpoint: endpoint.slice(0, 200) }));
  const url = new URL(base);
  url.pathname = url.pathname.replace(/\/+$/, '') + path;
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  return url.href;
}
