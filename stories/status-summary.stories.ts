import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { expect, waitFor, within } from 'storybook/test';
import { scenarioHandlers } from '../mocks/index.js';
import { createAssetsClient } from '../src/api/index.js';
import { countByStatus, PROVIDER_STATUSES, statusLabel } from '../src/status/index.js';

/**
 * A smoke story until the elements exist: the first page from the mock backend, counted per status with the
 * library's own client, derivation and copy. Not a component: a few lines of Lit in the story.
 */
function statusSummary(): TemplateResult {
  const summary = createAssetsClient()
    .list({ limit: 50 })
    .then(
      ({ assets }) => {
        const counts = countByStatus(assets);
        return html`<ul>
          ${PROVIDER_STATUSES.map((status) => html`<li>${counts[status]} ${statusLabel(status)}</li>`)}
        </ul>`;
      },
      (error: unknown) => html`<p role="alert" class="error">${error instanceof Error ? error.message : String(error)}</p>`,
    );
  return html`<style>
      .status-summary { font: 1rem/1.5 system-ui, sans-serif; color: #1a1a1a; }
      .status-summary .error { color: #a50e0e; }
    </style>
    <section class="status-summary" aria-labelledby="status-summary-heading">
      <h2 id="status-summary-heading">Status summary (first page)</h2>
      ${until(summary, html`<p role="status">Loading assets…</p>`)}
    </section>`;
}

const meta = {
  title: 'Smoke/Status summary',
  render: statusSummary,
  parameters: { msw: { handlers: scenarioHandlers('default') } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText(/^\d+ Provider OK$/)).toBeVisible(), { timeout: 5000 });
    for (const status of PROVIDER_STATUSES) {
      await expect(canvas.getByText(new RegExp(`^\\d+ ${statusLabel(status)}$`))).toBeVisible();
    }
    const total = canvas.getAllByRole('listitem').reduce((sum, item) => sum + Number.parseInt(item.textContent ?? '', 10), 0);
    await expect(total).toBe(50);
  },
};

export const ServerError: Story = {
  parameters: { msw: { handlers: scenarioHandlers('server-error') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent('database is locked');
    await expect(alert).toHaveTextContent('HTTP 500');
    await expect(alert).toBeVisible();
  },
};
