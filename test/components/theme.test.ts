import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../src/index.js';
import type { AssetGallery, MediaCard, ProviderBadge, StatusOverview } from '../../src/index.js';
import { parseAsset, PROVIDER_STATUSES, type Asset, type ProviderStatus } from '../../src/index.js';
import { press, waitUntil } from '../helpers.js';
import { emulateMediaFeatures } from '../media-features.js';

// ---- colour maths (WCAG 2.x) ----

type RGBA = [number, number, number, number];

/** A computed colour (`rgb(…)`, `rgba(…)`, `color(srgb …)`) as 0–255 channels and alpha. */
function parse(value: string): RGBA {
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/.exec(value);
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
  const rgb = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)$/.exec(value);
  if (!rgb) return parse(computedColor(value));
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
}

/** Any CSS colour (`#1a5fd0`, `Highlight`) as the browser computes it. */
function computedColor(value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value;
  if (!probe.style.color) throw new Error(`not a colour: ${value}`);
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/** `top` painted over the opaque `bottom`. */
function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [0, 1, 2].map((i) => (top[i] as number) * a + (bottom[i] as number) * (1 - a)).concat(1) as RGBA;
}

function luminance([r, g, b]: RGBA): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: RGBA, b: RGBA): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The next element out, through shadow roots to their hosts. */
const parentOf = (element: Element): Element | null => element.parentElement ?? ((element.getRootNode() as ShadowRoot).host ?? null);

