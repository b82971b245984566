/**
 * A lint rule, as a test (issue 6): nothing under src/ may turn a string into markup or code. Lit's bindings
 * escape text and attributes; these are the ways around them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE_EXTENSIONS = /\.(ts|tsx|js|mjs|cjs|jsx)$/;

/** What is forbidden, and why. */
const RULES: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'unsafeHTML', pattern: /\bunsafeHTML\b/ },
  { name: 'unsafeSVG', pattern: /\bunsafeSVG\b/ },
  { name: 'unsafeStatic', pattern: /\bunsafeStatic\b/ },
  { name: 'unsafeMathML', pattern: /\bunsafeMathML\b/ },
  { name: 'innerHTML assignment', pattern: /\.innerHTML\s*(\+|\?\?|\|\||&&)?=(?!=)/ },
  { name: 'outerHTML assignment', pattern: /\.outerHTML\s*(\+|\?\?|\|\||&&)?=(?!=)/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(ln)?\s*\(/ },
  { name: 'eval(', pattern: /(^|[^\w$])eval\s*\(/ },
  { name: 'new Function(', pattern: /\bnew\s+Function\s*\(/ },
  { name: 'setHTMLUnsafe', pattern: /\bsetHTMLUnsafe\b|\bparseHTMLUnsafe\b/ },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/ },
  { name: 'string timer', pattern: /\bset(Timeout|Interval)\s*\(\s*['"`]/ },
];

export interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/**
 * The source with comments replaced by spaces (newlines kept, so line numbers stay), and the contents of
 * string and template literals kept (a forbidden call built from a string is still suspicious, but a word in
 * a comment is not). Regex literals are not recognised; none of the rules' words occur in one in src/.
 */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  type Mode = 'code' | 'line' | 'block' | "'" | '"' | '`';
  let mode: Mode = 'code';
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (mode === 'code') {
      if (c === '/' && next === '/') {
        mode = 'line';
        out += '  ';
        i += 2;
        continue;
      }
      if (c === '/' && next === '*') {
        mode = 'block';
        out += '  ';
        i += 2;
        continue;
      }
      if (c === "'" || c === '"' || c === '`') mode = c;
      out += c;
      i += 1;
      continue;
    }
    if (mode === 'line') {
      if (c === '\n') {
        mode = 'code';
        out += c;
      } else out += ' ';
      i += 1;
      continue;
    }
    if (mode === 'block') {
      if (c === '*' && next === '/') {
        mode = 'code';
        out += '  ';
        i += 2;
        continue;
      }
      out += c === '\n' ? c : ' ';
      i += 1;
      continue;
    }
    // Inside a string or template literal (template expressions are scanned as part of the literal: fine).
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === mode) mode = 'code';
    else if (c === '\n' && mode !== '`') mode = 'code';
    out += c;
    i += 1;
  }
  return out;
}

/** Every forbidden use in one file's source. */
export function scanSource(source: string, file = '<source>'): Finding[] {
  const findings: Finding[] = [];
  const lines = stripComments(source).split('\n');
  const original = source.split('\n');
  lines.forEach((line, index) => {
    for (const rule of RULES) {
      if (rule.pattern.test(line)) findings.push({ file, line: index + 1, rule: rule.name, text: (original[index] ?? '').trim() });
    }
  });
  return findings;
}

/** Every source file under `dir`, recursively. */
function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (SOURCE_EXTENSIONS.test(entry)) files.push(path);
  }
  return files.sort();
}

/** Every forbidden use under `dir`, as `file:line` relative to `base`. */
export function scanDirectory(dir: string, base = dir): Finding[] {
  return sourceFiles(dir).flatMap((path) => scanSource(readFileSync(path, 'utf8'), relative(base, path)));
}

