// The bundle-size rows `npm run size` checks (SIZE.md explains them). A JS config, not .size-limit.json: the rows
// change esbuild's settings (modifyEsbuildConfig), which a JSON config cannot. size-limit 12 reads .size-limit.json
// first, so there must be none.

/** import() targets stay out: what a page downloads before it paints, the code loaded on first use not counted. */
const importsOnFirstUse = {
  name: 'imports-on-first-use',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

const tags = {
  'dist/asset-gallery.js': '{ AssetGallery }',
  'dist/media-card.js': '{ MediaCard }',
  'dist/provider-badge.js': '{ ProviderBadge }',
  'dist/status-overview.js': '{ StatusOverview }',
};

export default [
  {
    name: 'browse-only first download (asset-gallery.js, lit, @lit/task, zod/mini; import() chunks excluded): budget 30 kB, not met; ratchet at today\'s size',
    import: { 'dist/asset-gallery.js': '{ AssetGallery }', lit: '{ LitElement }' },
    gzip: true,
    // ESM, as a host's bundler ships it; size-limit's default (iife) would inline every import().
    modifyEsbuildConfig: (config) => ({ ...config, format: 'esm', plugins: [...(config.plugins ?? []), importsOnFirstUse] }),
    limit: '39.9 kB',
  },
  {
    name: 'everything (four elements, uploads, live, lit, @lit/task, zod/mini; all chunks, code-split): budget 40 kB, not met; ratchet at today\'s size',
    import: { ...tags, lit: '{ LitElement }' },
    gzip: true,
    // Every chunk counted, the import()ed ones too; size-limit sums the gzip size of each file esbuild writes.
    modifyEsbuildConfig: (config) => ({ ...config, format: 'esm', splitting: true }),
    limit: '51.5 kB',
  },
  {
    name: "package entry, for information (import * from 'asset-gallery-elements': the tags, status and api; lit, @lit/task, zod external)",
    import: { 'dist/index.js': '*' },
    ignore: ['lit', '@lit/task', 'zod'],
    gzip: true,
    limit: '38.2 kB',
  },
  {
    name: 'dist/bundle.js, the no-build file (everything inside, import()ed parts too, minified), as it is downloaded',
    path: 'dist/bundle.js',
    disablePlugins: ['@size-limit/esbuild'], // the file itself, not bundled again
    gzip: true,
    limit: '47.9 kB',
  },
];
