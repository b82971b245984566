#!/usr/bin/env node
// The host apps, end to end: packs the package (`npm pack` at the root), installs the tarball in examples/,
// builds the four apps with Vite, serves the build (and the no-build pages as plain files) and drives Chromium
// through each page, asserting what a person sees. Run from anywhere after the root's `npm ci && npm run build`:
//
//   node examples/test.mjs                 # everything
//   node examples/test.mjs --skip-install  # reuse examples/node_modules (still packs and reinstalls the tarball)
//
// vite and playwright are the root's own (node resolution walks up from examples/ to the root's node_modules);
// the apps' imports come from examples/node_modules, which vite.config.mjs checks.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync, renameSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { join } from 'node:path';

const run = promisify(execFile);
const examples = fileURLToPath(new URL('.', import.meta.url));
const root = join(examples, '..');
const packDir = join(examples, '.pack');
const tarball = join(packDir, 'asset-gallery-elements.tgz');
const skipInstall = process.argv.includes('--skip-install');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** errors.notSignedIn of src/status/copy.ts: what a gallery shows after a 401. */
const NOT_SIGNED_IN = 'You are not signed in to the server, or your session has ended. Sign in and try again.';

const timings = [];
const failures = [];
const started = performance.now();

async function step(name, fn) {
  const t0 = performance.now();
  try {
    await fn();
    timings.push({ name, ms: performance.now() - t0, ok: true });
    console.log(`ok   ${name} (${seconds(performance.now() - t0)})`);
  } catch (error) {
    timings.push({ name, ms: performance.now() - t0, ok: false });
    failures.push({ name, error });
    console.log(`FAIL ${name} (${seconds(performance.now() - t0)})\n${indent(error?.stack ?? String(error))}`);
  }
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const indent = (text) => text.replace(/^/gm, '     ');

async function npm(args, cwd) {
  try {
    return await run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Pack, install, build

await step('pack the package (npm pack at the root)', async () => {
  for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/mocks/index.js', 'custom-elements.json']) {
    assert.ok(existsSync(join(root, file)), `${file} is missing: run \`npm run build\` at the root first`);
  }
  mkdirSync(packDir, { recursive: true });
  for (const old of readdirSync(packDir)) if (old.endsWith('.tgz')) rmSync(join(packDir, old));
  // The build checked for above, as it is: `prepack` would build it all again (test/node/pack.test.ts tests that).
  const { stdout } = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], root);
  const [{ filename }] = JSON.parse(stdout);
  renameSync(join(packDir, filename), tarball);
});

if (failures.length === 0) {
  await step(skipInstall ? 'install the tarball (--skip-install: no npm ci)' : 'install (npm ci, then the tarball)', async () => {
    if (!skipInstall || !existsSync(join(examples, 'node_modules'))) await npm(['ci'], examples);
    // --no-save: the lockfile never pins the tarball's integrity (npm ci would then install the stale copy
    // from its cache whenever the package changed).
    await npm(['install', '--no-save', '--prefer-offline', tarball], examples);
    const { stdout } = await npm(['ls', 'lit', 'lit-element', 'lit-html', '@lit/reactive-element', '--all', '--parseable'], examples);
    const copies = new Set(stdout.split('\n').filter(Boolean));
    assert.deepEqual(
      [...copies].map((path) => path.slice(examples.length)).sort(),
      ['node_modules/@lit/reactive-element', 'node_modules/lit', 'node_modules/lit-element', 'node_modules/lit-html'],
      'exactly one copy of each lit package',
    );
  });
}

let vite;
if (failures.length === 0) {
  await step('build the apps (vite build)', async () => {
    vite = await import('vite');
    await vite.build({ configFile: join(examples, 'vite.config.mjs'), logLevel: 'warn' });
    assert.ok(existsSync(join(examples, 'dist/mockServiceWorker.js')), 'the MSW worker script is in the build');
  });
}

// ---------------------------------------------------------------------------------------------------------
// Chromium

