import { expect, fixture, html } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import { parseAsset, type Asset } from '../../src/api/index.js';
import { countByStatus, PROVIDER_STATUSES, type ProviderStatus, type StatusCounts } from '../../src/status/index.js';
import { waitUntil, whenAllRead } from '../helpers.js';

/*
 * Issue 15: raw host data (`.assets` set to the server's JSON as a host's store holds it) is read in the background,
 * in slices, the first screen first. What a person sees must stay true meanwhile: the cards of items already
 * validated, never a count of a partly read list, never "no assets" while items are unread.
 */

const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')] as (HTMLElement & { asset: Asset | null })[];
const overview = (gallery: AssetGallery) => root(gallery).querySelector('status-overview')?.shadowRoot ?? null;
const text = (node: Element | ShadowRoot | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
/** A turn of the event loop for every task queued before it (the reader's next slice among them), and a frame. */
const tasksRun = async () => {
  for (let turn = 0; turn < 3; turn++) {
    await new Promise((resolve) => setTimeout(resolve));
    await frame();
  }
};

/** The number on each status button of the overview, or null where it shows none (a dash: not counted). */
function shownCounts(gallery: AssetGallery): Record<ProviderStatus, number | null> {
  const counts = {} as Record<ProviderStatus, number | null>;
  for (const status of PROVIDER_STATUSES) {
    const digits = text(overview(gallery)?.querySelector(`button[data-status="${status}"] .count`)).replace(/\D/g, '');
    counts[status] = digits === '' ? null : Number(digits);
  }
  return counts;
}

const anyCountShown = (gallery: AssetGallery) => Object.values(shownCounts(gallery)).some((count) => count !== null);
const busy = (gallery: AssetGallery) => root(gallery).querySelector('[role="grid"]')?.getAttribute('aria-busy') === 'true';
const readingNotice = (gallery: AssetGallery) => text(root(gallery).querySelector('[part~="notice"][role="status"]:not(.offline)'));
const skippedNotice = (gallery: AssetGallery) =>
  [...root(gallery).querySelectorAll('[part~="notice"]')].map((notice) => text(notice)).find((words) => /could not be shown/.test(words)) ?? '';

const STATUS_FIELDS: Record<ProviderStatus, { provider_asset_id: string; remote_url: string | null }> = {
  ok: { provider_asset_id: 'p-1', remote_url: 'https://cdn.example/a.jpg' },
  local_only: { provider_asset_id: 'local_0123456789abcdef', remote_url: null },
  flagged: { provider_asset_id: 'p-2', remote_url: 'https://cdn.example/b.jpg' },
  unknown: { provider_asset_id: '', remote_url: null },
};

/** One raw server item as a host's store holds it: Era A's shape for even ids, HEAD's for odd ones. */
function rawItem(id: number, status: ProviderStatus): Record<string, unknown> {
  const common = {
    id,
    user_id: 1,
    media_type: id % 3 === 0 ? 'video' : 'image',
    provider_id: 'pixverse',
    ...STATUS_FIELDS[status],
    thumbnail_url: null,
    file_url: `/api/v1/assets/${id}/file`,
    sync_status: 'downloaded',
    description: `Asset ${id}`,
    provider_status: status,
    created_at: `2026-12-01T10:${String(Math.floor(id / 60) % 60).padStart(2, '0')}:${String(id % 60).padStart(2, '0')}`,
  };
  return id % 2 === 0
    ? { ...common, tags: ['rain'], provider_flagged: status === 'flagged', provider_flag_reason: status === 'flagged' ? 'post_delivery_moderation' : null }
    : { ...common, tags: [{ id: 7, slug: 'user:rain', namespace: 'user', name: 'rain', display_name: null, source: 'user' }], provider_uploads: {}, recovered: false };
}

/** Items that cannot be shown, as stores and servers break them. */
const BROKEN: unknown[] = [{ id: null, provider_status: 'ok' }, 'not an asset', { id: 'abc', provider_status: 'ok' }, { id: -4, provider_status: 'flagged' }, null];

/** `count` raw items, statuses in turn, with a broken one every `brokenEvery` (0: none). */
function rawList(count: number, status: (index: number) => ProviderStatus = (index) => PROVIDER_STATUSES[index % 4] as ProviderStatus, brokenEvery = 0, firstId = 1): unknown[] {
  return Array.from({ length: count }, (_, index) =>
    brokenEvery > 0 && index % brokenEvery === brokenEvery - 1 ? BROKEN[index % BROKEN.length] : rawItem(firstId + index, status(index)),
  );
}

/** What a correct gallery shows of a list: the counts of the items that can be shown, and how many cannot. */
function truth(items: unknown[]): { counts: StatusCounts; skipped: number } {
  const parsed = items.map((item) => parseAsset(item)).filter((asset): asset is Asset => asset !== null);
  return { counts: countByStatus(parsed), skipped: items.length - parsed.length };
}

/** Items that count how often the gallery reads them (their id): whether a read goes on. */
function countedReads(count: number): { items: unknown[]; reads: () => number } {
  let reads = 0;
  const items = rawList(count).map((item) => {
    const fields = item as Record<string, unknown>;
    const id = fields.id;
    return Object.defineProperty({ ...fields }, 'id', {
      enumerable: true,
      get: () => {
        reads += 1;
        return id;
      },
    });
  });
  return { items, reads: () => reads };
}

async function emptyGallery(): Promise<AssetGallery> {
  const gallery = await fixture<AssetGallery>(html`<asset-gallery style="width: 900px"></asset-gallery>`);
  await gallery.updateComplete;
  return gallery;
}

/** A gallery handed the host's items, drawn once: the first screen read, the rest (if any) still being read. */
async function galleryGiven(items: unknown[]): Promise<AssetGallery> {
  const gallery = await emptyGallery();
  gallery.assets = items;
  await gallery.updateComplete;
  return gallery;
}

describe('<asset-gallery> reading raw host data (issue 15)', () => {
  it('paints the first cards before the whole list is read; no count until then, then the true counts', async function () {
    this.timeout(120_000);
    const items = rawList(30_000, undefined, 41);
    const expected = truth(items);
    const gallery = await galleryGiven(items);

    // The first screen is read at once: cards, each with its validated status, while the rest is still unread.
    expect(cards(gallery).length, 'cards in the first render').to.be.above(0);
    for (const card of cards(gallery)) expect(card.getAttribute('status')).to.equal(card.asset?.provider_status);
    expect(busy(gallery), 'the grid is busy').to.equal(true);
    expect(anyCountShown(gallery), 'no count of a partly read list').to.equal(false);
    expect(readingNotice(gallery)).to.match(/Reading the assets/);
    expect(text(cards(gallery)[0]?.shadowRoot)).to.match(/1 of the \d+ read so far/);

    // Every frame until the read is done: never a number in the overview, and never more than a screen of cards.
    const seen: string[] = [];
    while (busy(gallery)) {
      if (anyCountShown(gallery)) seen.push(JSON.stringify(shownCounts(gallery)));
      expect(cards(gallery).length, 'cards in the DOM while reading').to.be.below(60);
      await frame();
    }
    await whenAllRead(gallery);
    expect(seen, 'counts shown while reading').to.deep.equal([]);
    expect(shownCounts(gallery)).to.deep.equal(expected.counts);
    expect(skippedNotice(gallery)).to.equal(`${expected.skipped} of the given items could not be shown`);
    expect(readingNotice(gallery)).to.equal('');
    expect(text(cards(gallery)[0]?.shadowRoot)).to.contain(`1 of ${(30_000 - expected.skipped).toLocaleString('en-US')}`);
    expect(cards(gallery).length, 'cards in the DOM once read').to.be.below(60);
  });

  it('skips items that cannot be shown and counts them, in a short list too', async () => {
    const items = [rawItem(1, 'ok'), ...BROKEN, rawItem(2, 'local_only'), rawItem(3, 'flagged')];
    const gallery = await emptyGallery();
    gallery.assets = items;
    await whenAllRead(gallery);
    expect(cards(gallery).map((card) => card.asset?.id)).to.deep.equal([1, 2, 3]);
    expect(shownCounts(gallery)).to.deep.equal({ ok: 1, local_only: 1, flagged: 1, unknown: 0 });
    expect(skippedNotice(gallery)).to.equal(`${BROKEN.length} of the given items could not be shown`);
  });

  it('a new .assets while the old one is read: only the new list is shown and counted, and the old read stops', async function () {
    this.timeout(60_000);
    const old = countedReads(20_000);
    const gallery = await galleryGiven(old.items);
    expect(busy(gallery)).to.equal(true);
    const next = rawList(2_000, () => 'flagged', 0, 100_001);
    gallery.assets = next;
    await gallery.updateComplete;
    const readsWhenReplaced = old.reads();
    await whenAllRead(gallery);
    await tasksRun();
    expect(old.reads(), 'the old list is read no further').to.equal(readsWhenReplaced);
    expect(shownCounts(gallery)).to.deep.equal({ ok: 0, local_only: 0, flagged: 2_000, unknown: 0 });
    expect(cards(gallery).every((card) => (card.asset?.id ?? 0) > 100_000), 'only cards of the new list').to.equal(true);
  });

  it('a filter switch while reading shows only validated assets of that status, and never "no assets" while some are unread', async function () {
    this.timeout(60_000);
    // The unknown assets come last: when the filter is switched, none of them is read yet.
    const items = rawList(20_000, (index) => (index < 15_000 ? 'ok' : 'unknown'));
    const gallery = await galleryGiven(items);
    gallery.statusFilter = 'unknown';
    await gallery.updateComplete;
    expect(busy(gallery) || !!root(gallery).querySelector('[part~="skeleton"]'), 'still reading').to.equal(true);
    let sawUnknownCards = false;
    while (readingNotice(gallery) !== '') {
      expect(root(gallery).querySelector('[part="empty"]'), '"no assets" while some are unread').to.equal(null);
      expect(anyCountShown(gallery)).to.equal(false);
      const shown = cards(gallery);
      if (shown.length > 0) sawUnknownCards = true;
      for (const card of shown) expect(card.getAttribute('status')).to.equal('unknown');
      await frame();
    }
    await whenAllRead(gallery);
    expect(sawUnknownCards || cards(gallery).length > 0).to.equal(true);
    expect(cards(gallery).every((card) => card.getAttribute('status') === 'unknown')).to.equal(true);
    expect(shownCounts(gallery)).to.deep.equal({ ok: 15_000, local_only: 0, flagged: 0, unknown: 5_000 });

    // A status with no asset at all says so, once the whole list is read.
    gallery.statusFilter = 'flagged';
    await gallery.updateComplete;
    expect(text(root(gallery).querySelector('[part="empty"]'))).to.contain('No assets with the status “Flagged”');
  });

  it('stops reading when taken off the page, and goes on when put back', async function () {
    this.timeout(60_000);
    const list = countedReads(20_000);
    const gallery = await emptyGallery();
    const parent = gallery.parentElement as HTMLElement;
    gallery.assets = list.items;
    await gallery.updateComplete;
    gallery.remove();
    const readsWhenRemoved = list.reads();
    await tasksRun();
    expect(list.reads(), 'read while off the page').to.equal(readsWhenRemoved);
    parent.append(gallery);
    await whenAllRead(gallery);
    expect(shownCounts(gallery)).to.deep.equal({ ok: 5_000, local_only: 5_000, flagged: 5_000, unknown: 5_000 });
  });

  it('updateAsset() of an asset not read yet is shown once it is read, in its card and the counts', async function () {
    this.timeout(60_000);
    const items = rawList(20_000, () => 'ok');
    const gallery = await galleryGiven(items);
    expect(busy(gallery)).to.equal(true);
    expect(gallery.updateAsset(rawItem(19_999, 'flagged'))).to.equal(true);
    await whenAllRead(gallery);
    expect(shownCounts(gallery)).to.deep.equal({ ok: 19_999, local_only: 0, flagged: 1, unknown: 0 });
    gallery.statusFilter = 'flagged';
    await gallery.updateComplete;
    expect(cards(gallery).map((card) => card.asset?.id)).to.deep.equal([19_999]);
  });

  it('reads the list as it was handed over, though the host changes its array in place meanwhile', async function () {
    this.timeout(60_000);
    const items = rawList(20_000, () => 'ok');
    const gallery = await galleryGiven(items);
    expect(busy(gallery), 'still reading').to.equal(true);
    items.shift(); // a store drops an item already read, in place
    await whenAllRead(gallery);
    expect(skippedNotice(gallery), 'no good item called bad').to.equal('');
    expect(shownCounts(gallery).ok).to.equal(20_000);
  });

  it('reuploadLocalOnly() called mid-read re-uploads every local-only asset, not only those read so far', async function () {
    this.timeout(60_000);
    const gallery = await fixture<AssetGallery>(html`<asset-gallery uploads style="width: 900px"></asset-gallery>`);
    await gallery.updateComplete;
    gallery.uploader = () => new Promise(() => undefined); // never answers: the bulk stays under way
    gallery.assets = rawList(20_000, () => 'local_only');
    await gallery.updateComplete;
    expect(busy(gallery), 'still reading').to.equal(true);
    void gallery.reuploadLocalOnly();
    await whenAllRead(gallery);
    await waitUntil(() => root(gallery).querySelector('progress'), 'the bulk re-upload shows its progress');
    expect(root(gallery).querySelector('progress')?.getAttribute('max'), 'assets in the bulk').to.equal('20000');
    gallery.cancelReupload();
  });
});
