import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { until } from 'lit/directives/until.js';
import { expect, fn, type queries, userEvent, waitFor, within } from 'storybook/test';
import { scenarioHandlers } from '../mocks/index.js';
import { createAssetsClient } from '../src/api/index.js';
import '../src/status-overview.js';
import type { StatusFilterChangeDetail, StatusOverview } from '../src/status-overview.js';
import type { ProviderStatus } from '../src/status/index.js';

interface Args {
  statusFilter: ProviderStatus | null;
  countsSource: 'loaded' | 'server';
  counts: StatusOverview['counts'];
  assets: Iterable<unknown> | null;
  onStatusFilterChange: (event: CustomEvent<StatusFilterChangeDetail>) => void;
}

/** Assets as the server sends them, of each status, the status derived from their fields like the badges do. */
function sampleAssets(ok: number, localOnly: number, flagged: number, unknown: number): unknown[] {
  let id = 1000;
  const make = (count: number, fields: Record<string, unknown>) => Array.from({ length: count }, () => ({ id: id++, media_type: 'image', ...fields }));
  return [
    ...make(ok, { provider_id: 'pixverse', provider_asset_id: 'a3f0c2d4-5e6f-4a1b-9c8d-7e6f5a4b3c2d' }),
    ...make(localOnly, { provider_id: 'pixverse', provider_asset_id: 'local_9f86d081884c7d65' }),
    ...make(flagged, { provider_id: 'pixverse', provider_asset_id: '381502998712345', provider_flagged: true }),
    ...make(unknown, { provider_id: 'pixverse', provider_asset_id: '' }),
  ];
}

/** The element inside a story, and its shadow root to query (the buttons live in shadow DOM). */
function overviewIn(canvasElement: HTMLElement): { element: StatusOverview; shadow: ReturnType<typeof within<typeof queries>> } {
  const element = canvasElement.querySelector('status-overview') as StatusOverview;
  return { element, shadow: within(element.shadowRoot as unknown as HTMLElement) };
}

/** What a person sees: each button's text without the words only screen readers hear ("– Flagged"), and the caption. */
function seenText(element: StatusOverview): { buttons: string[]; caption: string } {
  const root = element.shadowRoot as ShadowRoot;
  const seen = (node: Element) => {
    const copy = node.cloneNode(true) as Element;
    for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  };
  return { buttons: [...root.querySelectorAll('button')].map(seen), caption: seen(root.querySelector('[part="caption"]') as Element) };
}

const meta = {
  title: 'Elements/Status overview',
  component: 'status-overview',
  tags: ['autodocs'],
  render: (args) =>
    html`<status-overview
      status-filter=${args.statusFilter ?? nothing}
      counts-source=${args.countsSource}
      .counts=${args.counts}
      .assets=${args.assets}
      @status-filter-change=${args.onStatusFilterChange}
    ></status-overview>`,
  args: {
    statusFilter: null,
    countsSource: 'loaded',
    counts: null,
    assets: sampleAssets(12, 3, 1, 2),
    onStatusFilterChange: fn(),
  },
  argTypes: {
    statusFilter: { control: 'select', options: [null, 'ok', 'local_only', 'flagged', 'unknown'] },
    countsSource: { control: 'inline-radio', options: ['loaded', 'server'] },
    assets: { control: false },
    onStatusFilterChange: { action: 'status-filter-change', table: { disable: true } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Counts of the assets given in `.assets`: "Counts of the 18 loaded assets". */
export const LoadedAssets: Story = {
  play: async ({ canvasElement }) => {
    const { shadow } = overviewIn(canvasElement);
    await expect(shadow.getByRole('group', { name: 'Filter by provider status' })).toBeVisible();
    await expect(shadow.getByRole('button', { name: '12 Provider OK' })).toHaveAttribute('aria-pressed', 'false');
    await expect(shadow.getByRole('button', { name: 'All 18' })).toHaveAttribute('aria-pressed', 'true');
    await expect(shadow.getByText('Counts of the 18 loaded assets')).toBeVisible();
  },
};

/** The first page of the mock backend, loaded with the library's client and counted by the element. */
export const FromMockBackend: Story = {
  // In its own frame on the docs page, where the other stories would reset the page's MSW handlers.
  parameters: { msw: { handlers: scenarioHandlers('default') }, docs: { story: { inline: false, iframeHeight: '140px' } } },
  render: (args) =>
    html`${until(
      createAssetsClient()
        .list({ limit: 50 })
        .then(({ assets }) => meta.render({ ...args, assets })),
      nothing,
    )}`,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('status-overview')).not.toBeNull(), { timeout: 5000 });
    const { shadow } = overviewIn(canvasElement);
    await waitFor(() => expect(shadow.getByRole('button', { name: 'All 50' })).toBeVisible());
    await expect(shadow.getByText('Counts of the 50 loaded assets')).toBeVisible();
  },
};

