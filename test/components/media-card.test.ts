import { aTimeout, expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { nothing, render } from 'lit';
import '../../src/media-card.js';
import type { AssetOpenDetail, MediaCard, UploadRequestDetail, UploadState } from '../../src/media-card.js';
import { parseAsset, type Asset } from '../../src/api/index.js';
import { statusIcon } from '../../src/components/shared/status-icons.js';
import {
  countByStatus,
  DEFAULT_COPY,
  formatCopy,
  interpretUploadResponse,
  PROVIDER_STATUSES,
  resetCopy,
  setCopy,
  statusLabel,
  type ProviderStatus,
} from '../../src/status/index.js';
import { press, skipWithoutHoverOnLayout, waitUntil } from '../helpers.js';

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

/**
 * A picture that really loads: a 400×100 PNG (not 16:9) as a blob: URL, drawn on a canvas; each label a
 * different file. Not an SVG: WebKit gives an SVG's naturalWidth as laid out, not as the file says.
 */
async function pictureUrl(label = 'x'): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = 400;
  canvas.height = 100;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.fillStyle = 'teal';
  context.fillRect(0, 0, 400, 100);
  context.fillStyle = 'white';
  context.fillText(label, 10, 50);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas made no PNG');
  return URL.createObjectURL(blob);
}

/** The real 2-second 320×180 webm of mocks/media, as a blob: URL (no extension, like a file endpoint). */
async function videoUrl(): Promise<string> {
  const response = await fetch(new URL('../../mocks/media/sample.webm', import.meta.url));
  return URL.createObjectURL(await response.blob());
}

