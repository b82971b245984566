import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { AssetGallery, ProviderBadge } from '../../src/index.js';
import { createAssetsClient, type Asset } from '../../src/api/index.js';
import { de } from '../../src/locales/de.js';
import { registerLocale, resetCopy, setCopy } from '../../src/status/index.js';
import { createMockBackend, mockFetch } from '../../mocks/index.js';
import { hangingFetch, press, waitUntil, whenAllRead } from '../helpers.js';

const shadowText = (element: Element): string => {
  let text = '';
  for (const node of (element.shadowRoot ?? element).querySelectorAll('*')) {
    if (node.shadowRoot) text += ` ${shadowText(node)}`;
  }
  return `${(element.shadowRoot ?? element).textContent ?? ''} ${text}`.replace(/\s+/g, ' ');
};
const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('media-card')] as HTMLElement[];
const card = (gallery: AssetGallery, index: number) => root(gallery).querySelector<HTMLElement>(`media-card[data-index="${index}"]`);
const focusedIndex = (gallery: AssetGallery) => Number((root(gallery).activeElement as HTMLElement | null)?.dataset.index ?? NaN);
const badgeLabel = (badge: Element) => (badge.shadowRoot?.querySelector('.label')?.textContent ?? '').trim();
const settle = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function assets(count: number): Promise<Asset[]> {
  const backend = createMockBackend({ count: 40, seed: 4 });
  const page = await createAssetsClient({ fetch: mockFetch(backend.handlers) }).list({ limit: 40 });
  return Array.from({ length: count }, (_, index) => ({ ...(page.assets[index % page.assets.length] as Asset), id: index + 1 }));
}

async function gallery(template: ReturnType<typeof html>): Promise<AssetGallery> {
  const host = await fixture<HTMLElement>(template);
  const found = (host.localName === 'asset-gallery' ? host : host.querySelector('asset-gallery')) as AssetGallery;
  await waitUntil(() => cards(found).length > 0, 'no cards');
  await whenAllRead(found);
  await settle();
  return found;
}

