import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { createMockBackend } from '../mocks/index.js';
import '../src/asset-gallery.js';
import type { AssetGallery } from '../src/asset-gallery.js';

// The live examples of GettingStarted.mdx: the snippets of the guide, run on the mock backend, and tested.

interface Args {
  endpoint: string;
  api: 'query' | 'search';
}

/** A mock backend that, like the real one, answers only requests with this token. */
const TOKEN = 'Bearer demo-token';
const withToken = createMockBackend({ authorization: TOKEN, count: 30 });

const meta = {
  title: 'Guides/Getting started',
  render: (args) => html`<asset-gallery endpoint=${args.endpoint} api=${args.api} page-size="12"></asset-gallery>`,
  args: { endpoint: '/api/v1/assets', api: 'query' },
  argTypes: { api: { control: 'inline-radio', options: ['query', 'search'] } },
  parameters: {
    msw: { handlers: createMockBackend().handlers },
    // A frame per story on the docs page: each gallery fetches, and MSW serves one backend per page.
    docs: { story: { inline: false, iframeHeight: '480px' } },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const timeout = { timeout: 5000 };
const galleryIn = (canvas: HTMLElement) => canvas.querySelector('asset-gallery') as AssetGallery;
const cardCount = (canvas: HTMLElement) => galleryIn(canvas).shadowRoot?.querySelectorAll('media-card').length ?? 0;
const shadowText = (canvas: HTMLElement) => galleryIn(canvas).shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const overviewText = (canvas: HTMLElement) =>
  galleryIn(canvas).shadowRoot?.querySelector('status-overview')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

/** `<asset-gallery endpoint="/api/v1/assets">`: the first page, counts per status, a card and a badge per asset. */
export const OneTag: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cardCount(canvasElement)).toBe(12), timeout);
  },
};

/** `api="search"`: `POST {endpoint}/search`, and the overview shows the server's totals per status. */
export const SearchApi: Story = {
  args: { api: 'search' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cardCount(canvasElement)).toBe(12), timeout);
    await waitFor(() => expect(overviewText(canvasElement)).toContain('Totals in your library'), timeout);
  },
};

/** `.headers` as a function, asked before every request: the backend here answers only with the right token. */
export const WithToken: Story = {
  parameters: { msw: { handlers: withToken.handlers } },
  render: (args) =>
    html`<asset-gallery
      endpoint=${args.endpoint}
      api=${args.api}
      page-size="12"
      .headers=${() => Promise.resolve({ Authorization: TOKEN })}
    ></asset-gallery>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cardCount(canvasElement)).toBe(12), timeout);
  },
};

/** The same backend with no token (or an expired one): a 401, in plain words, and Retry. */
export const WithoutToken: Story = {
  parameters: { msw: { handlers: withToken.handlers } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('You are not signed in to the server'), timeout);
    await expect(shadowText(canvasElement)).toContain('Retry');
  },
};
