import { expect } from '@open-wc/testing';
import {
  AssetsApiError,
  ConfigError,
  createAssetsClient,
  HttpError,
  InvalidResponseError,
  isAbortError,
  NetworkError,
  type AssetsClient,
  type AssetsClientOptions,
  type FetchLike,
} from '../../src/api/index.js';
import { interpretUploadResponse } from '../../src/status/index.js';
import { eraAListSample, uploadLocalOnlyHead, uploadSuccessHead } from './fixtures.js';
import { hangingFetch, recordRequest, rejectionOf, sentForm } from '../helpers.js';

const ENDPOINT = 'http://localhost:9999/api/v1/assets';
const CURSOR = '2025-11-21T18:02:11.482913|1042';

interface Recorded {
  url: string;
  init: RequestInit;
  /** The call as a Request, to read its method, headers and body. */
  request: Request;
}

type Responder = (call: Recorded) => Response | Promise<Response>;

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function text(body: string, status = 200, type = 'text/plain'): Response {
  return new Response(body, { status, headers: { 'Content-Type': type } });
}

function emptyPage(): Record<string, unknown> {
  return { assets: [], total: 0, limit: 50, offset: 0, next_cursor: null };
}

/**
 * A client whose fetch records every call and answers with `respond`. Like the real fetch, the double
 * rejects with the signal's reason when the signal is (or becomes) aborted.
 */
function setup(options: Omit<AssetsClientOptions, 'fetch'> = {}, respond: Responder = () => json(emptyPage())) {
  const calls: Recorded[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call: Recorded = { url, init, request: recordRequest(url, init) };
    calls.push(call);
    init.signal?.throwIfAborted();
    return respond(call);
  };
  const client: AssetsClient = createAssetsClient({ endpoint: ENDPOINT, ...options, fetch });
  const last = (): Recorded => {
    const call = calls.at(-1);
    if (!call) throw new Error('fetch was not called');
    return call;
  };
  return { client, calls, last };
}

/** The query parameters of the last call, as a plain object. */
function queryOf(call: Recorded): Record<string, string> {
  return Object.fromEntries(new URL(call.url).searchParams);
}

function pathOf(call: Recorded): string {
  return new URL(call.url).pathname;
}

