/**
 * TypeScript 7 is the project's compiler (`tsc`), but 7.0 ships no JavaScript compiler API: its `typescript`
 * entry exports only the version. typescript-eslint (supports TypeScript < 6.1) and lit-analyzer (5.4–5.9) are
 * built on that API. So, in the lint processes only, every `typescript` import is answered by the TypeScript 5.9
 * API installed beside it as `typescript5` (an npm alias). Nothing else in those processes needs TypeScript 7.
 *
 * Imported first by `eslint.config.js` (so editors get it too) and by `lint-lit.mjs`; it must run before the
 * first `typescript` import is resolved. Remove, with the `typescript5` alias and the `typescript-eslint`
 * override in package.json, when both tools support TypeScript 7's API (announced for 7.1).
 */
import Module, { createRequire, register } from 'node:module';

const API = 'typescript5';

if (!globalThis.__typescriptApiRedirect) {
  globalThis.__typescriptApiRedirect = true;
  const requireHere = createRequire(import.meta.url);
  /** `typescript` or `typescript/…` as the path of the same file in the API package; anything else: null. */
  const redirect = (request) => (/^typescript(\/|$)/.test(request) ? requireHere.resolve(API + request.slice('typescript'.length)) : null);

  // require('typescript') from CommonJS (typescript-eslint, ts-api-utils, lit-analyzer, web-component-analyzer).
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return redirect(request) ?? resolveFilename.call(this, request, ...rest);
  };

  // import 'typescript' from ES modules loaded after this one, through a resolve hook on the loader thread.
  const hook = `import { createRequire } from 'node:module';
    import { pathToFileURL } from 'node:url';
    let requireHere;
    export function initialize(base) { requireHere = createRequire(base); }
    export function resolve(specifier, context, next) {
      if (!/^typescript(\\/|$)/.test(specifier)) return next(specifier, context);
      const path = requireHere.resolve(${JSON.stringify(API)} + specifier.slice('typescript'.length));
      return { url: pathToFileURL(path).href, format: 'commonjs', shortCircuit: true };
    }`;
  register('data:text/javascript,' + encodeURIComponent(hook), { data: import.meta.url });

  // Fail here, not later with "ts.createProgram is not a function", if the alias is missing or is TypeScript 7.
  if (typeof requireHere('typescript').createProgram !== 'function') {
    throw new Error(`${API} does not provide the TypeScript compiler API`);
  }
}
