import { expect, fixture, html } from '@open-wc/testing';
import '../../src/asset-gallery.js';
import type { AssetGallery } from '../../src/asset-gallery.js';
import type { FetchLike } from '../../src/api/index.js';
import type { CopyOverrides } from '../../src/status/index.js';
import { createMockBackend, mockFetch } from '../../mocks/index.js';
import { waitUntil } from '../helpers.js';

/**
 * Issue 17: in a right-to-left page that shows our English words, "5 s" came out as "s 5", "2 items … could not
 * be shown" with the number at the far end, and the overview's "12 Provider OK" as "Provider OK 12". Each phrase
 * reads in its own words' direction (English left to right, a host's Hebrew right to left), while the layout
 * follows the page: the grid, the overview's buttons and a card's facts start at the right.
 */

interface Glyph {
  char: string;
  /** Whitespace, or another element's text, comes before it in the phrase as written. */
  apart: boolean;
  rect: DOMRect;
}

/** The drawn characters of `element`'s text (not the screen readers' visually hidden words), in written order. */
function glyphs(element: Element): Glyph[] {
  const found: Glyph[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let apart = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('.visually-hidden')) continue;
    const text = node.textContent ?? '';
    apart = apart || found.length > 0;
    for (let offset = 0; offset < text.length; offset++) {
      const char = text[offset] as string;
      if (/\s/.test(char)) {
        apart = true;
        continue;
      }
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0) continue;
      found.push({ char, apart, rect });
      apart = false;
    }
  }
  return found;
}

interface Word {
  text: string;
  /** Its horizontal middle, and the vertical middle of its line. */
  x: number;
  y: number;
  height: number;
}

/** The phrase's words as written (a number is one word, drawn left to right in any direction), with where each is drawn. */
function words(element: Element): Word[] {
  const groups: Glyph[][] = [];
  for (const glyph of glyphs(element)) {
    const group = groups.at(-1);
    if (group && !glyph.apart) group.push(glyph);
    else groups.push([glyph]);
  }
  return groups.map((group) => {
    const rects = group.map((glyph) => glyph.rect);
    const leftmost = Math.min(...rects.map((rect) => rect.left));
    const rightmost = Math.max(...rects.map((rect) => rect.right));
    const first = rects[0] as DOMRect;
    return { text: group.map((glyph) => glyph.char).join(''), x: (leftmost + rightmost) / 2, y: first.top + first.height / 2, height: first.height };
  });
}

/**
 * `element`'s phrase as a person reading in `direction` sees it, word by word: line after line from the top, each
 * line from the left (`ltr`) or from the right (`rtl`). It is the phrase as written when it is drawn in that direction.
 */
function readAs(element: Element | null | undefined, direction: 'ltr' | 'rtl'): { written: string; seen: string; right: number } {
  if (!element) throw new Error('no such element');
  const list = words(element);
  if (list.length === 0) throw new Error(`nothing drawn in ${element.outerHTML}`);
  const lines: Word[][] = [];
  for (const word of [...list].sort((a, b) => a.y - b.y)) {
    const line = lines.at(-1);
    if (line && Math.abs((line[0] as Word).y - word.y) < word.height / 2) line.push(word);
    else lines.push([word]);
  }
  const sign = direction === 'ltr' ? 1 : -1;
  const seen = lines.flatMap((line) => line.sort((a, b) => sign * (a.x - b.x)));
  const spell = (each: Word[]) => each.map((word) => word.text).join(' ');
  return { written: spell(list), seen: spell(seen), right: Math.max(...glyphs(element).map((glyph) => glyph.rect.right)) };
}

/** What is wrong with `element`'s phrase read in `direction` (its words in another order), or nothing. */
function misread(element: Element | null | undefined, direction: 'ltr' | 'rtl', what: string): string[] {
  const { written, seen } = readAs(element, direction);
  return seen === written ? [] : [`${what} “${written}” reads “${seen}” from the ${direction === 'ltr' ? 'left' : 'right'}`];
}

const root = (gallery: AssetGallery) => gallery.shadowRoot as ShadowRoot;
const cards = (gallery: AssetGallery) => [...root(gallery).querySelectorAll<HTMLElement>('media-card')];
const card = (gallery: AssetGallery, index: number) => root(gallery).querySelector<HTMLElement>(`media-card[data-index="${index}"]`);
const overview = (gallery: AssetGallery) => root(gallery).querySelector('status-overview')?.shadowRoot ?? null;
const overviewButtons = (gallery: AssetGallery) => [...(overview(gallery)?.querySelectorAll<HTMLElement>('button') ?? [])];
const durations = (gallery: AssetGallery) => cards(gallery).flatMap((each) => [...(each.shadowRoot?.querySelectorAll('.duration') ?? [])]);
const notices = (gallery: AssetGallery) => [...root(gallery).querySelectorAll('[part~="notice"]')].filter((notice) => /\S/.test(notice.textContent ?? ''));
const bulkNotice = (gallery: AssetGallery) => root(gallery).querySelector('.bulk [part~="notice"]');
const bulkProgress = (gallery: AssetGallery) => root(gallery).querySelector('[part~="bulk-progress"]');
const skippedNotice = (gallery: AssetGallery) => notices(gallery).find((notice) => /could not be shown/.test(notice.textContent ?? ''));
const counted = (gallery: AssetGallery) => overviewButtons(gallery).every((button) => /\d/.test(button.textContent ?? ''));
const left = (element: Element | null | undefined) => element?.getBoundingClientRect().left ?? NaN;

