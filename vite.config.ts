import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';

/**
 * The published build minifies the elements' html`…` and css`…` templates (whitespace, comments): about 1 kB
 * gzip of what every user downloads. Tests and stories run the sources as written.
 */
const minifyTemplates: Plugin = {
  name: 'minify-template-literals',
  apply: 'build',
  async transform(code, id) {
    if (!/\/src\/components\/.+\.ts$/.test(id)) return null;
    const result = await minifyHTMLLiterals(code, { fileName: id, html: { keepClosingSlash: true, removeEmptyAttributes: false, conservativeCollapse: true } });
    return result ? { code: result.code, map: result.map } : null;
  },
};

/**
 * `vite build --mode bundle`: dist/bundle.js, one minified module with lit, @lit/task, zod and the lazy parts
 * inside, for a plain HTML page with no build step (`<script type="module" src=".../bundle.js">`). Runs after
 * the library build, into the same dist/.
 */
const bundle = defineConfig({
  plugins: [minifyTemplates],
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: false,
    copyPublicDir: false,
    lib: { entry: { bundle: 'src/index.ts' }, formats: ['es'] },
    // Vite keeps a library's whitespace for the host's bundler to minify; this file is for no bundler at all.
    rolldownOptions: { output: { codeSplitting: false, minify: true, entryFileNames: '[name].js' } },
  },
});

// One config for the library build and for the demo page (`npm start` serves index.html).
const library = defineConfig({
  server: { port: 5173 },
  // The demo is index.html. Vite would also scan examples/ for dependencies, apps with their own (vue, the
  // packed package) that only examples/node_modules has: a red "Failed to run dependency scan" on a fresh clone.
  optimizeDeps: { entries: ['index.html'] },
  plugins: [minifyTemplates],
  build: {
    target: 'es2022',
    sourcemap: true,
    copyPublicDir: false, // public/ holds the MSW worker: never ship it
    lib: {
      entry: {
        index: 'src/index.ts',
        'asset-gallery': 'src/asset-gallery.ts',
        'media-card': 'src/media-card.ts',
        'provider-badge': 'src/provider-badge.ts',
        'status-overview': 'src/status-overview.ts',
        'status/index': 'src/status/index.ts',
        'api/index': 'src/api/index.ts',
        classes: 'src/classes.ts',
        'locales/de': 'src/locales/de.ts',
        react: 'src/react.ts',
        // The mock backend ships for users' own tests and demos; the elements never import it.
        'mocks/index': 'mocks/index.ts',
        'mocks/node-server': 'mocks/node-server.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // The mocks' msw, @mswjs/interceptors (msw's own) and ws are their users' to install (optional peers).
      external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^msw($|\/)/, /^@mswjs\/interceptors($|\/)/, /^ws$/, /^node:/],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});

export default defineConfig(({ mode }) => (mode === 'bundle' ? bundle : library));
