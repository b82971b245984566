import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, type queries, userEvent, waitFor, within } from 'storybook/test';
import { createMockDb } from '../mocks/index.js';
import '../src/provider-badge.js';
import type { ProviderBadge } from '../src/provider-badge.js';
import { PROVIDER_STATUSES, statusExplanation, statusLabel, type ProviderStatus } from '../src/status/index.js';

interface Args {
  status: ProviderStatus;
  reason: string | null;
  provider: string | null;
}

/** The mock library's long flag reason (it keeps one on purpose, to show how long reasons wrap). */
const LONG_REASON = createMockDb().assets.reduce((longest, asset) => ((asset.flag_reason?.length ?? 0) > longest.length ? (asset.flag_reason ?? '') : longest), '');

/** The badge inside a story and its shadow root to query (the button and the explanation live in shadow DOM). */
function badgeIn(canvasElement: HTMLElement): { badge: ProviderBadge; shadow: ReturnType<typeof within<typeof queries>> } {
  const badge = canvasElement.querySelector('provider-badge') as ProviderBadge;
  return { badge, shadow: within(badge.shadowRoot as unknown as HTMLElement) };
}

/**
 * The mouse moving over an element. A pointerenter alone does not open the explanation: the browser sends one too
 * when the page's layout moves the badge under a resting pointer, which no one asked for.
 */
async function moveOver(element: Element): Promise<void> {
  const { left, top, width, height } = element.getBoundingClientRect();
  const [x, y] = [left + width / 2, top + height / 2];
  await userEvent.pointer([
    { target: element, coords: { clientX: x - 2, clientY: y } },
    { target: element, coords: { clientX: x + 2, clientY: y } },
  ]);
}

const meta = {
  title: 'Elements/Provider badge',
  component: 'provider-badge',
  tags: ['autodocs'],
  render: (args) =>
    html`<provider-badge status=${args.status} reason=${args.reason ?? nothing} provider=${args.provider ?? nothing}></provider-badge>`,
  args: { status: 'ok', reason: null, provider: null },
  argTypes: {
    status: { control: 'select', options: [...PROVIDER_STATUSES] },
    reason: { control: 'text' },
    provider: { control: 'text' },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Each status has its words and its own icon shape; the explanation is the button's description. */
const statusStory = (status: ProviderStatus): Story => ({
  args: { status },
  play: async ({ canvasElement }) => {
    const { shadow } = badgeIn(canvasElement);
    const button = await shadow.findByRole('button', { name: statusLabel(status) });
    await expect(button).toBeVisible();
    await expect(button).toHaveAccessibleDescription(statusExplanation(status));
  },
});

export const ProviderOk: Story = statusStory('ok');
export const LocalOnly: Story = statusStory('local_only');
export const Flagged: Story = statusStory('flagged');
export const Unknown: Story = statusStory('unknown');

/** Local only, with the provider's name heading the explanation and the failure reason after it. */
export const WithProvider: Story = {
  args: { status: 'local_only', provider: 'pixverse', reason: "No available account for provider 'pixverse'" },
  play: async ({ canvasElement }) => {
    const { shadow } = badgeIn(canvasElement);
    const button = shadow.getByRole('button', { name: 'Local only' });
    await userEvent.click(button);
    const tip = await shadow.findByRole('tooltip');
    await waitFor(() => expect(tip).toBeVisible());
    await expect(tip).toHaveTextContent("Pixverse Provider upload failed; stored locally in PixSim7: No available account for provider 'pixverse'");
  },
};

/** A long flag reason wraps inside the explanation, which stays inside the viewport. */
export const FlaggedLongReason: Story = {
  args: { status: 'flagged', provider: 'pixverse', reason: LONG_REASON },
  play: async ({ canvasElement }) => {
    const { shadow } = badgeIn(canvasElement);
    await userEvent.click(shadow.getByRole('button', { name: 'Flagged' }));
    const tip = await shadow.findByRole('tooltip');
    await waitFor(() => expect(tip).toBeVisible());
    await expect(LONG_REASON.length).toBeGreaterThan(100);
    await expect(tip).toHaveTextContent(LONG_REASON);
    const box = tip.getBoundingClientRect();
    await expect(box.right).toBeLessThanOrEqual(window.innerWidth);
    await expect(box.left).toBeGreaterThanOrEqual(0);
  },
};

/** Hover (the mouse moving over it), focus or tap opens the explanation; Escape closes it and focus stays on the badge. */
export const OpenExplanation: Story = {
  args: { status: 'flagged', provider: 'pixverse', reason: 'post_delivery_moderation' },
  play: async ({ canvasElement }) => {
    const { badge, shadow } = badgeIn(canvasElement);
    const button = shadow.getByRole('button', { name: 'Flagged' });
    const tip = shadow.getByRole('tooltip', { hidden: true });
    // toHaveFocus reads document.activeElement, which is the host: ask the shadow root.
    const focused = () => badge.shadowRoot?.activeElement === button;
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await moveOver(button);
    await waitFor(() => expect(tip).toBeVisible());
    await userEvent.unhover(button);
    await waitFor(() => expect(tip).not.toBeVisible()); // after the hover grace period
    button.focus(); // keyboard focus (the shadow DOM is out of reach of userEvent.tab)
    await waitFor(() => expect(tip).toBeVisible());
    await expect(focused()).toBe(true);
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(tip).toHaveTextContent('Pixverse Flagged by the provider after upload: post_delivery_moderation');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(tip).not.toBeVisible());
    await expect(focused()).toBe(true);
    // Opened again for the reader (and for axe, which checks the open explanation too).
    await userEvent.click(button);
    await waitFor(() => expect(tip).toBeVisible());
  },
};