async function mount(value: unknown, loading?: string): Promise<MediaCard> {
  return fixture<MediaCard>(html`<media-card .asset=${value} loading=${loading ?? 'lazy'}></media-card>`);
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
      const url = await pictureUrl();
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

    it('takes its aspect ratio from --age-media-aspect-ratio', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 300px; --age-media-aspect-ratio: 1"><media-card .asset=${image({ thumbnail_url: null })}></media-card></div>`,
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
      const url = await pictureUrl('second');
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
      const card = await mount({ ...image(), thumbnail_url: 'javascript:alert(1)', preview_url: ' javascript:alert(2)' });
      expect(srcs(card)).to.deep.equal([]);
      card.asset = { ...asset(), file_url: 'javascript:alert(1)//x.mp4', mime_type: 'video/mp4' };
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

    it('has the custom state of its status (:state(flagged), …), one at a time, following the asset', async () => {
      const states = (card: MediaCard) => PROVIDER_STATUSES.filter((status) => card.matches(`:state(${status})`));
      const card = await mount(asset({ provider_status: 'flagged', provider_flagged: true }));
      expect(card.matches(':state(flagged)')).to.equal(true);
      expect(states(card)).to.deep.equal(['flagged']);
      card.asset = asset({ id: 5, provider_status: 'local_only' });
      await card.updateComplete;
      expect(card.matches(':state(flagged)')).to.equal(false);
      expect(states(card)).to.deep.equal(['local_only']);
      // The same asset, now OK: the state follows the status, as the attribute does.
      card.asset = asset({ id: 5, provider_status: 'ok' });
      await card.updateComplete;
      expect(states(card)).to.deep.equal([card.getAttribute('status')]);
      expect(states(card)).to.deep.equal(['ok']);
      card.asset = null;
      await card.updateComplete;
      expect(states(card)).to.deep.equal([]);
      card.asset = { id: 7, provider_status: 'pending' } as unknown as Asset;
      await card.updateComplete;
      expect(states(card)).to.deep.equal(['unknown']);
    });

    it('never throws for custom states: without them (internals taken, an engine of `--name` states) the attribute still says it', async () => {
      // A subclass that attached the internals itself: the card cannot have its own, so it has no custom states.
      const Card = customElements.get('media-card') as unknown as new () => MediaCard;
      if (!customElements.get('media-card-own-internals')) {
        customElements.define('media-card-own-internals', class extends Card {
          readonly internals = this.attachInternals();
        });
      }
      const flagged = asset({ provider_status: 'flagged', provider_flagged: true });
      // Made by name (the template checker knows no such tag), then put in the page like any fixture.
      const taken = document.createElement('media-card-own-internals') as MediaCard;
      taken.asset = flagged;
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(taken);
      await taken.updateComplete;
      expect(taken.getAttribute('status')).to.equal('flagged');
      expect(taken.matches(':state(flagged)')).to.equal(false);
      expect(textOf(parts(taken).badge.shadowRoot?.querySelector('[part="label"]'))).to.equal('Flagged');
      // An engine whose CustomStateSet refuses plain names (Chromium before 125 took only `--flagged`).
      const add = Object.getOwnPropertyDescriptor(CustomStateSet.prototype, 'add');
      const refuse = () => {
        throw new DOMException("The state must start with '--'", 'SyntaxError');
      };
      Object.defineProperty(CustomStateSet.prototype, 'add', { configurable: true, writable: true, value: refuse });
      try {
        const card = await mount(asset({ provider_status: 'local_only' }));
        card.asset = asset({ id: 9, provider_status: 'ok' });
        await card.updateComplete;
        expect(card.getAttribute('status')).to.equal('ok');
        expect(card.matches(':state(ok)')).to.equal(false);
      } finally {
        if (add) Object.defineProperty(CustomStateSet.prototype, 'add', add);
      }
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
      await press('Tab');
      expect(shadow(card).activeElement === parts(card).open).to.equal(true);
      expect(parts(card).open?.getAttribute('aria-label')).to.equal('Open Neon koi drifting through a rain-soaked alley');
      await press('Enter');
      await press(' ');
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
      await press('Tab');
      expect(badge.shadowRoot?.activeElement === badgeButton).to.equal(true);
      await press('Escape');
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

    it('drops the previous asset for one whose getters throw, or a revoked Proxy, and finishes its update', async () => {
      const card = await mount(asset({ provider_status: 'ok' }));
      expect(card.getAttribute('status')).to.equal('ok');
      const stale = {
        id: 9,
        get provider_status(): never {
          throw new Error('stale');
        },
        get description(): never {
          throw new Error('stale');
        },
      };
      card.asset = stale as unknown as Asset;
      await card.updateComplete; // rejects when the update throws
      // Not the previous asset's title and status: what can be read (the id), Unknown for the rest.
      expect(parts(card).title).to.equal('#9');
      expect(labelledName(card)).to.equal('#9 Unknown');
      expect(card.getAttribute('asset-id')).to.equal('9');
      expect(card.getAttribute('status')).to.equal('unknown');
      expect(parts(card).badge.getAttribute('status')).to.equal('unknown');

      card.asset = asset({ provider_status: 'ok' });
      await card.updateComplete;
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      card.asset = proxy as unknown as Asset;
      await card.updateComplete;
      expect(card.hasAttribute('asset-id')).to.equal(false);
      expect(card.hasAttribute('status')).to.equal(false);
      expect(textOf(parts(card).article)).to.equal('');
      expect(shadow(card).querySelectorAll('button').length).to.equal(0);
    });
  });

  describe('position and tabbable', () => {
    it('treats position and tabbable set to undefined (a removed framework prop), or a blank position, as unset', async () => {
      const value = asset({ provider_status: 'local_only' });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><button>before</button><media-card uploads .asset=${value} .position=${'3 of 9'} .tabbable=${false}></media-card></div>`,
      );
      const card = wrapper.querySelector('media-card') as MediaCard;
      await card.updateComplete; // the upload controls' code, loaded on first use
      expect(parts(card).open?.getAttribute('tabindex')).to.equal('-1');
      expect(textOf($(card, '[part="body"]'))).to.match(/Retry upload , 3 of 9$/);
      for (const position of [undefined, '  ']) {
        card.position = position as unknown as string | null;
        card.tabbable = undefined as unknown as boolean;
        await card.updateComplete;
        const badge = parts(card).badge as unknown as MediaCard;
        await badge.updateComplete;
        const badgeButton = badge.shadowRoot?.querySelector('button') as HTMLButtonElement;
        // No stray ", " after the controls, and every button in the tab order.
        expect(textOf($(card, '[part="body"]')), String(position)).to.match(/Retry upload$/);
        expect(parts(card).open?.hasAttribute('tabindex'), String(position)).to.equal(false);
        expect(badgeButton.hasAttribute('tabindex')).to.equal(false);
        expect($(card, '[part~="upload-button"]')?.hasAttribute('tabindex')).to.equal(false);
        (wrapper.querySelector('button') as HTMLButtonElement).focus();
        await press('Tab');
        expect(shadow(card).activeElement === parts(card).open, 'Tab reaches the open button').to.equal(true);
        await press('Tab');
        expect(badge.shadowRoot?.activeElement === badgeButton, 'then the badge').to.equal(true);
        await press('Tab');
        expect(shadow(card).activeElement === $(card, '[part~="upload-button"]'), 'then the upload button').to.equal(true);
        await press('Escape');
      }
    });
  });
});

describe('<media-card> uploads', () => {
  afterEach(() => resetCopy());

  /** A card with upload controls on (unless `uploads: false`), in a wrapper to listen on. */
  async function mountUploads(
    value: Asset,
    options: { uploads?: boolean; provider?: string; upload?: UploadState | null } = {},
  ): Promise<{ card: MediaCard; requests: CustomEvent<UploadRequestDetail>[] }> {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 20rem">
        <button>before</button
        ><media-card
          .asset=${value}
          ?uploads=${options.uploads ?? true}
          upload-provider=${options.provider ?? nothing}
          .upload=${options.upload ?? null}
        ></media-card>
      </div>`,
    );
    const card = wrapper.querySelector('media-card') as MediaCard;
    const requests: CustomEvent<UploadRequestDetail>[] = [];
    wrapper.addEventListener('upload-request', (event) => requests.push(event));
    return { card, requests };
  }

  const up = (card: MediaCard) => ({
    root: $(card, '[part="upload"]'),
    button: $<HTMLButtonElement>(card, '[part~="upload-button"]'),
    progress: $<HTMLProgressElement>(card, '[part~="upload-progress"]'),
    message: textOf($(card, '[part~="upload-message"]')),
    icon: $(card, '[part="upload"] svg'),
  });

  /** The markup of an SVG template without Lit's comment markers. */
  const markup = (node: Element | null | undefined) => (node?.outerHTML ?? '').replace(/<!--[^]*?-->/g, '');
  function iconMarkup(status: ProviderStatus): string {
    const holder = document.createElement('div');
    render(statusIcon(status), holder);
    return markup(holder.querySelector('svg'));
  }

  const accepted = () => ({ phase: 'done' as const, ...interpretUploadResponse({ note: 'Uploaded via OpenAPI', provider_id: 'pixverse' }) });
  const savedLocally = () => ({
    phase: 'done' as const,
    ...interpretUploadResponse({ note: 'Asset saved locally; provider upload failed: No available account for provider pixverse', provider_id: 'pixverse' }),
  });
  const SERVER_DETAIL = 'Provider upload failed: Pixverse upload failed: upstream timeout';
  const failed = () => ({ phase: 'failed' as const, message: formatCopy(DEFAULT_COPY.errors.httpWithDetail, { status: 502, detail: SERVER_DETAIL }) });

  it('shows no controls without `uploads`, and shows them when it is set', async () => {
    const { card } = await mountUploads(asset({ provider_status: 'local_only', provider_id: null }), { uploads: false });
    expect(card.uploads).to.equal(false);
    expect(up(card).root).to.equal(null);
    expect(shadow(card).querySelectorAll('button').length).to.equal(1); // the open button only
    // Even a state given by a host shows nothing without `uploads`.
    card.upload = failed();
    await card.updateComplete;
    expect(up(card).root).to.equal(null);
    card.upload = null;
    card.uploads = true;
    await card.updateComplete;
    expect(card.hasAttribute('uploads')).to.equal(true);
    expect(textOf(up(card).button)).to.equal('Retry upload');
    card.removeAttribute('uploads');
    await card.updateComplete;
    expect(up(card).root).to.equal(null);
  });

  it('says "Upload to provider", or "Retry upload" on a local-only card, from the copy', async () => {
    const { card } = await mountUploads(asset({ provider_status: 'unknown', provider_id: null }));
    expect(textOf(up(card).button)).to.equal('Upload to provider');
    expect(up(card).button?.getAttribute('type')).to.equal('button');
    expect(up(card).button?.hasAttribute('aria-disabled')).to.equal(false);
    expect(up(card).progress).to.equal(null);
    expect(up(card).message).to.equal('');
    card.asset = asset({ provider_status: 'local_only', provider_id: null });
    await card.updateComplete;
    expect(textOf(up(card).button)).to.equal('Retry upload');
    setCopy({ upload: { retry: 'Erneut hochladen' } });
    card.requestUpdate();
    await card.updateComplete;
    expect(textOf(up(card).button)).to.equal('Erneut hochladen');
  });

  it('offers nothing for a flagged asset, nor for one already OK on the target provider', async () => {
    const flagged = await mountUploads(asset({ provider_status: 'flagged', provider_flagged: true, provider_flag_reason: 'moderation' }));
    expect(up(flagged.card).root).to.equal(null);
    flagged.card.uploadProvider = 'sora';
    await flagged.card.updateComplete;
    expect(up(flagged.card).root).to.equal(null);

    const ok = await mountUploads(asset({ provider_status: 'ok', provider_id: 'pixverse' }));
    expect(up(ok.card).root).to.equal(null);
    ok.card.setAttribute('upload-provider', 'pixverse');
    await ok.card.updateComplete;
    expect(up(ok.card).root).to.equal(null);
    // OK on Pixverse is not OK on Sora.
    ok.card.setAttribute('upload-provider', 'sora');
    await ok.card.updateComplete;
    expect(textOf(up(ok.card).button)).to.equal('Upload to provider');
  });

  it('fires one cancelable, composed upload-request whose provider is upload-provider, else provider_id, else pixverse', async () => {
    const { card, requests } = await mountUploads(asset({ id: 7, provider_status: 'local_only', provider_id: 'sora' }), { provider: 'openapi' });
    up(card).button?.click();
    expect(requests.length).to.equal(1);
    const [event] = requests as [CustomEvent<UploadRequestDetail>];
    expect(event.detail).to.deep.equal({ kind: 'reupload', assetId: 7, providerId: 'openapi' });
    expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
    expect(event.target === card).to.equal(true);
    expect(card.uploadTarget).to.equal('openapi');

    const byAsset = await mountUploads(asset({ id: 8, provider_status: 'local_only', provider_id: 'sora' }));
    up(byAsset.card).button?.click();
    expect(byAsset.requests.map((request) => request.detail)).to.deep.equal([{ kind: 'reupload', assetId: 8, providerId: 'sora' }]);

    const byDefault = await mountUploads(asset({ id: 9, provider_status: 'unknown', provider_id: null }), { provider: '  ' });
    up(byDefault.card).button?.click();
    expect(byDefault.requests.map((request) => request.detail)).to.deep.equal([{ kind: 'reupload', assetId: 9, providerId: 'pixverse' }]);
  });

  it('sends one request for a burst of five clicks, and shows it pending until .upload changes', async () => {
    const { card, requests } = await mountUploads(asset({ provider_status: 'local_only' }));
    const button = up(card).button as HTMLButtonElement;
    for (let i = 0; i < 5; i++) button.click();
    expect(requests.length).to.equal(1);
    await card.updateComplete;
    expect(up(card).button === button).to.equal(true);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(textOf(button)).to.equal('Retry upload');
    expect(up(card).message).to.equal('Uploading to Pixverse…');
    for (let i = 0; i < 5; i++) button.click();
    await card.updateComplete;
    expect(requests.length).to.equal(1);
    // The handler says it runs, then that it failed: Retry sends one more.
    card.upload = { phase: 'running', providerId: 'pixverse' };
    await card.updateComplete;
    button.click();
    expect(requests.length).to.equal(1);
    card.upload = failed();
    await card.updateComplete;
    for (let i = 0; i < 5; i++) up(card).button?.click();
    expect(requests.length).to.equal(2);
  });

  it('goes back to its button when the request is cancelled', async () => {
    const { card, requests } = await mountUploads(asset({ provider_status: 'unknown', provider_id: null }));
    card.addEventListener('upload-request', (event) => event.preventDefault());
    for (let i = 0; i < 3; i++) {
      up(card).button?.click();
      await card.updateComplete;
      expect(up(card).button?.hasAttribute('aria-disabled')).to.equal(false);
      expect(up(card).progress).to.equal(null);
      expect(textOf(up(card).button)).to.equal('Upload to provider');
    }
    expect(requests.length).to.equal(3);
    expect(requests.every((request) => request.defaultPrevented)).to.equal(true);
  });

  it('shows progress while running: the button stays, focused, aria-disabled, and clicks do nothing', async () => {
    const { card, requests } = await mountUploads(asset({ provider_status: 'local_only', provider_id: 'pixverse' }));
    const button = up(card).button as HTMLButtonElement;
    button.focus();
    card.upload = { phase: 'running', providerId: 'sora' };
    await card.updateComplete;
    expect(up(card).button === button).to.equal(true);
    expect(shadow(card).activeElement === button).to.equal(true);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.hasAttribute('disabled')).to.equal(false);
    const progress = up(card).progress as HTMLProgressElement;
    expect(progress.localName).to.equal('progress');
    expect(progress.hasAttribute('value')).to.equal(false); // indeterminate
    expect(progress.checkVisibility()).to.equal(true);
    expect(progress.getBoundingClientRect().width).to.be.greaterThan(0);
    expect(up(card).message).to.equal('Uploading to Sora…');
    button.click();
    await press('Enter');
    await press(' ');
    expect(requests.length).to.equal(0);
    await expect(card).to.be.accessible();
    expect(axeName(progress)).to.equal('Uploading to Sora…');
    expect(axeName(button)).to.equal('Retry upload');
  });

  it('shows an accepted upload with the check and "Uploaded to Pixverse", and no button', async () => {
    const { card } = await mountUploads(asset({ provider_status: 'local_only' }), { upload: accepted() });
    expect(up(card).message).to.equal('Uploaded to Pixverse');
    expect(markup(up(card).icon)).to.equal(iconMarkup('ok'));
    expect(up(card).button).to.equal(null);
    expect(up(card).progress).to.equal(null);
    // Still shown once the asset itself became OK on the provider.
    card.asset = asset({ provider_status: 'ok' });
    await card.updateComplete;
    expect(up(card).message).to.equal('Uploaded to Pixverse');
    await expect(card).to.be.accessible();
  });

  it('shows a local-only result as saved locally, with its reason and Retry, never as uploaded', async () => {
    const { card, requests } = await mountUploads(asset({ provider_status: 'local_only' }), { upload: savedLocally() });
    expect(up(card).message).to.equal('Saved locally; provider upload failed: No available account for provider pixverse');
    expect(markup(up(card).icon)).to.equal(iconMarkup('local_only'));
    expect(markup(up(card).icon)).not.to.equal(iconMarkup('ok'));
    expect(textOf(up(card).button)).to.equal('Retry upload');
    const all = textOf(up(card).root);
    expect(all).not.to.match(/uploaded/i);
    expect(all).not.to.match(/accepted/i);
    up(card).button?.click();
    expect(requests.map((request) => request.detail.providerId)).to.deep.equal(['pixverse']);
    await expect(card).to.be.accessible();
  });

  it('never shows a check for a result the provider did not accept', async () => {
    const { card } = await mountUploads(asset({ provider_status: 'unknown' }), {
      upload: { phase: 'done', ...interpretUploadResponse('not json') },
    });
    expect(markup(up(card).icon)).to.equal(iconMarkup('unknown'));
    expect(textOf(up(card).button)).to.equal('Retry upload');
    card.upload = { phase: 'done', providerSucceeded: false, status: 'ok', message: 'x' };
    await card.updateComplete;
    expect(markup(up(card).icon)).not.to.equal(iconMarkup('ok'));
  });

  it('shows a failed request as an error with the server’s detail, and a Retry that fires again', async () => {
    const { card, requests } = await mountUploads(asset({ provider_status: 'unknown', provider_id: null }), { upload: failed() });
    expect(up(card).message).to.equal(`The server could not complete the request (HTTP 502): ${SERVER_DETAIL}`);
    const icon = markup(up(card).icon);
    expect(icon).to.contain('<circle');
    for (const status of PROVIDER_STATUSES) expect(icon).not.to.equal(iconMarkup(status));
    // The flagged colours, not the flag.
    const outcome = $(card, '.upload-outcome') as HTMLElement;
    expect(getComputedStyle(outcome).color).to.equal('rgb(161, 17, 29)');
    expect(textOf(up(card).button)).to.equal('Retry upload');
    up(card).button?.click();
    expect(requests.map((request) => request.detail)).to.deep.equal([{ kind: 'reupload', assetId: 1042, providerId: 'pixverse' }]);
    await card.updateComplete;
    expect(up(card).button?.getAttribute('aria-disabled')).to.equal('true');
    // Nothing is flagged-coloured in the card's own words but the outcome.
    card.upload = failed();
    await card.updateComplete;
    await expect(card).to.be.accessible();
    expect(axeName(up(card).button as HTMLButtonElement)).to.equal('Retry upload');
  });

  it('fires with Enter and Space from the keyboard', async () => {
    const { card, requests } = await mountUploads(asset({ provider_status: 'local_only' }));
    card.addEventListener('upload-request', (event) => event.preventDefault()); // stays idle
    up(card).button?.focus();
    await press('Enter');
    await press(' ');
    expect(requests.length).to.equal(2);
    // Reached by Tab after the badge.
    const badge = parts(card).badge;
    await (badge as unknown as MediaCard).updateComplete;
    (badge.shadowRoot?.querySelector('button') as HTMLButtonElement).focus();
    await press('Tab');
    expect(shadow(card).activeElement === up(card).button).to.equal(true);
    await press('Escape');
  });

  it('keeps focus in the card when an accepted upload takes its button away', async () => {
    const { card } = await mountUploads(asset({ provider_status: 'local_only' }));
    up(card).button?.focus();
    card.upload = { phase: 'running', providerId: 'pixverse' };
    await card.updateComplete;
    card.upload = accepted();
    await card.updateComplete;
    expect(up(card).button).to.equal(null);
    expect(shadow(card).activeElement === parts(card).open).to.equal(true);
  });

  it('is not a live region: the gallery announces outcomes', async () => {
    const { card } = await mountUploads(asset({ provider_status: 'local_only' }), { upload: savedLocally() });
    const root = up(card).root as HTMLElement;
    expect(root.querySelectorAll('[aria-live], [role="status"], [role="alert"], output').length).to.equal(0);
    expect(root.closest('[aria-live]')).to.equal(null);
  });

  it('forgets a pending request when it is given another asset', async () => {
    const { card, requests } = await mountUploads(asset({ id: 1, provider_status: 'local_only' }));
    up(card).button?.click();
    await card.updateComplete;
    expect(up(card).button?.getAttribute('aria-disabled')).to.equal('true');
    card.asset = asset({ id: 2, provider_status: 'local_only' });
    await card.updateComplete;
    expect(up(card).button?.hasAttribute('aria-disabled')).to.equal(false);
    up(card).button?.click();
    expect(requests.map((request) => request.detail.assetId)).to.deep.equal([1, 2]);
  });

  it('shows text, not markup, and treats garbage in .upload as idle', async () => {
    const attack = '<img src=x onerror="window.__pwned=3">';
    const { card } = await mountUploads(asset({ provider_status: 'local_only' }), { upload: { phase: 'failed', message: attack } });
    expect(up(card).message).to.equal(attack);
    card.upload = { phase: 'running', providerId: attack };
    await card.updateComplete;
    expect(up(card).message).to.equal(`Uploading to ${attack}…`);
    expect(shadow(card).querySelectorAll('img').length).to.equal(0);
    for (const garbage of [{}, { phase: 'later' }, 'running', 42, []]) {
      card.upload = garbage as unknown as UploadState;
      await card.updateComplete;
      expect(textOf(up(card).button)).to.equal('Retry upload');
      expect(up(card).button?.hasAttribute('aria-disabled')).to.equal(false);
    }
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows its idle button for an .upload whose getters throw, or a revoked Proxy, and finishes its update', async () => {
    const { card } = await mountUploads(asset({ provider_status: 'local_only' }), { upload: failed() });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const stale = {
      get phase(): never {
        throw new Error('stale');
      },
    };
    for (const garbage of [stale, proxy]) {
      card.upload = failed();
      await card.updateComplete;
      card.upload = garbage as unknown as UploadState;
      await card.updateComplete; // rejects when the update throws
      expect(textOf(up(card).button)).to.equal('Retry upload');
      expect(up(card).message).to.equal('');
      expect(up(card).button?.hasAttribute('aria-disabled')).to.equal(false);
      expect(up(card).button?.hasAttribute('aria-describedby')).to.equal(false);
    }
  });

  it('stops showing "Uploading…" when the handler sets .upload to null again', async () => {
    const { card, requests } = await mountUploads(asset({ provider_status: 'local_only' }));
    up(card).button?.click();
    await card.updateComplete;
    expect(up(card).message).to.equal('Uploading to Pixverse…');
    card.upload = null; // null before, null now: still the handler's answer
    await card.updateComplete;
    expect(up(card).message).to.equal('');
    expect(up(card).progress).to.equal(null);
    expect(up(card).button?.hasAttribute('aria-disabled')).to.equal(false);
    up(card).button?.click();
    expect(requests.length).to.equal(2);
  });

  it('stops showing "Uploading…" when the asset comes back with another status', async () => {
    const { card } = await mountUploads(asset({ provider_status: 'local_only' }));
    up(card).button?.click();
    await card.updateComplete;
    expect(up(card).button?.getAttribute('aria-disabled')).to.equal('true');
    // The same asset, now OK on the card's target provider: nothing left to upload, nothing running.
    card.asset = asset({ provider_status: 'ok' });
    await card.updateComplete;
    // Compared as text and booleans: a failed equality on a DOM node can hang the runner.
    expect(textOf(parts(card).article)).not.to.contain('Uploading');
    expect(up(card).root === null, 'no upload controls').to.equal(true);
    expect(textOf(parts(card).badge.shadowRoot?.querySelector('[part="label"]'))).to.equal('Provider OK');
  });

  it('does not show another asset’s outcome when it is given another asset', async () => {
    const done: UploadState = { phase: 'done', assetId: 1, providerSucceeded: true, status: 'ok', message: 'Uploaded to Pixverse' };
    const { card } = await mountUploads(asset({ id: 1, provider_status: 'ok', provider_id: 'sora' }), { upload: done });
    expect(up(card).message).to.equal('Uploaded to Pixverse');
    card.asset = asset({ id: 2, provider_status: 'local_only' });
    await card.updateComplete;
    await (parts(card).badge as unknown as MediaCard).updateComplete;
    expect(textOf(parts(card).badge.shadowRoot?.querySelector('[part="label"]'))).to.equal('Local only');
    expect(up(card).message).to.equal('');
    expect(up(card).icon === null, 'no outcome icon').to.equal(true);
    expect(textOf(up(card).button)).to.equal('Retry upload');
    // Its own asset again: its own outcome again.
    card.asset = asset({ id: 1, provider_status: 'ok', provider_id: 'sora' });
    await card.updateComplete;
    expect(up(card).message).to.equal('Uploaded to Pixverse');
  });

  it('derives the status of a raw server item without provider_status as the overview counts it', async () => {
    const raw = { id: 5, media_type: 'image', provider_id: 'pixverse', provider_flagged: true, provider_flag_reason: 'post_delivery_moderation', description: 'Raw koi' };
    expect(countByStatus([raw]).flagged).to.equal(1);
    const { card } = await mountUploads(raw as unknown as Asset);
    const badge = parts(card).badge;
    await (badge as unknown as MediaCard).updateComplete;
    expect(card.getAttribute('status')).to.equal('flagged');
    expect(textOf(badge.shadowRoot?.querySelector('[part="label"]'))).to.equal('Flagged');
    expect(badge.getAttribute('reason')).to.equal('post_delivery_moderation');
    expect(labelledName(card)).to.equal('Raw koi Flagged');
    expect(up(card).root === null, 'no upload offered for a flagged asset').to.equal(true);
    // A raw local-only save, by its note: Local only with its reason, and Retry.
    card.asset = { id: 6, note: 'Asset saved locally; provider upload failed: No available account' } as unknown as Asset;
    await card.updateComplete;
    await (badge as unknown as MediaCard).updateComplete;
    expect(card.getAttribute('status')).to.equal('local_only');
    expect(badge.getAttribute('reason')).to.equal('No available account');
    expect(textOf(up(card).button)).to.equal('Retry upload');
  });

  it('words an outcome given without a message from the copy, never an empty message', async () => {
    const { card } = await mountUploads(asset({ provider_status: 'unknown', provider_id: null }), {
      upload: { phase: 'failed' } as unknown as UploadState,
    });
    const described = () => textOf(shadow(card).getElementById(up(card).button?.getAttribute('aria-describedby') ?? ''));
    expect(up(card).message).to.equal('Provider status unknown');
    expect(described()).to.equal('Provider status unknown');
    await expect(card).to.be.accessible();
    card.upload = { phase: 'done', providerSucceeded: false, status: 'local_only', message: '  ', reason: 'No available account' };
    await card.updateComplete;
    expect(up(card).message).to.equal('Provider upload failed; stored locally in PixSim7: No available account');
    expect(described()).to.equal(up(card).message);
    expect(up(card).message).not.to.match(/uploaded|accepted/i);
    card.upload = { phase: 'done', providerSucceeded: true, status: 'ok', message: '' };
    await card.updateComplete;
    expect(up(card).message).to.equal('Provider accepted this asset');
    expect(markup(up(card).icon)).to.equal(iconMarkup('ok'));
  });

  for (const [name, value, upload] of [
    ['idle', asset({ provider_status: 'unknown', provider_id: null }), null],
    ['retry', asset({ provider_status: 'local_only' }), null],
    ['running', asset({ provider_status: 'local_only' }), { phase: 'running', providerId: 'pixverse' }],
    ['accepted', asset({ provider_status: 'ok' }), 'accepted'],
    ['local only', asset({ provider_status: 'local_only' }), 'savedLocally'],
    ['failed', asset({ provider_status: 'unknown' }), 'failed'],
  ] as const) {
    it(`is accessible (${name})`, async () => {
      const state = upload === 'accepted' ? accepted() : upload === 'savedLocally' ? savedLocally() : upload === 'failed' ? failed() : upload;
      const { card } = await mountUploads(value, { upload: state as UploadState | null });
      expect(up(card).root).not.to.equal(null);
      await expect(card).to.be.accessible();
    });
  }
});

describe('<media-card> badge explanation (issue 12: the page holds still)', () => {
  afterEach(() => resetMouse());

  const SERVER_DETAIL = 'Provider upload failed: Pixverse upload failed: upstream timeout';
  const failed = (): UploadState => ({ phase: 'failed', message: formatCopy(DEFAULT_COPY.errors.httpWithDetail, { status: 502, detail: SERVER_DETAIL }) });
  const localOnly = (overrides: Record<string, unknown> = {}) =>
    asset({ provider_status: 'local_only', provider_status_reason: "No available account for provider 'pixverse'", ...overrides });

  /** A card showing a failed upload (Retry and the error text under the badge), under a status line that starts empty. */
  async function mountFailed(value: Asset = localOnly()) {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 18rem; padding: 8px">
        <button>before</button>
        <p class="status-line" style="margin: 0; height: 0"></p>
        <media-card .asset=${value} uploads .upload=${failed()}></media-card>
      </div>`,
    );
    const card = wrapper.querySelector('media-card') as MediaCard;
    const badge = $(card, 'provider-badge') as HTMLElement & { updateComplete: Promise<boolean> };
    await badge.updateComplete;
    const badgeRoot = badge.shadowRoot as ShadowRoot;
    const els = {
      wrapper,
      card,
      badge,
      badgeButton: badgeRoot.querySelector('button') as HTMLButtonElement,
      explanation: badgeRoot.querySelector('[part="explanation"]') as HTMLElement,
      retry: $(card, '[part~="upload-button"]') as HTMLButtonElement,
      errorText: $(card, '[part~="upload-outcome"]') as HTMLElement,
      line: wrapper.querySelector('.status-line') as HTMLElement,
    };
    expect(textOf(els.retry)).to.equal('Retry upload');
    expect(textOf(els.errorText)).to.contain(SERVER_DETAIL);
    return els;
  }
  type Mounted = Awaited<ReturnType<typeof mountFailed>>;

  const box = (element: Element) => element.getBoundingClientRect();
  const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const centre = (element: Element): [number, number] => {
    const rect = box(element);
    return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
  };
  const isOpen = (m: Mounted) => m.explanation.matches(':popover-open');
  /** What a person sees of the open explanation: it hides neither the card's controls nor the badge, and sits next to the badge. */
  function expectClearOfControls(m: Mounted, how: string): void {
    expect(isOpen(m), `${how}: open`).to.equal(true);
    const tip = box(m.explanation);
    expect(tip.height, `${how}: visible`).to.be.greaterThan(0);
    expect(overlap(tip, box(m.retry)), `${how}: the Retry button stays in sight`).to.equal(false);
    expect(overlap(tip, box(m.errorText)), `${how}: the error text stays in sight`).to.equal(false);
    expect(overlap(tip, box(m.badgeButton)), `${how}: the badge stays in sight`).to.equal(false);
    expect(tip.bottom, `${how}: right above the badge`).to.be.closeTo(box(m.badgeButton).top - 6, 1);
  }

  it('opened by hover, the explanation covers neither the Retry button nor the error text', async () => {
    const m = await mountFailed();
    await sendMouse({ type: 'move', position: [2, 2] });
    await sendMouse({ type: 'move', position: centre(m.badgeButton) });
    await waitUntil(() => isOpen(m), 'the mouse moved onto the badge');
    expectClearOfControls(m, 'hover');
  });

  it('opened by keyboard or a tap, it hides neither the badge nor the controls; Escape closes it and focus stays', async () => {
    const m = await mountFailed();
    const focused = (element: Element) => m.card.shadowRoot?.activeElement === element || m.badge.shadowRoot?.activeElement === element;
    ($(m.card, '[part~="open"]') as HTMLButtonElement).focus();
    await press('Tab');
    await waitUntil(() => isOpen(m), 'keyboard focus on the badge opens it');
    expect(focused(m.badgeButton), 'the badge has focus').to.equal(true);
    expectClearOfControls(m, 'keyboard');
    await press('Escape');
    await waitUntil(() => !isOpen(m), 'Escape closes it');
    expect(focused(m.badgeButton), 'focus stays on the badge').to.equal(true);
    // The next stop is the Retry button, in sight.
    await press('Tab');
    expect(focused(m.retry), 'Tab goes on to Retry').to.equal(true);
    m.badgeButton.click();
    await waitUntil(() => isOpen(m), 'a tap opens it');
    expectClearOfControls(m, 'tap');
    m.badgeButton.click();
    await waitUntil(() => !isOpen(m), 'a second tap closes it');
  });

  it('does not open when the card jumps and its badge slides under the resting mouse (a status line inserted above)', async function () {
    skipWithoutHoverOnLayout(this);
    const m = await mountFailed();
    // The person rests the mouse on Retry …
    const [x, y] = centre(m.retry);
    const shift = Math.round(y - centre(m.badgeButton)[1]);
    expect(shift).to.be.greaterThan(0);
    await sendMouse({ type: 'move', position: [2, 2] });
    await sendMouse({ type: 'move', position: [Math.max(x, Math.round(box(m.badgeButton).left) + 8), y] });
    let entered = false;
    m.badgeButton.addEventListener('pointerenter', () => (entered = true));
    // … an outcome's status line is inserted above the card, which jumps: the badge slides under the mouse.
    m.line.style.height = `${shift}px`;
    await waitUntil(
      async () => {
        await nextFrame(); // headless Chromium updates the hover state in a frame
        return entered;
      },
      'the browser sends pointerenter to the badge that slid under the mouse',
    );
    await (m.badge as unknown as MediaCard).updateComplete;
    expect(isOpen(m), 'no one asked for the explanation').to.equal(false);
    // The person moves the mouse over the badge: now it is asked for, and still keeps Retry in sight.
    const [bx, by] = centre(m.badgeButton);
    await sendMouse({ type: 'move', position: [bx + 2, by] });
    await waitUntil(() => isOpen(m), 'a real movement over the badge opens it');
    expectClearOfControls(m, 'hover after the jump');
  });

  it('moves an open explanation off the controls that appear under the badge (an upload outcome arrives)', async () => {
    const m = await mountFailed();
    m.card.uploads = false; // no controls yet: the explanation hangs below the badge, as on its own
    await m.card.updateComplete;
    m.badgeButton.click();
    await waitUntil(() => isOpen(m), 'a tap opens it');
    expect(box(m.explanation).top, 'below the badge').to.be.closeTo(box(m.badgeButton).bottom + 6, 1);
    m.card.uploads = true;
    m.card.upload = failed();
    await m.card.updateComplete;
    m.retry = $(m.card, '[part~="upload-button"]') as HTMLButtonElement;
    m.errorText = $(m.card, '[part~="upload-outcome"]') as HTMLElement;
    await waitUntil(() => !overlap(box(m.explanation), box(m.retry)) && !overlap(box(m.explanation), box(m.errorText)), 'the explanation moves off Retry and the error');
    expectClearOfControls(m, 'after the outcome arrived');
  });

  it('closes an open explanation when the card is given another asset, even one with the same status', async () => {
    const m = await mountFailed(localOnly());
    m.badgeButton.click();
    await waitUntil(() => isOpen(m), 'a tap opens it');
    // The same asset again (a new object, e.g. the gallery's refresh): it still explains this asset.
    m.card.asset = localOnly();
    await m.card.updateComplete;
    await (m.badge as unknown as MediaCard).updateComplete;
    expect(isOpen(m), 'the same asset keeps it open').to.equal(true);
    // A recycled card: another asset, with the same status, reason and provider.
    m.card.asset = localOnly({ id: 2077, description: 'Another asset' });
    await m.card.updateComplete;
    await (m.badge as unknown as MediaCard).updateComplete;
    expect(m.card.getAttribute('asset-id')).to.equal('2077');
    expect(isOpen(m), 'another asset closes it').to.equal(false);
    expect(m.badgeButton.getAttribute('aria-expanded')).to.equal('false');
  });
});
