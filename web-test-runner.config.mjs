import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

// Debian's Chromium as root: no sandbox; no background traffic on this machine's closed network.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // gc() and an exact performance.memory for the test that checks for leaks (mounts and unmounts): without the
  // second, the heap figure is quantized and its check cannot fail.
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];

/**
 * `executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }])`: any media
 * features puppeteer emulates (@web/test-runner-commands' emulateMedia has no forced-colors). Each call
 * replaces the features emulated before (`[]` resets them), including emulateMedia's colour scheme.
 */
const emulateMediaFeaturesPlugin = {
  name: 'emulate-media-features',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-media-features') return undefined;
    if (session.browser.type !== 'puppeteer') throw new Error(`emulate-media-features needs puppeteer, not ${session.browser.type}`);
    await session.browser.getPage(session.id).emulateMediaFeatures(payload);
    return true;
  },
};

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  // msw's interceptors resolve to their Node build without the "browser" condition.
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), emulateMediaFeaturesPlugin],
  middleware: [
    // The MSW worker must be served from the root so that its scope covers the test pages.
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') ctx.path = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
        // Not UTC, so that tests can tell a naive server time read as UTC from one read as local time.
        env: { ...process.env, TZ: 'America/New_York' },
      },
    }),
  ],
  staticLogging: !!process.env.CI,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 5000 } },
  // A test file's whole run: a net above its tests' own timeouts. The slowest files (the leak test, the 100
  // interleavings) take under a minute on a quiet machine, and a few times that beside two other test runs.
  testsFinishTimeout: 600_000,
  coverageConfig: { include: ['src/**/*.ts'] },
};
