import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { createRequire } from 'node:module';
import { emulateMediaPlugin } from './test/runner/emulate-media.mjs';
import { pressKeysPlugin } from './test/runner/press-keys-plugin.mjs';
import { slowestFilesReporter } from './test/runner/slowest-files-reporter.mjs';
import { uploadServer } from './test/runner/upload-server.mjs';

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
 * The cards' pictures and videos: the mock backend's media URLs (api/v1/media/…, mock-cdn/…, api/v1/assets/N/file),
 * the property tests' arbitrary strings, the tests' own missing files. The test server has none of them, and
 * the cards are meant to fall back to their placeholder as they do now, so they stay 404s; but each one used to
 * be listed under its test file (hundreds a run), hiding the 404 that matters: a module or a fetch. The browser
 * says what a request is for (`Sec-Fetch-Dest`); those made for an <img>, <video> or <audio> are left out of
 * the report, every other 404 is still listed.
 */
const MEDIA_DESTINATIONS = new Set(['image', 'video', 'audio', 'track']);
const missingMedia = new Set();

async function mediaRequests(ctx, next) {
  if (!MEDIA_DESTINATIONS.has(ctx.get('sec-fetch-dest'))) return next();
  try {
    await next();
  } catch (error) {
    // An arbitrary string as a path ("%E0%A4%A") makes the static server throw while decoding it, and the runner
    // print the stack: answer as it would have (400), without the stack.
    ctx.status = Number.isInteger(error?.status) ? error.status : 500;
    ctx.body = String(error?.message ?? error);
  }
  if (ctx.status === 404) missingMedia.add(ctx.url.substring(1)); // the runner records `ctx.url` without its "/"
}

/** The default reporter, minus the media 404s above. */
function reporterWithoutMedia404s() {
  const reporter = defaultReporter();
  return {
    ...reporter,
    reportTestFileResults: (args) =>
      reporter.reportTestFileResults({
        ...args,
        sessionsForTestFile: args.sessionsForTestFile.map((session) => ({
          ...session,
          request404s: session.request404s.filter((url) => !missingMedia.has(url)),
        })),
      }),
  };
}

/**
 * The engine this run tests: `chromium` (the default), `firefox` or `webkit`. `npm run test:unit` runs all three,
 * one after another (scripts/test-engines.mjs, which also starts WebKit's driver and display).
 */
const ENGINE = process.env.WTR_ENGINE ?? 'chromium';
/**
 * WebKitGTK cannot switch the OS colour scheme while it runs: scripts/test-engines.mjs runs the files that need a
 * dark OS a second time in a MiniBrowser started dark (`--dark-mode`), with WEBKIT_DARK_OS=1.
 */
const WEBKIT_DARK_OS = ENGINE === 'webkit' && process.env.WEBKIT_DARK_OS === '1';
/** Not UTC, so that tests can tell a naive server time read as UTC from one read as local time. */
const TZ = 'America/New_York';

function browserFor(engine) {
  if (engine === 'chromium') {
    return chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
        env: { ...process.env, TZ },
      },
    });
  }
  if (engine === 'firefox') {
    // Firefox through puppeteer over WebDriver BiDi: the puppeteer-core the Chrome launcher itself depends on
    // (webdriverio's optional peer range excludes that version, so it cannot be a dependency of ours as well).
    return chromeLauncher({
      puppeteer: createRequire(import.meta.resolve('@web/test-runner-chrome'))('puppeteer-core'),
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
        headless: true,
        // Lets test/runner/emulate-media.mjs set the colour scheme and forced colours, which only the browser's
        // privileged code can do in Firefox.
        env: { ...process.env, TZ, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
      },
    });
  }
  if (engine === 'webkit') {
    // WebKitGTK's MiniBrowser through WebKitWebDriver, which scripts/test-engines.mjs starts (with the display and
    // the environment the browser inherits: TZ, LANG, WEBKIT_DISABLE_COMPOSITING_MODE) and names in WEBKIT_DRIVER_PORT.
    const port = Number(process.env.WEBKIT_DRIVER_PORT);
    if (!port) throw new Error('WEBKIT_DRIVER_PORT is not set: run the WebKit tests through `node scripts/test-engines.mjs webkit`');
    return webdriverLauncher({
      hostname: '127.0.0.1',
      port,
      logLevel: 'warn',
      capabilities: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          binary: process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation', ...(WEBKIT_DARK_OS ? ['--dark-mode'] : [])],
        },
        // webdriverio asks for BiDi by default, which WebKitWebDriver 2.50 refuses.
        'wdio:enforceWebDriverClassic': true,
      },
    });
  }
  throw new Error(`WTR_ENGINE must be chromium, firefox or webkit, not "${engine}"`);
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  // msw's interceptors resolve to their Node build without the "browser" condition.
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }),
    pressKeysPlugin,
    // WebKit cannot emulate: its tests see the OS scheme the browser was started with, and no forced colours.
    emulateMediaPlugin({ fixed: { 'prefers-color-scheme': WEBKIT_DARK_OS ? 'dark' : 'light', 'forced-colors': 'none' } }),
  ],
  middleware: [
    // The MSW worker must be served from the root so that its scope covers the test pages.
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') ctx.path = '/public/mockServiceWorker.js';
      return next();
    },
    mediaRequests,
    uploadServer,
  ],
  reporters: [reporterWithoutMedia404s(), slowestFilesReporter()],
  browsers: [browserFor(ENGINE)],
  // WebKitGTK's MiniBrowser shows one page at a time; the other two take the runner's default.
  ...(ENGINE === 'webkit' ? { concurrency: 1 } : {}),
  // Firefox and WebKit start slowly on a loaded 2-core machine (2-3 minutes seen for Firefox's first start).
  browserStartTimeout: 240_000,
  staticLogging: !!process.env.CI,
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  // A net per test: a test waits for conditions (each wait 4 s at most), some for several in a row, and WebKit on a
  // busy 2-core machine takes two to three times Chromium's time for them.
  testFramework: { config: { timeout: 15_000 } },
  // A test file's whole run: a net above its tests' own timeouts. The slowest files (the leak test, the 100
  // interleavings) take under a minute on a quiet machine, and a few times that beside two other test runs.
  testsFinishTimeout: 600_000,
  coverageConfig: { include: ['src/**/*.ts'] },
};
