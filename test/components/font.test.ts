import { expect, fixture, html } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import '../../src/provider-badge.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import { createMockBackend, mockFetch } from '../../mocks/index.js';
import { waitUntil } from '../helpers.js';

/**
 * Issue 17: on a page without CSS the elements showed in the browser's default serif. They use the system's
 * interface font (`--age-font-family`), elements inside an element use its font, and a page that wants its own
 * font says `font-family: inherit` (or names one in the token).
 */
const fontOf = (element: Element | null | undefined) => (element ? getComputedStyle(element).fontFamily : '');
const card = (gallery: AssetGallery) => gallery.shadowRoot?.querySelector('media-card');
const badgeIn = (gallery: AssetGallery) => card(gallery)?.shadowRoot?.querySelector('provider-badge');
const overview = (gallery: AssetGallery) => gallery.shadowRoot?.querySelector('status-overview');

async function galleryIn(page: ReturnType<typeof html>): Promise<AssetGallery> {
  const holder = await fixture<HTMLElement>(page);
  const gallery = holder.querySelector('asset-gallery') as AssetGallery;
  await waitUntil(() => badgeIn(gallery) !== null && badgeIn(gallery) !== undefined, 'a card with its badge');
  return gallery;
}

const gallery = (style = '') => html`<asset-gallery style=${style} .fetch=${mockFetch(createMockBackend({ count: 3 }).handlers)}></asset-gallery>`;

describe('the elements’ font', () => {
  it('is the system’s interface font on a serif page, in the gallery and every element inside it', async () => {
    const shown = await galleryIn(html`<div style="font-family: serif">${gallery()}</div>`);
    expect(fontOf(shown)).to.match(/^system-ui\b/);
    for (const inner of [card(shown), badgeIn(shown), overview(shown)]) expect(fontOf(inner)).to.equal(fontOf(shown));
    const badge = await fixture(html`<div style="font-family: serif"><provider-badge status="ok"></provider-badge></div>`);
    expect(fontOf(badge.querySelector('provider-badge'))).to.match(/^system-ui\b/);
  });

  it('is the one --age-font-family names, all the way in', async () => {
    const shown = await galleryIn(html`<div>${gallery('--age-font-family: monospace')}</div>`);
    for (const element of [shown, card(shown), badgeIn(shown), overview(shown)]) expect(fontOf(element)).to.equal('monospace');
  });

  it('is the page’s with font-family: inherit on the gallery, all the way in', async () => {
    const shown = await galleryIn(html`<div style="font-family: Georgia, serif">${gallery('font-family: inherit')}</div>`);
    for (const element of [shown, card(shown), badgeIn(shown), overview(shown)]) expect(fontOf(element)).to.equal('Georgia, serif');
  });
});
