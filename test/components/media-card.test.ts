import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/media-card.js';
import type { AssetOpenDetail, MediaCard } from '../../src/media-card.js';
import { parseAsset, type Asset } from '../../src/api/index.js';
import { PROVIDER_STATUSES, resetCopy, setCopy, statusLabel } from '../../src/status/index.js';

/** A wire item shaped like sample 1042 of the backend contract (Era A), with overrides. */
function wire(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 1042,
    user_id: 1,
    media_type: 'video',
    provider_id: 'pixverse',
    provider_asset_id: '381947226051264',
    remote_url: null,
    thumbnail_url: null,
    local_path: null,
    file_url: null,
    sync_status: 'remote',
    file_size_bytes: null,
    duration_sec: 5.0,
    width: 1280,
    height: 720,
    mime_type: 'video/mp4',
    description: 'Neon koi drifting through a rain-soaked alley',
    tags: ['cyberpunk', 'rain'],
    provider_status: 'ok',
    provider_flagged: false,
    provider_flag_reason: null,
    created_at: '2025-11-21T18:02:11.482913',
    ...overrides,
  };
}

function asset(overrides: Record<string, unknown> = {}): Asset {
  const parsed = parseAsset(wire(overrides));
  if (!parsed) throw new Error('the test asset did not parse');
  return parsed;
}

const image = (overrides: Record<string, unknown> = {}) =>
  asset({ id: 1041, media_type: 'image', mime_type: 'image/png', duration_sec: null, description: 'Watercolor fox portrait', ...overrides });

/** A picture that really loads: a 400×100 SVG (not 16:9) as a blob: URL. */
const pictureUrl = (label = 'x') =>
  URL.createObjectURL(
    new Blob([`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100" fill="teal"/><text y="50">${label}</text></svg>`], {
      type: 'image/svg+xml',
    }),
  );

/** The real 2-second 320×180 webm of mocks/media, as a blob: URL (no extension, like a file endpoint). */
async function videoUrl(): Promise<string> {
  const response = await fetch(new URL('../../mocks/media/sample.webm', import.meta.url));
  return URL.createObjectURL(await response.blob());
}

async function mount(value: unknown, loading?: string): Promise<MediaCard> {
  return fixture<MediaCard>(html`<media-card .asset=${value as Asset} loading=${loading ?? 'lazy'}></media-card>`);
}

const shadow = (card: MediaCard) => card.shadowRoot as ShadowRoot;
const $ = <E extends Element = HTMLElement>(card: MediaCard, selector: string) => shadow(card).querySelector<E>(selector);
const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const parts = (card: MediaCard) => ({
  article: $(card, 'article') as HTMLElement,
  media: $(card, '[part="media"]') as HTMLElement,
  img: $<HTMLImageElement>(card, 'img'),
  video: $<HTMLVideoElement>(card, 'video'),
  placeholder: $(card, '[part="placeholder"]'),
  open: $<HTMLButtonElement>(card, 'button[part~="open"]'),
  title: textOf($(card, '[part="title"]')),
  meta: [...shadow(card).querySelectorAll('[part="meta"] li')].map((li) => textOf(li)),
  time: $(card, 'time'),
  badge: $(card, 'provider-badge') as HTMLElement & { status: string; reason: string | null; provider: string | null },
});

interface Axe {
  setup(node: Node): unknown;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(virtualNode: unknown): string } };
}

/** The accessible name as axe-core computes it (accname), after `to.be.accessible()` has loaded axe. */
function axeName(element: Element): string {
  const axe = (window as unknown as { axe?: Axe }).axe;
  if (!axe) throw new Error('axe is not loaded');
  axe.setup(document);
  try {
    return axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(element)).replace(/\s+/g, ' ').trim();
  } finally {
    axe.teardown();
  }
}

/** What the thumbnail box shows. (Asserting on strings: a failed equality on a DOM node can hang the runner.) */
function shown(card: MediaCard): string {
  const media = parts(card).media;
  if (media.querySelector('img')) return 'image';
  if (media.querySelector('video')) return 'video';
  if (media.querySelector('[part="placeholder"]')) return 'placeholder';
  return 'nothing';
}
/** Every src in the card's shadow root. */
const srcs = (card: MediaCard) => [...shadow(card).querySelectorAll('[src]')].map((node) => node.getAttribute('src'));

