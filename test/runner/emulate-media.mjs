/**
 * `executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }])`: emulates media
 * features on the test's page (@web/test-runner-commands' emulateMedia has no forced-colors, and needs CDP).
 * Each call replaces the features emulated before; `[]` resets them. test/media-features.ts is the browser side.
 *
 * - Chromium (puppeteer over CDP): puppeteer's emulateMediaFeatures, any feature it knows. Answers `true`.
 * - Firefox (puppeteer over WebDriver BiDi, which has no media emulation): the overrides Firefox's DevTools set
 *   for their "simulate" buttons, `prefersColorSchemeOverride` and `forcedColorsOverride` of the tab's top
 *   browsing context. Only privileged code can set them: the browser runs with MOZ_REMOTE_ALLOW_SYSTEM_ACCESS
 *   (see web-test-runner.config.mjs), which lets a BiDi client run script in the browser's own window. The
 *   forced palette is the one a person gets with "Override the colors specified by the page: Always"
 *   (`browser.display.document_color_use` 2). Answers `true` once the page matches.
 * - WebKitGTK (WebDriver classic): nothing can switch them while it runs. Answers `{ fixed }`, the features the
 *   browser was started with (`fixed`, this plugin's option), and the browser side skips a test asking for others.
 *
 * @param {{ fixed?: Record<string, string> }} options
 */
export function emulateMediaPlugin({ fixed = {} } = {}) {
  return {
    name: 'emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      if (!Array.isArray(payload)) throw new Error('emulate-media-features takes an array of { name, value }');
      if (session.browser.type === 'webdriver') return { fixed };
      if (session.browser.type !== 'puppeteer') throw new Error(`emulate-media-features cannot drive ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      if (page.browser().protocol === 'cdp') {
        await page.emulateMediaFeatures(payload);
        return true;
      }
      await emulateInFirefox(page, payload);
      return true;
    },
  };
}

/**
 * The media features Firefox's browsing context can override: its field, and the values it takes ("none": no
 * override, the browser's own; a value outside these, the field ignores).
 */
const FIREFOX_OVERRIDES = {
  'prefers-color-scheme': { field: 'prefersColorSchemeOverride', values: ['light', 'dark'] },
  'forced-colors': { field: 'forcedColorsOverride', values: ['active'] },
};

/** The browser window's own (chrome) BiDi context, by browser: where the privileged script runs. */
const chromeContexts = new WeakMap();

async function emulateInFirefox(page, features) {
  const overrides = Object.fromEntries(Object.values(FIREFOX_OVERRIDES).map(({ field }) => [field, 'none']));
  for (const { name, value } of features) {
    const override = FIREFOX_OVERRIDES[name];
    if (!override?.values.includes(value)) {
      throw new Error(`Firefox can emulate ${Object.entries(FIREFOX_OVERRIDES).map(([n, o]) => `${n}: ${o.values.join('|')}`).join(', ')}; not ${name}: ${value}`);
    }
    overrides[override.field] = value;
  }
  const browser = page.browser();
  const connection = browser.connection;
  if (!chromeContexts.has(browser)) {
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 }).catch((error) => {
      throw new Error(`Firefox must run with MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1 to emulate media features (${error.message})`);
    });
    chromeContexts.set(browser, result.contexts[0].context);
  }
  // The page's BiDi context id (puppeteer's frame id, not public API), to the browsing context it names, through
  // the remote agent's own registry.
  const contextId = page.mainFrame()._id;
  if (typeof contextId !== 'string') throw new Error("puppeteer's frame no longer has the BiDi context id in _id");
  const { result } = await connection.send('script.callFunction', {
    target: { context: chromeContexts.get(browser) },
    functionDeclaration: String((id, fields) => {
      /* global ChromeUtils */
      const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
      const context = NavigableManager.getBrowsingContextById(id);
      if (!context) throw new Error(`no browsing context ${id}`);
      for (const [field, value] of Object.entries(JSON.parse(fields))) {
        context[field] = value;
        if (context[field] !== value) throw new Error(`${field} did not take "${value}"`);
      }
    }),
    arguments: [
      { type: 'string', value: contextId },
      { type: 'string', value: JSON.stringify(overrides) },
    ],
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`Firefox did not take the overrides: ${result.exceptionDetails.text}`);
  // The overrides reach the page's process after this answer: the test goes on once the page sees them.
  await page
    .waitForFunction((asked) => asked.every(({ name, value }) => matchMedia(`(${name}: ${value})`).matches), { polling: 20, timeout: 10_000 }, features)
    .catch((error) => {
      throw new Error(`Firefox took the overrides, but the page does not match ${JSON.stringify(features)} (${error.message})`);
    });
}