if (failures.length === 0) {
  const server = await vite.preview({ configFile: join(examples, 'vite.config.mjs'), logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
  const { port } = server.httpServer.address();
  const origin = `http://127.0.0.1:${port}`;
  const { chromium } = await import('playwright');
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });

  /**
   * Runs `test(page, allow, requests)` on `path` in a fresh context (its own service worker), then checks that the page
   * had one copy of lit and no page error, console error or failed request, except those `allow(pattern)`
   * expects. When the test fails, what went wrong in the page is added to its error.
   */
  async function withPage(path, test, pageOrigin = origin) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const problems = [];
    const allowed = [];
    const requests = []; // every URL the page asked for
    const expected = (text) => allowed.some((pattern) => pattern.test(text));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !expected(message.text())) problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !expected(`${response.status()} ${response.url()}`)) problems.push(`HTTP ${response.status()} ${response.url()}`);
    });
    page.on('request', (request) => requests.push(request.url()));
    page.on('requestfailed', (request) => {
      // A picture dropped because its card left the page is not a problem; any other failed request is.
      if (request.resourceType() === 'image' && request.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    });
    try {
      await page.goto(`${pageOrigin}${path}`);
      await test(page, (pattern) => allowed.push(pattern), requests);
      const versions = await page.evaluate(() => ({
        'lit-element': globalThis.litElementVersions ?? [],
        'lit-html': globalThis.litHtmlVersions ?? [],
        'reactive-element': globalThis.reactiveElementVersions ?? [],
      }));
      for (const [name, loaded] of Object.entries(versions)) assert.equal(loaded.length, 1, `one ${name} in the page, got ${loaded.join(', ')}`);
      assert.deepEqual(problems, [], 'no page errors, console errors or failed requests');
    } catch (error) {
      if (problems.length > 0 && error instanceof Error && !error.message.startsWith('no page errors')) {
        error.stack = `${error.stack}\nIn the page:\n${problems.map((problem) => `  ${problem}`).join('\n')}`;
      }
      throw error;
    } finally {
      await context.close();
    }
  }

  /** The overview's buttons as { All: 24, 'Provider OK': 7, … }, read from their accessible names ("7 Provider OK"). */
  async function overviewCounts(scope) {
    const names = await scope.getByRole('group', { name: 'Filter by provider status' }).getByRole('button').evaluateAll((buttons) =>
      buttons.map((button) => button.textContent.replace(/\s+/g, ' ').trim()),
    );
    return Object.fromEntries(
      names.map((name) => {
        const match = /^(?:(\d+) (.+)|(.+?) (\d+))$/.exec(name);
        assert.ok(match, `an overview button reads "${name}"`);
        return match[1] ? [match[2], Number(match[1])] : [match[3], Number(match[4])];
      }),
    );
  }

  /** Waits for a gallery in `scope` to show `count` loaded assets, with badges, and checks its overview adds up. */
  async function expectLoaded(scope, count) {
    await scope.getByText(`Counts of the ${count} loaded assets`).waitFor();
    const counts = await overviewCounts(scope);
    assert.equal(counts.All, count, `the overview's "All" is ${count}`);
    assert.equal(counts['Provider OK'] + counts['Local only'] + counts.Flagged + counts.Unknown, count, 'the four counts add up to All');
    const grid = scope.getByRole('grid', { name: 'Assets' });
    await grid.getByRole('gridcell').first().waitFor();
    for (const [label, n] of Object.entries(counts)) {
      if (label !== 'All' && n > 0) await grid.getByRole('button', { name: label, exact: true }).first().waitFor();
    }
    return counts;
  }

  /** Clicks the overview's "Local only" button and checks that only local-only cards are left. */
  async function filterLocalOnly(page) {
    await page.getByRole('group', { name: 'Filter by provider status' }).getByRole('button', { name: /Local only$/ }).click();
    const grid = page.getByRole('grid', { name: 'Assets' });
    const badges = grid.getByRole('button', { name: /^(Provider OK|Local only|Flagged|Unknown)$/ });
    await until(async () => {
      const shown = (await badges.allTextContents()).map((text) => text.trim());
      return shown.length > 0 && shown.every((text) => text === 'Local only');
    }, 'the grid shows local-only cards only');
  }

  /** Polls `condition` until it holds, or fails with `what` after `timeout` ms. */
  async function until(condition, what, timeout = 10_000) {
    const end = Date.now() + timeout;
    while (!(await condition())) {
      if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  await step('plain HTML: cards with status badges, overview counts', async () => {
    await withPage('/plain-html/', async (page) => {
      const counts = await expectLoaded(page, 24);
      assert.ok(counts['Provider OK'] > 0 && counts['Local only'] > 0, 'the mock library has both Provider OK and Local only assets');
    });
  });

  for (const [name, path, framework] of [
    ['React 19: attributes, the headers property, on… events shown in React text', '/react/', 'React'],
    ['Vue 3: attributes, .prop, @events shown in Vue text', '/vue/', 'Vue'],
  ]) {
    await step(name, async () => {
      await withPage(path, async (page, allow, requests) => {
        const listRequests = () => requests.filter((url) => /\/api\/v1\/assets(\?|$)/.test(url)).length;
        const id = framework.toLowerCase();
        // The mock answers only with the Authorization header the app gives through the `headers` property.
        await page.locator(`#${id}-loaded`, { hasText: `${framework} heard: 12 assets loaded` }).waitFor();
        await expectLoaded(page, 12);
        const gallery = page.locator('asset-gallery');
        assert.equal(await gallery.getAttribute('page-size'), '12', 'page-size is an attribute');
        assert.equal(await gallery.getAttribute('headers'), null, 'headers is a property, not an attribute');
        await page.locator(`#${id}-filter`, { hasText: 'Filter: All (0 changes)' }).waitFor();

        await filterLocalOnly(page);
        await page.locator(`#${id}-filter`, { hasText: 'Filter: Local only (1 changes)' }).waitFor();

        await page.getByRole('grid', { name: 'Assets' }).getByRole('button', { name: /^Open / }).first().click();
        const opened = (await page.locator(`#${id}-opened`, { hasText: /^Opened #\d+/ }).textContent()).trim();
        assert.match(opened, /^Opened #\d+ \(Local only\)$/, `${framework} shows the opened asset`);
        await page.waitForLoadState('networkidle');
        // One list request for the page, one for the filter: re-rendering the app on each event does not
        // make the gallery load again.
        assert.equal(listRequests(), 2, 'the gallery asked for the list twice (all, then local only)');
      });
    });
  }

  await step('two galleries: own endpoints, own tokens, a wrong token says "not signed in"', async () => {
    await withPage('/two-galleries/', async (page, allow) => {
      const teamA = page.getByRole('region', { name: 'Team A' });
      const teamB = page.getByRole('region', { name: 'Team B' });
      await expectLoaded(teamA, 7);
      await teamB.getByRole('status').filter({ hasText: '19 assets loaded' }).waitFor({ state: 'attached' });
      assert.equal((await overviewCounts(teamB)).All, 19, 'Team B loaded its own library (19), not Team A’s (7)');
      await teamB.getByRole('grid', { name: 'Assets' }).getByRole('gridcell').first().waitFor();

      allow(/status of 401/); // Chromium logs the 401 it is about to get
      allow(/^401 /);
      await page.getByRole('button', { name: 'Give Team A an expired token' }).click();
      await teamA.getByText(NOT_SIGNED_IN).waitFor();
      assert.equal(await teamA.getByRole('gridcell').count(), 0, 'Team A shows no cards once its token is refused');
      assert.equal((await overviewCounts(teamB)).All, 19, 'Team B is untouched');
      await teamB.getByRole('grid', { name: 'Assets' }).getByRole('gridcell').first().waitFor();
    });
  });

  // The no-build pages, served as files (examples/no-build/serve.mjs), with the mock backend as a real server.
  const { serveNoBuild } = await import('./no-build/serve.mjs');
  const files = await serveNoBuild({ port: 0 });
  const scripts = (requests) => requests.filter((url) => /\.m?js(\?|$)/.test(url)).map((url) => new URL(url).pathname);

  await step('no build step: one <script type="module" src=".../bundle.js">', async () => {
    await withPage('/no-build/', async (page, allow, requests) => {
      // (The upload controls push the flagged cards below the fold, where expectLoaded would look for them.)
      await page.getByText('Counts of the 24 loaded assets').waitFor();
      assert.equal((await overviewCounts(page)).All, 24, 'the overview\'s "All" is 24');
      await filterLocalOnly(page);
      // `uploads`: code other builds load on first use is inside bundle.js, the counted upload (XMLHttpRequest) too,
      // here through the mock backend as a real HTTP server.
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Upload files' }).click()]);
      await chooser.setFiles({ name: 'clip.webm', mimeType: 'video/webm', buffer: Buffer.alloc(3_000_000) });
      await page.getByRole('status').filter({ hasText: 'Uploaded to Pixverse' }).waitFor();
      // bundle.js brings everything, the parts loaded on first use too: no other script is fetched.
      assert.deepEqual(scripts(requests), ['/node_modules/asset-gallery-elements/dist/bundle.js'], 'the page fetched bundle.js and no other script');
    }, files.url);
  });

  await step('no build step: the import map README gives, bare specifiers', async () => {
    await withPage('/no-build/import-map.html', async (page, allow, requests) => {
      await expectLoaded(page, 24);
      const outside = scripts(requests).filter((path) => !path.startsWith('/node_modules/'));
      assert.deepEqual(outside, [], 'every module came through the import map from node_modules');
      assert.ok(!scripts(requests).some((path) => path.endsWith('/bundle.js')), 'the import map page does not use bundle.js');
    }, files.url);
  });

  await browser.close();
  await Promise.all([server.close(), files.close()]);
}

// ---------------------------------------------------------------------------------------------------------

console.log(`\n${timings.filter((t) => t.ok).length}/${timings.length} passed in ${seconds(performance.now() - started)}`);
for (const { name, ms, ok } of timings) console.log(`  ${ok ? '  ' : '✗ '}${seconds(ms).padStart(7)}  ${name}`);
if (failures.length > 0) process.exitCode = 1;