/** The name the browser computes from aria-labelledby: the referenced nodes' text, in order. */
function labelledName(card: MediaCard): string {
  const ids = parts(card).article.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  return ids.map((id) => textOf(shadow(card).getElementById(id))).join(' ');
}

const DATE_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

describe('<media-card>', () => {
  const revoke: string[] = [];
  afterEach(() => {
    resetCopy();
    document.documentElement.removeAttribute('lang');
    for (const url of revoke.splice(0)) URL.revokeObjectURL(url);
  });

  describe('text', () => {
    it('shows title, media type, provider, duration and date', async () => {
      const card = await mount(asset());
      const { title, meta, time } = parts(card);
      expect(title).to.equal('Neon koi drifting through a rain-soaked alley');
      const when = new Intl.DateTimeFormat(undefined, DATE_OPTIONS).format(new Date(Date.UTC(2025, 10, 21, 18, 2, 11, 482)));
      expect(meta).to.deep.equal(['Video', 'Pixverse', '5 s', `Created ${when}`]);
      expect(time?.getAttribute('datetime')).to.equal('2025-11-21T18:02:11.482Z');
    });

    it('titles an asset without description by media type and id; unknown types as given', async () => {
      const card = await mount(image({ description: null }));
      expect(parts(card).title).to.equal('Image #1041');
      card.asset = asset({ id: 7, media_type: 'hologram', description: '   ', duration_sec: null });
      await card.updateComplete;
      expect(parts(card).title).to.equal('hologram #7');
      expect(parts(card).meta[0]).to.equal('hologram');
      card.asset = asset({ id: 8, media_type: '3d_model', description: null, duration_sec: null });
      await card.updateComplete;
      expect(parts(card).title).to.equal('3D model #8');
    });

    it('shows nothing for null fields', async () => {
      const card = await mount(image({ media_type: null, provider_id: null, created_at: null, duration_sec: null, description: null }));
      expect(parts(card).meta).to.deep.equal([]);
      expect(shadow(card).querySelectorAll('time').length).to.equal(0);
      expect(parts(card).title).to.equal('#1041');
      expect(parts(card).badge.hasAttribute('provider')).to.equal(false);
    });

    it('formats the duration to one decimal at most, in the document language', async () => {
      const card = await mount(asset({ duration_sec: 8.25 }));
      expect(parts(card).meta).to.include('8.3 s');
      document.documentElement.lang = 'de';
      card.asset = asset({ duration_sec: 12.04 });
      await card.updateComplete;
      expect(parts(card).meta).to.include('12 s');
      card.asset = asset({ duration_sec: 1234.5 });
      await card.updateComplete;
      expect(parts(card).meta).to.include('1.234,5 s');
    });

    it('reads a naive server time as UTC and shows it in the reader’s zone and language', async () => {
      document.documentElement.lang = 'fr';
      // Bypasses parseAsset: the card itself must not read a naive time as local time.
      const naive = { ...image(), created_at: '2025-06-30T23:30:00' } as Asset;
      const card = await mount(naive);
      const utc = new Date(Date.UTC(2025, 5, 30, 23, 30));
      const expected = new Intl.DateTimeFormat('fr', DATE_OPTIONS).format(utc);
      expect(textOf(parts(card).time)).to.equal(expected);
      expect(parts(card).time?.getAttribute('datetime')).to.equal('2025-06-30T23:30:00.000Z');
      const asLocal = new Date(2025, 5, 30, 23, 30);
      if (asLocal.getTime() !== utc.getTime()) {
        expect(textOf(parts(card).time)).not.to.equal(new Intl.DateTimeFormat('fr', DATE_OPTIONS).format(asLocal));
      }
    });

    it('falls back to the default locale when the document language is not a locale', async () => {
      document.documentElement.lang = 'not a locale!';
      const card = await mount(asset({ duration_sec: 2.5 }));
      expect(parts(card).meta).to.include(`${new Intl.NumberFormat().format(2.5)} s`);
    });

    it('uses the copy of the status module', async () => {
      setCopy({ card: { noPreview: 'Keine Vorschau', created: 'Erstellt', duration: '{seconds} Sek.', mediaTypes: { video: 'Clip' }, open: '{title} öffnen' } });
      const card = await mount(asset({ description: null }));
      expect(parts(card).title).to.equal('Clip #1042');
      expect(parts(card).meta[2]).to.equal('5 Sek.');
      expect(parts(card).meta[3]).to.match(/^Erstellt /);
      expect(textOf(parts(card).placeholder)).to.equal('Keine Vorschau');
      expect(parts(card).open?.getAttribute('aria-label')).to.equal('Clip #1042 öffnen');
    });
  });

  describe('thumbnail', () => {
    it('is a lazy, async-decoded, decorative img of the preview, else the thumbnail', async () => {
      const card = await mount(image({ thumbnail_url: 'https://cdn.example/1041/file', preview_url: 'https://cdn.example/preview.jpg' }));
      const img = parts(card).img as HTMLImageElement;
      expect(img.getAttribute('src')).to.equal('https://cdn.example/preview.jpg');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      expect(img.getAttribute('alt')).to.equal('');
      card.asset = image({ thumbnail_url: '/api/v1/assets/1041/file' });
      await card.updateComplete;
      // Same-origin paths stay as they are.
      expect(parts(card).img?.getAttribute('src')).to.equal('/api/v1/assets/1041/file');
      expect(shown(card)).to.equal('image');
    });

    it('loads eagerly when asked', async () => {
      const card = await mount(image({ thumbnail_url: 'https://cdn.example/x.jpg' }), 'eager');
      expect(parts(card).img?.getAttribute('loading')).to.equal('eager');
      card.loading = 'sometimes' as never;
      await card.updateComplete;
      expect(parts(card).img?.getAttribute('loading')).to.equal('lazy');
    });

    it('keeps a fixed aspect ratio: the box does not change when the picture loads', async () => {
      const url = pictureUrl();
      revoke.push(url);
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"><media-card></media-card></div>`);
      const card = wrapper.querySelector('media-card') as MediaCard;
      card.asset = image({ thumbnail_url: url });
      await card.updateComplete;
      const img = parts(card).img as HTMLImageElement;
      const before = parts(card).media.getBoundingClientRect();
      const cardBefore = card.getBoundingClientRect();
      if (!img.complete) await oneEvent(img, 'load');
      expect(img.naturalWidth).to.equal(400);
      const after = parts(card).media.getBoundingClientRect();
      expect([after.width, after.height]).to.deep.equal([before.width, before.height]);
      expect(card.getBoundingClientRect().height).to.equal(cardBefore.height);
      expect(after.width / after.height).to.be.closeTo(16 / 9, 0.02);
      const shown = img.getBoundingClientRect();
      expect([shown.width, shown.height]).to.deep.equal([after.width, after.height]);
      expect(getComputedStyle(img).objectFit).to.equal('cover');
    });

    it('takes its aspect ratio from --media-card-aspect-ratio', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 300px; --media-card-aspect-ratio: 1"><media-card .asset=${image({ thumbnail_url: null })}></media-card></div>`,
      );
      const box = parts(wrapper.querySelector('media-card') as MediaCard).media.getBoundingClientRect();
      expect(box.height).to.be.closeTo(box.width, 1);
    });

    it('shows the media-type placeholder when there is no URL', async () => {
      const card = await mount(image({ thumbnail_url: null, preview_url: null }));
      expect(shown(card)).to.equal('placeholder');
      expect(textOf(parts(card).placeholder)).to.equal('No preview');
      expect(parts(card).placeholder?.querySelectorAll('svg[aria-hidden="true"]').length).to.equal(1);
      const imageGlyph = parts(card).placeholder?.querySelector('svg')?.innerHTML;
      card.asset = asset({ thumbnail_url: null });
      await card.updateComplete;
      expect(parts(card).placeholder?.querySelector('svg')?.innerHTML).not.to.equal(imageGlyph);
    });

    it('shows the placeholder when the picture fails to load (a 404)', async () => {
      const card = await mount(image({ thumbnail_url: '/no-such-thumbnail.jpg' }));
      expect(shown(card)).to.equal('image');
      await waitUntil(() => shown(card) === 'placeholder', 'the placeholder never appeared', { timeout: 4000 });
      expect(textOf(parts(card).placeholder)).to.equal('No preview');
    });

    it('tries the thumbnail when the preview fails, then the placeholder', async () => {
      const card = await mount(image({ preview_url: 'https://cdn.example/a.jpg', thumbnail_url: 'https://cdn.example/b.jpg' }));
      parts(card).img?.dispatchEvent(new Event('error'));
      await card.updateComplete;
      expect(parts(card).img?.getAttribute('src')).to.equal('https://cdn.example/b.jpg');
      parts(card).img?.dispatchEvent(new Event('error'));
      await card.updateComplete;
      expect(shown(card)).to.equal('placeholder');
      expect(textOf(parts(card).placeholder)).to.equal('No preview');
    });

    it('forgets a failure when another asset is set', async () => {
      const card = await mount(image({ thumbnail_url: 'https://cdn.example/broken.jpg' }));
      parts(card).img?.dispatchEvent(new Event('error'));
      await card.updateComplete;
      expect(shown(card)).to.equal('placeholder');
      const url = pictureUrl('second');
      revoke.push(url);
      card.asset = image({ id: 2001, thumbnail_url: url });
      await card.updateComplete;
      expect(shown(card)).to.equal('image');
      expect(parts(card).img?.getAttribute('src')).to.equal(url);
      const img = parts(card).img as HTMLImageElement;
      if (!img.complete) await oneEvent(img, 'load');
      await card.updateComplete;
      expect(parts(card).img?.naturalWidth).to.equal(400);
      expect(shown(card)).to.equal('image');
    });

    it('ignores a late error of the previous asset’s picture', async () => {
      const card = await mount(image({ thumbnail_url: 'https://cdn.example/slow.jpg' }));
      const old = parts(card).img as HTMLImageElement;
      card.asset = asset({ id: 3, file_url: 'https://cdn.example/3.mp4' });
      await card.updateComplete;
      expect(shown(card)).to.equal('video');
      old.dispatchEvent(new Event('error')); // the detached img's load failing after the switch
      await card.updateComplete;
      expect(shown(card)).to.equal('video');
    });

    it('shows a video’s image thumbnail as an img, not the video', async () => {
      const card = await mount(asset({ thumbnail_url: 'https://cdn.example/thumbnails/1042.jpg', file_url: 'https://cdn.example/1042.mp4' }));
      expect(parts(card).img?.getAttribute('src')).to.equal('https://cdn.example/thumbnails/1042.jpg');
      expect(shown(card)).to.equal('image');
    });

    it('draws a video’s first frame when it has no image thumbnail, without autoplay', async () => {
      const url = await videoUrl();
      revoke.push(url);
      // A file endpoint URL has no extension: the mime type tells it is a video.
      const card = await mount(asset({ mime_type: 'video/webm', file_url: url }));
      const video = parts(card).video as HTMLVideoElement;
      expect(shown(card)).to.equal('video');
      expect(video.getAttribute('src')?.startsWith(url)).to.equal(true);
      expect(video.getAttribute('preload')).to.equal('metadata');
      expect(video.muted).to.equal(true);
      expect(video.hasAttribute('playsinline')).to.equal(true);
      expect(video.hasAttribute('autoplay')).to.equal(false);
      expect(video.hasAttribute('controls')).to.equal(false);
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) await oneEvent(video, 'loadeddata');
      expect(video.videoWidth).to.equal(320);
      expect(video.paused).to.equal(true);
      const box = parts(card).media.getBoundingClientRect();
      expect(box.width / box.height).to.be.closeTo(16 / 9, 0.02);
    });

    it('treats an Era A thumbnail that is the video file as the video', async () => {
      const mp4 = 'https://media.pixverse.ai/openapi/output/7f3c2a9e.mp4';
      const card = await mount(asset({ thumbnail_url: mp4, file_url: mp4, remote_url: mp4 }));
      expect(shown(card)).to.equal('video');
      expect(parts(card).video?.getAttribute('src')?.startsWith(mp4)).to.equal(true);
    });

    it('shows the placeholder when the video fails to load', async () => {
      const card = await mount(asset({ file_url: '/no-such-video.mp4' }));
      expect(shown(card)).to.equal('video');
      await waitUntil(() => shown(card) === 'placeholder', 'the placeholder never appeared', { timeout: 4000 });
    });

    it('never puts a javascript: or data: URL in a src (through parseAsset)', async () => {
      const hostile = {
        preview_url: 'javascript:alert(1)',
        thumbnail_url: 'JaVaScRiPt:alert(2)',
        file_url: 'data:video/mp4;base64,AAAA',
        remote_url: 'javascript:alert(3)//.mp4',
      };
      for (const media_type of ['image', 'video']) {
        const card = await mount(asset({ media_type, ...hostile }));
        expect(srcs(card)).to.deep.equal([]);
        expect(textOf(parts(card).placeholder)).to.equal('No preview');
      }
    });

    it('never puts a javascript: URL in a src, even from a hand-made asset', async () => {
      const card = await mount({ ...image(), thumbnail_url: 'javascript:alert(1)', preview_url: ' javascript:alert(2)' } as Asset);
      expect(srcs(card)).to.deep.equal([]);
      card.asset = { ...asset(), file_url: 'javascript:alert(1)//x.mp4', mime_type: 'video/mp4' } as Asset;
      await card.updateComplete;
      expect(srcs(card)).to.deep.equal([]);
    });
  });

  describe('status and accessibility', () => {
    it('passes its status, reason and provider to its badge, and reflects asset-id and status', async () => {
      const card = await mount(
        asset({ provider_status: 'flagged', provider_flagged: true, provider_flag_reason: 'post_delivery_moderation', provider_id: 'sora' }),
      );
      const { badge } = parts(card);
      await (badge as unknown as MediaCard).updateComplete;
      expect(badge.getAttribute('status')).to.equal('flagged');
      expect(badge.getAttribute('reason')).to.equal('post_delivery_moderation');
      expect(badge.getAttribute('provider')).to.equal('sora');
      expect(textOf(badge.shadowRoot?.querySelector('[part="label"]'))).to.equal('Flagged');
      expect(card.getAttribute('asset-id')).to.equal('1042');
      expect(card.getAttribute('status')).to.equal('flagged');
      expect(card.matches('media-card[status=flagged]')).to.equal(true);
      card.asset = asset({ id: 5, provider_status: 'local_only' });
      await card.updateComplete;
      expect(card.getAttribute('asset-id')).to.equal('5');
      expect(card.getAttribute('status')).to.equal('local_only');
      expect(parts(card).badge.getAttribute('status')).to.equal('local_only');
      card.asset = null;
      await card.updateComplete;
      expect(card.hasAttribute('asset-id')).to.equal(false);
      expect(card.hasAttribute('status')).to.equal(false);
    });

    for (const status of PROVIDER_STATUSES) {
      it(`is named by its title and status, and accessible (${status})`, async () => {
        const card = await mount(asset({ provider_status: status, description: 'Neon koi drifting' }));
        expect(parts(card).article.localName).to.equal('article');
        expect(labelledName(card)).to.equal(`Neon koi drifting ${statusLabel(status)}`);
        // The status words are the badge's, which sit in the badge's own shadow root: the card names itself
        // from a hidden copy of them in its own root (ids do not cross shadow roots).
        expect(textOf(parts(card).badge.shadowRoot?.querySelector('[part="label"]'))).to.equal(statusLabel(status));
        expect(parts(card).open?.getAttribute('aria-label')).to.equal('Open Neon koi drifting');
        await expect(card).to.be.accessible();
        expect(axeName(parts(card).article)).to.equal(`Neon koi drifting ${statusLabel(status)}`);
        expect(axeName(parts(card).open as HTMLButtonElement)).to.equal('Open Neon koi drifting');
      });
    }

    it('is accessible with a placeholder and a long flag reason', async () => {
      const card = await mount(
        image({ thumbnail_url: null, description: null, provider_status: 'flagged', provider_flagged: true, provider_flag_reason: 'x '.repeat(200) }),
      );
      expect(shown(card)).to.equal('placeholder');
      await expect(card).to.be.accessible();
    });
  });

  describe('open', () => {
    it('fires asset-open with the asset on a click, bubbling out of the shadow root', async () => {
      const value = asset();
      const wrapper = await fixture<HTMLDivElement>(html`<div><media-card .asset=${value}></media-card></div>`);
      const card = wrapper.querySelector('media-card') as MediaCard;
      const opened = oneEvent(wrapper, 'asset-open') as Promise<CustomEvent<AssetOpenDetail>>;
      parts(card).open?.click();
      const event = await opened;
      expect(event.detail.asset).to.equal(value);
      expect(event.composed).to.equal(true);
      expect(event.target === card).to.equal(true);
    });

    it('opens with Enter and Space from the keyboard', async () => {
      const value = asset();
      const wrapper = await fixture<HTMLDivElement>(html`<div><button>before</button><media-card .asset=${value}></media-card></div>`);
      const card = wrapper.querySelector('media-card') as MediaCard;
      const opened: AssetOpenDetail[] = [];
      card.addEventListener('asset-open', (event) => opened.push(event.detail));
      (wrapper.querySelector('button') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Tab' });
      expect(shadow(card).activeElement === parts(card).open).to.equal(true);
      expect(parts(card).open?.getAttribute('aria-label')).to.equal('Open Neon koi drifting through a rain-soaked alley');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      expect(opened.map((detail) => detail.asset)).to.deep.equal([value, value]);
    });

    it('keeps the badge separately clickable', async () => {
      const card = await mount(asset({ provider_status: 'local_only' }));
      const { badge, open } = parts(card);
      expect(badge.closest('button') === null).to.equal(true);
      expect(open?.contains(badge)).to.equal(false);
      let opened = 0;
      card.addEventListener('asset-open', () => opened++);
      await (badge as unknown as MediaCard).updateComplete;
      const badgeButton = badge.shadowRoot?.querySelector('button') as HTMLButtonElement;
      badgeButton.click();
      await (badge as unknown as MediaCard).updateComplete;
      expect(opened).to.equal(0);
      expect(badge.shadowRoot?.querySelector('[part="explanation"]')?.matches(':popover-open')).to.equal(true);
      // The badge is reachable by Tab after the open button.
      parts(card).open?.focus();
      await sendKeys({ press: 'Tab' });
      expect(badge.shadowRoot?.activeElement === badgeButton).to.equal(true);
      await sendKeys({ press: 'Escape' });
    });
  });

  describe('hostile input', () => {
    it('renders markup in description, provider and reason as text', async () => {
      const attack = '<img src=x onerror="window.__pwned=1">';
      const card = await mount(
        asset({
          description: attack,
          provider_id: `${attack}<script>window.__pwned=2</script>`,
          provider_status: 'flagged',
          provider_flagged: true,
          provider_flag_reason: attack,
          thumbnail_url: null,
        }),
      );
      await aTimeout(50);
      expect(parts(card).title).to.equal(attack);
      expect(parts(card).meta[1]).to.equal(`${attack}<script>window.__pwned=2</script>`);
      expect(shadow(card).querySelectorAll('img, script').length).to.equal(0);
      const { badge } = parts(card);
      await (badge as unknown as MediaCard).updateComplete;
      expect(badge.shadowRoot?.querySelector('[part="explanation"]')?.textContent).to.contain(attack);
      expect(badge.shadowRoot?.querySelectorAll('img, script').length).to.equal(0);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(labelledName(card)).to.equal(`${attack} Flagged`);
    });

    it('renders an empty card for null or garbage, and never throws', async () => {
      const errors: unknown[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.error);
      window.addEventListener('error', onError);
      try {
        const garbage: unknown[] = [
          null,
          undefined,
          'asset',
          42,
          [],
          {},
          { id: '1042' },
          { id: Number.NaN },
          { id: 7, media_type: 12, description: { toString: null }, provider_id: [], created_at: 'yesterday', duration_sec: '5', provider_status: 'pending', tags: null },
        ];
        const card = await mount(null);
        for (const value of garbage) {
          card.asset = value as Asset;
          await card.updateComplete;
          const empty = (value as { id?: unknown })?.id !== 7;
          expect(shadow(card).querySelectorAll('article').length, String(value)).to.equal(1);
          expect(card.hasAttribute('asset-id'), JSON.stringify(value)).to.equal(!empty);
          if (empty) {
            expect(shadow(card).querySelectorAll('button').length).to.equal(0);
            expect(shown(card)).to.equal('nothing');
            expect(textOf(parts(card).article)).to.equal('');
          }
        }
        expect(parts(card).title).to.equal('#7');
        expect(parts(card).badge.getAttribute('status')).to.equal('unknown');
        expect(card.getAttribute('status')).to.equal('unknown');
        expect(parts(card).meta).to.deep.equal([]);
        card.asset = null;
        await card.updateComplete;
        await expect(card).to.be.accessible();
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
    });
  });
});
