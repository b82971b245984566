import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from './msw.js';

const preview: Preview = {
  loaders: [mswLoader],
  parameters: {
    a11y: {
      // Story tests (addon-vitest) fail on any axe violation.
      test: 'error',
      // The project's budget: WCAG 2.0 A/AA, 2.1 AA and 2.2 AA.
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } },
    },
  },
};

export default preview;
