import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  // The guides (MDX pages, each with its live examples in a stories file) and the elements' stories; the
  // elements' docs pages (autodocs) read custom-elements.json, see preview.ts. The sidebar order is in preview.ts.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // public/mockServiceWorker.js is served at the root, so the worker's scope "/" covers iframe.html.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook's own "Get started" checklist (sidebar widget and menu page) is about Storybook, not these elements.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  async viteFinal(config, { configType }) {
    // Pre-bundling lit/directive-helpers.js avoids "Multiple versions of Lit loaded" in dev.
    const { mergeConfig } = await import('vite');
    return mergeConfig(config, {
      optimizeDeps: { include: ['lit/directive-helpers.js', 'lit/decorators.js'] },
      // The static build (part of npm test) prints warnings and errors, not a list of its chunks.
      ...(configType === 'PRODUCTION' ? { logLevel: 'warn', build: { chunkSizeWarningLimit: 2000 } } : {}),
    });
  },
};

export default config;
