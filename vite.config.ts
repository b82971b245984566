import { defineConfig } from 'vite';

// One config for the library build and for the demo page (`npm start` serves index.html).
export default defineConfig({
  server: { port: 5173 },
  build: {
    target: 'es2022',
    sourcemap: true,
    copyPublicDir: false, // public/ holds the MSW worker: never ship it
    lib: {
      entry: { index: 'src/index.ts', 'status/index': 'src/status/index.ts', 'api/index': 'src/api/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/],
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});
