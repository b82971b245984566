import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { getResponse, type AnyHandler, type RequestHandler } from 'msw';
import { httpHandlers } from './fetch.js';

export interface MockServer {
  /** The server's origin, e.g. http://127.0.0.1:8787 */
  url: string;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
  'Access-Control-Max-Age': '600',
};

/**
 * Serves MSW handlers over real HTTP, so a page without a service worker (or another program) can use the
 * mock backend: each request becomes a fetch `Request`, goes through the same handlers, and its `Response`
 * is written back. CORS is open, so a page on another port can call it with an Authorization header.
 */
export function startMockServer({ handlers: given, port = 8787, host = '127.0.0.1' }: { handlers: readonly AnyHandler[]; port?: number; host?: string }): Promise<MockServer> {
  // WebSocket handlers (scenarioHandlers has them) would break getResponse: serve the HTTP ones.
  const handlers = httpHandlers(given);
  const server = createServer((req, res) => {
    handle(handlers, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json', ...CORS_HEADERS });
      res.end(JSON.stringify({ detail: `Mock server error: ${String(error)}` }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
        close: () => new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

async function handle(handlers: RequestHandler[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS).end();
    return;
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  // A client that gives up closes the connection: the handlers see an aborted request, as in the browser.
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const request = new Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    ...(hasBody ? { duplex: 'half' } : {}),
  });
  const response = await getResponse(handlers, request);
  if (!response) {
    res.writeHead(404, { 'Content-Type': 'application/json', ...CORS_HEADERS }).end(JSON.stringify({ detail: 'Not Found' }));
    return;
  }
  if (response.type === 'error') {
    // HttpResponse.error(): the connection drops, as a real network error would.
    res.socket?.destroy();
    return;
  }
  const out: Record<string, string> = { ...CORS_HEADERS };
  response.headers.forEach((value, key) => (out[key] = value));
  res.writeHead(response.status, out);
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  }
  res.end();
}
