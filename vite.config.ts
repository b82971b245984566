import { defineConfig } from 'vite';

// One config for the library build and for the demo page (`npm start` serves index.html).
export default defineConfig({
  server: { port: 5173 },
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
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});