/** Uploads wait here until the test ends, so that a bulk re-upload shows its progress for as long as it is read. */
const held: Array<() => void> = [];

/**
 * A gallery on the mock backend in `dir`, with uploads (the bulk re-upload and its note on flagged assets) and
 * items the gallery cannot show (its notice): every phrase of the issue is on screen once it resolves.
 */
async function mount(dir: 'ltr' | 'rtl', copy: CopyOverrides | null = null): Promise<AssetGallery> {
  const answer = mockFetch(createMockBackend({ count: 24, seed: 9, invalidItems: true }).handlers);
  const fetch: FetchLike = async (url, init) => {
    if (init.method === 'POST' && !url.endsWith('/search')) await new Promise<void>((release) => held.push(release));
    return answer(url, init);
  };
  const holder = await fixture<HTMLElement>(
    html`<div dir=${dir}><asset-gallery uploads page-size="24" style="width: 900px" .copy=${copy} .fetch=${fetch}></asset-gallery></div>`,
  );
  const gallery = holder.querySelector('asset-gallery') as AssetGallery;
  await waitUntil(
    () => durations(gallery).length > 0 && counted(gallery) && !!bulkNotice(gallery) && !!skippedNotice(gallery),
    'the durations, counts, bulk note and skipped notice did not all show',
  );
  return gallery;
}

describe('direction: each phrase in its words’ direction, the layout in the page’s', () => {
  afterEach(() => held.splice(0).forEach((release) => release()));

  it('reads the English phrases left to right, with the layout from the right', async () => {
    const gallery = await mount('rtl');
    root(gallery).querySelector<HTMLButtonElement>('[part~="bulk-reupload"]')?.click();
    await waitUntil(() => /\d/.test(bulkProgress(gallery)?.textContent ?? ''), 'the bulk re-upload did not show its progress');
    const wrong = [
      ...durations(gallery).flatMap((duration) => misread(duration, 'ltr', 'a card’s duration')),
      ...misread(bulkProgress(gallery), 'ltr', 'the bulk re-upload’s progress'),
      ...misread(bulkNotice(gallery), 'ltr', 'the bulk re-upload’s note'),
      ...misread(skippedNotice(gallery), 'ltr', 'the notice of items not shown'),
      ...overviewButtons(gallery).flatMap((button) => misread(button, 'ltr', 'the overview’s button')),
    ];
    expect(wrong).to.deep.equal([]);

    // The layout still follows the page: the first card, button and fact at the right.
    expect(left(card(gallery, 1)), 'the second card left of the first').to.be.below(left(card(gallery, 0)));
    const buttons = overviewButtons(gallery);
    expect(left(buttons.at(-1)), 'the last button left of “All”').to.be.below(left(buttons[0]));
    const okButton = overview(gallery)?.querySelector('[data-status="ok"]');
    const icon = okButton?.querySelector('[part~="icon"]');
    expect(left(icon), 'a button’s icon right of its count').to.be.above(left(okButton?.querySelector('.count')));
    const notice = skippedNotice(gallery);
    expect(readAs(notice, 'ltr').right, 'a notice’s words at the right').to.be.closeTo(notice?.getBoundingClientRect().right ?? NaN, 2);
    const facts = [...(durations(gallery)[0]?.parentElement?.children ?? [])];
    expect(facts.length, 'a video card shows its media type, provider and duration').to.be.at.least(3);
    expect(left(facts[1]), 'a card’s second fact left of its first').to.be.below(left(facts[0]));
  });

  it('reads a host’s right-to-left words from the right, in either page', async () => {
    const hebrew: CopyOverrides = {
      card: { duration: '{seconds} שנ׳' },
      overview: { all: 'הכול' },
      status: { ok: { label: 'תקין אצל הספק' }, local_only: { label: 'מקומי בלבד' }, flagged: { label: 'מסומן' }, unknown: { label: 'לא ידוע' } },
    };
    const wrong: string[] = [];
    for (const dir of ['rtl', 'ltr'] as const) {
      const gallery = await mount(dir, hebrew);
      wrong.push(
        ...durations(gallery).flatMap((duration) => misread(duration, 'rtl', `in a ${dir} page, a card’s duration`)),
        ...overviewButtons(gallery).flatMap((button) => misread(button, 'rtl', `in a ${dir} page, the overview’s button`)),
      );
      // The icon at the button's start, as the page runs, whichever way its words run.
      const okButton = overview(gallery)?.querySelector('[data-status="ok"]');
      const iconFirst = left(okButton?.querySelector('[part~="icon"]')) < left(okButton?.querySelector('.count'));
      if (iconFirst !== (dir === 'ltr')) wrong.push(`in a ${dir} page, the icon ${iconFirst ? 'left' : 'right'} of the count`);
    }
    expect(wrong).to.deep.equal([]);
  });
});
