// The browser suite in each engine: `node scripts/test-engines.mjs [--parallel] [chromium] [firefox] [webkit]
// [-- web-test-runner options]` (no engine named: all three), one after another, or with --parallel in one lane
// per core (each engine's output is then held and printed when it ends). For WebKit it first starts what the runner
// drives: an Xvfb display (MiniBrowser has no headless mode) and WebKitWebDriver, with the environment the
// browser inherits from it, and runs the files with dark-OS tests again in a browser started dark. Prints each
// pass's counts at the end; exits non-zero if any failed. With `--stories`, the same for the stories (Vitest's
// storybook projects, see vitest.config.ts; options after `--` go to `vitest run`): there Vitest starts the
// browser itself, so WebKit needs the display and no driver.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENGINES = ['chromium', 'firefox', 'webkit'];
const dashes = process.argv.indexOf('--');
const ours = process.argv.slice(2, dashes === -1 ? undefined : dashes);
const parallel = ours.includes('--parallel');
const stories = ours.includes('--stories');
const named = ours.filter((arg) => arg !== '--parallel' && arg !== '--stories');
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
const suite = stories ? 'stories' : 'browser tests';

/**
 * WebKitGTK takes the OS colour scheme at start and cannot emulate another, so the files with tests for a dark OS
 * run a second time in a MiniBrowser started dark (WEBKIT_DARK_OS, see web-test-runner.config.mjs): all of them,
 * or those among the files named (`--files`, by path). Their light-OS tests are skipped there, and their dark-OS
 * tests in the first pass.
 */
const WEBKIT_DARK_OS_FILES = ['test/components/theme.test.ts'];

