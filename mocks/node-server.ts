import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { Readable } from 'node:stream';
import { getResponse, type AnyHandler, type RequestHandler } from 'msw';
import { WebSocketServer, type WebSocket } from 'ws';
import { httpHandlers } from './fetch.js';
import type { MockSocket } from './live.js';

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

export interface MockServerOptions {
  /** MSW handlers; the HTTP ones answer (WebSocket handlers are left out: `socket` plays the socket). */
  handlers: readonly AnyHandler[];
  /** A backend's `socket`: the server then speaks PixSim7's event socket on its two paths. */
  socket?: MockSocket;
  port?: number;
  host?: string;
}

/**
 * Serves MSW handlers over real HTTP, so a page without a service worker (or another program) can use the
 * mock backend: each request becomes a fetch `Request`, goes through the same handlers, and its `Response`
 * is written back. CORS is open, so a page on another port can call it with an Authorization header. Given a
 * backend's `socket`, it also upgrades WebSocket requests on the socket's paths (the `ws` package).
 */
export function startMockServer({ handlers: given, socket, port = 8787, host = '127.0.0.1' }: MockServerOptions): Promise<MockServer> {
  // WebSocket handlers (scenarioHandlers has them) would break getResponse: serve the HTTP ones.
  const handlers = httpHandlers(given);
  const server = createServer((req, res) => {
    handle(handlers, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json', ...CORS_HEADERS });
      res.end(JSON.stringify({ detail: `Mock server error: ${String(error)}` }));
    });
  });
  const sockets = socket ? serveSocket(socket) : undefined;
  // No 'upgrade' listener: node destroys the connection, which a browser reports as a failed handshake.
  if (sockets) server.on('upgrade', sockets.upgrade);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
        close: () => new Promise<void>((done) => {
          sockets?.close();
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

/** The `ws` transport of a backend's socket hub: upgrades the socket's paths, refuses every other. */
function serveSocket(socket: MockSocket) {
  const wss = new WebSocketServer({ noServer: true });
  return {
    upgrade(req: IncomingMessage, stream: Duplex, head: Buffer) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // A refused upgrade is a connection closed with no answer, as when a server has no such route.
      if (!socket.paths.includes(url.pathname)) return void stream.destroy();
      if (!socket.attempt()) return void stream.destroy();
      wss.handleUpgrade(req, stream, head, (client: WebSocket) => {
        const session = socket.accept(url, {
          send: (data) => client.send(data),
          close: (code, reason) => client.close(code, reason),
          drop: () => client.terminate(),
        });
        // Text frames arrive as one Buffer (the default binaryType); a client's `ping` is text.
        client.on('message', (data, isBinary) => session.receive(isBinary ? data : (data as Buffer).toString('utf8')));
        client.on('close', () => session.closed());
      });
    },
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
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