/** What is painted behind `element`'s content: its own background and its ancestors', composed over the white canvas. */
function backgroundOf(element: Element): RGBA {
  const layers: RGBA[] = [];
  for (let node: Element | null = element; node; node = parentOf(node)) {
    const layer = parse(getComputedStyle(node).backgroundColor);
    layers.push(layer);
    if (layer[3] === 1) break;
  }
  return layers.reduceRight<RGBA>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** What is painted around `element`: the background of the element it sits in. */
const outsideOf = (element: Element): RGBA => backgroundOf(parentOf(element) as Element);


/** Text: at least 4.5:1 on what is behind it. */
function expectText(element: Element | null | undefined, what: string): void {
  expect(element, what).to.be.instanceOf(Element);
  const node = element as Element;
  const background = backgroundOf(node);
  const ratio = contrast(over(parse(getComputedStyle(node).color), background), background);
  expect(ratio, `${what}: text ${getComputedStyle(node).color} on ${background} is ${ratio.toFixed(2)}:1`).to.be.at.least(4.5);
}

/** A non-text colour (icon, border, focus ring): at least 3:1 against what is next to it. */
function expectNonText(color: string, against: RGBA, what: string): void {
  const ratio = contrast(over(parse(color), against), against);
  expect(ratio, `${what}: ${color} against ${against} is ${ratio.toFixed(2)}:1`).to.be.at.least(3);
}

/** A custom property as the element resolved it. */
const resolved = (element: Element, token: string) => getComputedStyle(element).getPropertyValue(token).trim();

// ---- fixtures ----

function asset(id: number, status: ProviderStatus): Asset {
  const parsed = parseAsset({
    id,
    media_type: 'image',
    provider_id: 'pixverse',
    provider_asset_id: status === 'local_only' ? 'local_9c1e4b7a2d3f6e08' : '381947226051264',
    description: `Asset ${id}`,
    duration_sec: null,
    created_at: '2025-11-21T18:02:11.482913',
    provider_status: status,
    provider_status_reason: status === 'flagged' ? 'Moderation' : null,
  });
  if (!parsed) throw new Error('the test asset did not parse');
  return parsed;
}
const ASSETS = PROVIDER_STATUSES.map((status, index) => asset(index + 1, status));

const shadow = (element: Element) => element.shadowRoot as ShadowRoot;
const part = (element: Element, name: string) => shadow(element).querySelector(`[part~="${name}"]`) as HTMLElement;
const parts = (element: Element, name: string) => [...shadow(element).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const settle = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Every check of one badge: words and icon on its background, border against what is around it. */
function checkBadge(badge: ProviderBadge, what: string): void {
  const button = part(badge, 'badge');
  const status = badge.status;
  expectText(part(badge, 'label'), `${what}: ${status} badge label`);
  expectNonText(getComputedStyle(part(badge, 'icon')).stroke, backgroundOf(button), `${what}: ${status} badge icon`);
  expectNonText(getComputedStyle(button).borderTopColor, outsideOf(badge), `${what}: ${status} badge border`);
  expectNonText(resolved(badge, '--_color-focus'), outsideOf(badge), `${what}: focus ring`);
  const explanation = part(badge, 'explanation');
  expectText(explanation, `${what}: ${status} explanation`);
}

function checkCard(card: MediaCard, what: string): void {
  expectText(part(card, 'title'), `${what}: card title`);
  for (const item of parts(card, 'meta-item')) expectText(item, `${what}: card meta ${item.className}`);
  checkBadge(part(card, 'badge') as unknown as ProviderBadge, `${what}: card`);
  const button = part(card, 'upload-button');
  if (button) {
    expectText(button, `${what}: upload button`);
    expectNonText(getComputedStyle(button).borderTopColor, outsideOf(button), `${what}: upload button border`);
  }
  const outcome = part(card, 'upload-outcome');
  if (outcome) {
    expectText(part(card, 'upload-message'), `${what}: upload outcome ${outcome.dataset.status}`);
    expectNonText(getComputedStyle(outcome.querySelector('svg') as Element).stroke, backgroundOf(outcome), `${what}: upload outcome icon`);
  }
}

function checkOverview(overview: StatusOverview, what: string): void {
  expectText(part(overview, 'caption'), `${what}: overview caption`);
  for (const button of parts(overview, 'button')) {
    const label = `${what}: overview ${button.dataset.status ?? 'all'} (pressed ${button.getAttribute('aria-pressed')})`;
    expectText(button.querySelector('[part="label"]'), label);
    expectText(button.querySelector('[part="count"]'), `${label} count`);
    expectNonText(getComputedStyle(button).borderTopColor, outsideOf(button), `${label} border`);
    const icon = button.querySelector('svg');
    if (icon) expectNonText(getComputedStyle(icon).stroke, backgroundOf(button), `${label} icon`);
  }
}

async function mountCards(theme: string | null): Promise<MediaCard[]> {
  const holder = await fixture<HTMLElement>(html`<div>
    ${ASSETS.map((item) => html`<media-card theme=${theme ?? nothing} uploads .asset=${item}></media-card>`)}
    ${(['ok', 'local_only', 'unknown'] as const).map(
      (status, index) =>
        html`<media-card
          theme=${theme ?? nothing}
          uploads
          .asset=${asset(10 + index, 'local_only')}
          .upload=${{ phase: 'done', providerSucceeded: status === 'ok', status, message: `Outcome ${status}` }}
        ></media-card>`,
    )}
    <media-card theme=${theme ?? nothing} uploads .asset=${asset(20, 'unknown')} .upload=${{ phase: 'failed', message: 'HTTP 502' }}></media-card>
  </div>`);
  const cards = [...holder.querySelectorAll<MediaCard>('media-card')];
  await Promise.all(cards.map((card) => card.updateComplete));
  await Promise.all(cards.map((card) => (part(card, 'badge') as unknown as ProviderBadge).updateComplete));
  return cards;
}

async function mountOverviews(theme: string | null): Promise<StatusOverview[]> {
  const counts = { ok: 3, local_only: 2, flagged: 1, unknown: 4 };
  const holder = await fixture<HTMLElement>(html`<div>
    ${[null, ...PROVIDER_STATUSES].map((filter) => html`<status-overview .counts=${counts} .statusFilter=${filter}></status-overview>`)}
  </div>`);
  const overviews = [...holder.querySelectorAll<StatusOverview>('status-overview')];
  for (const overview of overviews) if (theme !== null) overview.setAttribute('theme', theme);
  await Promise.all(overviews.map((overview) => overview.updateComplete));
  return overviews;
}

async function mountGallery(theme: string | null, style = ''): Promise<AssetGallery> {
  const gallery = await fixture<AssetGallery>(html`<asset-gallery uploads style=${style} .assets=${ASSETS}></asset-gallery>`);
  if (theme !== null) gallery.setAttribute('theme', theme);
  await waitUntil(() => shadow(gallery).querySelectorAll('media-card').length === ASSETS.length, 'the gallery shows its cards');
  await settle();
  return gallery;
}

function checkGallery(gallery: AssetGallery, what: string): void {
  for (const button of parts(gallery, 'button')) {
    expectText(button, `${what}: gallery button ${button.getAttribute('part')}`);
    expectNonText(getComputedStyle(button).backgroundColor, outsideOf(button), `${what}: gallery button ${button.getAttribute('part')} against the gallery`);
  }
  expectText(part(gallery, 'url-label'), `${what}: URL label`);
  expectText(part(gallery, 'notice'), `${what}: notice`);
  expectNonText(getComputedStyle(part(gallery, 'url-input')).borderTopColor, outsideOf(part(gallery, 'url-input')), `${what}: URL field border`);
  checkOverview(part(gallery, 'overview') as unknown as StatusOverview, `${what}: gallery`);
  for (const card of parts(gallery, 'card')) checkCard(card as unknown as MediaCard, `${what}: gallery`);
}

const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(23, 26, 33)';

// ---- the tests ----

describe('theming', () => {
  afterEach(function () {
    return emulateMediaFeatures(this, []);
  });

  const modes: { name: string; theme: string | null; os: 'light' | 'dark'; bg: string }[] = [
    { name: 'light (OS)', theme: null, os: 'light', bg: LIGHT_BG },
    { name: 'dark (OS)', theme: null, os: 'dark', bg: DARK_BG },
    { name: 'theme="light" on a dark OS', theme: 'light', os: 'dark', bg: LIGHT_BG },
    { name: 'theme="dark" on a light OS', theme: 'dark', os: 'light', bg: DARK_BG },
    { name: 'theme="bogus" on a dark OS (follows the OS)', theme: 'bogus', os: 'dark', bg: DARK_BG },
  ];

  for (const mode of modes) {
    describe(mode.name, () => {
      beforeEach(function () {
        return emulateMediaFeatures(this, [{ name: 'prefers-color-scheme', value: mode.os }]);
      });

      it('cards and their badges: text 4.5:1, icons and borders 3:1', async () => {
        const cards = await mountCards(mode.theme);
        for (const card of cards) {
          expect(getComputedStyle(part(card, 'card')).backgroundColor, 'card background').to.equal(mode.bg);
          checkCard(card, mode.name);
        }
      });

      it('standalone badges', async () => {
        const holder = await fixture<HTMLElement>(html`<div>
          ${PROVIDER_STATUSES.map((status) => html`<provider-badge status=${status} reason="Why"></provider-badge>`)}
        </div>`);
        const badges = [...holder.querySelectorAll<ProviderBadge>('provider-badge')];
        for (const badge of badges) if (mode.theme !== null) badge.setAttribute('theme', mode.theme);
        await Promise.all(badges.map((badge) => badge.updateComplete));
        for (const badge of badges) {
          expectText(part(badge, 'label'), `${mode.name}: ${badge.status} label`);
          expectNonText(getComputedStyle(part(badge, 'icon')).stroke, backgroundOf(part(badge, 'badge')), `${mode.name}: ${badge.status} icon`);
          expectText(part(badge, 'explanation'), `${mode.name}: ${badge.status} explanation`);
        }
      });

      it('the overview, every status pressed and not', async () => {
        for (const overview of await mountOverviews(mode.theme)) {
          expect(getComputedStyle(overview).backgroundColor).to.equal(mode.bg);
          checkOverview(overview, mode.name);
        }
      });

      it('the gallery and everything in it', async () => {
        const gallery = await mountGallery(mode.theme);
        expect(getComputedStyle(gallery).backgroundColor, 'gallery background').to.equal(mode.bg);
        checkGallery(gallery, mode.name);
      });
    });
  }

  it('the theme attribute reflects, and any other value reads as absent', async () => {
    const badge = await fixture<ProviderBadge>(html`<provider-badge theme="dark"></provider-badge>`);
    expect(badge.theme).to.equal('dark');
    badge.theme = 'light';
    await badge.updateComplete;
    expect(badge.getAttribute('theme')).to.equal('light');
    badge.setAttribute('theme', 'sepia');
    expect(badge.theme).to.equal(undefined);
    badge.theme = 'dark';
    await badge.updateComplete;
    badge.theme = undefined;
    await badge.updateComplete;
    expect(badge.hasAttribute('theme')).to.equal(false);
  });

  // One OS scheme a test: WebKitGTK takes it at start, and runs each half in its own pass.
  it('nested elements follow the outer theme: a dark gallery on a light OS has dark cards and badges', async function () {
    await emulateMediaFeatures(this, [{ name: 'prefers-color-scheme', value: 'light' }]);
    const dark = await mountGallery('dark');
    const card = part(dark, 'card') as unknown as MediaCard;
    const badge = part(card, 'badge') as unknown as ProviderBadge;
    expect(getComputedStyle(part(card, 'card')).backgroundColor).to.equal(DARK_BG);
    expect(getComputedStyle(part(dark, 'overview')).backgroundColor).to.equal(DARK_BG);
    expect(getComputedStyle(part(badge, 'badge')).color).to.equal('rgb(143, 217, 163)'); // the dark ok text
    expect(card.hasAttribute('theme'), 'no attribute is forwarded').to.equal(false);
  });

  it('nested elements follow the outer theme: a light gallery on a dark OS has light cards and badges, a dark one beside it dark ones', async function () {
    await emulateMediaFeatures(this, [{ name: 'prefers-color-scheme', value: 'dark' }]);
    const dark = await mountGallery('dark');
    const light = await mountGallery('light');
    const lightCard = part(light, 'card') as unknown as MediaCard;
    expect(getComputedStyle(part(lightCard, 'card')).backgroundColor).to.equal(LIGHT_BG);
    expect(getComputedStyle(part(part(lightCard, 'badge'), 'badge')).color).to.equal('rgb(23, 100, 43)'); // the light ok text
    // A dark gallery next to it on the same page stays dark.
    expect(getComputedStyle(part(part(dark, 'card'), 'card')).backgroundColor).to.equal(DARK_BG);
  });

  it('the page’s own tokens on the element win over the theme, and reach the elements inside', async () => {
    const holder = await fixture<HTMLElement>(html`<div>
      <style>
        .branded {
          --age-color-bg: #000000;
          --age-status-ok-fg: #00ff00;
        }
      </style>
      <asset-gallery class="branded" theme="light" .assets=${ASSETS}></asset-gallery>
      <media-card theme="dark" style="--age-color-bg: rgb(0, 0, 80)" .asset=${ASSETS[0]}></media-card>
      <div style="--age-color-bg: rgb(80, 0, 0)"><media-card .asset=${ASSETS[0]}></media-card></div>
    </div>`);
    const gallery = holder.querySelector('asset-gallery') as AssetGallery;
    await waitUntil(() => shadow(gallery).querySelector('media-card'), 'the gallery shows its cards');
    const inner = part(gallery, 'card') as unknown as MediaCard;
    await inner.updateComplete;
    expect(getComputedStyle(gallery).backgroundColor).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(part(inner, 'card')).backgroundColor).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(part(part(inner, 'badge'), 'badge')).color).to.equal('rgb(0, 255, 0)');
    // Tokens the page did not set keep the theme's value.
    expect(getComputedStyle(part(inner, 'title')).color).to.equal('rgb(29, 35, 48)');
    const [styled, inherited] = holder.querySelectorAll('media-card');
    expect(getComputedStyle(part(styled as Element, 'card')).backgroundColor).to.equal('rgb(0, 0, 80)');
    expect(getComputedStyle(part(inherited as Element, 'card')).backgroundColor, 'inherited from an ancestor').to.equal('rgb(80, 0, 0)');
    expect(resolved(styled as Element, '--_color-fg')).to.equal('#e6e9ef');
  });

  it('a card min width set by the page drives the gallery’s columns', async () => {
    const gallery = await mountGallery('dark', 'width: 900px; --age-size-card-min-width: 100px');
    const columns = Number(shadow(gallery).querySelector('[role="grid"]')?.getAttribute('aria-colcount'));
    expect(columns).to.be.at.least(4);
  });

  it('right to left: the layout mirrors (logical properties only)', async () => {
    const holder = await fixture<HTMLElement>(html`<div dir="rtl" style="width: 300px">
      <media-card uploads .asset=${ASSETS[1]} .upload=${{ phase: 'done', providerSucceeded: false, status: 'local_only', message: 'Saved locally' }}></media-card>
    </div>`);
    const card = holder.querySelector('media-card') as MediaCard;
    await card.updateComplete;
    const outcome = part(card, 'upload-outcome');
    expect(getComputedStyle(outcome).borderRightWidth, 'the outcome’s stripe is on the right').to.equal('3px');
    expect(getComputedStyle(outcome).borderLeftWidth).to.equal('0px');
    const badge = part(part(card, 'badge'), 'badge');
    expect(parseFloat(getComputedStyle(badge).paddingRight)).to.be.below(parseFloat(getComputedStyle(badge).paddingLeft));
    // The badge starts at the right edge of the text.
    const body = part(card, 'body').getBoundingClientRect();
    expect(Math.round(body.right - badge.getBoundingClientRect().right)).to.equal(Math.round(parseFloat(getComputedStyle(part(card, 'body')).paddingRight)));
  });

  describe('forced colors', () => {
    beforeEach(function () {
      return emulateMediaFeatures(this, [{ name: 'forced-colors', value: 'active' }]);
    });

    it('is emulated', () => {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    });

    it('every status keeps its own shape and words, drawn in visible system colours', async () => {
      const cards = await mountCards(null);
      const shapes = new Set<string>();
      for (const card of cards.slice(0, 4)) {
        const badge = part(card, 'badge') as unknown as ProviderBadge;
        const icon = part(badge, 'icon');
        const label = part(badge, 'label');
        shapes.add(icon.innerHTML);
        expect(label.textContent?.trim(), 'the words').to.not.equal('');
        expect(getComputedStyle(icon).stroke, 'icons use currentColor').to.equal(getComputedStyle(icon).color);
        expect(icon.getBoundingClientRect().width).to.be.greaterThan(8);
        checkBadge(badge, `forced colors: ${badge.status}`);
      }
      expect(shapes.size, 'four shapes').to.equal(4);
      const unknown = part(part(cards[3] as Element, 'badge'), 'badge');
      expect(getComputedStyle(unknown).borderTopStyle, 'Unknown keeps its dashed border').to.equal('dashed');
    });

    it('borders use system colours and the overview’s pressed button stays apparent', async () => {
      const [, pressedOk] = await mountOverviews(null);
      const buttons = parts(pressedOk as Element, 'button');
      const pressed = buttons.find((button) => button.getAttribute('aria-pressed') === 'true') as HTMLElement;
      const other = buttons.find((button) => button.getAttribute('aria-pressed') === 'false') as HTMLElement;
      // Apparent by shape, not by a colour that some palettes draw too faint: a thicker solid border, an underline.
      expect(getComputedStyle(pressed).borderTopWidth).to.equal('2px');
      expect(getComputedStyle(other).borderTopWidth).to.equal('1px');
      const underline = (button: HTMLElement): string => getComputedStyle(button.querySelector('[part="label"]') as Element).textDecorationLine;
      expect(underline(pressed)).to.equal('underline');
      expect(underline(other)).to.equal('none');
      checkOverview(pressedOk as StatusOverview, 'forced colors');
    });

    it('cards and the gallery: words 4.5:1, and every box, button and field drawn by a border of 3:1', async () => {
      for (const card of await mountCards(null)) {
        checkCard(card, 'forced colors');
        expectNonText(getComputedStyle(part(card, 'card')).borderTopColor, outsideOf(part(card, 'card')), 'forced colors: card border');
        const outcome = part(card, 'upload-outcome');
        if (outcome) expectNonText(getComputedStyle(outcome).borderInlineStartColor, outsideOf(outcome), `forced colors: upload outcome ${outcome.dataset.status} stripe`);
      }
      // Not checkGallery: the palette gives buttons its own face, and their border, not their face, draws them.
      const gallery = await mountGallery(null);
      for (const button of parts(gallery, 'button')) {
        expectText(button, `forced colors: gallery button ${button.getAttribute('part')}`);
        expectNonText(getComputedStyle(button).borderTopColor, outsideOf(button), `forced colors: gallery button ${button.getAttribute('part')} border`);
      }
      expectText(part(gallery, 'url-label'), 'forced colors: URL label');
      expectText(part(gallery, 'notice'), 'forced colors: notice');
      expectNonText(getComputedStyle(part(gallery, 'url-input')).borderTopColor, outsideOf(part(gallery, 'url-input')), 'forced colors: URL field border');
      checkOverview(part(gallery, 'overview') as unknown as StatusOverview, 'forced colors: gallery');
      for (const card of parts(gallery, 'card')) checkCard(card as unknown as MediaCard, 'forced colors: gallery');
    });

    it('the focus ring is visible', async () => {
      const holder = await fixture<HTMLElement>(html`<div><button>before</button><provider-badge status="ok"></provider-badge></div>`);
      (holder.querySelector('button') as HTMLButtonElement).focus();
      await press('Tab');
      const badge = holder.querySelector('provider-badge') as ProviderBadge;
      const button = part(badge, 'badge');
      expect(shadow(badge).activeElement).to.equal(button);
      const style = getComputedStyle(button);
      expect(style.outlineStyle).to.equal('solid');
      expectNonText(style.outlineColor, outsideOf(badge), 'forced colors: focus ring');
    });
  });
});
