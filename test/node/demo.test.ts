// The demo page `npm start` serves (index.html, demo/), on a phone, in Chromium: Vite's dev server with the
// repository's config, the mock backend in its service worker. The page follows the demo's theme (not only the
// gallery), fits 390 px with no sideways scroll with its settings folded or open, and shows the gallery on the
// first screen (issue 17).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launchChromium } from './chromium.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let cacheDir = '';
let server: ViteDevServer | undefined;
let origin = '';
let browser: Browser | undefined;

before(async () => {
  // Its own cache of pre-bundled dependencies: a cold start every run, and no race with an `npm start` running.
  cacheDir = await mkdtemp(join(tmpdir(), 'age-demo-'));
  server = await createServer({ root: ROOT, cacheDir, logLevel: 'silent', server: { host: '127.0.0.1', port: 0, hmr: false, watch: null } });
  await server.listen();
  const address = server.httpServer?.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// The OS says the opposite of the choice, so only the demo's Theme can make the page pass; '' is "the system's".
for (const [theme, os, dark] of [
  ['dark', 'light', true],
  ['light', 'dark', false],
  ['', 'dark', true],
] as const) {
  test(`390 px, theme "${theme || 'the system’s'}" on a ${os} OS: a ${dark ? 'dark' : 'light'} page, no sideways scroll, the gallery on the first screen`, async () => {
    assert.ok(browser, 'Chromium started');
    const context = await browser.newContext({ ...PHONE, colorScheme: os });
    try {
      const page = await context.newPage();
      // A long German status line and right to left too: whatever the page says must wrap, not widen it.
      await page.goto(`${origin}/?scenario=default&theme=${theme}&lang=de&dir=rtl`);
      await page.locator('asset-gallery media-card').first().waitFor({ timeout: 20_000 });
      const measure = () =>
        page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          background: getComputedStyle(document.documentElement).backgroundColor,
          text: getComputedStyle(document.documentElement).color,
          galleryTop: document.querySelector('asset-gallery')?.getBoundingClientRect().top ?? Infinity,
        }));

      const folded = await measure();
      assert.ok(folded.scrollWidth <= folded.clientWidth, `no sideways scroll: scrollWidth ${folded.scrollWidth} > ${folded.clientWidth}`);
      const background = luminance(folded.background);
      if (dark) assert.ok(background < 0.05, `a dark page: ${folded.background}`);
      else assert.ok(background > 0.8, `a light page: ${folded.background}`);
      assert.ok(dark ? luminance(folded.text) > 0.6 : luminance(folded.text) < 0.05, `text for that page: ${folded.text}`);
      assert.ok(folded.galleryTop < PHONE.viewport.height / 2, `the gallery starts on the first screen: at ${folded.galleryTop} px`);

      // Opened from the keyboard, the settings (a select per choice, the scenarios' long) still fit.
      await page.focus('#settings > summary');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#settings').getAttribute('open'), '', 'Enter opens the settings');
      assert.ok(await page.locator('#scenario').isVisible(), 'the scenario select shows');
      const opened = await measure();
      assert.ok(opened.scrollWidth <= opened.clientWidth, `no sideways scroll with the settings open: scrollWidth ${opened.scrollWidth} > ${opened.clientWidth}`);
    } finally {
      await context.close();
    }
  });
}
