/**
 * `npm run lint:lit`: lit-analyzer's CLI (strict rules) over the templates, in two runs side by side, both
 * with TypeScript's compiler API from `typescript5` (see typescript-api.mjs). Any error or warning fails.
 *
 * Rules turned off, and why:
 * - no-missing-import, everywhere: a component's template uses child tags that the package's entry modules
 *   define (`defineElement()`, which the analyzer does not follow); their types come from HTMLElementTagNameMap.
 * - no-incompatible-type-binding, in test/ only: tests bind out-of-type values on purpose (an attribute of
 *   "abc", half-built upload states), and the analyzer rejects any array bound to an `Iterable` property
 *   (runem/lit-analyzer#381), which the tests do throughout.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(import.meta.resolve('@jackolope/lit-analyzer/cli.mjs'));
const common = ['--strict', '--maxWarnings', '0', '--format', 'list', '--rules.no-missing-import', 'off'];

const runs = [
  {
    name: 'src, stories, mocks, demo, bench',
    // src/react.ts declares React's JSX tags with prop types; the analyzer would take those for the elements.
    args: ['src/!(react).ts', 'src/*/**/*.ts', 'stories/**/*.ts', 'mocks/**/*.ts', 'demo/**/*.ts', 'bench/**/*.ts', ...common],
  },
  {
    name: 'test',
    args: ['test/**/*.ts', ...common, '--rules.no-incompatible-type-binding', 'off'],
  },
];

const results = await Promise.all(
  runs.map(
    ({ name, args }) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['--import', './scripts/typescript-api.mjs', cli, ...args], {
          cwd: root,
          env: { ...process.env, FORCE_COLOR: '0' },
        });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('close', (code) => resolve({ name, code, output }));
      }),
  ),
);
for (const { name, code, output } of results) {
  console.log(`lit-analyzer (${name}):${code === 0 ? ' ok' : ''}`);
  if (code !== 0) console.log(output.trim());
}
process.exitCode = results.some(({ code }) => code !== 0) ? 1 : 0;
