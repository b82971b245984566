import { expect, fixture, html } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import type { Asset } from '../../src/api/index.js';
import { readLiveEvent } from '../../src/components/asset-gallery/live/live-connection.js';
import { eventsUrl } from '../../src/components/asset-gallery/live/live-updates.js';
import { waitUntil } from '../helpers.js';

/** Issue 14, the host's side: a gallery fed through `.assets` is kept current with `updateAsset` and `removeAsset`. */

const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')];
const idsShown = (gallery: AssetGallery) => cards(gallery).map((card) => (card as unknown as { asset: Asset }).asset.id);
const text = (element: Element | ShadowRoot | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const count = (gallery: AssetGallery, label: RegExp): number | null => {
  const button = [...(root(gallery).querySelector('status-overview')?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => label.test(b.textContent ?? ''));
  const digits = text(button).replace(/[^\d]/g, '');
  return digits === '' ? null : Number(digits);
};

/** Raw server items, as a host's own store holds them (Era A shape). */
function item(id: number, status: 'ok' | 'local_only' | 'flagged', createdAt: string, description = `Asset ${id}`) {
  return {
    id,
    user_id: 1,
    media_type: 'image',
    provider_id: 'pixverse',
    provider_asset_id: status === 'local_only' ? 'local_0123456789abcdef' : `p-${id}`,
    remote_url: status === 'local_only' ? null : `https://cdn.example/${id}.jpg`,
    sync_status: 'downloaded',
    description,
    tags: [],
    created_at: createdAt,
    provider_status: status,
    provider_flagged: status === 'flagged',
    provider_flag_reason: status === 'flagged' ? 'post_delivery_moderation' : null,
  };
}

async function mountHostData() {
  const assets = [item(3, 'ok', '2026-12-01T10:00:00'), item(2, 'local_only', '2026-12-01T09:00:00'), item(1, 'ok', '2026-12-01T08:00:00')];
  const gallery = await fixture<AssetGallery>(html`<asset-gallery .assets=${assets}></asset-gallery>`);
  await waitUntil(() => cards(gallery).length === 3, 'the host assets are shown');
  return gallery;
}

describe('<asset-gallery> host data kept current', () => {
  it('updateAsset() changes the card, its badge and the counts at once', async () => {
    const gallery = await mountHostData();
    expect(count(gallery, /Provider OK/)).to.equal(2);
    expect(gallery.updateAsset(item(3, 'flagged', '2026-12-01T10:00:00'))).to.equal(true);
    await gallery.updateComplete;
    expect(count(gallery, /Provider OK/)).to.equal(1);
    expect(count(gallery, /Flagged/)).to.equal(1);
    expect(idsShown(gallery)).to.deep.equal([3, 2, 1]);
    const badge = cards(gallery)[0]?.shadowRoot?.querySelector('provider-badge');
    expect(badge?.getAttribute('status')).to.equal('flagged');
  });

  it('updateAsset() of a new asset puts it in created order, and the filter applies to it', async () => {
    const gallery = await mountHostData();
    gallery.statusFilter = 'ok';
    await gallery.updateComplete;
    gallery.updateAsset(item(4, 'local_only', '2026-12-01T11:00:00'));
    gallery.updateAsset(item(5, 'ok', '2026-12-01T08:30:00'));
    await gallery.updateComplete;
    expect(idsShown(gallery)).to.deep.equal([3, 5, 1]);
    expect(count(gallery, /Local only/)).to.equal(2); // counted, not shown
  });

  it('removeAsset() takes the card and its count away; a bad item is refused and changes nothing', async () => {
    const gallery = await mountHostData();
    gallery.removeAsset(2);
    expect(gallery.updateAsset({ id: 'not a number' })).to.equal(false);
    expect(gallery.updateAsset(null)).to.equal(false);
    await gallery.updateComplete;
    expect(idsShown(gallery)).to.deep.equal([3, 1]);
    expect(count(gallery, /Local only/)).to.equal(0);
  });

  it('a new .assets from the host replaces what the methods changed', async () => {
    const gallery = await mountHostData();
    gallery.updateAsset(item(3, 'flagged', '2026-12-01T10:00:00'));
    gallery.assets = [item(3, 'ok', '2026-12-01T10:00:00'), item(1, 'ok', '2026-12-01T08:00:00')];
    await gallery.updateComplete;
    expect(idsShown(gallery)).to.deep.equal([3, 1]);
    expect(count(gallery, /Flagged/)).to.equal(0);
  });

  it('opens no socket for host data, even with live', async () => {
    const opened: string[] = [];
    const Real = window.WebSocket;
    window.WebSocket = class extends Real {
      constructor(url: string | URL, protocols?: string | string[]) {
        opened.push(String(url));
        super(url, protocols);
      }
    };
    try {
      const gallery = await fixture<AssetGallery>(html`<asset-gallery live .assets=${[item(1, 'ok', '2026-12-01T08:00:00')]}></asset-gallery>`);
      await waitUntil(() => cards(gallery).length === 1);
      expect(root(gallery).querySelector('[part~="live"]')).to.equal(null);
      expect(opened).to.deep.equal([]);
    } finally {
      window.WebSocket = Real;
    }
  });
});

describe('live socket address and messages', () => {
  it('derives the socket from the endpoint, on its origin, ws: or wss: to match', () => {
    const here = new URL(document.baseURI);
    expect(eventsUrl('/api/v1/assets', null)).to.equal(`ws://${here.host}/api/v1/ws/events`);
    expect(eventsUrl('https://pix.example/api/v1/assets/', null)).to.equal('wss://pix.example/api/v1/ws/events');
    expect(eventsUrl('https://pix.example/api/v1/assets?key=1', undefined)).to.equal('wss://pix.example/api/v1/ws/events');
    expect(eventsUrl('/api/v1/media', null)).to.equal(null);
    expect(eventsUrl('/api/v1/assets', '/custom/events')).to.equal(`ws://${here.host}/custom/events`);
    expect(eventsUrl('/api/v1/assets', 'wss://other.example/ws')).to.equal('wss://other.example/ws');
    expect(eventsUrl('/api/v1/assets', 'javascript:alert(1)')).to.equal(null);
  });

  it('reads asset events and ignores everything else', () => {
    expect(readLiveEvent('{"type":"asset:updated","asset_id":1234}')).to.deep.equal({ type: 'asset:updated', assetId: 1234 });
    expect(readLiveEvent('{"type":"asset:created","data":{"asset_id":"77"}}')).to.deep.equal({ type: 'asset:created', assetId: 77 });
    for (const message of ['pong', '{"type":"connected","user_id":1}', '{"type":"job:completed","asset_id":3}', '{"type":"asset:updated"}', '{"type":"asset:deleted","asset_id":-1}', '{"type":"asset:updated","asset_id":1.5}', '{broken', '[1,2]', 'null', undefined, new ArrayBuffer(2)]) {
      expect(readLiveEvent(message), String(message)).to.equal(null);
    }
  });
});
