import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { createMockBackend, scenarioHandlers } from '../mocks/index.js';
import '../src/asset-gallery.js';
import type { AssetGallery } from '../src/asset-gallery.js';

/** `<asset-gallery live>`: the indicator in each of its states (the Chromium tests follow flags, arrivals and drops). */
const meta = {
  title: 'Elements/asset-gallery/Live updates',
  component: 'asset-gallery',
  render: () => html`<asset-gallery live page-size="8"></asset-gallery>`,
  parameters: { msw: { handlers: scenarioHandlers('default') }, docs: { story: { inline: false, iframeHeight: '520px' } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

const galleryIn = (canvas: HTMLElement) => canvas.querySelector('asset-gallery') as AssetGallery;
const indicatorText = (canvas: HTMLElement) => galleryIn(canvas).shadowRoot?.querySelector('[part~="live"]')?.textContent?.trim() ?? '';
const timeout = { timeout: 8000 };

/** The socket is open: a filled dot and "Live". */
export const Live: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(indicatorText(canvasElement)).toBe('Live'), timeout);
  },
};

/** Opening the socket (here the host's token never comes): a ring and "Connecting…". */
export const Connecting: Story = {
  render: () => html`<asset-gallery live page-size="8" .liveToken=${() => new Promise<string>(() => undefined)}></asset-gallery>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(galleryIn(canvasElement).shadowRoot?.querySelectorAll('media-card').length).toBeGreaterThan(0), timeout);
    await expect(indicatorText(canvasElement)).toBe('Connecting…');
  },
};

/** A server without a socket: two bars and calm words; the gallery still works as a snapshot. */
export const Paused: Story = {
  parameters: {
    msw: {
      handlers: (() => {
        const backend = createMockBackend({ socket: false });
        return [...backend.handlers, ...backend.socket.handlers];
      })(),
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(indicatorText(canvasElement)).toBe('Live updates paused'), timeout);
  },
};
