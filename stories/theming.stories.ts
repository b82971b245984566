import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { scenarioHandlers } from '../mocks/index.js';
import '../src/asset-gallery.js';
import type { AssetGallery } from '../src/asset-gallery.js';
import '../src/provider-badge.js';
import { PROVIDER_STATUSES } from '../src/status/index.js';

// The live examples of Theming.mdx (THEMING.md is its reference); each is tested, axe included, like every story.

const meta = {
  title: 'Guides/Theming',
  parameters: { msw: { handlers: scenarioHandlers('default') } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

const timeout = { timeout: 5000 };
/** A gallery fetches: in docs mode it gets a frame of its own, where no other story resets the MSW handlers. */
const ownFrame = { docs: { story: { inline: false, iframeHeight: '460px' } } };
const galleryIn = (canvas: HTMLElement) => canvas.querySelector('asset-gallery') as AssetGallery;
const cardsIn = (canvas: HTMLElement) => [...(galleryIn(canvas).shadowRoot?.querySelectorAll('media-card') ?? [])];

/** `theme="dark"`: the dark defaults whatever the OS, for the gallery and the overview, cards and badges in it. */
export const DarkGallery: Story = {
  parameters: ownFrame,
  render: () => html`<asset-gallery theme="dark" page-size="6"></asset-gallery>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cardsIn(canvasElement)).toHaveLength(6), timeout);
    const gallery = galleryIn(canvasElement);
    await expect(getComputedStyle(gallery).getPropertyValue('--age-color-bg').trim()).toBe('#171a21');
    // The cards inside inherit the theme: nothing forwarded.
    await expect(getComputedStyle(cardsIn(canvasElement)[0] as Element).getPropertyValue('--age-color-fg').trim()).toBe('#e6e9ef');
  },
};

/** A brand colour, smaller cards and squarer corners from three tokens; a part makes "Load more" upper case. */
export const BrandedGallery: Story = {
  parameters: ownFrame,
  render: () => html`<style>
      .branded asset-gallery {
        --age-color-accent: #7a2e9c;
        --age-size-card-min-width: 12rem;
        --age-radius: 4px;
      }
      .branded asset-gallery::part(load-more) {
        text-transform: uppercase;
      }
    </style>
    <div class="branded"><asset-gallery page-size="4"></asset-gallery></div>`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cardsIn(canvasElement)).toHaveLength(4), timeout);
    const loadMoreButton = () => galleryIn(canvasElement).shadowRoot?.querySelector<HTMLElement>('[part~="load-more"]');
    await waitFor(() => expect(loadMoreButton()).toBeTruthy(), timeout);
    const loadMore = loadMoreButton() as HTMLElement;
    await expect(getComputedStyle(loadMore).textTransform).toBe('uppercase');
    await expect(getComputedStyle(loadMore).backgroundColor).toBe('rgb(122, 46, 156)');
  },
};

/** Badges restyled: square corners and other status colours from tokens, the words through `::part(label)`. */
export const RestyledBadges: Story = {
  render: () => html`<style>
      .square provider-badge {
        --age-radius-pill: 3px;
        --age-font-size-badge: 0.875rem;
        --age-status-ok-fg: #0b5d44;
        --age-status-ok-bg: #dcf5ec;
        --age-status-ok-border: #0b5d44;
      }
      .square provider-badge::part(label) {
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
    </style>
    <p class="square" style="display: flex; gap: 0.5rem; flex-wrap: wrap">
      ${PROVIDER_STATUSES.map((status) => html`<provider-badge status=${status}></provider-badge>`)}
    </p>`,
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector('provider-badge[status="ok"]') as HTMLElement;
    await waitFor(() => expect(badge.shadowRoot?.querySelector('[part~="badge"]')).toBeTruthy());
    const button = badge.shadowRoot?.querySelector('[part~="badge"]') as HTMLElement;
    const label = badge.shadowRoot?.querySelector('[part~="label"]') as HTMLElement;
    await expect(getComputedStyle(label).textTransform).toBe('uppercase');
    await expect(getComputedStyle(button).borderTopLeftRadius).toBe('3px');
    await expect(getComputedStyle(button).color).toBe('rgb(11, 93, 68)');
  },
};