/** The server's own totals over the whole library, given as `.counts` with `counts-source="server"`. */
export const ServerTotals: Story = {
  args: { countsSource: 'server', counts: { ok: 1320, local_only: 214, flagged: 57, unknown: 9 } },
  play: async ({ canvasElement }) => {
    const { element, shadow } = overviewIn(canvasElement);
    await expect(shadow.getByRole('button', { name: 'All 1,600' })).toBeVisible();
    await expect(shadow.getByText('Totals in your library')).toBeVisible();
    await expect(seenText(element)).toEqual({
      buttons: ['All 1,600', '1,320 Provider OK', '214 Local only', '57 Flagged', '9 Unknown'],
      caption: 'Totals in your library',
    });
  },
};

/**
 * Nothing known yet (loading, or after a failure: neither `.counts` nor `.assets`): no numbers at all, a dash on
 * every button ("not counted" to screen readers), and an empty caption that keeps its line.
 */
export const Loading: Story = {
  args: { assets: null, counts: null },
  play: async ({ canvasElement }) => {
    const { element, shadow } = overviewIn(canvasElement);
    await expect(seenText(element)).toEqual({ buttons: ['All –', '– Provider OK', '– Local only', '– Flagged', '– Unknown'], caption: '' });
    await expect(shadow.getByRole('button', { name: 'All not counted' })).toHaveAttribute('aria-pressed', 'true');
    for (const label of ['Provider OK', 'Local only', 'Flagged', 'Unknown']) {
      await expect(shadow.getByRole('button', { name: `not counted ${label}` })).toBeVisible();
    }
  },
};

/**
 * A view the server filtered to one status (`provider_status=local_only`): the page holds only local-only assets,
 * so only that status is counted. The others show no number, not a 0 that would say "nothing is on the provider".
 */
export const ServerFiltered: Story = {
  args: { statusFilter: 'local_only', assets: null, counts: { ok: null, local_only: 24, flagged: null, unknown: null } },
  play: async ({ canvasElement }) => {
    const { element, shadow } = overviewIn(canvasElement);
    await expect(seenText(element)).toEqual({
      buttons: ['All –', '– Provider OK', '24 Local only', '– Flagged', '– Unknown'],
      caption: 'Counts of the 24 loaded “Local only” assets; other statuses are not counted while filtered',
    });
    await expect(shadow.getByRole('button', { name: '24 Local only' })).toHaveAttribute('aria-pressed', 'true');
    await expect(shadow.getByRole('button', { name: 'not counted Provider OK' })).toHaveAttribute('aria-pressed', 'false');
    await expect(shadow.getByRole('button', { name: 'All not counted' })).toHaveAttribute('aria-pressed', 'false');
  },
};

export const ProviderOkSelected: Story = { args: { statusFilter: 'ok' } };
export const LocalOnlySelected: Story = { args: { statusFilter: 'local_only' } };
export const FlaggedSelected: Story = { args: { statusFilter: 'flagged' } };
export const UnknownSelected: Story = { args: { statusFilter: 'unknown' } };

/** Loaded, and there are none: every count is 0 (a 0 always means none; see Loading for counts not known), and still a button. */
export const AllZero: Story = {
  args: { assets: [] },
  play: async ({ canvasElement }) => {
    const { shadow } = overviewIn(canvasElement);
    for (const name of ['All 0', '0 Provider OK', '0 Local only', '0 Flagged', '0 Unknown']) {
      await expect(shadow.getByRole('button', { name })).toBeVisible();
    }
  },
};

/** Large numbers, with the separators of the page's language (here `lang="en"`); the buttons wrap in a narrow box. */
export const LargeNumbers: Story = {
  args: { countsSource: 'server', counts: { ok: 100000, local_only: 25400, flagged: 1234567, unknown: 0 }, statusFilter: 'flagged' },
  render: (args) => html`<div lang="en" style="max-width: 28rem">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const { shadow } = overviewIn(canvasElement);
    await expect(shadow.getByRole('button', { name: '100,000 Provider OK' })).toBeVisible();
    await expect(shadow.getByRole('button', { name: 'All 1,359,967' })).toBeVisible();
  },
};

/** Click a count to filter by it, click it again for all; the host hears `status-filter-change` each time. */
export const ClickToFilter: Story = {
  play: async ({ canvasElement, args }) => {
    const { element, shadow } = overviewIn(canvasElement);
    const flagged = shadow.getByRole('button', { name: '1 Flagged' });
    const all = shadow.getByRole('button', { name: 'All 18' });
    await userEvent.click(flagged);
    await expect(flagged).toHaveAttribute('aria-pressed', 'true');
    await expect(all).toHaveAttribute('aria-pressed', 'false');
    await expect(element).toHaveAttribute('status-filter', 'flagged');
    await expect(args.onStatusFilterChange).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { status: 'flagged' } }));
    await userEvent.click(flagged);
    await expect(flagged).toHaveAttribute('aria-pressed', 'false');
    await expect(all).toHaveAttribute('aria-pressed', 'true');
    await expect(args.onStatusFilterChange).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { status: null } }));
    // And from the keyboard.
    shadow.getByRole('button', { name: '3 Local only' }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(shadow.getByRole('button', { name: '3 Local only' })).toHaveAttribute('aria-pressed', 'true');
  },
};
