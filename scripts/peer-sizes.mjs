// What a host would ship assembling the same from well-kept parts (SIZE.md, "Peers"). Installs the named
// packages into a temporary folder with npm, bundles each entry with esbuild (--bundle --minify --format=esm),
// gzips it at level 9 and prints a table with the versions installed.
//
//   node scripts/peer-sizes.mjs            (needs the npm registry; about 30 s)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const PACKAGES = ['lit', '@lit-labs/virtualizer', '@shoelace-style/shoelace', '@uppy/core', '@uppy/dashboard', '@uppy/xhr-upload', 'photoswipe'];

// lit is its own row: the rows that build on it leave it out, so that the total counts it once.
const LIT = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'];

const ROWS = [
  {
    name: '@lit-labs/virtualizer, grid layout (lit external)',
    code: `export { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';\nexport { grid } from '@lit-labs/virtualizer/layouts/grid.js';`,
    external: LIT,
    total: true,
  },
  {
    name: 'Shoelace: card, badge, tooltip, button (lit external)',
    code: ['card', 'badge', 'tooltip', 'button'].map((tag) => `import '@shoelace-style/shoelace/dist/components/${tag}/${tag}.js';`).join('\n'),
    external: LIT,
    total: true,
  },
  { name: 'lit (LitElement, html, css, svg, nothing)', code: `export { LitElement, html, css, svg, nothing } from 'lit';`, total: true },
  {
    name: 'Uppy: core, dashboard, XHR upload (JS only)',
    code: `export { default as Uppy } from '@uppy/core';\nexport { default as Dashboard } from '@uppy/dashboard';\nexport { default as XHRUpload } from '@uppy/xhr-upload';`,
    total: true,
  },
  { name: 'PhotoSwipe: lightbox and core (JS only), for scale', code: `export { default as PhotoSwipeLightbox } from 'photoswipe/lightbox';\nexport { default as PhotoSwipe } from 'photoswipe';` },
];

const dir = mkdtempSync(join(tmpdir(), 'peer-sizes-'));
try {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'peer-sizes', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...PACKAGES], { cwd: dir, stdio: 'inherit' });
  const version = (name) => JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  console.log(`\nesbuild --bundle --minify --format=esm, gzip -9; ${PACKAGES.map((name) => `${name} ${version(name)}`).join(', ')}\n`);
  console.log('| bundle | min | gzip |\n| --- | ---: | ---: |');
  let total = 0;
  for (const row of ROWS) {
    const result = await build({
      stdin: { contents: row.code, resolveDir: dir, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      legalComments: 'none',
      external: row.external ?? [],
      logLevel: 'error',
    });
    const bytes = result.outputFiles[0].contents;
    const gzip = gzipSync(bytes, { level: 9 }).length;
    if (row.total) total += gzip;
    console.log(`| ${row.name} | ${bytes.length.toLocaleString('en')} | ${(gzip / 1000).toFixed(1)} kB |`);
  }
  console.log(`| **the same assembled from these parts** (the first four rows) | | **${(total / 1000).toFixed(1)} kB** |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
