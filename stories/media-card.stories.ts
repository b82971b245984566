import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, render } from 'lit';
import { expect, fn, type queries, userEvent, waitFor, within } from 'storybook/test';
import { mockFetch, scenarioHandlers } from '../mocks/index.js';
import { createAssetsClient, parseAsset, type Asset, type ListParams } from '../src/api/index.js';
import { statusIcon } from '../src/components/shared/status-icons.js';
import '../src/media-card.js';
import type { AssetOpenDetail, MediaCard, UploadRequestDetail, UploadState } from '../src/media-card.js';
import { formatCopy, getCopy, interpretUploadResponse, providerName, statusLabel, type ProviderStatus } from '../src/status/index.js';

interface Args {
  asset: Asset | null;
  loading: 'lazy' | 'eager';
  uploads: boolean;
  uploadProvider: string | null;
  upload: UploadState | null;
  onAssetOpen: (event: CustomEvent<AssetOpenDetail>) => void;
  onUploadRequest: (event: CustomEvent<UploadRequestDetail>) => void;
}

type Loaded = { asset?: Asset; upload?: UploadState };

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
function cardIn(canvasElement: HTMLElement): { card: MediaCard; shadow: ReturnType<typeof within<typeof queries>> } {
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
      return expect(shown).toBeDefined();
    },
    { timeout: 5000 },
  );
  return shown as 'image' | 'video' | 'placeholder';
}