describe('words: per element, global, per language', () => {
  afterEach(() => {
    resetCopy();
    document.documentElement.removeAttribute('lang');
  });

  it('an element’s own copy changes its words only', async () => {
    const host = await fixture<HTMLElement>(html`<div>
      <provider-badge status="ok" .copy=${{ status: { ok: { label: 'On Pixverse' } } }}></provider-badge>
      <provider-badge status="ok"></provider-badge>
    </div>`);
    const [mine, other] = [...host.querySelectorAll('provider-badge')] as ProviderBadge[];
    await mine!.updateComplete;
    expect(badgeLabel(mine!)).to.equal('On Pixverse');
    expect(badgeLabel(other!)).to.equal('Provider OK');
  });

  it('a global change re-renders elements already on the page', async () => {
    const badge = await fixture<ProviderBadge>(html`<provider-badge status="local_only"></provider-badge>`);
    setCopy({ status: { local_only: { label: 'Kept here only' } } });
    await badge.updateComplete;
    expect(badgeLabel(badge)).to.equal('Kept here only');
  });

  it('a gallery’s own copy reaches its overview, cards and badges', async () => {
    const list = await assets(40);
    const found = await gallery(html`<asset-gallery style="width: 900px" .assets=${list} .copy=${{ status: { local_only: { label: 'Kept here' } } }}></asset-gallery>`);
    const text = shadowText(found);
    expect(text).to.contain('Kept here');
    expect(text).not.to.contain('Local only');
  });

  it('says its empty filter, upload rows and count announcements in its own words', async () => {
    const own = { status: { local_only: { label: 'Kept here' } }, providerNames: { pixverse: 'PV Cloud' } };
    const found = await fixture<AssetGallery>(html`<asset-gallery uploads status-filter="local_only" .assets=${[]} .fetch=${hangingFetch} .copy=${own}></asset-gallery>`);
    await found.updateComplete;
    expect(shadowText(found)).to.contain('No assets with the status “Kept here”');
    found.uploadFromUrl('https://cdn.example.com/a.jpg');
    await waitUntil(() => shadowText(found).includes('PV Cloud'), 'the upload row names the provider in the gallery’s words');
    const overview = await fixture<HTMLElement & { counts: unknown; copy: unknown }>(html`<status-overview .copy=${own}></status-overview>`);
    overview.counts = { ok: 1, local_only: 2 };
    await waitUntil(() => shadowText(overview).includes('2 Kept here'), 'the announcement uses the label shown', { timeout: 3000 });
    expect(shadowText(overview)).not.to.contain('Local only');
  });

  it('an element moved out of the page and back shows the words changed meanwhile', async () => {
    const badge = await fixture<ProviderBadge>(html`<provider-badge status="ok"></provider-badge>`);
    const parent = badge.parentElement as HTMLElement;
    badge.remove();
    setCopy({ status: { ok: { label: 'On the provider' } } });
    parent.append(badge);
    await badge.updateComplete;
    expect(badgeLabel(badge)).to.equal('On the provider');
  });

  it('shows German on a German page, with German numbers and dates, and in the cards’ names', async () => {
    registerLocale('de', de);
    const list = await assets(1240);
    const found = await gallery(html`<div lang="de"><asset-gallery style="width: 900px" .assets=${list}></asset-gallery></div>`);
    const text = shadowText(found);
    expect(text).to.contain('Beim Anbieter');
    expect(text).to.contain('Nur lokal');
    expect(text).to.contain('Erstellt');
    expect(text).to.match(/Alle\s*1\.240/);
    expect(text).not.to.contain('Provider OK');
    expect(shadowText(card(found, 1)!)).to.contain('2 von 1.240');
    // A German medium date: "24.11.2026", never "Nov 24, 2026".
    expect(text).to.match(/\d{2}\.\d{2}\.\d{4}/);
  });

  it('follows the page when it switches language', async () => {
    registerLocale('de', de);
    const badge = await fixture<ProviderBadge>(html`<provider-badge status="flagged"></provider-badge>`);
    expect(badgeLabel(badge)).to.equal('Flagged');
    document.documentElement.lang = 'de';
    await waitUntil(() => badgeLabel(badge) === 'Markiert', 'the badge did not switch to German');
    document.documentElement.lang = 'en';
    await waitUntil(() => badgeLabel(badge) === 'Flagged', 'the badge did not switch back');
  });

  it('says a server error in the gallery’s language', async () => {
    registerLocale('de', de);
    const backend = createMockBackend({ count: 5, authorization: 'Bearer right' });
    const host = await fixture<HTMLElement>(
      html`<div lang="de"><asset-gallery .fetch=${mockFetch(backend.handlers)} .headers=${{ Authorization: 'Bearer wrong' }}></asset-gallery></div>`,
    );
    const found = host.querySelector('asset-gallery') as AssetGallery;
    await waitUntil(() => shadowText(found).includes(de.errors.notSignedIn), 'no German sign-in message', { timeout: 3000 });
    expect(shadowText(found)).to.contain(de.gallery.errorTitle);
  });
});

describe('words: right to left', () => {
  it('lays the grid out from the right, and the arrows follow the reading direction', async () => {
    const list = await assets(40);
    const found = await gallery(html`<div dir="rtl"><asset-gallery style="width: 900px" .assets=${list}></asset-gallery></div>`);
    const first = card(found, 0)!.getBoundingClientRect();
    const second = card(found, 1)!.getBoundingClientRect();
    expect(second.top).to.equal(first.top);
    expect(second.right).to.be.below(first.right);
    card(found, 0)!.focus();
    await press('ArrowLeft');
    expect(focusedIndex(found)).to.equal(1);
    await press('ArrowRight');
    expect(focusedIndex(found)).to.equal(0);
  });

  it('keeps the arrows as they are left to right', async () => {
    const list = await assets(40);
    const found = await gallery(html`<asset-gallery style="width: 900px" .assets=${list}></asset-gallery>`);
    card(found, 0)!.focus();
    await press('ArrowRight');
    expect(focusedIndex(found)).to.equal(1);
  });
});
