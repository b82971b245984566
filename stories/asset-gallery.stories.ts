import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http } from 'msw';
import { expect, waitFor } from 'storybook/test';
import { createMockBackend, scenarioHandlers, type ScenarioName } from '../mocks/index.js';
import '../src/asset-gallery.js';
import type { AssetGallery } from '../src/asset-gallery.js';

interface GalleryArgs {
  api: 'query' | 'search';
  pageSize: number;
  statusFilter: string;
  infiniteScroll: boolean;
  uploads: boolean;
}

const meta = {
  title: 'Elements/asset-gallery',
  component: 'asset-gallery',
  tags: ['autodocs'],
  render: (args) =>
    html`<asset-gallery
      api=${args.api}
      page-size=${args.pageSize}
      status-filter=${args.statusFilter}
      ?infinite-scroll=${args.infiniteScroll}
      ?uploads=${args.uploads}
    ></asset-gallery>`,
  args: { api: 'query', pageSize: 12, statusFilter: '', infiniteScroll: false, uploads: false },
  argTypes: {
    api: { control: 'inline-radio', options: ['query', 'search'] },
    statusFilter: { control: 'select', options: ['', 'ok', 'local_only', 'flagged', 'unknown'] },
  },
  parameters: {
    msw: { handlers: scenarioHandlers('default') },
    // One page holds every story in docs mode, and one MSW worker serves each page: a frame per story keeps
    // each on its own scenario of the mock backend (the frames load lazily, as they scroll into view).
    docs: { story: { inline: false, iframeHeight: '520px' } },
  },
} satisfies Meta<GalleryArgs>;
export default meta;
type Story = StoryObj<GalleryArgs>;

const galleryIn = (canvas: HTMLElement) => canvas.querySelector('asset-gallery') as AssetGallery;
const shadowText = (canvas: HTMLElement) => galleryIn(canvas).shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const cardStatuses = (canvas: HTMLElement) =>
  [...(galleryIn(canvas).shadowRoot?.querySelectorAll('media-card') ?? [])].map((card) => card.getAttribute('status'));
const overviewText = (canvas: HTMLElement) =>
  galleryIn(canvas).shadowRoot?.querySelector('status-overview')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const timeout = { timeout: 5000 };
/** The number a person reads on the overview's button, or null where it shows none. */
const shownCount = (canvas: HTMLElement, label: RegExp): number | null => {
  const buttons = galleryIn(canvas).shadowRoot?.querySelector('status-overview')?.shadowRoot?.querySelectorAll('button') ?? [];
  const digits = ([...buttons].find((button) => label.test(button.textContent ?? ''))?.textContent ?? '').replace(/\D/g, '');
  return digits === '' ? null : Number(digits);
};
/** No number anywhere in the overview: nothing is known yet, or the list failed. */
const expectNoCounts = async (canvas: HTMLElement) => {
  for (const label of [/All/, /Provider OK/, /Local only/, /Flagged/, /Unknown/]) await expect(shownCount(canvas, label)).toBeNull();
};

/** A story on one scenario of the mock backend. */
const onScenario = (scenario: ScenarioName, story: Story = {}): Story => ({
  ...story,
  parameters: { ...story.parameters, msw: { handlers: scenarioHandlers(scenario) } },
});

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cardStatuses(canvasElement)).toHaveLength(12), timeout);
    await expect(overviewText(canvasElement)).toMatch(/\d+ ?Provider OK/);
    await expect(overviewText(canvasElement)).toContain('Counts of the 12 loaded assets');
  },
};

/** Server-scoped counts: the library's totals on top, and the bulk re-upload saying it counts the loaded assets. */
export const SearchApiWithServerTotals: Story = {
  args: { api: 'search', uploads: true },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(overviewText(canvasElement)).toContain('Totals in your library'), timeout);
    await expect(shownCount(canvasElement, /All/)).toBeGreaterThan(12);
    // The bulk re-upload comes with the upload code, loaded on first use.
    await waitFor(() => expect(shadowText(canvasElement)).toMatch(/Re-upload the \d+ loaded local-only assets?/), timeout);
  },
};

/** Filtered by the server: only the filtered status has a number; the others were never loaded, so they have none. */
export const FilteredLocalOnly: Story = {
  args: { statusFilter: 'local_only' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cardStatuses(canvasElement).length).toBeGreaterThan(0), timeout);
    await expect(new Set(cardStatuses(canvasElement))).toEqual(new Set(['local_only']));
    await waitFor(() => expect(shownCount(canvasElement, /Local only/)).toBe(cardStatuses(canvasElement).length), timeout);
    await expect(shownCount(canvasElement, /Provider OK/)).toBeNull();
    await expect(shownCount(canvasElement, /All/)).toBeNull();
    await expect(overviewText(canvasElement)).toContain('other statuses are not counted while filtered');
  },
};