describe('createAssetsClient', () => {
  describe("list, api 'query' (GET)", () => {
    it('sends GET {endpoint} with no parameters by default', async () => {
      const { client, last } = setup();
      await client.list();
      expect(last().request.method).to.equal('GET');
      expect(last().url).to.equal(ENDPOINT);
    });

    it('sends limit, offset, provider_status, media_type and q as query parameters', async () => {
      const { client, last } = setup();
      await client.list({ limit: 20, offset: 40, provider_status: 'local_only', media_type: 'video', q: 'koi' });
      expect(pathOf(last())).to.equal('/api/v1/assets');
      expect(queryOf(last())).to.deep.equal({ limit: '20', offset: '40', provider_status: 'local_only', media_type: 'video', q: 'koi' });
    });

    it('sends cursor in place of offset, URL-encoded', async () => {
      const { client, last } = setup();
      await client.list({ limit: 20, offset: 40, cursor: CURSOR });
      expect(queryOf(last())).to.deep.equal({ limit: '20', cursor: CURSOR });
      expect(last().url).to.contain('cursor=2025-11-21T18%3A02%3A11.482913%7C1042');
    });

    it('leaves out offset 0', async () => {
      const { client, last } = setup();
      await client.list({ offset: 0 });
      expect(queryOf(last())).to.deep.equal({});
    });

    const limits: Array<[number, string | undefined]> = [
      [0, '1'],
      [-5, '1'],
      [1, '1'],
      [100, '100'],
      [101, '100'],
      [500, '100'],
      [20.9, '20'],
      [Number.NaN, undefined],
      [Number.POSITIVE_INFINITY, undefined],
    ];
    for (const [limit, sent] of limits) {
      it(`sends limit ${String(limit)} as ${sent ?? 'nothing'}`, async () => {
        const { client, last } = setup();
        await client.list({ limit });
        expect(queryOf(last())['limit']).to.equal(sent);
      });
    }

    it('sends not_flagged (a filter value)', async () => {
      const { client, last } = setup();
      await client.list({ provider_status: 'not_flagged' });
      expect(queryOf(last())['provider_status']).to.equal('not_flagged');
    });

    for (const bad of ['pending', 'OK', '', 'ok; DROP']) {
      it(`does not send the provider_status ${JSON.stringify(bad)}`, async () => {
        const { client, last } = setup();
        await client.list({ provider_status: bad as 'ok' });
        expect(queryOf(last())).not.to.have.property('provider_status');
      });
    }

    it('trims q and leaves a blank q out', async () => {
      const { client, calls } = setup();
      await client.list({ q: '  koi  ' });
      await client.list({ q: '   ' });
      expect(queryOf(calls[0] as Recorded)['q']).to.equal('koi');
      expect(queryOf(calls[1] as Recorded)).not.to.have.property('q');
    });

    it('returns the parsed page, relative URLs made absolute against the endpoint', async () => {
      const { client } = setup({}, () => json(eraAListSample()));
      const page = await client.list({ limit: 10 });
      expect(page.assets).to.have.length(10);
      expect(page.next_cursor).to.equal('2025-11-20T18:03:52.057731|1033');
      const asset1040 = page.assets.find((a) => a.id === 1040);
      expect(asset1040?.provider_status).to.equal('local_only');
      expect(asset1040?.file_url).to.equal('http://localhost:9999/api/v1/assets/1040/file');
    });
  });

  describe("list, api 'search' (POST /search)", () => {
    it('sends POST {endpoint}/search with a JSON body', async () => {
      const { client, last } = setup({ api: 'search' });
      await client.list();
      expect(last().request.method).to.equal('POST');
      expect(last().url).to.equal(`${ENDPOINT}/search`);
      expect(last().request.headers.get('Content-Type')).to.equal('application/json');
      expect(await last().request.json()).to.deep.equal({});
    });

    it('puts media_type inside filters and the rest at the top level', async () => {
      const { client, last } = setup({ api: 'search' });
      await client.list({ limit: 20, offset: 40, provider_status: 'flagged', media_type: 'image', q: 'fox' });
      expect(await last().request.json()).to.deep.equal({
        limit: 20,
        offset: 40,
        provider_status: 'flagged',
        q: 'fox',
        filters: { media_type: 'image' },
      });
    });

    it('sends cursor in place of offset', async () => {
      const { client, last } = setup({ api: 'search' });
      await client.list({ limit: 20, offset: 40, cursor: CURSOR });
      expect(await last().request.json()).to.deep.equal({ limit: 20, cursor: CURSOR });
    });

    it('clamps limit and leaves an invalid provider_status out', async () => {
      const { client, last } = setup({ api: 'search' });
      await client.list({ limit: 1000, provider_status: 'pending' as 'ok' });
      expect(await last().request.json()).to.deep.equal({ limit: 100 });
    });

    it('sends not_flagged', async () => {
      const { client, last } = setup({ api: 'search' });
      await client.list({ provider_status: 'not_flagged' });
      expect(await last().request.json()).to.deep.equal({ provider_status: 'not_flagged' });
    });

    it('reads the reply as a page', async () => {
      const { client } = setup({ api: 'search' }, () => json(eraAListSample()));
      const page = await client.list();
      expect(page.assets.map((a) => a.provider_status)).to.deep.equal([
        'ok', 'ok', 'local_only', 'local_only', 'flagged', 'flagged', 'unknown', 'ok', 'local_only', 'ok',
      ]);
    });
  });

  describe('headers', () => {
    it('asks for JSON on every call', async () => {
      const { client, calls } = setup({}, (call) =>
        call.url.endsWith('/7') ? json({ id: 7 }) : call.url.includes('upload') ? json(uploadSuccessHead()) : json(emptyPage()),
      );
      await client.list();
      await client.get(7);
      await client.upload({ file: new Blob(['x'], { type: 'image/png' }), provider_id: 'pixverse' });
      await client.uploadFromUrl({ url: 'https://example.com/a.png', provider_id: 'pixverse' });
      expect(calls.map((call) => call.request.headers.get('Accept'))).to.deep.equal(Array(4).fill('application/json'));
    });

    it('sends custom headers given as an object', async () => {
      const { client, last } = setup({ headers: { Authorization: 'Bearer abc123', 'X-Client': 'gallery' } });
      await client.list();
      expect(last().request.headers.get('Authorization')).to.equal('Bearer abc123');
      expect(last().request.headers.get('X-Client')).to.equal('gallery');
    });

    it('sends custom headers given as a Headers instance', async () => {
      const { client, last } = setup({ headers: new Headers({ Authorization: 'Bearer h' }) });
      await client.list();
      expect(last().request.headers.get('Authorization')).to.equal('Bearer h');
    });

    it('asks an async headers function again for every request', async () => {
      let issued = 0;
      const { client, calls } = setup({
        headers: async () => {
          issued += 1;
          await Promise.resolve();
          return { Authorization: `Bearer token-${issued}` };
        },
      });
      await client.list();
      await client.list();
      expect(calls.map((call) => call.request.headers.get('Authorization'))).to.deep.equal(['Bearer token-1', 'Bearer token-2']);
    });

    it('sends custom headers on search calls too, next to the JSON content type', async () => {
      const { client, last } = setup({ api: 'search', headers: () => ({ Authorization: 'Bearer s' }) });
      await client.list();
      expect(last().request.headers.get('Authorization')).to.equal('Bearer s');
      expect(last().request.headers.get('Content-Type')).to.equal('application/json');
    });
  });

  describe('endpoint', () => {
    it('resolves a relative endpoint against the page', async () => {
      const { client, last } = setup({ endpoint: '/api/v1/assets' });
      await client.list({ limit: 5 });
      expect(last().url).to.equal(`${location.origin}/api/v1/assets?limit=5`);
    });

    it('uses /api/v1/assets on the page origin by default', async () => {
      const calls: string[] = [];
      const client = createAssetsClient({ fetch: async (url) => (calls.push(url), json(emptyPage())) });
      await client.list();
      expect(calls).to.deep.equal([`${location.origin}/api/v1/assets`]);
    });

    it('ignores a trailing slash', async () => {
      const { client, calls } = setup({ endpoint: `${ENDPOINT}/` }, (call) => (call.url.endsWith('/7') ? json({ id: 7 }) : json(emptyPage())));
      await client.list({ limit: 5 });
      await client.get(7);
      expect(calls.map((call) => call.url)).to.deep.equal([`${ENDPOINT}?limit=5`, `${ENDPOINT}/7`]);
    });

    it('ignores a trailing slash with the search API', async () => {
      const { client, last } = setup({ endpoint: '/api/v1/assets//', api: 'search' });
      await client.list();
      expect(last().url).to.equal(`${location.origin}/api/v1/assets/search`);
    });

    for (const endpoint of ['javascript:alert(1)', 'data:text/plain,assets', 'ftp://files.example/assets', 'http://', 'http:']) {
      it(`rejects every call with ConfigError for ${JSON.stringify(endpoint)} and never fetches`, async () => {
        const { client, calls } = setup({ endpoint });
        const errors = [
          await rejectionOf(client.list()),
          await rejectionOf(client.get(1)),
          await rejectionOf(client.uploadFromUrl({ url: 'https://example.com/a.png', provider_id: 'pixverse' })),
        ];
        for (const error of errors) {
          expect(error).to.be.instanceOf(ConfigError);
          expect((error as ConfigError).kind).to.equal('config');
        }
        expect((errors[0] as Error).message).to.equal(`The assets endpoint "${endpoint}" is not a usable address.`);
        expect(calls).to.have.length(0);
      });
    }

    it('keeps the query an endpoint carries, next to the list parameters and under sub-paths', async () => {
      const { client, calls } = setup({ endpoint: 'https://api.example/api/v1/assets?token=abc' });
      await client.list({ limit: 5 });
      await client.get(7).catch(() => undefined);
      const [list, get] = calls.map((call) => new URL(call.url));
      expect(list?.pathname).to.equal('/api/v1/assets');
      expect(list?.searchParams.get('limit')).to.equal('5');
      expect(list?.searchParams.get('token')).to.equal('abc');
      expect(get?.pathname).to.equal('/api/v1/assets/7');
      expect(get?.searchParams.get('token')).to.equal('abc');
    });

    it('creating a client with a bad endpoint does not throw', () => {
      expect(() => createAssetsClient({ endpoint: 'javascript:alert(1)' })).not.to.throw();
    });
  });

  describe('get', () => {
    it('sends GET {endpoint}/{id} and returns the asset', async () => {
      const { client, last } = setup({}, () => json(eraAListSample().assets[2]));
      const asset = await client.get(1040);
      expect(last().request.method).to.equal('GET');
      expect(last().url).to.equal(`${ENDPOINT}/1040`);
      expect(asset.id).to.equal(1040);
      expect(asset.provider_status).to.equal('local_only');
      expect(asset.file_url).to.equal('http://localhost:9999/api/v1/assets/1040/file');
    });

    it('accepts a digit-string id', async () => {
      const { client, last } = setup({}, () => json({ id: 1042 }));
      await client.get('1042');
      expect(last().url).to.equal(`${ENDPOINT}/1042`);
    });

    for (const id of ['../x', 'abc', '', '1/2', '7?admin=1', '%2e%2e', -1, 1.5]) {
      it(`rejects the id ${JSON.stringify(id)} with ConfigError and sends nothing`, async () => {
        const { client, calls } = setup();
        const error = await rejectionOf(client.get(id));
        expect(error).to.be.instanceOf(ConfigError);
        expect((error).message).to.equal(`"${String(id)}" is not an asset id.`);
        expect(calls).to.have.length(0);
      });
    }

    it('rejects a 200 reply that is not an asset with InvalidResponseError', async () => {
      const { client } = setup({}, () => json({ detail: 'ok' }));
      const error = await rejectionOf(client.get(1));
      expect(error).to.be.instanceOf(InvalidResponseError);
      expect((error).message).to.equal("The server's reply could not be read: it is not an asset with an id");
    });

    it('rejects a 404 with the server detail', async () => {
      const { client } = setup({}, () => json({ detail: 'Asset not found' }, 404));
      const error = await rejectionOf(client.get(1));
      expect(error).to.be.instanceOf(HttpError);
      expect((error as HttpError).status).to.equal(404);
      expect((error as HttpError).message).to.equal('The server could not complete the request (HTTP 404): Asset not found');
    });
  });

  describe('upload (multipart)', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 7]);

    it('keeps the multipart boundary when the host sets a Content-Type of its own', async () => {
      const { client, last } = setup({ headers: { 'Content-Type': 'application/json' } }, () => json(uploadSuccessHead()));
      await client.upload({ file: new File([bytes], 'koi.png', { type: 'image/png' }), provider_id: 'pixverse' });
      expect(last().request.headers.get('Content-Type')).to.match(/^multipart\/form-data; boundary=/);
      expect(sentForm(last().request).get('provider_id')).to.equal('pixverse');
    });

    it('sends POST {endpoint}/upload with the file and provider_id', async () => {
      const { client, last } = setup({}, () => json(uploadSuccessHead()));
      await client.upload({ file: new File([bytes], 'koi.png', { type: 'image/png' }), provider_id: 'pixverse' });
      expect(last().request.method).to.equal('POST');
      expect(last().url).to.equal(`${ENDPOINT}/upload`);
      expect(last().request.headers.get('Content-Type')).to.match(/^multipart\/form-data; boundary=/);
      const form = sentForm(last().request);
      const file = form.get('file');
      expect(file).to.be.instanceOf(File);
      expect((file as File).name).to.equal('koi.png');
      expect((file as File).type).to.equal('image/png');
      expect(Array.from(new Uint8Array(await (file as File).arrayBuffer()))).to.deep.equal(Array.from(bytes));
      expect(form.get('provider_id')).to.equal('pixverse');
      expect([...form.keys()].sort()).to.deep.equal(['file', 'provider_id']);
    });

    it('names a bare Blob "upload", and uses the filename given', async () => {
      const { client, calls } = setup({}, () => json(uploadSuccessHead()));
      await client.upload({ file: new Blob([bytes], { type: 'image/png' }), provider_id: 'pixverse' });
      await client.upload({ file: new Blob([bytes], { type: 'image/png' }), provider_id: 'pixverse', filename: 'fox.png' });
      const names = calls.map((call) => (sentForm(call.request).get('file') as File).name);
      expect(names).to.deep.equal(['upload', 'fox.png']);
    });

    it('returns the reply with a relative external_url made absolute', async () => {
      const { client } = setup({}, () => json(uploadLocalOnlyHead()));
      const reply = await client.upload({ file: new Blob([bytes]), provider_id: 'pixverse' });
      expect(reply.external_url).to.equal('http://localhost:9999/api/v1/assets/1040/file');
      expect(reply.asset_id).to.equal(1040);
      expect(interpretUploadResponse(reply)).to.deep.equal({
        providerSucceeded: false,
        status: 'local_only',
        message: "Saved locally; provider upload failed: No available account for provider 'pixverse'",
        reason: "No available account for provider 'pixverse'",
      });
    });

    it('drops an unsafe external_url', async () => {
      const { client } = setup({}, () => json({ ...uploadSuccessHead(), external_url: 'javascript:alert(1)' }));
      expect((await client.upload({ file: new Blob([bytes]), provider_id: 'pixverse' })).external_url).to.equal(null);
    });

    it('rejects something that is not a file with ConfigError and sends nothing', async () => {
      const { client, calls } = setup();
      const error = await rejectionOf(client.upload({ file: 'not a file' as unknown as Blob, provider_id: 'pixverse' }));
      expect(error).to.be.instanceOf(ConfigError);
      expect((error).message).to.equal('Only files can be uploaded.');
      expect(calls).to.have.length(0);
    });

    it('rejects a reply that is not an object with InvalidResponseError', async () => {
      const { client } = setup({}, () => json([]));
      expect(await rejectionOf(client.upload({ file: new Blob([bytes]), provider_id: 'pixverse' }))).to.be.instanceOf(InvalidResponseError);
    });

    it('rejects the 502 "Provider upload failed" with its detail', async () => {
      const { client } = setup({}, () => json({ detail: 'Provider upload failed: Pixverse upload failed: quota' }, 502));
      const error = await rejectionOf(client.upload({ file: new Blob([bytes]), provider_id: 'pixverse' }));
      expect(error).to.be.instanceOf(HttpError);
      expect((error as HttpError).detail).to.equal('Provider upload failed: Pixverse upload failed: quota');
    });
  });

  describe('uploadFromUrl', () => {
    it('sends POST {endpoint}/upload-from-url with a JSON body of url and provider_id', async () => {
      const { client, last } = setup({}, () => json(uploadSuccessHead()));
      await client.uploadFromUrl({ url: 'https://example.com/koi.png', provider_id: 'pixverse' });
      expect(last().request.method).to.equal('POST');
      expect(last().url).to.equal(`${ENDPOINT}/upload-from-url`);
      expect(last().request.headers.get('Content-Type')).to.equal('application/json');
      expect(await last().request.json()).to.deep.equal({ url: 'https://example.com/koi.png', provider_id: 'pixverse' });
    });

    it('returns a reply that reads as provider success', async () => {
      const { client } = setup({}, () => json(uploadSuccessHead()));
      const reply = await client.uploadFromUrl({ url: 'https://example.com/koi.png', provider_id: 'pixverse' });
      expect(reply.note).to.equal('Uploaded via OpenAPI');
      expect(interpretUploadResponse(reply)).to.deep.equal({ providerSucceeded: true, status: 'ok', message: 'Uploaded to Pixverse' });
    });
  });

  describe('reupload', () => {
    const reuploadReply = {
      asset_id: 1040,
      provider_id: 'pixverse',
      provider_asset_id: '381947226051264',
      message: 'Asset uploaded to provider',
    };

    it('sends POST {endpoint}/{id}/reupload with a JSON provider_id', async () => {
      const { client, last } = setup({}, () => json(reuploadReply));
      await client.reupload(1040, { provider_id: 'pixverse' });
      expect(last().request.method).to.equal('POST');
      expect(last().url).to.equal(`${ENDPOINT}/1040/reupload`);
      expect(last().request.headers.get('Content-Type')).to.equal('application/json');
      expect(await last().request.json()).to.deep.equal({ provider_id: 'pixverse' });
    });

    it('returns a reply that interpretUploadResponse reads as success', async () => {
      const { client } = setup({}, () => json(reuploadReply));
      const reply = await client.reupload(1040, { provider_id: 'pixverse' });
      expect(reply.asset_id).to.equal(1040);
      expect(reply.provider_asset_id).to.equal('381947226051264');
      expect(interpretUploadResponse(reply)).to.deep.equal({ providerSucceeded: true, status: 'ok', message: 'Uploaded to Pixverse' });
    });

    it('rejects a bad id with ConfigError and sends nothing', async () => {
      const { client, calls } = setup();
      expect(await rejectionOf(client.reupload('../1', { provider_id: 'pixverse' }))).to.be.instanceOf(ConfigError);
      expect(calls).to.have.length(0);
    });

    it('rejects a failed reupload with the server detail', async () => {
      const { client } = setup({}, () => json({ detail: 'Failed to upload asset to provider: timeout' }, 500));
      const error = await rejectionOf(client.reupload(1040, { provider_id: 'pixverse' }));
      expect(error).to.be.instanceOf(HttpError);
      expect((error).message).to.equal('The server could not complete the request (HTTP 500): Failed to upload asset to provider: timeout');
    });
  });

  describe('errors', () => {
    it('turns a fetch TypeError into a NetworkError with a human message', async () => {
      const cause = new TypeError('Failed to fetch');
      const client = createAssetsClient({ endpoint: ENDPOINT, fetch: () => Promise.reject(cause) });
      const error = await rejectionOf(client.list());
      expect(error).to.be.instanceOf(NetworkError);
      expect(error).to.be.instanceOf(AssetsApiError);
      expect((error as NetworkError).kind).to.equal('network');
      expect((error as NetworkError).name).to.equal('NetworkError');
      expect((error).message).to.equal('Could not reach the server. Check the connection and try again.');
      expect((error).message).not.to.contain('TypeError');
      expect((error).cause).to.equal(cause);
    });

    it('turns a broken body read into a NetworkError', async () => {
      const broken = new ReadableStream({
        start(controller) {
          controller.error(new TypeError('network error'));
        },
      });
      const { client } = setup({}, () => new Response(broken, { status: 200 }));
      expect(await rejectionOf(client.list())).to.be.instanceOf(NetworkError);
    });

    it('reports an AbortError nobody asked for as a NetworkError, not a cancellation (Firefox on a broken body)', async () => {
      const { client } = setup({}, () => {
        throw new DOMException('The operation was aborted.', 'AbortError');
      });
      const error = await rejectionOf(client.list());
      expect(error).to.be.instanceOf(NetworkError);
      expect(isAbortError(error)).to.equal(false);
    });

    it('turns HTTP 500 with a detail into an HttpError carrying status and detail', async () => {
      const { client } = setup({}, () => json({ detail: 'Failed to list assets: boom' }, 500));
      const error = await rejectionOf(client.list());
      expect(error).to.be.instanceOf(HttpError);
      expect((error as HttpError).status).to.equal(500);
      expect((error as HttpError).detail).to.equal('Failed to list assets: boom');
      expect((error).message).to.equal('The server could not complete the request (HTTP 500): Failed to list assets: boom');
    });

    it('joins the messages of a FastAPI 422 validation list', async () => {
      const detail = [
        { loc: ['query', 'limit'], msg: 'Input should be less than or equal to 100', type: 'less_than_equal' },
        { loc: ['query', 'media_type'], msg: "Input should be 'video', 'image', 'audio' or '3d_model'", type: 'enum' },
      ];
      const { client } = setup({}, () => json({ detail }, 422));
      const error = await rejectionOf(client.list());
      expect((error as HttpError).status).to.equal(422);
      expect((error as HttpError).detail).to.equal(
        "Input should be less than or equal to 100; Input should be 'video', 'image', 'audio' or '3d_model'",
      );
      expect((error).message).to.contain('Input should be less than or equal to 100');
    });

    it('keeps HTML error pages out of the message', async () => {
      const html = '\n  <!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
      const { client } = setup({}, () => text(html, 502, 'text/html'));
      const error = await rejectionOf(client.list());
      expect((error as HttpError).status).to.equal(502);
      expect((error as HttpError).detail).to.equal(undefined);
      expect((error).message).to.equal('The server could not complete the request (HTTP 502).');
      expect((error).message).not.to.match(/[<>]/);
    });

    it('shows a short plain-text error body', async () => {
      const { client } = setup({}, () => text('Service Unavailable', 503));
      expect(((await rejectionOf(client.list()))).message).to.equal(
        'The server could not complete the request (HTTP 503): Service Unavailable',
      );
    });

    it('gives a message without detail when the error body is empty', async () => {
      const { client } = setup({}, () => new Response(null, { status: 500 }));
      expect(((await rejectionOf(client.list()))).message).to.equal('The server could not complete the request (HTTP 500).');
    });

    it('turns a 200 reply that is not JSON into an InvalidResponseError', async () => {
      const { client } = setup({}, () => text('not json{'));
      const error = await rejectionOf(client.list());
      expect(error).to.be.instanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).kind).to.equal('invalid-response');
      expect((error).message).to.equal("The server's reply could not be read: it is not JSON.");
    });

    it('turns a 200 {"items":[]} into an InvalidResponseError that names the missing assets array', async () => {
      const { client } = setup({}, () => json({ items: [] }));
      const error = await rejectionOf(client.list());
      expect(error).to.be.instanceOf(InvalidResponseError);
      expect((error).message).to.equal('The server\'s reply could not be read: it is not a list of assets (no "assets" array)');
    });

    it('turns an empty 200 list reply into an InvalidResponseError', async () => {
      const { client } = setup({}, () => new Response('', { status: 200 }));
      expect(await rejectionOf(client.list())).to.be.instanceOf(InvalidResponseError);
    });
  });

  describe('abort', () => {
    function expectAbortError(error: unknown): void {
      expect((error as Error).name).to.equal('AbortError');
      expect(isAbortError(error)).to.equal(true);
      expect(error).not.to.be.instanceOf(NetworkError);
      expect(error).not.to.be.instanceOf(AssetsApiError);
    }

    it('gives fetch a signal for every kind of call: its own for writes, the shared request’s for reads', async () => {
      const { client, calls } = setup({}, (call) =>
        call.url.endsWith('/7') ? json({ id: 7 }) : call.url.includes('upload') ? json(uploadSuccessHead()) : json(emptyPage()),
      );
      const signal = new AbortController().signal;
      await client.list({}, { signal });
      await client.get(7, { signal });
      await client.upload({ file: new Blob(['x']), provider_id: 'pixverse' }, { signal });
      await client.uploadFromUrl({ url: 'https://example.com/a.png', provider_id: 'pixverse' }, { signal });
      await client.reupload(7, { provider_id: 'pixverse' }, { signal });
      expect(calls).to.have.length(5);
      // Reads may be shared by several callers, so their fetch gets the shared request's signal; writes get one
      // that their caller's signal and their timeout both abort (test/api/faults.test.ts), never the caller's own.
      for (const call of calls) expect(call.init.signal).to.be.instanceOf(AbortSignal);
      for (const call of calls.slice(2)) expect(call.init.signal).not.to.equal(signal);
    });

    it('rejects with an AbortError for an already-aborted signal', async () => {
      const { client } = setup();
      const controller = new AbortController();
      controller.abort();
      expectAbortError(await rejectionOf(client.list({}, { signal: controller.signal })));
    });

    it('rejects with an AbortError when aborted mid-flight', async () => {
      const client = createAssetsClient({ endpoint: ENDPOINT, fetch: hangingFetch });
      const controller = new AbortController();
      const pending = rejectionOf(client.list({}, { signal: controller.signal }));
      await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort();
      expectAbortError(await pending);
    });

    it('rejects an upload aborted mid-flight with an AbortError', async () => {
      const client = createAssetsClient({ endpoint: ENDPOINT, fetch: hangingFetch });
      const controller = new AbortController();
      const pending = rejectionOf(client.upload({ file: new Blob(['x']), provider_id: 'pixverse' }, { signal: controller.signal }));
      controller.abort();
      expectAbortError(await pending);
    });

    it('rejects with an AbortError for an already-aborted signal even if the injected fetch ignores signals', async () => {
      const client = createAssetsClient({ endpoint: ENDPOINT, fetch: async () => json(emptyPage()) });
      const controller = new AbortController();
      controller.abort();
      expectAbortError(await rejectionOf(client.list({}, { signal: controller.signal })));
    });
  });
});
