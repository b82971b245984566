import { delay, http, HttpResponse, type AnyHandler, type HttpHandler, type HttpResponseResolver } from 'msw';
import { artworkSvg } from './art.js';
import { createMockDb, type MockAsset, type MockDb } from './db.js';
import { createLive, type MockChanges, type MockSocket } from './live.js';
import { bulkIds, isRecord, mixInInvalidItems, queryParams, searchParams, validate, validationError, type ListParams } from './params.js';
import { SCENARIOS, type MockBehaviour, type ScenarioName } from './scenarios.js';

export interface MockBackendOptions extends MockBehaviour {
  /** A named scenario; the other options are laid over it. */
  scenario?: ScenarioName;
  /** The assets endpoint the handlers answer (any origin). Default `/api/v1/assets`. */
  endpoint?: string;
  seed?: number;
  /** Use this library instead of generating one. */
  db?: MockDb;
  now?: () => number;
}

export interface MockBackend {
  db: MockDb;
  behaviour: MockBehaviour;
  /** The HTTP handlers only (for `mockFetch` and `startMockServer`); the socket's are `socket.handlers`. */
  handlers: HttpHandler[];
  /** The live event socket: its MSW handlers, its connections, and switches for tests. */
  socket: MockSocket;
  /** Changes to the library that the socket announces, as the real backend's do. */
  changes: MockChanges;
}

type ApiStyle = 'query' | 'search';
const PROVIDER_DOWN_ERROR = (provider: string) => `No available account for provider '${provider}'`;
/** The backend's 502 when the provider upload fails outright (`ensure_asset=false`, the HEAD multipart upload). */
const BAD_GATEWAY_DETAIL = (provider: string) => `Provider upload failed: ${capitalize(provider)} upload failed: upstream timeout`;
/** What nginx in front of the backend answers for a body over `client_max_body_size`. */
const TOO_LARGE_HTML =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n';

