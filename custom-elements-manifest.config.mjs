// `npm run analyze`: custom-elements.json from the elements' JSDoc (@summary, @attr, @fires, @slot, @csspart,
// @cssprop). Storybook's docs and editors read it; `test/node/package.test.ts` checks it is complete.

/**
 * The entries register their tags with `defineElement('tag', Class)` (a guarded `customElements.define`), which
 * the analyzer does not know: record each call as the definition, and give the class its tag name.
 */
function defineElementCalls() {
  const tags = new Map(); // class name → { tag, module }
  return {
    name: 'define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag) || moduleDoc.path.startsWith('src/components/')) return;
      tags.set(element.getText(), { tag: tag.text, module: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      const classModules = new Map();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const entry = tags.get(declaration.name);
          if (declaration.kind !== 'class' || !entry) continue;
          // Defined, so a custom element, even when its superclass is our AgeElement rather than LitElement itself
          // (the analyzer only knows LitElement's direct subclasses).
          declaration.customElement = true;
          declaration.tagName = entry.tag;
          classModules.set(declaration.name, module.path);
        }
      }
      // The analyzer also reads `customElements.define(tag, element)` inside defineElement itself: not a tag.
      const ourTags = new Set([...tags.values()].map(({ tag }) => tag));
      for (const module of customElementsManifest.modules) {
        module.exports = module.exports?.filter((item) => item.kind !== 'custom-element-definition' || ourTags.has(item.name));
      }
      for (const [name, { tag, module: entryPath }] of tags) {
        const entry = customElementsManifest.modules.find((module) => module.path === entryPath);
        if (!entry || !classModules.has(name)) continue;
        entry.exports = (entry.exports ?? []).filter((item) => !(item.kind === 'custom-element-definition' && item.name === tag));
        entry.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name, module: classModules.get(name) } });
      }
    },
  };
}

/** Paths as installed: the manifest describes `dist/*.js`, the files the package ships, not `src/*.ts`. */
function shippedPaths() {
  // A superclass's module comes as `/src/…` (from its import), a declaration's as `src/…`: both are `dist/…`.
  const shipped = (path) => (typeof path === 'string' ? path.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js') : path);
  const relink = (value) => {
    if (Array.isArray(value)) return value.forEach(relink);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if ((key === 'module' || key === 'path') && typeof inner === 'string') value[key] = shipped(inner);
      else relink(inner);
    }
  };
  return { name: 'shipped-paths', packageLinkPhase: ({ customElementsManifest }) => relink(customElementsManifest.modules) };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementCalls(), shippedPaths()],
};
