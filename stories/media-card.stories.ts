import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { mockFetch, scenarioHandlers } from '../mocks/index.js';
import { createAssetsClient, parseAsset, type Asset, type ListParams } from '../src/api/index.js';
import '../src/media-card.js';
import type { AssetOpenDetail, MediaCard } from '../src/media-card.js';
import { statusLabel, type ProviderStatus } from '../src/status/index.js';

interface Args {
  asset: Asset | null;
  loading: 'lazy' | 'eager';
  onAssetOpen: (event: CustomEvent<AssetOpenDetail>) => void;
}

type Loaded = { asset?: Asset };

/**
 * Assets straight from the mock backend, through the library's own client and parser. The data comes through
 * `mockFetch` (in the page); the thumbnails through the MSW service worker (`parameters.msw.handlers`).
 */
const mock = createAssetsClient({ fetch: mockFetch(scenarioHandlers('default')) });

async function firstAsset(params: ListParams, where: (asset: Asset) => boolean = () => true): Promise<Asset> {
  const { assets } = await mock.list({ limit: 100, ...params });
  const found = assets.find(where);
  if (!found) throw new Error(`the mock has no asset for ${JSON.stringify(params)}`);
  return found;
}

/** An asset as the server sends it (Era A shape), parsed like the client parses it. */
function wireAsset(fields: Record<string, unknown>): Asset {
  const asset = parseAsset({
    id: 1042,
    user_id: 1,
    media_type: 'image',
    provider_id: 'pixverse',
    provider_asset_id: '5d1f0c7e-3a2b-4f9d-8e6c-1b7a9d2e4f60',
    remote_url: null,
    thumbnail_url: null,
    local_path: null,
    file_url: null,
    sync_status: 'remote',
    duration_sec: null,
    mime_type: 'image/png',
    description: 'Watercolor fox portrait',
    tags: [],
    created_at: '2025-11-21T18:02:11.482913',
    ...fields,
  });
  if (!asset) throw new Error('the story asset did not parse');
  return asset;
}

/** The real 2-second webm of mocks/media (Vite serves it, and emits it in a static build). */
const SAMPLE_VIDEO = new URL('../mocks/media/sample.webm', import.meta.url).href;

/** The card inside a story and its shadow root to query. */
function cardIn(canvasElement: HTMLElement): { card: MediaCard; shadow: ReturnType<typeof within> } {
  const card = canvasElement.querySelector('media-card') as MediaCard;
  return { card, shadow: within(card.shadowRoot as unknown as HTMLElement) };
}

/** Waits until the thumbnail box shows a loaded picture, a first frame, or the placeholder. */
async function settled(card: MediaCard): Promise<'image' | 'video' | 'placeholder'> {
  let shown: 'image' | 'video' | 'placeholder' | undefined;
  await waitFor(
    () => {
      const root = card.shadowRoot as ShadowRoot;
      const img = root.querySelector('img');
      const video = root.querySelector('video');
      shown =
        img?.complete && img.naturalWidth > 0
          ? 'image'
          : video && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA
            ? 'video'
            : root.querySelector('[part="placeholder"]')
              ? 'placeholder'
              : undefined;
      expect(shown).toBeDefined();
    },
    { timeout: 5000 },
  );
  return shown as 'image' | 'video' | 'placeholder';
}

