import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import { parseAsset, parseAssetList, type Asset } from '../../src/api/index.js';
import { countByStatus, PROVIDER_STATUSES, type ProviderStatus, type StatusCounts } from '../../src/status/index.js';
import { item, listResponse } from '../arbitraries.js';
import { waitUntil, whenAllRead } from '../helpers.js';

/*
 * Property-based tests (issue 6) of the rendered <asset-gallery>: host data (raw items, parsed by the gallery) and
 * fetched pages (a fetch double that answers the generated JSON). The generators are in test/arbitraries.ts.
 */



const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')] as (HTMLElement & { asset: Asset | null })[];
const overview = (gallery: AssetGallery) => root(gallery).querySelector('status-overview') as HTMLElement & { updateComplete: Promise<unknown> };
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The numbers on the overview's per-status buttons. */
function shownCounts(gallery: AssetGallery): StatusCounts {
  const shadow = overview(gallery).shadowRoot as ShadowRoot;
  const counts = { ok: NaN, local_only: NaN, flagged: NaN, unknown: NaN };
  for (const status of PROVIDER_STATUSES) {
    const text = shadow.querySelector(`button[data-status="${status}"] .count`)?.textContent ?? '';
    counts[status] = Number(text.replace(/\D/g, ''));
  }
  return counts;
}

/** Uncaught errors and unhandled rejections while `run` runs. */
async function noUncaught(run: () => Promise<void>): Promise<void> {
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
    await frame();
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  expect(uncaught, 'uncaught errors').to.deep.equal([]);
}

/** Each rendered card's status is the one the rules give for an input item with the card's id. */
function checkCards(gallery: AssetGallery, expected: Map<number, Set<ProviderStatus>>): void {
  for (const card of cards(gallery)) {
    const asset = card.asset;
    expect(asset, 'card has an asset').to.not.equal(null);
    if (!asset) continue;
    const statuses = expected.get(asset.id);
    expect(statuses, `an input item has id ${asset.id}`).to.not.equal(undefined);
    expect([...(statuses ?? [])], `status of card #${asset.id}`).to.include(card.getAttribute('status'));
    expect(card.getAttribute('status')).to.equal(asset.provider_status);
  }
}

function expectedStatuses(parsed: Asset[]): Map<number, Set<ProviderStatus>> {
  const map = new Map<number, Set<ProviderStatus>>();
  for (const asset of parsed) {
    const set = map.get(asset.id) ?? new Set<ProviderStatus>();
    set.add(asset.provider_status);
    map.set(asset.id, set);
  }
  return map;
}

/** Host data: the gallery parses what is not already an Asset; cards and counts follow the rules. */
async function checkHost(gallery: AssetGallery, items: unknown[]): Promise<void> {
  const parsed = items.map((raw) => parseAsset(raw)).filter((asset): asset is Asset => asset !== null);
  await noUncaught(async () => {
    gallery.assets = items;
    await whenAllRead(gallery);
    await frame();
    await gallery.updateComplete;
    await overview(gallery).updateComplete;
  });
  checkCards(gallery, expectedStatuses(parsed));
  expect(shownCounts(gallery), 'overview counts').to.deep.equal(countByStatus(parsed));
  if (parsed.length > 0) expect(cards(gallery).length, 'some cards rendered').to.be.above(0);
  else expect(root(gallery).querySelector('[part="empty"]'), 'empty state').to.not.equal(null);
}