/** The runner's options split into the test files named (`--files a b`, or before any option) and the rest. */
function splitFiles(args) {
  const files = [];
  const rest = [];
  let inFiles = true;
  for (const arg of args) {
    if (arg.startsWith('--files=')) files.push(arg.slice('--files='.length));
    else if (arg.startsWith('-')) {
      inFiles = arg === '--files';
      if (!inFiles) rest.push(arg);
    } else (inFiles ? files : rest).push(arg);
  }
  return { files: files.map((file) => relative(process.cwd(), resolve(file))), rest };
}
const { files: filesNamed, rest: otherArgs } = splitFiles(runnerArgs);
const darkOsFiles = stories ? [] : filesNamed.length === 0 ? WEBKIT_DARK_OS_FILES : WEBKIT_DARK_OS_FILES.filter((file) => filesNamed.includes(file));
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
  // The browser's stderr, line by line, less the complaints of a machine without sound card or session bus.
  let partial = '';
  driver.stderr.on('data', (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    const kept = lines.filter((line) => line.trim() && !/^(ALSA lib|AL lib)|dbus-launch/.test(line));
    if (kept.length > 0) process.stderr.write(`${kept.join('\n')}\n`);
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

let webkitEnv = null;

/**
 * The environment of Vitest, which starts Firefox and WebKit's MiniBrowser for the stories itself. Not
 * WEBKIT_DISABLE_COMPOSITING_MODE: MiniBrowser crashes with it on Vitest's page (see vitest.config.ts).
 */
async function storiesEnvironment(engine) {
  if (engine === 'chromium') return process.env; // as `npm run test:stories`
  const { WEBKIT_DISABLE_COMPOSITING_MODE: _crashes, ...env } = process.env;
  return { ...env, ...LOCALE, ...(engine === 'webkit' ? { DISPLAY: await startDisplay() } : {}) };
}

/** One pass of the runner; its output passes through, and its counts are read from it. */
async function run({ engine, darkOs, files }) {
  let env;
  let args;
  if (stories) {
    env = await storiesEnvironment(engine);
    args = [vitest, 'run', '--project', STORY_PROJECTS[engine], ...runnerArgs];
  } else {
    // One display and driver for all of WebKit's passes; one that could not start is not tried again for each.
    if (engine === 'webkit') webkitEnv ??= webkitEnvironment();
    env = { ...(engine === 'webkit' ? await webkitEnv : process.env), WTR_ENGINE: engine, ...(darkOs ? { WEBKIT_DARK_OS: '1' } : {}) };
    const only = darkOs ? darkOsFiles : files;
    args = [runner, ...(only ? [...otherArgs, '--files', ...only] : runnerArgs)];
  }
  const started = Date.now();
  const child = start(process.execPath, args, { stdio: ['ignore', 'pipe', parallel ? 'pipe' : 'inherit'], env });
  let tail = '';
  let held = '';
  child.stdout.on('data', (chunk) => {
    if (parallel) held += chunk;
    else process.stdout.write(chunk);
    tail = (tail + chunk).slice(-4000);
  });
  child.stderr?.on('data', (chunk) => (held += chunk));
  const code = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  if (parallel) process.stdout.write(`\n--- ${suite} in ${label({ engine, darkOs })} ---\n${held}`);
  const plain = tail.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
  const count = (word) => Number([...plain.matchAll(new RegExp(`(\\d+) ${word}`, 'g'))].at(-1)?.[1] ?? 0);
  return { engine: label({ engine, darkOs }), code, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), seconds: Math.round((Date.now() - started) / 1000) };
}

const label = ({ engine, darkOs }) => (darkOs ? `${engine} (dark OS)` : engine);

async function runOrReport(pass) {
  const only = pass.darkOs ? darkOsFiles : pass.files;
  if (!parallel) console.log(`\n--- ${suite} in ${label(pass)}${only ? `: ${only.join(' ')}` : ''} ---`);
  try {
    return await run(pass);
  } catch (error) {
    console.error(`${label(pass)}: ${String(error?.message ?? error)}`);
    return { engine: label(pass), code: 1, passed: 0, failed: 0, skipped: 0, seconds: 0, error: true };
  }
}

/**
 * WebKit's files in groups, each run by a MiniBrowser of its own: one browser through the whole suite slows down
 * file after file (measured: the memory test's cycles took 224 s near the end of one run and 62 s at the start of
 * a group; the interleavings 240 s, and 71 s alone; the whole run 872 s in one browser, 585 s in four groups).
 * The two heaviest files get a browser each. Only when no files are named.
 */
const WEBKIT_GROUPS = 3;
const WEBKIT_ALONE = ['test/components/interleavings.test.ts', 'test/components/memory.test.ts'];

function webkitGroups() {
  if (stories || filesNamed.length > 0) return [undefined];
  const files = readdirSync('test', { recursive: true })
    .map((file) => join('test', String(file)))
    .filter((file) => file.endsWith('.test.ts') && !file.startsWith(join('test', 'node')) && !WEBKIT_ALONE.includes(file))
    .sort();
  const size = Math.ceil(files.length / WEBKIT_GROUPS);
  const groups = Array.from({ length: WEBKIT_GROUPS }, (_, index) => files.slice(index * size, (index + 1) * size));
  return [...WEBKIT_ALONE.map((file) => [file]), ...groups].filter((group) => group.length > 0);
}

/** Adds up the groups' counts into the engine's one line. */
function merged(engine, results) {
  return results.reduce((sum, r) => ({
    engine,
    code: sum.code || r.code,
    passed: sum.passed + r.passed,
    failed: sum.failed + r.failed,
    skipped: sum.skipped + r.skipped,
    seconds: sum.seconds + r.seconds,
    error: sum.error && r.error, // "could not start" only if no group started
  }));
}

/** An engine's passes, one after another: WebKit's groups and its dark-OS pass share one display and driver. */
async function runEngine(engine) {
  if (engine !== 'webkit') return [await runOrReport({ engine })];
  const groups = [];
  for (const files of webkitGroups()) groups.push(await runOrReport({ engine, files }));
  return [merged(engine, groups), ...(darkOsFiles.length > 0 ? [await runOrReport({ engine, darkOs: true })] : [])];
}

/** Each engine's usual share of a run here: WebKit takes about as long as the other two together. */
const WEIGHT = { chromium: 1, firefox: 1.2, webkit: 2.4 };

/**
 * The engines spread over as many lanes as the machine has cores (each runner shows one page at a time on two
 * cores), the slowest first, each into the lane with the least work so far: on two cores, WebKit in one lane and
 * Chromium then Firefox in the other.
 */
function lanesFor(list) {
  const lanes = Array.from({ length: Math.min(availableParallelism(), list.length) }, () => ({ work: 0, engines: [] }));
  for (const engine of [...list].sort((a, b) => WEIGHT[b] - WEIGHT[a])) {
    const lane = lanes.reduce((least, next) => (next.work < least.work ? next : least));
    lane.engines.push(engine);
    lane.work += WEIGHT[engine];
  }
  for (const lane of lanes) lane.engines.sort((a, b) => ENGINES.indexOf(a) - ENGINES.indexOf(b));
  return lanes;
}

async function runLane(lane) {
  const results = [];
  for (const engine of lane) results.push(...(await runEngine(engine)));
  return results;
}

const results = parallel ? (await Promise.all(lanesFor(engines).map((lane) => runLane(lane.engines)))).flat() : await runLane(engines);
results.sort((a, b) => ENGINES.indexOf(a.engine.split(' ')[0]) - ENGINES.indexOf(b.engine.split(' ')[0]));
stopAll(); // the display and driver are this run's own

console.log(`\n${suite}, by engine:`);
for (const r of results) {
  const verdict = r.error ? 'could not start' : r.code === 0 ? 'ok' : 'FAILED';
  console.log(`  ${r.engine.padEnd(17)} ${String(r.passed).padStart(5)} passed, ${r.failed} failed, ${r.skipped} skipped  (${r.seconds} s)  ${verdict}`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