export const FilteredFlagged: Story = { args: { statusFilter: 'flagged' } };

export const Loading: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/api/v1/assets', async () => {
          await delay('infinite');
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('Loading assets…'), timeout);
    await expectNoCounts(canvasElement);
  },
};

export const Empty: Story = onScenario('empty', {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('No assets yet'), timeout);
  },
});

export const EmptyForTheFilter: Story = {
  args: { statusFilter: 'flagged' },
  parameters: { msw: { handlers: scenarioHandlers('empty') } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('No assets with the status “Flagged”'), timeout);
    await expect(shadowText(canvasElement)).toContain('Show all assets');
  },
};

export const ServerError: Story = onScenario('server-error', {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('Failed to list assets: database is locked'), timeout);
    await expect(shadowText(canvasElement)).toContain('Retry');
    await expectNoCounts(canvasElement);
  },
});

export const NetworkError: Story = onScenario('network-error', {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('Could not reach the server'), timeout);
  },
});

export const MalformedJson: Story = onScenario('malformed-json', {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('not JSON'), timeout);
  },
});

export const WrongShape: Story = onScenario('wrong-shape', {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('not a list of assets'), timeout);
  },
});

export const Latency: Story = onScenario('latency');
export const ProviderDown: Story = onScenario('provider-down');
export const Moderation: Story = onScenario('moderation');

export const OldServer: Story = onScenario('old-server', {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cardStatuses(canvasElement)).toHaveLength(12), timeout);
    await expect(new Set(cardStatuses(canvasElement)).size).toBeGreaterThan(1);
  },
});

export const ServerIgnoresFilter: Story = onScenario('ignores-filter', {
  // The first 12 assets of this library hold no flagged one: a larger page gives the client some to filter.
  args: { statusFilter: 'flagged', pageSize: 50 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(cardStatuses(canvasElement).length).toBeGreaterThan(0), timeout);
    await expect(new Set(cardStatuses(canvasElement))).toEqual(new Set(['flagged']));
  },
});

export const InvalidItems: Story = onScenario('invalid-items', {
  args: { pageSize: 21 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(shadowText(canvasElement)).toContain('3 items from the server could not be shown'), timeout);
  },
});

export const ThousandAssets: Story = {
  args: { pageSize: 100, infiniteScroll: true },
  parameters: { msw: { handlers: createMockBackend({ count: 1000 }).handlers } },
};

export const HundredThousandAssets: Story = onScenario('huge-library', { args: { api: 'search', pageSize: 50 } });

/** Clicks the upload button of the first local-only card and waits for the words of the outcome. */
async function uploadFirstLocalOnly(canvas: HTMLElement, outcome: RegExp): Promise<void> {
  const gallery = galleryIn(canvas);
  await waitFor(() => expect(cardStatuses(canvas)).toContain('local_only'), timeout);
  const card = [...(gallery.shadowRoot?.querySelectorAll('media-card') ?? [])].find((c) => c.getAttribute('status') === 'local_only');
  (card?.shadowRoot?.querySelector('[part~="upload-button"]') as HTMLButtonElement).click();
  await waitFor(() => expect(gallery.shadowRoot?.querySelector('[part="upload-status"]')?.textContent ?? '').toMatch(outcome), { timeout: 8000 });
}

const withUploads = (scenario: ScenarioName, outcome: RegExp): Story =>
  onScenario(scenario, { args: { uploads: true }, play: ({ canvasElement }) => uploadFirstLocalOnly(canvasElement, outcome) });

export const UploadAccepted: Story = withUploads('upload-accepted', /^Uploaded to Pixverse$/);
export const UploadProviderDown: Story = withUploads('provider-down', /Failed to upload asset to provider: No available account/);
export const UploadBadGateway: Story = withUploads('upload-bad-gateway', /HTTP 502\): Provider upload failed: Pixverse upload failed: upstream timeout/);
export const UploadTooLarge: Story = withUploads('upload-too-large', /The file is too large for the server \(HTTP 413\)\./);
export const UploadNetworkDrop: Story = withUploads('upload-network-drop', /Could not reach the server/);
export const UploadSlow: Story = withUploads('upload-slow', /^Uploaded to Pixverse$/);
export const UploadWithoutReuploadRoute: Story = withUploads('no-reupload-route', /^Uploaded to Pixverse, as a new asset \(#\d+\)$/);

/** The whole upload toolbar, idle: for looking at, and for axe. */
export const UploadControls: Story = { args: { uploads: true, pageSize: 24 } };