/**
 * The PixSim7 assets API as MSW handlers over an in-memory library: `GET {endpoint}` answers in the Era A
 * shape (tags as strings, `provider_flagged`), `POST {endpoint}/search` in the HEAD shape (tag objects,
 * `provider_uploads`). The same handlers serve the browser (service worker), tests (`mockFetch`) and Node
 * (`npm run mock-server`).
 */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const { scenario = 'default', endpoint = '/api/v1/assets', seed, db: givenDb, now, ...overrides } = options;
  const behaviour: MockBehaviour = { ...SCENARIOS[scenario], ...overrides };
  const db = givenDb ?? createMockDb({ seed, count: behaviour.count, now });
  const path = pathOf(endpoint);
  const apiPath = path.replace(/\/[^/]*$/, '');
  const mediaPath = `${apiPath}/media`;
  const moderationStart = db.now();

  if (behaviour.moderationDelayMs !== undefined) {
    // Moderation catches the newest accepted asset a few seconds after the backend starts.
    const newestOk = db.assets.find((asset) => db.status(asset) === 'ok');
    if (newestOk) newestOk.flag_at = moderationStart + behaviour.moderationDelayMs;
  }

  const live = createLive({ db, behaviour, apiPath });

  /** Waits the scenario's latency, checks the Authorization header when the scenario asks for one, then answers. */
  const slow =
    <P extends Record<string, string | readonly string[]>>(resolver: HttpResponseResolver<P>): HttpResponseResolver<P> =>
    async (info) => {
      if (behaviour.latencyMs) await delay(behaviour.latencyMs);
      if (behaviour.authorization !== undefined && info.request.headers.get('Authorization') !== behaviour.authorization) {
        return HttpResponse.json({ detail: 'Not authenticated' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
      }
      return resolver(info);
    };

  /**
   * An upload endpoint: waits the scenario's latency and upload time, then fails the way `uploadFailure`
   * says before the request reaches the backend (a dropped connection, a proxy's 413). An upload cancelled
   * while it waits never arrives, so it changes nothing.
   */
  const uploading =
    <P extends Record<string, string | readonly string[]>>(resolver: HttpResponseResolver<P>): HttpResponseResolver<P> =>
    slow(async (info) => {
      if (behaviour.uploadLatencyMs) await wait(behaviour.uploadLatencyMs, info.request.signal);
      if (info.request.signal.aborted || behaviour.uploadFailure === 'network-drop') return HttpResponse.error();
      if (behaviour.uploadFailure === 'too-large') {
        return new HttpResponse(TOO_LARGE_HTML, { status: 413, headers: { 'Content-Type': 'text/html' } });
      }
      return resolver(info);
    });

  /** The backend's own 502 when the scenario's provider times out, or undefined when it answers. */
  const badGateway = (providerId: string): Response | undefined =>
    behaviour.uploadFailure === 'bad-gateway' ? HttpResponse.json({ detail: BAD_GATEWAY_DETAIL(providerId) }, { status: 502 }) : undefined;

  function dto(asset: MockAsset, style: ApiStyle, origin: string): Record<string, unknown> {
    const status = db.status(asset);
    const remote_url = asset.cdn_name ? `${origin}/mock-cdn/${asset.cdn_name}` : null;
    const file_url = asset.has_local_file ? `${path}/${asset.id}/file` : remote_url;
    const thumbnail_url =
      asset.file && asset.media_type === 'image'
        ? file_url
        : asset.has_local_file
          ? `${mediaPath}/u/1/thumbnails/${asset.id}.jpg`
          : asset.cdn_name
            ? `${origin}/mock-cdn/${asset.cdn_name.replace(/\.\w+$/, '')}-${asset.media_type === 'video' ? 'poster' : 'thumb'}.jpg`
            : null;
    const flagReason = status === 'flagged' ? (asset.flag_reason ?? 'post_delivery_moderation') : null;
    const common: Record<string, unknown> = {
      id: asset.id,
      user_id: asset.user_id,
      media_type: asset.media_type,
      provider_id: asset.provider_id,
      provider_asset_id: asset.provider_asset_id,
      remote_url,
      thumbnail_url,
      local_path: asset.has_local_file ? `data/storage/user/1/assets/${asset.id}.${asset.media_type === 'video' ? 'mp4' : 'jpg'}` : null,
      file_url,
      sync_status: asset.sync_status,
      file_size_bytes: asset.file_size_bytes,
      duration_sec: asset.duration_sec,
      width: asset.width,
      height: asset.height,
      mime_type: asset.mime_type,
      description: asset.description,
      provider_status: status,
      created_at: asset.created_at,
    };
    const shaped: Record<string, unknown> =
      style === 'query'
        ? { ...common, tags: asset.tags, provider_flagged: status === 'flagged', provider_flag_reason: flagReason }
        : {
            ...common,
            tags: asset.tags.map((name, index) => ({ id: index + 1, slug: `user:${name}`, namespace: 'user', name, display_name: null, source: 'user' })),
            preview_url: thumbnail_url,
            provider_uploads: asset.cdn_name ? { [asset.provider_id]: asset.provider_asset_id } : {},
            last_upload_status_by_provider: null,
            provider_removal_failed: false,
            recovered: false,
            upload_method: asset.file ? 'web' : 'generated',
            asset_kind: 'content',
            is_archived: false,
          };
    if (behaviour.omitProviderStatus) delete shaped.provider_status;
    return shaped;
  }

  function failure(): Response | undefined {
    switch (behaviour.failure) {
      case 'server-error':
        return HttpResponse.json({ detail: 'Failed to list assets: database is locked' }, { status: 500 });
      case 'network-error':
        return HttpResponse.error();
      case 'malformed-json':
        return new HttpResponse('{"assets": [{"id": 1042, "media_type": "vid', { headers: { 'Content-Type': 'application/json' } });
      case 'wrong-shape':
        return HttpResponse.json({ items: [{ id: 1042 }], count: 1 });
      default:
        return undefined;
    }
  }

  function list(params: ListParams, style: ApiStyle, origin: string): Response {
    const problem = validate(params);
    if (problem) return problem;
    const limit = params.limit ?? 50;
    let matches = db.assets;
    const status = behaviour.ignoreStatusFilter ? undefined : params.provider_status;
    if (status) {
      matches = matches.filter((asset) => (status === 'not_flagged' ? db.status(asset) !== 'flagged' : db.status(asset) === status));
    }
    if (params.media_type?.length) matches = matches.filter((asset) => params.media_type?.includes(asset.media_type));
    const q = params.q?.toLowerCase();
    if (q) {
      matches = matches.filter(
        (asset) => asset.description?.toLowerCase().includes(q) || asset.tags.some((tag) => tag.toLowerCase().includes(q)),
      );
    }
    let start = params.offset ?? 0;
    if (params.cursor) {
      const [createdAt, id] = params.cursor;
      const after = matches.findIndex((asset) => asset.created_at < createdAt || (asset.created_at === createdAt && asset.id < id));
      start = after === -1 ? matches.length : after;
    }
    const page = matches.slice(start, start + limit);
    const last = page.at(-1);
    const items: unknown[] = page.map((asset) => dto(asset, style, origin));
    if (behaviour.invalidItems) mixInInvalidItems(items);
    return HttpResponse.json({
      assets: items,
      // Era A counted the page it returned; HEAD counts every match.
      total: style === 'query' ? page.length : matches.length,
      limit,
      offset: params.cursor ? 0 : start,
      next_cursor: last && page.length === limit ? `${last.created_at}|${last.id}` : null,
    });
  }

  const found = (id: string | readonly string[] | undefined): MockAsset | undefined => {
    const number = Number(id);
    return Number.isInteger(number) ? db.get(number) : undefined;
  };

  function accept(asset: MockAsset, providerId: string): void {
    asset.provider_id = providerId;
    asset.provider_asset_id = db.providerAssetId(asset.media_type);
    asset.cdn_name = db.cdnName(asset.media_type);
    if (behaviour.moderationDelayMs === undefined) return;
    asset.flag_at = db.now() + behaviour.moderationDelayMs;
    live.watchFlag(asset);
  }

  /** `GET {endpoint}/{id}/file`: the bytes a person uploaded, or artwork standing in for the file. */
  function fileOf(asset: MockAsset | undefined): Response {
    if (!asset) return HttpResponse.json({ detail: 'Asset not found' }, { status: 404 });
    if (!asset.has_local_file) return HttpResponse.json({ detail: 'Asset has no local file (sync_status is REMOTE)' }, { status: 404 });
    if (asset.file) return new HttpResponse(asset.file, { headers: { 'Content-Type': asset.file.type || 'application/octet-stream' } });
    return svg(artworkSvg(`#${asset.id}`, asset.media_type, asset.width ?? 640, asset.height ?? 360));
  }

  /** The asset id in a URL of this backend's own `{endpoint}/{id}/file`, or undefined for any other URL. */
  function ownFileId(url: string, requestUrl: URL): string | undefined {
    if (!URL.canParse(url)) return undefined;
    const target = new URL(url);
    const loopback = (host: string) => ['localhost', '127.0.0.1', '[::1]'].includes(host);
    const sameServer = target.origin === requestUrl.origin || (loopback(target.hostname) && loopback(requestUrl.hostname) && target.port === requestUrl.port);
    if (!sameServer || !target.pathname.startsWith(`${path}/`)) return undefined;
    return /^(\d+)\/file$/.exec(target.pathname.slice(path.length + 1))?.[1];
  }

  /** Stores a new asset locally, then "uploads" it to the provider, as upload-from-url does. */
  function saveAndUpload(
    fields: Pick<MockAsset, 'media_type' | 'mime_type' | 'description' | 'tags'> & Partial<Pick<MockAsset, 'file' | 'width' | 'height' | 'duration_sec'>>,
    providerId: string,
    origin: string,
  ) {
    const asset = db.insert({
      width: null,
      height: null,
      duration_sec: fields.media_type === 'video' ? 5 : null,
      ...fields,
      provider_id: providerId,
      provider_asset_id: db.localAssetId(),
      cdn_name: null,
      has_local_file: true,
      sync_status: 'downloaded',
      file_size_bytes: fields.file?.size ?? null,
      flag_reason: null,
      flag_at: null,
    });
    let note: string;
    if (behaviour.provider === 'down') {
      note = `Asset saved locally; provider upload failed: ${PROVIDER_DOWN_ERROR(providerId)}`;
    } else {
      accept(asset, providerId);
      note = providerId === 'pixverse' ? 'Uploaded via OpenAPI' : 'Uploaded to provider successfully';
    }
    live.publish('asset:created', asset);
    return HttpResponse.json({
      provider_id: providerId,
      media_type: asset.media_type,
      external_url: asset.cdn_name ? `${origin}/mock-cdn/${asset.cdn_name}` : `${path}/${asset.id}/file`,
      provider_asset_id: asset.provider_asset_id,
      asset_id: asset.id,
      note,
      versioning_status: 'not_requested',
    });
  }

  /** `POST {endpoint}/{id}/reupload`, or FastAPI's 404 for a route it does not have, whatever the id. */
  const reupload: HttpResponseResolver<{ id: string }> =
    behaviour.reupload === false
      ? slow(() => HttpResponse.json({ detail: 'Not Found' }, { status: 404 }))
      : uploading(async ({ request, params }) => {
          const asset = found(params.id);
          if (!asset) return HttpResponse.json({ detail: 'Asset not found' }, { status: 404 });
          const body = await request.json().catch(() => undefined);
          const providerId = isRecord(body) && typeof body.provider_id === 'string' && body.provider_id ? body.provider_id : asset.provider_id;
          const failed = badGateway(providerId);
          if (failed) return failed;
          if (behaviour.provider === 'down') {
            return HttpResponse.json({ detail: `Failed to upload asset to provider: ${PROVIDER_DOWN_ERROR(providerId)}` }, { status: 500 });
          }
          accept(asset, providerId);
          live.publish('asset:updated', asset);
          return HttpResponse.json({ asset_id: asset.id, provider_id: providerId, provider_asset_id: asset.provider_asset_id, message: 'Asset uploaded to provider' });
        });

  /** `POST {endpoint}/bulk/get`: the assets of the ids asked for, in the HEAD list shape; a missing id is simply absent. */
  const bulkGet: HttpResponseResolver<Record<string, never>> =
    behaviour.bulkGet === false
      ? slow(() => HttpResponse.json({ detail: 'Not Found' }, { status: 404 }))
      : slow(async ({ request }) => {
          const ids = bulkIds(await request.json().catch(() => undefined));
          if (ids instanceof Response) return ids;
          const origin = new URL(request.url).origin;
          const assets = [...new Set(ids)].map((id) => db.get(id)).filter((asset) => asset !== undefined);
          return failure() ?? HttpResponse.json(assets.map((asset) => dto(asset, 'search', origin)));
        });

  const handlers: HttpHandler[] = [
    http.get(
      `*${path}`,
      slow(({ request }) => {
        const url = new URL(request.url);
        return failure() ?? list(queryParams(url.searchParams), 'query', url.origin);
      }),
    ),
    http.post(
      `*${path}/search`,
      slow(async ({ request }) => {
        const body = await request.json().catch(() => undefined);
        if (!isRecord(body)) return validationError(['body'], 'Input should be a valid dictionary or object');
        return failure() ?? list(searchParams(body), 'search', new URL(request.url).origin);
      }),
    ),
    http.post(
      `*${path}/upload`,
      uploading(async ({ request }) => {
        const form = await request.formData().catch(() => undefined);
        const file = form?.get('file');
        const providerId = form?.get('provider_id');
        if (!(file instanceof Blob)) return validationError(['body', 'file'], 'Field required');
        if (typeof providerId !== 'string' || !providerId) return validationError(['body', 'provider_id'], 'Field required');
        if (!/^(image|video)\//.test(file.type)) return HttpResponse.json({ detail: `Unsupported content type: ${file.type || 'none'}` }, { status: 400 });
        const media_type = file.type.startsWith('video/') ? 'video' : 'image';
        const description = file instanceof File ? file.name : null;
        return badGateway(providerId) ?? saveAndUpload({ media_type, mime_type: file.type, file, description, tags: ['user_upload'] }, providerId, new URL(request.url).origin);
      }),
    ),
    http.post(
      `*${path}/upload-from-url`,
      uploading(async ({ request }) => {
        const body = await request.json().catch(() => undefined);
        const url = isRecord(body) ? body.url : undefined;
        const providerId = isRecord(body) ? body.provider_id : undefined;
        if (typeof url !== 'string') return validationError(['body', 'url'], 'Field required');
        if (typeof providerId !== 'string' || !providerId) return validationError(['body', 'provider_id'], 'Field required');
        if (!/^(https?:\/\/|data:)/i.test(url)) return HttpResponse.json({ detail: 'URL must be http(s)' }, { status: 400 });
        const requestUrl = new URL(request.url);
        const tags = ['user_upload', 'from_url'];
        const ownId = ownFileId(url, requestUrl);
        if (ownId !== undefined) {
          // The backend downloads its own file like any other URL: a new asset with the same media, the original unchanged.
          const source = found(ownId);
          const fetched = fileOf(source);
          if (!source || !fetched.ok) {
            return HttpResponse.json({ detail: `Failed to fetch URL: Client error '${fetched.status} Not Found' for url '${url}'` }, { status: 502 });
          }
          const file = await fetched.blob();
          const { media_type, mime_type, description, width, height, duration_sec } = source;
          return badGateway(providerId) ?? saveAndUpload({ media_type, mime_type, description, width, height, duration_sec, file, tags }, providerId, requestUrl.origin);
        }
        const media_type = /\.(mp4|webm|mov)(\?|#|$)/i.test(url) ? 'video' : 'image';
        const mime_type = media_type === 'video' ? 'video/mp4' : 'image/jpeg';
        return badGateway(providerId) ?? saveAndUpload({ media_type, mime_type, description: null, tags }, providerId, requestUrl.origin);
      }),
    ),
    // Before the `/:id` routes, so that none of them takes "bulk" for an id.
    http.post(`*${path}/bulk/get`, bulkGet),
    http.post(`*${path}/:id/reupload`, reupload),
    http.get(`*${path}/:id/file`, ({ params }) => fileOf(found(params.id))),
    http.get(
      `*${path}/:id`,
      slow(({ request, params }) => {
        const failed = failure();
        if (failed) return failed;
        const asset = found(params.id);
        if (!asset) return HttpResponse.json({ detail: 'Asset not found' }, { status: 404 });
        return HttpResponse.json(dto(asset, 'query', new URL(request.url).origin));
      }),
    ),
    http.get(`*${mediaPath}/u/:user/thumbnails/:name`, ({ params }) => {
      const name = String(params.name);
      const asset = found(name.replace(/\.\w+$/, ''));
      return svg(artworkSvg(`#${asset?.id ?? name}`, asset?.media_type ?? 'image'));
    }),
    http.get('*/mock-cdn/:name', ({ params }) => {
      const name = String(params.name);
      return svg(artworkSvg(name.slice(0, 8), /(\.mp4|-poster\.jpg)$/.test(name) ? 'video' : 'image'));
    }),
  ];

  return { db, behaviour, handlers, socket: live.socket, changes: live.changes };
}

/**
 * The handlers of one named scenario, HTTP and event socket, for `setupWorker`, a story's
 * `parameters.msw.handlers` or a test (`mockFetch` and `startMockServer` use the HTTP ones among them).
 */
export function scenarioHandlers(scenario: ScenarioName, options: Omit<MockBackendOptions, 'scenario'> = {}): AnyHandler[] {
  const backend = createMockBackend({ ...options, scenario });
  return [...backend.handlers, ...backend.socket.handlers];
}

function svg(body: string): Response {
  return new HttpResponse(body, { headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600' } });
}

function pathOf(endpoint: string): string {
  const path = /^https?:\/\//i.test(endpoint) ? new URL(endpoint).pathname : endpoint;
  return `/${path.replace(/^\/+|\/+$/g, '')}`;
}

/** Waits `ms`, or less when the signal aborts first. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      done();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
