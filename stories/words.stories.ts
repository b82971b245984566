import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor, within } from 'storybook/test';
import { scenarioHandlers } from '../mocks/index.js';
import '../src/asset-gallery.js';
import type { AssetGallery } from '../src/asset-gallery.js';
import '../src/provider-badge.js';
import { de } from '../src/locales/de.js';
import { registerLocale, type CopyOverrides } from '../src/status/index.js';

// German words for every element under lang="de" (they change nothing elsewhere: no other story is in German).
registerLocale('de', de);

interface Args {
  pageSize: number;
}

const meta = {
  title: 'Guides/Words and languages',
  render: (args) => html`<asset-gallery page-size=${args.pageSize}></asset-gallery>`,
  args: { pageSize: 12 },
  parameters: {
    msw: { handlers: scenarioHandlers('default') },
    // A frame per story on the docs page: each gallery fetches, and MSW serves one scenario per page.
    docs: { story: { inline: false, iframeHeight: '520px' } },
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const timeout = { timeout: 5000 };
const galleryIn = (canvas: HTMLElement) => canvas.querySelector('asset-gallery') as AssetGallery;
const cardsIn = (gallery: AssetGallery) => [...(gallery.shadowRoot?.querySelectorAll('media-card') ?? [])] as HTMLElement[];
const overviewOf = (gallery: AssetGallery) =>
  within(gallery.shadowRoot?.querySelector('status-overview')?.shadowRoot as unknown as HTMLElement);
/** The overview's words (a failed expectation on them reads better than testing-library's on a shadow root). */
const overviewText = (gallery: AssetGallery) =>
  gallery.shadowRoot?.querySelector('status-overview')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
/** The words of the badges on the gallery's cards. */
const badgeLabels = (gallery: AssetGallery) =>
  cardsIn(gallery).map((card) => card.shadowRoot?.querySelector('provider-badge')?.shadowRoot?.querySelector('[part~="label"]')?.textContent?.trim());

/**
 * `registerLocale('de', de)` once, and every element under `lang="de"` (its own, an ancestor's, or the page's)
 * speaks German: the overview, the cards, the badges, the gallery's own messages; numbers and dates follow too.
 */
export const German: Story = {
  render: (args) => html`<div lang="de">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const gallery = galleryIn(canvasElement);
    await waitFor(() => expect(cardsIn(gallery)).toHaveLength(12), timeout);
    await expect(overviewText(gallery)).toContain('Beim Anbieter');
    await expect(badgeLabels(gallery)).toContain('Beim Anbieter');
    const overview = overviewOf(gallery);
    await expect(overview.getByRole('group', { name: 'Nach Anbieterstatus filtern' })).toBeVisible();
    await expect(overview.getByRole('button', { name: 'Alle 12' })).toBeVisible();
    await expect(overview.getByRole('button', { name: /^\d+ Beim Anbieter$/ })).toBeVisible();
    await expect(overview.getByRole('button', { name: /^\d+ Nur lokal$/ })).toBeVisible();
    await expect(overview.getByText('Gezählt: 12 geladene Assets')).toBeVisible();
    const german = new Set(['Beim Anbieter', 'Nur lokal', 'Markiert', 'Unbekannt']);
    await expect(badgeLabels(gallery).every((label) => label !== undefined && german.has(label))).toBe(true);
  },
};

/**
 * `dir="rtl"` on the page or an ancestor: the gallery lays itself out right to left (the first card on the
 * right, the overview's buttons from the right), and the badges' explanations open on the correct side.
 */
export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const gallery = galleryIn(canvasElement);
    await waitFor(() => expect(cardsIn(gallery)).toHaveLength(12), timeout);
    await expect(getComputedStyle(gallery).direction).toBe('rtl');
    const [first, second] = cardsIn(gallery).map((card) => card.getBoundingClientRect());
    // The second card sits to the left of the first, on the same row.
    await expect(first && second && second.right <= first.left + 1 && Math.abs(second.top - first.top) < 1).toBe(true);
  },
};

/** The words changed for one element: a partial copy in its `copy` property. */
const KEPT_HERE: CopyOverrides = { status: { local_only: { label: 'Kept on our server' } } };

/**
 * `.copy` on one element overrides some of its words and keeps the rest; the elements inside a gallery (its
 * overview, cards and badges) take the gallery's. The badge beside it has no `copy`, and keeps "Local only".
 */
export const OwnWords: Story = {
  args: { pageSize: 24 },
  render: (args) =>
    html`<p>A badge without its own words: <provider-badge status="local_only"></provider-badge></p>
      <asset-gallery page-size=${args.pageSize} status-filter="local_only" .copy=${KEPT_HERE}></asset-gallery>`,
  play: async ({ canvasElement }) => {
    const gallery = galleryIn(canvasElement);
    await waitFor(() => expect(cardsIn(gallery).length).toBeGreaterThan(0), timeout);
    await expect(overviewText(gallery)).toContain('Kept on our server');
    await expect(new Set(badgeLabels(gallery))).toEqual(new Set(['Kept on our server']));
    const overview = overviewOf(gallery);
    await expect(overview.getByRole('button', { name: /^\d+ Kept on our server$/ })).toHaveAttribute('aria-pressed', 'true');
    const outside = within(canvasElement.querySelector('provider-badge')?.shadowRoot as unknown as HTMLElement);
    await expect(await outside.findByRole('button', { name: 'Local only' })).toBeVisible();
  },
};