const meta = {
  title: 'Elements/Media card',
  component: 'media-card',
  tags: ['autodocs'],
  parameters: { msw: { handlers: scenarioHandlers('default') } },
  render: (args, { loaded }) =>
    html`<div style="width: 20rem">
      <media-card
        .asset=${(loaded as Loaded).asset ?? args.asset}
        loading=${args.loading}
        ?uploads=${args.uploads}
        upload-provider=${args.uploadProvider ?? nothing}
        .upload=${(loaded as Loaded).upload ?? args.upload}
        @asset-open=${args.onAssetOpen}
        @upload-request=${args.onUploadRequest}
      ></media-card>
    </div>`,
  args: { asset: null, loading: 'lazy', uploads: false, uploadProvider: null, upload: null, onAssetOpen: fn(), onUploadRequest: fn() },
  argTypes: {
    asset: { control: 'object' },
    loading: { control: 'inline-radio', options: ['lazy', 'eager'] },
    uploads: { control: 'boolean' },
    uploadProvider: { control: 'text' },
    upload: { control: 'object' },
    onAssetOpen: { action: 'asset-open', table: { disable: true } },
    onUploadRequest: { action: 'upload-request', table: { disable: true } },
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

const VIDEO_FIELDS = {
  id: 1038,
  media_type: 'video',
  mime_type: 'video/webm',
  duration_sec: 2,
  description: 'Test pattern, two seconds',
  provider_asset_id: '381902718842112',
  provider_status: 'ok',
};

/**
 * A video without a thumbnail image: its first frame, drawn by `<video preload="metadata">`, never played.
 * The file is played from a `blob:` URL: WebKit's media loader, going through the MSW service worker's
 * passthrough, sometimes never got its first frame.
 */
export const Video: Story = {
  args: { asset: wireAsset({ ...VIDEO_FIELDS, file_url: SAMPLE_VIDEO }) },
  loaders: [
    async () => {
      const blob = await (await fetch(SAMPLE_VIDEO)).blob();
      return { asset: wireAsset({ ...VIDEO_FIELDS, file_url: URL.createObjectURL(blob) }) };
    },
  ],
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

/* Upload controls (`uploads`): one story per state. The outcomes come from the mock backend, read by
   `interpretUploadResponse` as the gallery reads them. */

/** A client on a scenario of the mock backend. */
const mockOn = (scenario: Parameters<typeof scenarioHandlers>[0]) => createAssetsClient({ fetch: mockFetch(scenarioHandlers(scenario)) });

/** The upload controls' nodes in a story's card. */
function uploadIn(canvasElement: HTMLElement) {
  const { card, shadow } = cardIn(canvasElement);
  const root = card.shadowRoot as ShadowRoot;
  return {
    card,
    shadow,
    message: () => root.querySelector('[part~="upload-message"]')?.textContent?.trim() ?? '',
    icon: () => root.querySelector('[part="upload"] svg')?.innerHTML.replace(/<!--[^]*?-->/g, '') ?? '',
  };
}

/** The shape of a status's icon, as the badges draw it. */
function iconOf(status: ProviderStatus): string {
  const holder = document.createElement('div');
  render(statusIcon(status), holder);
  return holder.querySelector('svg')?.innerHTML.replace(/<!--[^]*?-->/g, '') ?? '';
}

/** Not on the provider yet: "Upload to provider". A burst of clicks sends one `upload-request`. */
export const UploadIdle: Story = {
  args: {
    uploads: true,
    asset: wireAsset({ id: 1040, provider_id: null, provider_asset_id: null, sync_status: 'downloaded', description: 'Sketch of a lighthouse', provider_status: 'unknown' }),
  },
  play: async ({ canvasElement, args }) => {
    const { shadow } = uploadIn(canvasElement);
    // The upload controls' code loads on first use: wait for the button.
    const button = await shadow.findByRole('button', { name: 'Upload to provider' }, { timeout: 5000 });
    await userEvent.tripleClick(button);
    await userEvent.click(button);
    await expect(args.onUploadRequest).toHaveBeenCalledTimes(1);
    await expect(args.onUploadRequest).toHaveBeenLastCalledWith(
      expect.objectContaining({ detail: { kind: 'reupload', assetId: 1040, providerId: 'pixverse' } }),
    );
    // No handler set `.upload`: the card stays pending, its button aria-disabled.
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
  },
};

/** A local-only asset of the mock: "Retry upload". */
export const UploadRetryLocalOnly: Story = {
  args: { uploads: true },
  loaders: [async () => ({ asset: await firstAsset({ provider_status: 'local_only', media_type: 'image' }) })],
  play: async ({ canvasElement, args, loaded }) => {
    const asset = (loaded as Loaded).asset as Asset;
    const { shadow } = uploadIn(canvasElement);
    const button = await shadow.findByRole('button', { name: 'Retry upload' }, { timeout: 5000 });
    await expect(button).not.toHaveAttribute('aria-disabled');
    button.focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onUploadRequest).toHaveBeenCalledTimes(1);
    await expect(args.onUploadRequest).toHaveBeenLastCalledWith(
      expect.objectContaining({ detail: { kind: 'reupload', assetId: asset.id, providerId: asset.provider_id ?? 'pixverse' } }),
    );
  },
};

/** Running: an indeterminate progress bar named "Uploading to Pixverse…"; the button stays, aria-disabled. */
export const UploadRunning: Story = {
  args: { uploads: true, upload: { phase: 'running', providerId: 'pixverse' } },
  loaders: [async () => ({ asset: await firstAsset({ provider_status: 'local_only', media_type: 'image' }) })],
  play: async ({ canvasElement, args }) => {
    const { shadow, message } = uploadIn(canvasElement);
    const label = formatCopy(getCopy().upload.uploading, { provider: providerName('pixverse') });
    const progress = shadow.getByRole('progressbar', { name: label });
    await expect(progress).toBeVisible();
    await expect(progress).not.toHaveAttribute('value');
    await expect(message()).toBe(label);
    const button = shadow.getByRole('button', { name: 'Retry upload' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).not.toBeDisabled();
    await userEvent.click(button);
    button.focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onUploadRequest).not.toHaveBeenCalled();
  },
};

/** The provider accepted a re-upload (the mock's `upload-accepted`): the check and "Uploaded to Pixverse". */
export const UploadAccepted: Story = {
  args: { uploads: true },
  loaders: [
    async () => {
      const client = mockOn('upload-accepted');
      const { assets } = await client.list({ provider_status: 'local_only', media_type: 'image', limit: 1 });
      const before = assets[0] as Asset;
      const reply = await client.reupload(before.id, { provider_id: 'pixverse' });
      return { asset: await client.get(before.id), upload: { phase: 'done', ...interpretUploadResponse(reply) } satisfies UploadState };
    },
  ],
  play: async ({ canvasElement }) => {
    const { card, shadow, message, icon } = uploadIn(canvasElement);
    await expect(message()).toBe('Uploaded to Pixverse');
    await expect(card).toHaveAttribute('status', 'ok');
    await expect(icon()).toBe(iconOf('ok'));
    await expect(shadow.queryByRole('button', { name: /upload/i })).toBeNull();
  },
};

/** The provider refused again (the mock's `provider-down`): saved locally, the reason, and Retry; never "Uploaded". */
export const UploadLocalOnlyWithReason: Story = {
  args: { uploads: true },
  loaders: [
    async () => {
      const asset = await firstAsset({ provider_status: 'local_only', media_type: 'image' });
      const url = new URL(`/api/v1/assets/${asset.id}/file`, globalThis.location.href).href;
      const reply = await mockOn('provider-down').uploadFromUrl({ url, provider_id: 'pixverse' });
      return { asset, upload: { phase: 'done', ...interpretUploadResponse(reply) } satisfies UploadState };
    },
  ],
  play: async ({ canvasElement, args }) => {
    const { shadow, message, icon } = uploadIn(canvasElement);
    await expect(message()).toBe("Saved locally; provider upload failed: No available account for provider 'pixverse'");
    await expect(message()).not.toMatch(/uploaded|accepted/i);
    await expect(icon()).toBe(iconOf('local_only'));
    await userEvent.click(shadow.getByRole('button', { name: 'Retry upload' }));
    await expect(args.onUploadRequest).toHaveBeenCalledTimes(1);
  },
};

/** The request failed (the mock's 502 `upload-bad-gateway`): the error, the server's detail, and Retry. */
export const UploadFailed: Story = {
  args: { uploads: true },
  loaders: [
    async () => {
      const asset = await firstAsset({ provider_status: 'local_only', media_type: 'image' });
      const message = await mockOn('upload-bad-gateway')
        .reupload(asset.id, { provider_id: 'pixverse' })
        .then(
          () => 'the mock did not fail',
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
      return { asset, upload: { phase: 'failed', message } satisfies UploadState };
    },
  ],
  play: async ({ canvasElement, args }) => {
    const { shadow, message, icon } = uploadIn(canvasElement);
    await expect(message()).toBe('The server could not complete the request (HTTP 502): Provider upload failed: Pixverse upload failed: upstream timeout');
    // An error, not a moderation flag: an icon of its own, not the flag (nor any status's).
    await expect(icon()).not.toBe('');
    for (const status of ['ok', 'local_only', 'flagged', 'unknown'] as const) await expect(icon()).not.toBe(iconOf(status));
    await userEvent.click(shadow.getByRole('button', { name: 'Retry upload' }));
    await expect(args.onUploadRequest).toHaveBeenCalledTimes(1);
  },
};

/**
 * The badge's explanation keeps the card's own controls in sight: it opens above the badge, over the title and
 * thumbnail, never over Retry or the error text under the badge (nor over the badge, which keeps its focus).
 */
export const UploadFailedExplanation: Story = {
  ...UploadFailed,
  play: async ({ canvasElement }) => {
    const { card, shadow } = uploadIn(canvasElement);
    const badge = card.shadowRoot?.querySelector('provider-badge') as HTMLElement;
    const inBadge = within(badge.shadowRoot as unknown as HTMLElement);
    const button = inBadge.getByRole('button', { name: statusLabel('local_only') });
    await userEvent.click(button);
    const tip = await inBadge.findByRole('tooltip');
    await waitFor(() => expect(tip).toBeVisible());
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const box = tip.getBoundingClientRect();
    await expect(overlap(box, shadow.getByRole('button', { name: 'Retry upload' }).getBoundingClientRect())).toBe(false);
    await expect(overlap(box, (card.shadowRoot?.querySelector('[part~="upload-outcome"]') as HTMLElement).getBoundingClientRect())).toBe(false);
    await expect(overlap(box, button.getBoundingClientRect())).toBe(false);
  },
};