const meta = {
  title: 'Elements/Media card',
  component: 'media-card',
  parameters: { msw: { handlers: scenarioHandlers('default') } },
  render: (args, { loaded }) =>
    html`<div style="width: 20rem">
      <media-card .asset=${(loaded as Loaded).asset ?? args.asset} loading=${args.loading} @asset-open=${args.onAssetOpen}></media-card>
    </div>`,
  args: { asset: null, loading: 'lazy', onAssetOpen: fn() },
  argTypes: {
    asset: { control: 'object' },
    loading: { control: 'inline-radio', options: ['lazy', 'eager'] },
    onAssetOpen: { action: 'asset-open', table: { disable: true } },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The card of the mock's first asset of a status; its name is its title and its status. */
const statusStory = (status: ProviderStatus, mediaType = 'image'): Story => ({
  loaders: [async () => ({ asset: await firstAsset({ provider_status: status, media_type: mediaType }) })],
  play: async ({ canvasElement, loaded }) => {
    const asset = (loaded as Loaded).asset as Asset;
    const { card, shadow } = cardIn(canvasElement);
    const title = asset.description ?? `Image #${asset.id}`;
    await expect(shadow.getByRole('article')).toHaveAccessibleName(`${title} ${statusLabel(status)}`);
    await expect(card).toHaveAttribute('status', status);
    await expect(card).toHaveAttribute('asset-id', String(asset.id));
    await expect(await settled(card)).toBe(asset.thumbnail_url ? 'image' : 'placeholder');
  },
});

export const ProviderOk: Story = statusStory('ok');
export const LocalOnly: Story = statusStory('local_only');
export const Flagged: Story = statusStory('flagged');
/** The mock's unknown assets have no file and no thumbnail: the placeholder. */
export const Unknown: Story = statusStory('unknown');

/** A flagged video whose flag reason is long: the badge's explanation wraps it. */
export const FlaggedLongReason: Story = {
  loaders: [async () => ({ asset: await firstAsset({ provider_status: 'flagged' }, (asset) => (asset.provider_status_reason?.length ?? 0) > 100) })],
  play: async ({ canvasElement, loaded }) => {
    const asset = (loaded as Loaded).asset as Asset;
    const { card } = cardIn(canvasElement);
    const badge = card.shadowRoot?.querySelector('provider-badge') as HTMLElement;
    const button = within(badge.shadowRoot as unknown as HTMLElement).getByRole('button', { name: 'Flagged' });
    await userEvent.click(button);
    const tip = await within(badge.shadowRoot as unknown as HTMLElement).findByRole('tooltip');
    await waitFor(() => expect(tip).toBeVisible());
    await expect(tip).toHaveTextContent(asset.provider_status_reason as string);
  },
};

/** No thumbnail at all: the media type's glyph and "No preview", in a box of the same size. */
export const NoThumbnail: Story = {
  args: { asset: wireAsset({ id: 1040, provider_asset_id: 'local_9c1e4b7a2d3f6e08', description: null, provider_status: 'local_only' }) },
  play: async ({ canvasElement }) => {
    const { card, shadow } = cardIn(canvasElement);
    await expect(shadow.getByText('No preview')).toBeVisible();
    await expect(shadow.getByRole('article')).toHaveAccessibleName('Image #1040 Local only');
    await expect(await settled(card)).toBe('placeholder');
  },
};

/** A thumbnail URL that 404s on the mock: the picture's error event shows the placeholder. */
export const BrokenThumbnail: Story = {
  args: { asset: wireAsset({ id: 1041, thumbnail_url: '/api/v1/assets/999999/file', provider_status: 'ok' }) },
  play: async ({ canvasElement }) => {
    const { card, shadow } = cardIn(canvasElement);
    await expect(await settled(card)).toBe('placeholder');
    await expect(shadow.getByText('No preview')).toBeVisible();
  },
};

/** A video without a thumbnail image: its first frame, drawn by `<video preload="metadata">`, never played. */
export const Video: Story = {
  args: {
    asset: wireAsset({
      id: 1038,
      media_type: 'video',
      mime_type: 'video/webm',
      file_url: SAMPLE_VIDEO,
      duration_sec: 2,
      description: 'Test pattern, two seconds',
      provider_asset_id: '381902718842112',
      provider_status: 'ok',
    }),
  },
  play: async ({ canvasElement }) => {
    const { card, shadow } = cardIn(canvasElement);
    await expect(await settled(card)).toBe('video');
    const video = card.shadowRoot?.querySelector('video') as HTMLVideoElement;
    await expect(video.paused).toBe(true);
    await expect(video.videoWidth).toBe(320);
    await expect(shadow.getByText('2 s')).toBeVisible();
  },
};

/** A video with an image thumbnail (the mock's videos): the thumbnail, not the file. */
export const VideoWithThumbnail: Story = {
  loaders: [async () => ({ asset: await firstAsset({ provider_status: 'ok', media_type: 'video' }) })],
  play: async ({ canvasElement }) => {
    const { card } = cardIn(canvasElement);
    await expect(await settled(card)).toBe('image');
  },
};

/** Markup in the description, provider and reason is shown as text; nothing runs. */
export const HostileDescription: Story = {
  args: {
    asset: wireAsset({
      description: '<img src=x onerror="alert(1)"> <script>alert(2)</script>',
      provider_id: '<b onmouseover=alert(3)>pixverse</b>',
      provider_status: 'flagged',
      provider_flagged: true,
      provider_flag_reason: '<img src=x onerror="alert(4)">',
      thumbnail_url: 'javascript:alert(5)',
    }),
  },
  play: async ({ canvasElement }) => {
    const { card, shadow } = cardIn(canvasElement);
    await expect(shadow.getByText('<img src=x onerror="alert(1)"> <script>alert(2)</script>')).toBeVisible();
    await expect(shadow.getByText('<b onmouseover=alert(3)>pixverse</b>')).toBeVisible();
    await expect(card.shadowRoot?.querySelectorAll('img, script, b').length).toBe(0);
    await expect(await settled(card)).toBe('placeholder');
  },
};

/** Clicking the thumbnail (or Enter/Space on it) fires `asset-open` with the asset. */
export const Open: Story = {
  loaders: [async () => ({ asset: await firstAsset({ provider_status: 'ok', media_type: 'image' }) })],
  play: async ({ canvasElement, args, loaded }) => {
    const asset = (loaded as Loaded).asset as Asset;
    const { shadow } = cardIn(canvasElement);
    const open = shadow.getByRole('button', { name: `Open ${asset.description ?? `Image #${asset.id}`}` });
    await userEvent.click(open);
    await expect(args.onAssetOpen).toHaveBeenCalledTimes(1);
    await expect(args.onAssetOpen).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { asset } }));
    open.focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onAssetOpen).toHaveBeenCalledTimes(2);
  },
};

/** No asset (yet): an empty card of the same size, for skeletons. */
export const Empty: Story = {
  args: { asset: null },
  play: async ({ canvasElement }) => {
    const { card } = cardIn(canvasElement);
    await expect(card).not.toHaveAttribute('asset-id');
    await expect(card.shadowRoot?.querySelector('article')?.textContent?.trim()).toBe('');
  },
};

/** The first twelve assets of the mock, in a grid: every card the same size, whatever its picture. */
export const Grid: Story = {
  loaders: [async () => ({ assets: (await mock.list({ limit: 12 })).assets })],
  render: (args, { loaded }) =>
    html`<div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem">
      ${((loaded as { assets?: Asset[] }).assets ?? []).map(
        (asset, index) =>
          html`<media-card .asset=${asset} loading=${index < 4 ? 'eager' : 'lazy'} @asset-open=${args.onAssetOpen}></media-card>`,
      )}
    </div>`,
  play: async ({ canvasElement }) => {
    const cards = [...canvasElement.querySelectorAll('media-card')];
    await expect(cards).toHaveLength(12);
    const heights = new Set(cards.map((card) => Math.round((card.shadowRoot?.querySelector('[part="media"]') as HTMLElement).getBoundingClientRect().height)));
    await expect(heights.size).toBe(1);
  },
};
