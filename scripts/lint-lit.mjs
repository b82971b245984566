/**
 * `npm run lint:lit`: lit-analyzer's strict rules on every template in src/, stories/, mocks/, demo/, bench/ and
 * test/: tags, attributes, properties, events, directives and the types bound to them. Any error or warning
 * fails. Prints `file:line:column severity rule message`.
 *
 * Through lit-analyzer's library rather than its CLI: one program (tsconfig.test.json, so the tests' path
 * mappings resolve) for all files, with a lighter rule set for tests; the CLI would need two runs, each
 * building its own program. TypeScript's compiler API comes from `typescript5` (see typescript-api.mjs).
 *
 * Rules turned off, and why:
 * - no-missing-import, everywhere: a component's template uses child tags that the package's entry modules
 *   define (`defineElement()`, which the analyzer does not follow); their types come from HTMLElementTagNameMap.
 * - no-incompatible-type-binding, in test/ only: tests bind out-of-type values on purpose (an attribute of
 *   "abc", half-built upload states), and the analyzer rejects any array bound to an `Iterable` property
 *   (runem/lit-analyzer#381), which the tests do throughout.
 */
import './typescript-api.mjs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// require(), not import: a static import would be resolved before typescript-api.mjs has run.
const require = createRequire(import.meta.url);
/** @type {typeof import('typescript5')} */
const ts = require('typescript');
/** @type {typeof import('@jackolope/lit-analyzer')} */
const { DefaultLitAnalyzerContext, LitAnalyzer, makeConfig } = require('@jackolope/lit-analyzer');

const root = fileURLToPath(new URL('..', import.meta.url));
const SCOPE = /^(src|stories|mocks|demo|bench|test)\/.*\.ts$/;
// Declares React's JSX tags with prop types and has no templates; the analyzer would take those types for the
// elements' own, and report every property and attribute as unknown.
const SKIP = new Set(['src/react.ts']);
const TESTS = /^test\//;

const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.test.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail });
if (!config || config.errors.length > 0) fail(config?.errors[0]);
const inScope = (fileName) => {
  const name = relative(root, fileName).split('\\').join('/');
  return SCOPE.test(name) && !SKIP.has(name) ? name : undefined;
};
// Only the files in scope (and what they import): src/react.ts must not even be in the program.
const program = ts.createProgram({ rootNames: config.fileNames.filter(inScope), options: { ...config.options, noEmit: true } });

// One context for all files, so each component is analysed once (most of the time goes there); the rules
// change between the sources and the tests.
const context = new DefaultLitAnalyzerContext({ getProgram: () => program });
const analyzer = new LitAnalyzer(context);
const rules = (changes) => makeConfig({ strict: true, rules: { 'no-missing-import': 'off', ...changes } });
const SOURCE_RULES = rules({});
const TEST_RULES = rules({ 'no-incompatible-type-binding': 'off' });

const files = program
  .getSourceFiles()
  .map((file) => ({ file, name: inScope(file.fileName) }))
  .filter(({ name }) => name !== undefined)
  .sort((a, b) => Number(TESTS.test(a.name)) - Number(TESTS.test(b.name)) || (a.name < b.name ? -1 : 1));

let problems = 0;
let current;
for (const { file, name } of files) {
  const wanted = TESTS.test(name) ? TEST_RULES : SOURCE_RULES;
  if (wanted !== current) context.updateConfig((current = wanted));
  for (const diagnostic of analyzer.getDiagnosticsInFile(file)) {
    const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.location.start);
    console.log(`${name}:${line + 1}:${character + 1} ${diagnostic.severity} ${diagnostic.source} ${diagnostic.message}`);
    problems += 1;
  }
}
console.log(`lit-analyzer: ${files.length} files, ${problems} problem${problems === 1 ? '' : 's'}`);
process.exitCode = problems > 0 ? 1 : 0;

function fail(diagnostic) {
  throw new Error(`tsconfig.test.json: ${diagnostic ? ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n') : 'unreadable'}`);
}
