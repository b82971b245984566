// The gallery under a strict Content-Security-Policy with Trusted Types, in Chromium (npm run build first).
// The pages in test/csp/ are built by Vite as a host app would build them: a production build, not the
// library config, of the built package (dist/), which is what users install. They are served by node:http
// with the policy as a response header, and the mock backend answers on the same origin, so `connect-src`
// and `img-src` ('self' through `default-src`) are part of the test. Every `securitypolicyviolation` is
// collected, and so are console errors and uncaught page errors.
import assert from 'node:assert/strict';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { scenarioHandlers } from '../../mocks/index.js';
import { startMockServer, type MockServer } from '../../mocks/node-server.js';
import { launchChromium } from './chromium.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";
const LABELS = ['Provider OK', 'Local only', 'Flagged', 'Unknown'];
const PAGES = ['index', 'compile', 'jit'] as const;
const ROOT = fileURLToPath(new URL('../csp/', import.meta.url));
const BUILT_PACKAGE = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

let outDir = '';
let mock: MockServer | undefined;
let server: Server | undefined;
let origin = '';
let browser: Browser | undefined;

before(async () => {
  await access(BUILT_PACKAGE).catch(() => assert.fail('dist/index.js is missing: run `npm run build` first'));
  outDir = await mkdtemp(join(tmpdir(), 'age-csp-'));
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    // The page imports src/index.js for its types; the build takes the built package in its place.
    resolve: { alias: [{ find: /^(?:\.\.\/)+src\/index\.js$/, replacement: BUILT_PACKAGE }] },
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: Object.fromEntries(PAGES.map((name) => [name, join(ROOT, `${name}.html`)])) },
    },
  });
  mock = await startMockServer({ handlers: scenarioHandlers('default'), port: 0 });
  const upstream = new URL(mock.url);
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (path.startsWith('/api/') || path.startsWith('/mock-cdn/')) proxy(req, res, upstream);
    else void serveFile(path, res);
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise((done) => server?.close(done));
  }
  await mock?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** The built pages and their assets, every response with the policy; a 204 for the favicon Chromium asks for. */
async function serveFile(path: string, res: ServerResponse): Promise<void> {
  const file = resolve(outDir, `.${path === '/' ? '/index.html' : path}`);
  const headers = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' };
  if (path === '/favicon.ico') {
    res.writeHead(204, headers).end();
    return;
  }
  try {
    if (!file.startsWith(outDir + sep)) throw new Error('outside the build');
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404, headers).end();
  }
}

/** The mock backend on the page's origin: the Host header goes along, so the media URLs it builds are same-origin. */
function proxy(req: IncomingMessage, res: ServerResponse, upstream: URL): void {
  const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (reply) => {
    res.writeHead(reply.statusCode ?? 502, { ...reply.headers, 'content-security-policy': CSP });
    reply.pipe(res);
  });
  forward.on('error', () => res.writeHead(502).end());
  req.pipe(forward);
}

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, in the order they came. */
  errors: string[];
  /** Requests that failed or were answered 4xx/5xx (a favicon among them): said when the tags are not defined. */
  failedRequests: string[];
  violations(): Promise<Violation[]>;
}

/** Opens a built page with a listener for CSP violations that runs before any of the page's own script. */
async function open(name: (typeof PAGES)[number]): Promise<Opened> {
  assert.ok(browser, 'Chromium started');
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  // A module that did not load leaves no page error: its failed request says why the tags were never defined.
  const failedRequests: string[] = [];
  page.on('requestfailed', (failed) => failedRequests.push(`${failed.url()} (${failed.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  // Injected by the browser tool, not by the page, so the policy does not apply to it.
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { cspViolations: unknown[] }).cspViolations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: event.sourceFile, line: event.lineNumber, sample: event.sample });
      },
      true,
    );
  });
  const response = await page.goto(`${origin}/${name}.html`);
  assert.equal(response?.status(), 200);
  assert.equal(response?.headers()['content-security-policy'], CSP, 'the page is served with the policy');
  const violations = async (): Promise<Violation[]> => {
    // A violation is reported in a task of its own: let the queue drain first.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
    return page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);
  };
  return { context, page, errors, failedRequests, violations };
}

/** Cards shown, a badge in the four words, its explanation opened by a click; then no violation, no error. */
async function assertGalleryWorks({ page, errors, failedRequests, violations }: Opened): Promise<void> {
  const tags = ['asset-gallery', 'media-card', 'provider-badge', 'status-overview'];
  // Read right after `goto`, the registry came back empty on a busy machine (issue 13): wait for the four
  // definitions themselves, 10 s at most, so that a tag that is never defined still fails, by name.
  const missing = await page.evaluate(async (names) => {
    const defined = Promise.all(names.map((tag) => customElements.whenDefined(tag)));
    await Promise.race([defined, new Promise((done) => setTimeout(done, 10_000))]);
    return names.filter((tag) => !customElements.get(tag));
  }, tags);
  if (missing.length > 0) {
    const seen = await violations().catch(() => []);
    assert.fail(`importing the package (dist/index.js) did not define ${missing.join(', ')}; errors: ${JSON.stringify(errors)}; failed requests: ${JSON.stringify(failedRequests)}; violations: ${JSON.stringify(seen)}`);
  }
  const cards = page.locator('asset-gallery media-card'); // Playwright's CSS pierces open shadow roots
  await cards.first().waitFor({ timeout: 10_000 });
  const count = await cards.count();
  assert.ok(count > 0, `cards shown: ${count}`);
  const badge = cards.first().locator('provider-badge');
  const label = (await badge.locator('.label').textContent())?.trim() ?? '';
  assert.ok(LABELS.includes(label), `a badge says one of the four labels: "${label}"`);

  await badge.locator('button.badge').click();
  const explanation = badge.locator('.explanation');
  await explanation.waitFor({ state: 'visible', timeout: 5_000 });
  assert.equal(await badge.locator('button.badge').getAttribute('aria-expanded'), 'true');
  assert.ok(((await explanation.textContent()) ?? '').trim().length > 0, 'the explanation has words');

  assert.deepEqual(await violations(), [], 'no CSP or Trusted Types violation');
  assert.deepEqual(errors, [], 'no console error, no uncaught exception');
}

test('the gallery works under a strict CSP with Trusted Types: cards, badges, explanations, 0 violations', async () => {
  const opened = await open('index');
  try {
    await assertGalleryWorks(opened);
  } finally {
    await opened.context.close();
  }
});

test('…also when the host turned on zod/compile: the gallery parses without evaluating a string (jitless)', async () => {
  const opened = await open('compile');
  try {
    await assertGalleryWorks(opened);
  } finally {
    await opened.context.close();
  }
});

test('negative control: zod compiling a schema with new Function is reported as a violation', async () => {
  const { context, page, violations } = await open('jit');
  try {
    await page.waitForFunction(() => document.body.dataset['parsed'] !== undefined, null, { timeout: 5_000 });
    assert.equal(await page.evaluate(() => document.body.dataset['parsed']), 'true', 'zod fell back to its runtime parser');
    const seen = await violations();
    assert.ok(seen.length >= 1, 'at least one violation reported');
    // Chromium checks the Function constructor against Trusted Types first, then against script-src.
    const evaluatesString = (violation: Violation): boolean =>
      (violation.directive === 'require-trusted-types-for' && violation.sample.startsWith('Function|')) ||
      (violation.directive === 'script-src' && violation.blocked === 'eval');
    assert.ok(seen.every(evaluatesString), `only new Function, blocked: ${JSON.stringify(seen)}`);
  } finally {
    await context.close();
  }
});
