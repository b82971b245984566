/** Reading and checking request parameters the way PixSim7's FastAPI routes do: a 422 `{detail: [...]}` for a bad one. */
import { HttpResponse } from 'msw';

const MEDIA_TYPES = ['video', 'image', 'audio', '3d_model'];
const STATUS_FILTERS = ['ok', 'local_only', 'flagged', 'unknown', 'not_flagged'];

export interface ListParams {
  limit?: number;
  offset?: number;
  cursor?: [createdAt: string, id: number];
  provider_status?: string;
  media_type?: string[];
  q?: string;
  invalid?: { loc: string[]; msg: string };
}

export function queryParams(search: URLSearchParams): ListParams {
  return readParams((key) => search.get(key) ?? undefined, ['query']);
}

export function searchParams(body: Record<string, unknown>): ListParams {
  const filters = isRecord(body.filters) ? body.filters : {};
  const mediaType = filters.media_type ?? body.media_type;
  const params = readParams((key) => bodyText(body[key]), ['body']);
  if (mediaType !== undefined && mediaType !== null) params.media_type = (Array.isArray(mediaType) ? mediaType : [mediaType]).map(String);
  return params;
}

/** A JSON body's field as the text a query parameter would carry; an object or array as its JSON, which no field accepts. */
function bodyText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Reads and checks the list parameters the way FastAPI would (a 422 with `detail` for a bad one). */
function readParams(get: (key: string) => string | undefined, loc: string[]): ListParams {
  const params: ListParams = {};
  const fail = (key: string, msg: string): ListParams => ({ invalid: { loc: [...loc, key], msg } });
  const limit = get('limit');
  if (limit !== undefined) {
    const value = Number(limit);
    if (!Number.isInteger(value) || value < 1 || value > 100) return fail('limit', 'Input should be an integer between 1 and 100');
    params.limit = value;
  }
  const offset = get('offset');
  if (offset !== undefined) {
    const value = Number(offset);
    if (!Number.isInteger(value) || value < 0) return fail('offset', 'Input should be greater than or equal to 0');
    params.offset = value;
  }
  const cursor = get('cursor');
  if (cursor) {
    const split = cursor.lastIndexOf('|');
    const id = Number(cursor.slice(split + 1));
    if (split < 1 || !Number.isInteger(id)) return fail('cursor', 'Invalid cursor');
    params.cursor = [cursor.slice(0, split), id];
  }
  const status = get('provider_status');
  if (status !== undefined) {
    if (!STATUS_FILTERS.includes(status)) return fail('provider_status', `Input should be ${STATUS_FILTERS.map((s) => `'${s}'`).join(', ')}`);
    params.provider_status = status;
  }
  const mediaType = get('media_type');
  if (mediaType !== undefined) params.media_type = [mediaType];
  const q = get('q');
  if (q) params.q = q;
  return params;
}

export function validate(params: ListParams): Response | undefined {
  if (params.invalid) return validationError(params.invalid.loc, params.invalid.msg);
  const badType = params.media_type?.find((type) => !MEDIA_TYPES.includes(type));
  if (badType !== undefined) return validationError(['query', 'media_type'], `Input should be ${MEDIA_TYPES.map((t) => `'${t}'`).join(', ')}`);
  return undefined;
}

/** The most ids `POST {endpoint}/bulk/get` takes (PixSim7's `BulkGetRequest`). */
export const BULK_GET_MAX = 200;

/** The ids of a `bulk/get` body `{"asset_ids": [...]}`, or FastAPI's 422 for a body it would refuse. */
export function bulkIds(body: unknown): number[] | Response {
  if (!isRecord(body)) return validationError(['body'], 'Input should be a valid dictionary or object');
  const ids = body.asset_ids;
  if (ids === undefined) return validationError(['body', 'asset_ids'], 'Field required');
  if (!Array.isArray(ids)) return validationError(['body', 'asset_ids'], 'Input should be a valid list');
  const bad = ids.findIndex((id) => !Number.isInteger(id));
  if (bad !== -1) return validationError(['body', 'asset_ids', bad], 'Input should be a valid integer');
  if (ids.length > BULK_GET_MAX) return validationError(['body', 'asset_ids'], `List should have at most ${BULK_GET_MAX} items after validation, not ${ids.length}`);
  return ids as number[];
}

export function validationError(loc: (string | number)[], msg: string): Response {
  return HttpResponse.json({ detail: [{ type: 'value_error', loc, msg }] }, { status: 422 });
}

/** One item gets fields of the wrong type (still shown); every seventh item is broken past showing. */
export function mixInInvalidItems(items: unknown[]): void {
  if (isRecord(items[0])) Object.assign(items[0], { width: 'wide', tags: 'oops', created_at: 'yesterday' });
  const broken = [
    (item: unknown) => ({ ...(item as object), id: null }),
    () => 'not an asset',
    (item: unknown) => ({ ...(item as object), id: 'abc' }),
  ];
  for (let index = 6, n = 0; index < items.length; index += 7, n++) items[index] = broken[n % broken.length]?.(items[index]);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