const report = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}: ${f.rule}: ${f.text}`).join('\n');

describe('lint: no way around Lit’s escaping in src/', () => {
  it('src/ uses none of unsafeHTML, unsafeSVG, unsafeStatic, innerHTML/outerHTML =, insertAdjacentHTML, document.write, eval, new Function', () => {
    const files = sourceFiles(join(ROOT, 'src'));
    assert.ok(files.length > 10, `expected the sources under src/, found ${files.length}`);
    const findings = scanDirectory(join(ROOT, 'src'), ROOT);
    assert.equal(findings.length, 0, `forbidden in src/:\n${report(findings)}`);
  });
});

describe('lint: the scanner itself', () => {
  const offending: Array<[string, string]> = [
    ["import { unsafeHTML } from 'lit/directives/unsafe-html.js';", 'unsafeHTML'],
    ['html`<div>${unsafeHTML(description)}</div>`', 'unsafeHTML'],
    ["import { unsafeSVG } from 'lit/directives/unsafe-svg.js';", 'unsafeSVG'],
    ['const tag = unsafeStatic(name);', 'unsafeStatic'],
    ['element.innerHTML = text;', 'innerHTML assignment'],
    ['this.shadowRoot!.innerHTML += more;', 'innerHTML assignment'],
    ['node.outerHTML = markup;', 'outerHTML assignment'],
    ["el.insertAdjacentHTML('beforeend', s);", 'insertAdjacentHTML'],
    ['document.write(s);', 'document.write'],
    ['document.writeln(s);', 'document.write'],
    ['const x = eval(code);', 'eval('],
    ['const x = window.eval (code);', 'eval('],
    ["const f = new Function('a', body);", 'new Function('],
    ['el.setHTMLUnsafe(s);', 'setHTMLUnsafe'],
    ["setTimeout('alert(1)', 0);", 'string timer'],
  ];
  for (const [line, rule] of offending) {
    it(`finds ${rule} in: ${line}`, () => {
      const findings = scanSource(`const a = 1;\n${line}\n`, 'fixture.ts');
      assert.ok(
        findings.some((finding) => finding.rule === rule && finding.line === 2 && finding.file === 'fixture.ts'),
        `not found: ${JSON.stringify(findings)}`,
      );
    });
  }

  const allowed = [
    '// a comment may say element.innerHTML = x, eval(x) and unsafeHTML',
    '/* block comment: new Function(body), document.write(s) */',
    '/**\n * JSDoc: never use unsafeHTML or insertAdjacentHTML here\n */',
    'if (element.innerHTML === expected) {}',
    'const text = element.innerHTML;',
    'const evaluate = (x: number) => x; evaluate(1);',
    'retrieval(x); medieval(y);',
    'const fn = new FunctionRegistry();',
    'setTimeout(() => done(), 0);',
    "const url = 'https://example.com/a//b'; // trailing comment with eval(x)",
  ];
  for (const source of allowed) {
    it(`allows: ${source.replace(/\n/g, ' ')}`, () => {
      assert.deepEqual(scanSource(source), []);
    });
  }

  it('keeps line numbers through block comments', () => {
    const findings = scanSource('/*\n\n*/\nconst a = 1;\nel.innerHTML = a;\n', 'x.ts');
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line}`),
      ['x.ts:5'],
    );
  });

  it('fails on a directory with an offending file, with file:line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-fixture-'));
    try {
      writeFileSync(join(dir, 'clean.ts'), "export const ok = html`<p>${text}</p>`; // not unsafeHTML\n");
      writeFileSync(join(dir, 'bad.ts'), "import { html } from 'lit';\nimport { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const x = (s: string) => html`${unsafeHTML(s)}`;\n");
      const findings = scanDirectory(dir);
      assert.deepEqual(
        findings.map((f) => `${f.file}:${f.line}: ${f.rule}`),
        ['bad.ts:2: unsafeHTML', 'bad.ts:3: unsafeHTML'],
      );
      assert.match(report(findings), /^bad\.ts:2: unsafeHTML: import \{ unsafeHTML \}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