/** A fetched page: cards, counts and the skipped notice, or the error state for an envelope that is not a list. */
async function checkFetched(json: unknown): Promise<void> {
  let body: string;
  try {
    body = JSON.stringify(json) ?? 'null';
  } catch {
    body = 'null';
  }
  const wire: unknown = JSON.parse(body);
  const page = parseAssetList(wire, new URL('/api/v1/assets', document.baseURI).href);
  let gallery!: AssetGallery;
  await noUncaught(async () => {
    const fetch = async () => new Response(body, { headers: { 'Content-Type': 'application/json' } });
    gallery = await fixture<AssetGallery>(html`<asset-gallery .fetch=${fetch}></asset-gallery>`);
    await waitUntil(
      () => !!root(gallery).querySelector('[part="error"], [part="empty"]') || cards(gallery).length > 0,
      'no error, empty state or cards',
      { timeout: 5000 },
    );
    await gallery.updateComplete;
    await overview(gallery).updateComplete;
  });
  if (!page) {
    expect(root(gallery).querySelector('[part="error"]'), 'error state for a non-list').to.not.equal(null);
    expect(cards(gallery).length).to.equal(0);
    return;
  }
  expect(root(gallery).querySelector('[part="error"]'), 'no error state for a list').to.equal(null);
  // The gallery keeps the first of several items with the same id (src dedupe(): "a page boundary that moved"),
  // also within one page; the later ones are neither shown nor counted as skipped.
  const kept = firstOfEachId(page.assets);
  checkCards(gallery, expectedStatuses(kept));
  expect(shownCounts(gallery), 'overview counts').to.deep.equal(countByStatus(kept));
  const notice = root(gallery).querySelector('[part="notice"]')?.textContent ?? '';
  if (page.skipped > 0) expect(notice.replace(/\D/g, ''), 'skipped count').to.equal(String(page.skipped));
  else expect(notice).to.equal('');
  if (page.assets.length === 0) expect(root(gallery).querySelector('[part="empty"]'), 'empty state').to.not.equal(null);
  gallery.remove();
}

function firstOfEachId(assets: Asset[]): Asset[] {
  const seen = new Set<number>();
  return assets.filter((asset) => !seen.has(asset.id) && !!seen.add(asset.id));
}

const hostItems = fc.array(item, { maxLength: 40 });

describe('properties: the rendered gallery', () => {
  it('host data: no uncaught errors, card statuses and counts follow the rules (150 lists)', async function () {
    this.timeout(60000);
    const gallery = await fixture<AssetGallery>(html`<asset-gallery></asset-gallery>`);
    await fc.assert(
      fc.asyncProperty(hostItems, async (items) => checkHost(gallery, items)),
      { numRuns: 150 },
    );
  });

  it('fetched pages: cards, counts and skipped notice, or the error state (100 responses)', async function () {
    this.timeout(60000);
    await fc.assert(fc.asyncProperty(listResponse, checkFetched), { numRuns: 100 });
  });

  it('a page of 10 000 generated items, as host data and fetched', async function () {
    this.timeout(60000);
    const items = fc.sample(item, { numRuns: 10_000, seed: 7 });
    const gallery = await fixture<AssetGallery>(html`<asset-gallery></asset-gallery>`);
    await checkHost(gallery, items);
    await checkFetched({ assets: items, total: items.length, limit: 10_000, offset: 0, next_cursor: null });
  });

  // Found by this property, and fixed (only assets the api module made now skip the parser):
  // src/components/asset-gallery/asset-gallery.ts hostAssets/readHostAsset/isAsset: a host item with a safe-integer
  // id, a valid provider_status and a tags array is used as an Asset without parsing. parseAsset requires a
  // non-negative id (AssetId), so the same item from the server is skipped, but as host data it becomes a card and
  // is counted. (The shortcut also skips URL checks, clipping and the UTC date normalisation for such items; the
  // card re-checks URLs before rendering them.)
  // fast-check: seed 1375955300, path "30:1:1:1:1:1:1:1:1:1:1:2:1:3:3"; shrunk counterexample:
  // [{"id":-1,"user_id":0,"media_type":"video","provider_id":"pixverse","provider_asset_id":"","remote_url":null,
  //   "thumbnail_url":null,"preview_url":"/api/v1/assets/1/file","file_url":"/api/v1/assets/1/file","sync_status":"remote",
  //   "tags":[],"provider_status":"ok","provider_uploads":null,"last_upload_status_by_provider":null,
  //   "provider_removal_failed":false,"recovered":false,"media_metadata":null,"created_at":"2000-01-01T00:00:00.000"}]
  // Expected: parseAsset(item) is null, so no card and all counts 0; actual: a card #-1 and "Provider OK" 1.
  it('host items the parser rejects (negative id) are not shown, even when they look like Assets (50 lists)', async function () {
    this.timeout(60000);
    const gallery = await fixture<AssetGallery>(html`<asset-gallery></asset-gallery>`);
    const lookalike = fc.record({ id: fc.integer({ min: -1_000_000, max: -1 }), provider_status: fc.constantFrom(...PROVIDER_STATUSES), tags: fc.constant([]) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(item, lookalike), { minLength: 1, maxLength: 10 }), async (items) => checkHost(gallery, items)),
      { numRuns: 50, seed: -631116325 }, // shrinks to [{"id":-1,"provider_status":"ok","tags":[]}, <a valid item with id "0">]
    );
  });
});
