// One multi-page Vite build of the four host apps. Run with the repository root's vite (8.3.8): the apps'
// own imports (lit, react, vue, msw, asset-gallery-elements) must come from examples/node_modules, which
// the `installed-packages-only` plugin checks, so the pages really run the packed tarball and one copy of lit.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { msw } from 'msw/vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const tags = new Set(['asset-gallery', 'media-card', 'provider-badge', 'status-overview']);
const checked = /^(asset-gallery-elements|lit|lit-html|lit-element|@lit\/[^/]+|react|react-dom|vue|msw)(\/|$)/;

/** Fails the build when one of the apps' packages resolves anywhere but examples/node_modules. */
function installedPackagesOnly() {
  return {
    name: 'installed-packages-only',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!checked.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved && !resolved.external && !resolved.id.startsWith(`${here}node_modules/`)) {
        this.error(`${source} (imported by ${importer}) resolved to ${resolved.id}, outside examples/node_modules`);
      }
      return resolved;
    },
  };
}

export default {
  root: here,
  base: '/',
  logLevel: 'warn',
  plugins: [
    installedPackagesOnly(),
    // The Vue app: the four tags are custom elements, not Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tags.has(tag) } } }),
    // Serves (dev) and emits (build) /mockServiceWorker.js from the installed msw; the pages start it themselves.
    msw({ mode: 'worker-only' }),
  ],
  // React's JSX: Vite 8's own Oxc transform, automatic runtime (no @vitejs/plugin-react needed to build).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: `${here}index.html`,
        'plain-html': `${here}plain-html/index.html`,
        react: `${here}react/index.html`,
        vue: `${here}vue/index.html`,
        'two-galleries': `${here}two-galleries/index.html`,
      },
    },
  },
  preview: { host: '127.0.0.1', strictPort: false },
};
