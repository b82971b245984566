// The browser suite in each engine, one after another: `node scripts/test-engines.mjs [chromium] [firefox]
// [webkit] [-- web-test-runner options]` (no engine named: all three). For WebKit it first starts what the runner
// drives: an Xvfb display (MiniBrowser has no headless mode) and WebKitWebDriver, with the environment the
// browser inherits from it. Prints each engine's pass count at the end; exits non-zero if any engine failed.
// With `--stories`, the same for the stories (Vitest's storybook projects, see vitest.config.ts; options after
// `--` go to `vitest run`): there Vitest starts the browser itself, so WebKit needs the display and no driver.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ENGINES = ['chromium', 'firefox', 'webkit'];
const dashes = process.argv.indexOf('--');
const ownArgs = process.argv.slice(2, dashes === -1 ? undefined : dashes);
const stories = ownArgs.includes('--stories');
const named = ownArgs.filter((arg) => arg !== '--stories');
const runnerArgs = dashes === -1 ? [] : process.argv.slice(dashes + 1);
const unknown = named.filter((engine) => !ENGINES.includes(engine));
if (unknown.length > 0) {
  console.error(`Unknown engine ${unknown.join(', ')}: name chromium, firefox or webkit.`);
  process.exit(2);
}
const engines = named.length > 0 ? named : ENGINES;
const runner = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
/** Each engine's project in vitest.config.ts. */
const STORY_PROJECTS = { chromium: 'storybook', firefox: 'storybook-firefox', webkit: 'storybook-webkit' };
const children = new Set();

function start(command, args, options) {
  const child = spawn(command, args, options);
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function stopAll() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/** A free X display: Xvfb picks the number itself and writes it to the pipe it is given (`-displayfd`). */
async function startDisplay() {
  const xvfb = start('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    xvfb.on('error', (error) => reject(new Error(`Xvfb could not start (${error.message}): apt-get install xvfb`)));
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it named its display`)));
  });
  return display;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** WebKitWebDriver on a free port, answering its status; the browser it starts inherits `env`. */
async function startWebKitDriver(env) {
  const port = await freePort();
  const driver = start('WebKitWebDriver', [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'], env });
  // The browser's stderr, less the sound system's complaints (Xvfb has no sound card).
  driver.stderr.on('data', (chunk) => {
    const lines = String(chunk).split('\n').filter((line) => line.trim() && !/^(ALSA lib|AL lib)/.test(line));
    if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
  });
  let exited = null;
  driver.on('error', (error) => (exited = `could not start (${error.message}): apt-get install webkit2gtk-driver`));
  driver.on('exit', (code) => (exited ??= `exited (${code})`));
  for (let tries = 0; ; tries++) {
    if (exited) throw new Error(`WebKitWebDriver ${exited}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return port;
    } catch {
      // not listening yet
    }
    if (tries > 300) throw new Error('WebKitWebDriver did not answer within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** As the Chromium runs (see web-test-runner.config.mjs); with C.UTF-8, WebKit's numbers lose their group separators. */
const LOCALE = { TZ: 'America/New_York', LANG: 'en_US.UTF-8' };

/** The environment WebKit's browser runs in (it inherits the driver's). */
async function webkitEnvironment() {
  const env = {
    ...process.env,
    DISPLAY: await startDisplay(),
    ...LOCALE,
    // Without it, requestAnimationFrame stalls for seconds under Xvfb.
    WEBKIT_DISABLE_COMPOSITING_MODE: '1',
  };
  return { ...env, WEBKIT_DRIVER_PORT: String(await startWebKitDriver(env)) };
}

/**
 * The environment of Vitest, which starts Firefox and WebKit's MiniBrowser for the stories itself. Not
 * WEBKIT_DISABLE_COMPOSITING_MODE: MiniBrowser crashes with it on Vitest's page (see vitest.config.ts).
 */
async function storiesEnvironment(engine) {
  if (engine === 'chromium') return process.env; // as `npm run test:stories`
  const { WEBKIT_DISABLE_COMPOSITING_MODE: _crashes, ...env } = process.env;
  return { ...env, ...LOCALE, ...(engine === 'webkit' ? { DISPLAY: await startDisplay() } : {}) };
}

/** One engine's run of the runner (or of Vitest); its output passes through, and its counts are read from it. */
async function run(engine) {
  const env = stories
    ? await storiesEnvironment(engine)
    : { ...(engine === 'webkit' ? await webkitEnvironment() : process.env), WTR_ENGINE: engine };
  const args = stories ? [vitest, 'run', '--project', STORY_PROJECTS[engine], ...runnerArgs] : [runner, ...runnerArgs];
  const started = Date.now();
  const child = start(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
  let tail = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    tail = (tail + chunk).slice(-4000);
  });
  const code = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  const plain = tail.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
  const count = (word) => Number([...plain.matchAll(new RegExp(`(\\d+) ${word}`, 'g'))].at(-1)?.[1] ?? 0);
  return { engine, code, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), seconds: Math.round((Date.now() - started) / 1000) };
}

const results = [];
for (const engine of engines) {
  console.log(`\n--- ${stories ? 'stories' : 'browser tests'} in ${engine} ---`);
  try {
    results.push(await run(engine));
  } catch (error) {
    console.error(String(error?.message ?? error));
    results.push({ engine, code: 1, passed: 0, failed: 0, skipped: 0, seconds: 0, error: true });
  }
  if (engine === 'webkit') stopAll(); // the display (and driver) are this run's own
}

console.log(`\n${stories ? 'stories' : 'browser tests'}, by engine:`);
for (const r of results) {
  const verdict = r.error ? 'could not start' : r.code === 0 ? 'ok' : 'FAILED';
  console.log(`  ${r.engine.padEnd(9)} ${String(r.passed).padStart(5)} passed, ${r.failed} failed, ${r.skipped} skipped  (${r.seconds} s)  ${verdict}`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
