#!/usr/bin/env node
// Serves the no-build pages as files, exactly as written (no bundler between them and the browser), with the
// package's mock backend behind /api/ on the same origin, as a real app's server would put its API.
//
//   node examples/no-build/serve.mjs      # after one `node examples/test.mjs` (it installs the tarball)
//   → http://127.0.0.1:5174/no-build/
//
// examples/test.mjs starts it on a free port. The mock backend is the root's build (dist/mocks), which has msw
// and ws in the root's node_modules; the pages load only what examples/node_modules holds.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const examples = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.map': 'application/json', '.json': 'application/json', '.css': 'text/css' };

/** Starts the file server and the mock backend; `url` is the file server's origin. */
export async function serveNoBuild({ port = 5174 } = {}) {
  const dist = join(examples, '..', 'dist', 'mocks');
  const { createMockBackend } = await import(pathToFileURL(join(dist, 'index.js')).href);
  const { startMockServer } = await import(pathToFileURL(join(dist, 'node-server.js')).href);
  const backend = createMockBackend();
  const api = await startMockServer({ handlers: backend.handlers, port: 0 });

  const server = createServer((req, res) => {
    answer(req, res, api.url).catch((error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(String(error?.message ?? error));
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => Promise.all([new Promise((resolve) => server.close(resolve)), api.close()]),
  };
}

/** A file under examples/ (none of its dot-folders), or the mock backend's answer for /api/. */
async function answer(req, res, apiUrl) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) return forward(req, res, `${apiUrl}${url.pathname}${url.search}`);
  let path;
  try {
    path = normalize(join(examples, decodeURIComponent(url.pathname), url.pathname.endsWith('/') ? 'index.html' : ''));
  } catch {
    return res.writeHead(400).end(); // a broken %-escape
  }
  const inside = relative(examples, path);
  if (inside.startsWith('..') || inside.split(sep).some((part) => part.startsWith('.'))) return res.writeHead(403).end();
  const found = await stat(path).catch(() => undefined);
  if (!found?.isFile()) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found: ${url.pathname}`);
  res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream', 'Content-Length': found.size });
  createReadStream(path).pipe(res);
}

/** Passes one request to the mock backend and its answer back. */
async function forward(req, res, target) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'connection'));
  const answer = await fetch(target, { method: req.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined });
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  res.end(Buffer.from(await answer.arrayBuffer()));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url } = await serveNoBuild();
  console.log(`No-build pages on ${url}/no-build/ (the mock backend behind ${url}/api/)`);
}
