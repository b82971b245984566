import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineBrowserProvider } from '@vitest/browser';
import { playwright } from '@vitest/browser-playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

type ProjectTest = NonNullable<TestProjectInlineConfiguration['test']>;

/** Every story as a test in one browser: render, play function, MSW, axe (a11y.test: 'error'). */
function stories(name: string, test: Omit<ProjectTest, 'name'>): TestProjectInlineConfiguration {
  return { extends: true, plugins: [storybookTest({ configDir: '.storybook' })], test: { name, ...test } };
}

interface Launch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** After the browser has exited. */
  cleanup?: () => void;
}

/** What the browsers print that says nothing of the stories: no sound card or D-Bus under Xvfb, children told to quit. */
const NOISE =
  /^(ALSA lib|AL lib|Exiting due to channel error|\*\*\* You are running in headless mode|.*Unable to get session D-Bus address|\s*$)/;

/**
 * A browser started as a plain process on Vitest's page, and ended when Vitest is done. Playwright's Firefox and
 * WebKit are patched builds this machine cannot download, and Debian ships no geckodriver; a story needs no
 * automation, though: its play function's clicks and keys are storybook/test's (DOM events from the page), axe
 * runs in the page, and without a driver Vitest sizes each story's frame itself (CSS scale). What it cannot do
 * is anything that needs the browser driven: vitest/browser's userEvent and screenshots (none of the stories use
 * them; a failed story gets no screenshot).
 */
function spawnedBrowser(engine: string, launch: (url: string) => Launch) {
  return defineBrowserProvider({
    name: `spawned-${engine}`,
    providerFactory: (project) => {
      const running = new Set<ChildProcess>();
      const cleanups: (() => void)[] = [];
      let closing = false;
      return {
        name: `spawned-${engine}`,
        supportsParallelism: false,
        getCommandsContext: () => ({}),
        openPage: async (_sessionId, url) => {
          const { command, args, env, cleanup } = launch(url);
          if (cleanup) cleanups.push(cleanup);
          const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
          running.add(child);
          let partial = '';
          child.stderr?.on('data', (chunk: Buffer) => {
            const lines = (partial + String(chunk)).split('\n');
            partial = lines.pop() ?? '';
            const shown = lines.filter((line) => !NOISE.test(line));
            if (shown.length > 0) process.stderr.write(shown.map((line) => `[${engine}] ${line}\n`).join(''));
          });
          child.on('exit', (code, signal) => {
            running.delete(child);
            // Vitest only sees the page's connection close; this says why.
            if (!closing) project.vitest.logger.error(`${command} exited (${signal ?? `code ${code}`}) with Vitest's page open`);
          });
          await new Promise<void>((resolve, reject) => {
            child.once('spawn', resolve);
            child.once('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
          });
        },
        close: async () => {
          closing = true;
          const exits = [...running].map(
            (child) =>
              new Promise<void>((resolve) => {
                const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
                child.once('exit', () => {
                  clearTimeout(kill);
                  resolve();
                });
                child.kill('SIGTERM');
              }),
          );
          await Promise.all(exits);
          for (const cleanup of cleanups.splice(0)) cleanup();
        },
      };
    },
  });
}

/** Firefox ESR, headless, in a profile of its own (no first-run pages, no telemetry) that is removed when it is done. */
const firefox = spawnedBrowser('firefox', (url) => {
  const profile = mkdtempSync(join(tmpdir(), 'stories-firefox-'));
  const prefs = {
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'datareporting.healthreport.uploadEnabled': false,
    'app.update.enabled': false,
    'network.captive-portal-service.enabled': false,
  };
  const userJs = Object.entries(prefs).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`);
  writeFileSync(join(profile, 'user.js'), userJs.join(''));
  return {
    command: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    args: ['--headless', '--no-remote', '--profile', profile, url],
    // Its crash reporter keeps its own store in ~/.config/mozilla, shared with every other Firefox run, and on
    // quitting tries to send what is queued there (over a network this machine does not have, in lines of errors).
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', XDG_CONFIG_HOME: join(profile, 'config') },
    cleanup: () => rmSync(profile, { recursive: true, force: true }),
  };
});

/**
 * WebKitGTK's MiniBrowser, which has no headless mode: it draws on the X display in DISPLAY (the Xvfb that
 * `node scripts/test-engines.mjs --stories webkit` starts). Not with WEBKIT_DISABLE_COMPOSITING_MODE=1, which the
 * unit tests' WebKit runs with: MiniBrowser 2.50 then crashes (SIGSEGV in libwebkit2gtk) as Vitest's page adds
 * the frame a test file runs in, with or without WebKitWebDriver.
 */
const webkit = spawnedBrowser('webkit', (url) => {
  if (!process.env.DISPLAY) {
    throw new Error('MiniBrowser needs an X display: run `node scripts/test-engines.mjs --stories webkit`');
  }
  const { WEBKIT_DISABLE_COMPOSITING_MODE: _crashes, ...env } = process.env;
  return { command: process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: [url], env };
});

/** The other engines' projects exist when named (`--project storybook-firefox`), so not in Storybook's test panel. */
const named = (project: string) => process.argv.some((arg) => arg.includes(project));

export default defineConfig({
  test: {
    projects: [
      // `npm run test:stories`: Debian's Chromium.
      stories('storybook', {
        browser: {
          enabled: true,
          headless: true,
          instances: [{ browser: 'chromium' }],
          provider: playwright({
            launchOptions: {
              executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
              args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
            },
          }),
        },
      }),
      // `npm run test:stories:engines` (all three, one after another), or `vitest run --project storybook-firefox`.
      ...(named('storybook-firefox')
        ? [
            stories('storybook-firefox', {
              browser: { enabled: true, headless: true, instances: [{ browser: 'firefox' }], provider: firefox, screenshotFailures: false },
            }),
          ]
        : []),
      ...(named('storybook-webkit')
        ? [
            stories('storybook-webkit', {
              browser: { enabled: true, headless: false, instances: [{ browser: 'webkit' }], provider: webkit, screenshotFailures: false },
              // Up to 10 s a story seen beside other test runs on this 2-core machine (rAF at 60-270 ms under Xvfb).
              testTimeout: 30_000,
            }),
          ]
        : []),
    ],
  },
});
