import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/status-overview.js';
import type { StatusFilterChangeDetail, StatusOverview } from '../../src/status-overview.js';
import { de } from '../../src/locales/de.js';
import { PROVIDER_STATUSES, registerLocale, resetCopy, setCopy, type ProviderStatus } from '../../src/status/index.js';
import { press, waitUntil } from '../helpers.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The text of `node` without the elements that match `selector`. */
const textWithout = (node: Element, selector: string) => {
  const copy = node.cloneNode(true) as Element;
  for (const each of copy.querySelectorAll(selector)) each.remove();
  return text(copy);
};
/** What a person sees on a button: not the words only screen readers hear. */
const seen = (node: Element) => textWithout(node, '.visually-hidden');
/** What a screen reader says of a button: not what is hidden from it (the dash). */
const heard = (node: Element) => textWithout(node, '[aria-hidden="true"]');

const parts = (el: StatusOverview) => {
  const root = el.shadowRoot as ShadowRoot;
  const buttons = [...root.querySelectorAll('button')];
  return {
    root,
    group: root.querySelector('[part="group"]') as HTMLElement,
    buttons,
    /** Each button's visible text, "All 7", "3 Provider OK", "– Flagged" (not counted), … */
    texts: buttons.map((button) => seen(button)),
    /** Each button's text as a screen reader has it: "All 7", "not counted Flagged", … */
    heard: buttons.map((button) => heard(button)),
    pressed: buttons.map((button) => button.getAttribute('aria-pressed')),
    caption: text(root.querySelector('[part="caption"]')),
    live: root.querySelector('[role="status"]') as HTMLElement,
    button: (status: ProviderStatus | 'all') =>
      (status === 'all' ? root.querySelector('button:not([data-status])') : root.querySelector(`button[data-status="${status}"]`)) as HTMLButtonElement,
  };
};

/** Which button is pressed, by its visible text. */
const pressedTexts = (el: StatusOverview) => {
  const { texts, pressed } = parts(el);
  return texts.filter((_, index) => pressed[index] === 'true');
};

const asset = (status: ProviderStatus) => ({ id: Math.random(), provider_status: status });
const assets = (ok: number, localOnly: number, flagged: number, unknown: number) => [
  ...Array.from({ length: ok }, () => asset('ok')),
  ...Array.from({ length: localOnly }, () => asset('local_only')),
  // derived, not sent: flagged by the provider, and nothing known
  ...Array.from({ length: flagged }, () => ({ id: 1, provider_flagged: true })),
  ...Array.from({ length: unknown }, () => ({ id: 2 })),
];

const ZEROS = ['All 0', '0 Provider OK', '0 Local only', '0 Flagged', '0 Unknown'];
/** Nothing known: a dash on every button, never a 0. */
const DASHES = ['All –', '– Provider OK', '– Local only', '– Flagged', '– Unknown'];
const NOT_COUNTED = ['All not counted', 'not counted Provider OK', 'not counted Local only', 'not counted Flagged', 'not counted Unknown'];

/** Every text the live region of `el` has said, from now on (none is missed, however short-lived). */
function recordAnnouncements(el: StatusOverview): string[] {
  const said: string[] = [];
  const live = parts(el).live;
  new MutationObserver(() => {
    if (text(live) !== '') said.push(text(live));
  }).observe(live, { childList: true, characterData: true, subtree: true });
  return said;
}

/**
 * Any announcement due has been made. Not a guess of how long that takes: called after the update that set the
 * element's own 600 ms timer, this timer is set later and for longer, so it fires after the element's on any
 * machine, however slow (timers fire in the order of their due times); the announcement's own update and DOM
 * change follow the element's timer in microtasks, before this one fires.
 */
const afterTheAnnouncementDelay = () => new Promise((resolve) => setTimeout(resolve, 800));

/** The part of axe-core (loaded by `expect(…).to.be.accessible()`) that computes accessible names. */
type Axe = {
  setup(node: Node): unknown;
  teardown(): void;
  utils: { getNodeFromTree(node: Node): unknown };
  commons: { text: { accessibleTextVirtual(node: unknown): string } };
};
/** Each button's accessible name, as axe-core computes it (accname, CSS and aria-hidden included). */
function accessibleNames(el: StatusOverview): string[] {
  const axe = (window as unknown as { axe?: Axe }).axe;
  if (!axe) throw new Error('axe-core is not loaded: call expect(el).to.be.accessible() first');
  axe.setup(document);
  try {
    return parts(el).buttons.map((button) => axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(button)).replace(/\s+/g, ' ').trim());
  } finally {
    axe.teardown();
  }
}

describe('<status-overview>', () => {
  afterEach(() => resetCopy());

  it('counts the assets it is given, as a labelled group of toggle buttons', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview .assets=${assets(3, 2, 1, 4)}></status-overview>`);
    const { group, texts, buttons } = parts(el);
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('Filter by provider status');
    expect(texts).to.deep.equal(['All 10', '3 Provider OK', '2 Local only', '1 Flagged', '4 Unknown']);
    for (const button of buttons) {
      expect(button.getAttribute('aria-pressed')).to.be.oneOf(['true', 'false']);
      expect(button.getBoundingClientRect().height).to.be.at.least(24);
    }
    expect(parts(el).caption).to.equal('Counts of the 10 loaded assets');
    await expect(el).to.be.accessible();
  });

  it('gives every status its own icon shape next to its words', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview .assets=${assets(1, 1, 1, 1)}></status-overview>`);
    const shapes = new Set<string>();
    for (const status of PROVIDER_STATUSES) {
      const icon = parts(el).button(status).querySelector('svg[part="icon"]');
      expect(icon, status).to.exist;
      expect(icon?.getAttribute('aria-hidden')).to.equal('true');
      shapes.add(icon?.innerHTML ?? '');
    }
    expect(shapes.size).to.equal(4);
  });

  it('colours each status button with its status colours, and All neutrally', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview></status-overview>`);
    const colour = (status: ProviderStatus | 'all') => getComputedStyle(parts(el).button(status)).color;
    expect(colour('ok')).to.equal('rgb(23, 100, 43)');
    expect(colour('local_only')).to.equal('rgb(116, 70, 0)');
    expect(colour('flagged')).to.equal('rgb(161, 17, 29)');
    expect(colour('unknown')).to.equal('rgb(74, 80, 96)');
    expect(colour('all')).to.equal('rgb(29, 35, 48)');
  });

  it('shows the counts it is given, which win over the assets, with the server caption', async () => {
    const el = await fixture<StatusOverview>(
      html`<status-overview counts-source="server" .assets=${assets(1, 0, 0, 0)} .counts=${{ ok: 120, local_only: 7, flagged: 2, unknown: 0 }}></status-overview>`,
    );
    expect(parts(el).texts).to.deep.equal(['All 129', '120 Provider OK', '7 Local only', '2 Flagged', '0 Unknown']);
    expect(parts(el).caption).to.equal('Totals in your library');
    expect(parts(el).group.getAttribute('aria-describedby')).to.equal(parts(el).root.querySelector('[part="caption"]')?.id);
    el.counts = null;
    await el.updateComplete;
    expect(parts(el).texts).to.deep.equal(['All 1', '1 Provider OK', '0 Local only', '0 Flagged', '0 Unknown']);
    // Counting loaded assets is never called "totals in your library".
    expect(parts(el).caption).to.equal('Counts of the 1 loaded asset');
  });

  it('says "loaded assets" by default, in the singular for one, and "Totals in your library" for the server', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview .counts=${{ ok: 1, local_only: 0, flagged: 0, unknown: 0 }}></status-overview>`);
    expect(parts(el).caption).to.equal('Counts of the 1 loaded asset');
    el.counts = { ok: 2, local_only: 0, flagged: 3, unknown: 0 };
    await el.updateComplete;
    expect(parts(el).caption).to.equal('Counts of the 5 loaded assets');
    el.setAttribute('counts-source', 'server');
    await el.updateComplete;
    expect(parts(el).caption).to.equal('Totals in your library');
    el.setAttribute('counts-source', 'nonsense');
    await el.updateComplete;
    expect(parts(el).caption).to.equal('Counts of the 5 loaded assets');
  });

  it('formats numbers for the page language', async () => {
    const el = await fixture<StatusOverview>(
      html`<div lang="en"><status-overview counts-source="server" .counts=${{ ok: 100000, local_only: 2500, flagged: 0, unknown: 1234567 }}></status-overview></div>`,
    );
    const overview = el.querySelector('status-overview') as StatusOverview;
    expect(parts(overview).texts).to.deep.equal(['All 1,337,067', '100,000 Provider OK', '2,500 Local only', '0 Flagged', '1,234,567 Unknown']);
    const german = await fixture<HTMLElement>(
      html`<div lang="de"><status-overview .counts=${{ ok: 100000, local_only: 0, flagged: 0, unknown: 0 }}></status-overview></div>`,
    );
    const de = german.querySelector('status-overview') as StatusOverview;
    expect(parts(de).texts[1]).to.equal('100.000 Provider OK');
    expect(parts(de).caption).to.equal('Counts of the 100.000 loaded assets');
  });

  it('uses the words of the copy', async () => {
    setCopy({ overview: { all: 'Alle', label: 'Nach Status filtern' }, status: { ok: { label: 'Beim Anbieter', explanation: 'x' } } });
    const el = await fixture<StatusOverview>(html`<status-overview .counts=${{ ok: 2, local_only: 0, flagged: 0, unknown: 0 }}></status-overview>`);
    expect(parts(el).texts.slice(0, 2)).to.deep.equal(['Alle 2', '2 Beim Anbieter']);
    expect(parts(el).group.getAttribute('aria-label')).to.equal('Nach Status filtern');
  });

  it('presses the button of the status-filter attribute; All when there is none or it is not a status', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview status-filter="flagged" .assets=${assets(1, 1, 1, 1)}></status-overview>`);
    expect(pressedTexts(el)).to.deep.equal(['1 Flagged']);
    expect(el.statusFilter).to.equal('flagged');
    for (const status of PROVIDER_STATUSES) {
      el.setAttribute('status-filter', status);
      await el.updateComplete;
      expect(pressedTexts(el)).to.deep.equal([parts(el).texts[PROVIDER_STATUSES.indexOf(status) + 1]]);
    }
    el.setAttribute('status-filter', 'not_flagged');
    await el.updateComplete;
    expect(pressedTexts(el)).to.deep.equal(['All 4']);
    expect(el.statusFilter).to.equal(null);
    el.setAttribute('status-filter', '');
    await el.updateComplete;
    expect(pressedTexts(el)).to.deep.equal(['All 4']);
    el.setAttribute('status-filter', 'ok');
    await el.updateComplete;
    el.removeAttribute('status-filter');
    await el.updateComplete;
    expect(pressedTexts(el)).to.deep.equal(['All 4']);
  });

  it('reflects the statusFilter property, and shows a junk value as all', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview></status-overview>`);
    el.statusFilter = 'local_only';
    await el.updateComplete;
    expect(el.getAttribute('status-filter')).to.equal('local_only');
    // Nothing to count yet: the filter is still shown, by the pressed button.
    expect(pressedTexts(el)).to.deep.equal(['– Local only']);
    el.statusFilter = 'pending' as never;
    await el.updateComplete;
    expect(el.hasAttribute('status-filter')).to.equal(false);
    expect(pressedTexts(el)).to.deep.equal(['All –']);
  });

  for (const status of PROVIDER_STATUSES) {
    it(`selects ${status} on a click, fires status-filter-change, and a second click selects all`, async () => {
      const el = await fixture<StatusOverview>(html`<status-overview .assets=${assets(1, 1, 1, 1)}></status-overview>`);
      const details: StatusFilterChangeDetail[] = [];
      // Listened for above the element: the event bubbles out of it.
      (el.parentElement as HTMLElement).addEventListener('status-filter-change', (event) => {
        expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
        details.push(event.detail);
      });
      parts(el).button(status).click();
      await el.updateComplete;
      expect(details).to.deep.equal([{ status }]);
      expect(el.getAttribute('status-filter')).to.equal(status);
      expect(parts(el).button(status).getAttribute('aria-pressed')).to.equal('true');
      expect(parts(el).button('all').getAttribute('aria-pressed')).to.equal('false');
      parts(el).button(status).click();
      await el.updateComplete;
      expect(details).to.deep.equal([{ status }, { status: null }]);
      expect(pressedTexts(el)).to.deep.equal(['All 4']);
      expect(el.hasAttribute('status-filter')).to.equal(false);
    });
  }

  it('selects all with the All button, and moves from one status to another', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview status-filter="ok" .assets=${assets(2, 1, 0, 0)}></status-overview>`);
    setTimeout(() => parts(el).button('flagged').click());
    const toFlagged = await oneEvent(el, 'status-filter-change');
    expect(toFlagged.detail).to.deep.equal({ status: 'flagged' });
    await el.updateComplete;
    expect(pressedTexts(el)).to.deep.equal(['0 Flagged']);
    setTimeout(() => parts(el).button('all').click());
    const toAll = await oneEvent(el, 'status-filter-change');
    expect(toAll.detail).to.deep.equal({ status: null });
    await el.updateComplete;
    expect(pressedTexts(el)).to.deep.equal(['All 3']);
  });

  it('keeps the selection when a listener calls preventDefault', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview status-filter="local_only" .assets=${assets(1, 1, 0, 0)}></status-overview>`);
    let fired = 0;
    el.addEventListener('status-filter-change', (event) => {
      fired += 1;
      event.preventDefault();
    });
    parts(el).button('ok').click();
    await el.updateComplete;
    parts(el).button('all').click();
    await el.updateComplete;
    parts(el).button('local_only').click();
    await el.updateComplete;
    expect(fired).to.equal(3);
    expect(pressedTexts(el)).to.deep.equal(['1 Local only']);
    expect(el.getAttribute('status-filter')).to.equal('local_only');
  });

  it('shows junk counts as not counted, never as 0, and never throws', async () => {
    const hostile = {
      get ok(): number {
        throw new Error('boom');
      },
      local_only: 2,
      flagged: 0,
      unknown: 1,
    };
    const throwsOnEveryRead = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    const el = await fixture<StatusOverview>(html`<status-overview></status-overview>`);
    expect(parts(el).texts).to.deep.equal(DASHES);
    const cases: Array<[unknown, string[]]> = [
      [{ ok: '12', local_only: -3, flagged: Number.NaN, unknown: Number.POSITIVE_INFINITY }, DASHES],
      [{ ok: null, local_only: {}, flagged: [], unknown: undefined }, DASHES],
      [{ ok: -0.5, local_only: Number.NEGATIVE_INFINITY, flagged: 10n, unknown: '0' }, DASHES],
      [hostile, ['All –', '– Provider OK', '2 Local only', '0 Flagged', '1 Unknown']],
      [throwsOnEveryRead, DASHES],
      ['twelve', DASHES],
      [42, DASHES],
      [{}, DASHES],
      // Fractions are floored, -0 is 0, and a sum too large for a number is not a sum.
      [{ ok: 2.7, local_only: 1, flagged: 0.4, unknown: -0 }, ['All 3', '2 Provider OK', '1 Local only', '0 Flagged', '0 Unknown']],
      [{ ok: Number.MAX_VALUE, local_only: Number.MAX_VALUE, flagged: 0, unknown: 0 }, ['All –', ...['Provider OK', 'Local only'].map((label) => `${Number.MAX_VALUE.toLocaleString()} ${label}`), '0 Flagged', '0 Unknown']],
    ];
    for (const [index, [counts, expected]] of cases.entries()) {
      el.counts = counts as never;
      await el.updateComplete;
      expect(parts(el).texts, `junk counts #${index}`).to.deep.equal(expected);
    }
    el.counts = null;
    // No assets at all: nothing is known. Assets that are not a list: a list of none, as counted before.
    for (const value of [null, undefined]) {
      el.assets = value as never;
      await el.updateComplete;
      expect(parts(el).texts, String(value)).to.deep.equal(DASHES);
    }
    for (const value of ['a string of assets', 42, { length: 3 }]) {
      el.assets = value as never;
      await el.updateComplete;
      expect(parts(el).texts, String(value)).to.deep.equal(ZEROS);
    }
    el.assets = new Set([asset('ok'), null, 'x', 7, asset('flagged')]);
    await el.updateComplete;
    expect(parts(el).texts).to.deep.equal(['All 5', '1 Provider OK', '0 Local only', '1 Flagged', '3 Unknown']);
  });

  it('announces a change of the counts politely, once they settle, and not on the first render', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview .counts=${{ ok: 1, local_only: 0, flagged: 0, unknown: 0 }}></status-overview>`);
    const { live } = parts(el);
    expect(live.getAttribute('role')).to.equal('status');
    expect(text(live)).to.equal('');
    await afterTheAnnouncementDelay();
    expect(text(parts(el).live), 'nothing to say after the first render').to.equal('');
    // A burst of changes (pages arriving) makes one announcement, of the last counts.
    el.counts = { ok: 2, local_only: 0, flagged: 0, unknown: 0 };
    await el.updateComplete;
    el.counts = { ok: 3, local_only: 1, flagged: 0, unknown: 0 };
    await el.updateComplete;
    el.counts = { ok: 4, local_only: 1, flagged: 2, unknown: 0 };
    await el.updateComplete;
    expect(text(parts(el).live)).to.equal('');
    await waitUntil(() => text(parts(el).live) !== '', 'the change is announced', { timeout: 2000 });
    expect(text(parts(el).live)).to.equal('4 Provider OK, 1 Local only, 2 Flagged, 0 Unknown');
    // The same live region element throughout, so that screen readers keep tracking it.
    expect(parts(el).live).to.equal(live);
    // A filter switch is not a change of counts.
    parts(el).button('ok').click();
    el.counts = { ok: 4, local_only: 1, flagged: 2, unknown: 0 };
    await el.updateComplete;
    await afterTheAnnouncementDelay();
    expect(text(parts(el).live)).to.equal('4 Provider OK, 1 Local only, 2 Flagged, 0 Unknown');
    el.assets = assets(0, 0, 0, 1);
    el.counts = null;
    await waitUntil(() => text(parts(el).live) === '0 Provider OK, 0 Local only, 0 Flagged, 1 Unknown', 'the next change', { timeout: 2000 });
  });

  it('can be used with the keyboard: Tab reaches each button, Enter and Space toggle', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div><button>before</button><status-overview .assets=${assets(1, 1, 1, 1)}></status-overview></div>`,
    );
    const el = wrapper.querySelector('status-overview') as StatusOverview;
    const changes: Array<ProviderStatus | null> = [];
    el.addEventListener('status-filter-change', (event) => changes.push(event.detail.status));
    (wrapper.querySelector('button') as HTMLButtonElement).focus();
    const focused = () => text(el.shadowRoot?.activeElement);
    await press('Tab');
    expect(focused()).to.equal('All 4');
    await press('Tab');
    expect(focused()).to.equal('1 Provider OK');
    await press('Enter');
    await el.updateComplete;
    expect(pressedTexts(el)).to.deep.equal(['1 Provider OK']);
    expect(focused(), 'focus stays on the button').to.equal('1 Provider OK');
    await press('Tab');
    await press('Tab');
    expect(focused()).to.equal('1 Flagged');
    await press(' ');
    await el.updateComplete;
    expect(pressedTexts(el)).to.deep.equal(['1 Flagged']);
    await press(' ');
    await el.updateComplete;
    expect(pressedTexts(el)).to.deep.equal(['All 4']);
    expect(changes).to.deep.equal(['ok', 'flagged', null]);
  });

  it('shows the pressed button without colour: a thicker, solid border', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview status-filter="unknown"></status-overview>`);
    const pressed = getComputedStyle(parts(el).button('unknown'));
    const unpressed = getComputedStyle(parts(el).button('ok'));
    expect(parseFloat(pressed.borderTopWidth)).to.be.greaterThan(parseFloat(unpressed.borderTopWidth));
    expect(pressed.borderTopStyle).to.equal('solid');
    // The same size pressed or not: nothing jumps when the filter changes.
    const before = parts(el).button('unknown').getBoundingClientRect();
    el.statusFilter = null;
    await el.updateComplete;
    const after = parts(el).button('unknown').getBoundingClientRect();
    expect(after.width).to.be.closeTo(before.width, 0.5);
    expect(after.height).to.be.closeTo(before.height, 0.5);
  });

  for (const filter of [null, ...PROVIDER_STATUSES]) {
    it(`is accessible with ${filter ?? 'all'} selected`, async () => {
      const el = await fixture<StatusOverview>(
        html`<status-overview status-filter=${filter ?? ''} .counts=${{ ok: 12, local_only: 3, flagged: 1, unknown: 0 }}></status-overview>`,
      );
      expect(pressedTexts(el)).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  }
});

describe('<status-overview>: only what is known has a number (issue 12)', () => {
  afterEach(() => resetCopy());

  it('shows a muted dash, hidden from screen readers, for a status it does not know; its name says "not counted"', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview .counts=${{ ok: 3, local_only: null, flagged: undefined }}></status-overview>`);
    expect(parts(el).texts).to.deep.equal(['All –', '3 Provider OK', '– Local only', '– Flagged', '– Unknown']);
    expect(parts(el).heard).to.deep.equal(['All not counted', '3 Provider OK', 'not counted Local only', 'not counted Flagged', 'not counted Unknown']);
    const dash = parts(el).button('local_only').querySelector('[part="count"] [aria-hidden="true"]') as HTMLElement;
    expect(text(dash)).to.equal('–');
    // Muted: the caption's colour, not the status's, and not bold like a number.
    expect(getComputedStyle(dash).color).to.equal(getComputedStyle(parts(el).root.querySelector('[part="caption"]') as Element).color);
    expect(getComputedStyle(dash).color).not.to.equal(getComputedStyle(parts(el).button('local_only').querySelector('[part="label"]') as Element).color);
    await expect(el).to.be.accessible();
    // The buttons' accessible names, computed.
    expect(accessibleNames(el)).to.deep.equal(['All not counted', '3 Provider OK', 'not counted Local only', 'not counted Flagged', 'not counted Unknown']);
  });

  it('knows nothing without counts or assets: no numbers, and an empty caption that keeps its height', async () => {
    const holder = await fixture<HTMLElement>(html`<div>
      <status-overview></status-overview>
      <status-overview .assets=${assets(1, 0, 0, 0)}></status-overview>
    </div>`);
    const [nothingKnown, counted] = [...holder.querySelectorAll('status-overview')] as StatusOverview[];
    const el = nothingKnown as StatusOverview;
    expect(parts(el).texts).to.deep.equal(DASHES);
    expect(parts(el).heard).to.deep.equal(NOT_COUNTED);
    const caption = parts(el).root.querySelector('[part="caption"]') as HTMLElement;
    expect(caption.textContent?.trim()).to.equal('');
    const countedCaption = parts(counted as StatusOverview).root.querySelector('[part="caption"]') as HTMLElement;
    expect(text(countedCaption)).to.equal('Counts of the 1 loaded asset');
    expect(caption.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(caption.getBoundingClientRect().height).to.be.closeTo(countedCaption.getBoundingClientRect().height, 0.5);
    expect(el.getBoundingClientRect().height).to.be.closeTo((counted as StatusOverview).getBoundingClientRect().height, 0.5);
    // Setting counts of nothing, or taking the counts away again, is the same.
    el.counts = { ok: null, local_only: null, flagged: null, unknown: null };
    await el.updateComplete;
    expect(parts(el).texts).to.deep.equal(DASHES);
    expect(parts(el).caption).to.equal('');
    el.setAttribute('counts-source', 'server');
    await el.updateComplete;
    expect(parts(el).caption, 'no numbers, so nothing to call totals').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows All only when every status is known', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview .counts=${{ ok: 1, local_only: 2, flagged: 3 }}></status-overview>`);
    expect(parts(el).texts[0]).to.equal('All –');
    expect(parts(el).heard[0]).to.equal('All not counted');
    el.counts = { ok: 1, local_only: 2, flagged: 3, unknown: 0 };
    await el.updateComplete;
    expect(parts(el).texts[0]).to.equal('All 6');
    el.counts = { ok: 1, local_only: 2, flagged: 3, unknown: Number.NaN };
    await el.updateComplete;
    expect(parts(el).texts[0]).to.equal('All –');
  });

  it('says, in a view filtered to one status, that only that status is counted; the filter never changes a count', async () => {
    const el = await fixture<StatusOverview>(
      html`<status-overview status-filter="local_only" .counts=${{ ok: null, local_only: 24, flagged: null, unknown: null }}></status-overview>`,
    );
    expect(parts(el).texts).to.deep.equal(['All –', '– Provider OK', '24 Local only', '– Flagged', '– Unknown']);
    expect(pressedTexts(el)).to.deep.equal(['24 Local only']);
    expect(parts(el).caption).to.equal('Counts of the 24 loaded “Local only” assets; other statuses are not counted while filtered');
    el.counts = { local_only: 1 };
    await el.updateComplete;
    expect(parts(el).caption).to.equal('Counts of the 1 loaded “Local only” asset; other statuses are not counted while filtered');
    // Its words follow the status's label.
    el.copy = { status: { local_only: { label: 'Kept here' } } };
    await el.updateComplete;
    expect(parts(el).caption).to.equal('Counts of the 1 loaded “Kept here” asset; other statuses are not counted while filtered');
    el.copy = null;
    // Another button pressed: the counts stay as they are (nothing is zeroed), only the pressed button moves.
    parts(el).button('ok').click();
    await el.updateComplete;
    expect(parts(el).texts).to.deep.equal(['All –', '– Provider OK', '1 Local only', '– Flagged', '– Unknown']);
    expect(pressedTexts(el)).to.deep.equal(['– Provider OK']);
    expect(parts(el).caption).to.equal('Some statuses are not counted');
    await expect(el).to.be.accessible();
  });

  it('says "Some statuses are not counted" for any other mix of known and not known', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview .counts=${{ ok: 3, local_only: 2 }}></status-overview>`);
    expect(parts(el).texts).to.deep.equal(['All –', '3 Provider OK', '2 Local only', '– Flagged', '– Unknown']);
    expect(parts(el).caption).to.equal('Some statuses are not counted');
    // Filtered, but another status is counted too: "other statuses are not counted" would not be true.
    el.statusFilter = 'local_only';
    await el.updateComplete;
    expect(parts(el).caption).to.equal('Some statuses are not counted');
    // The server's totals, some of them: still totals.
    el.setAttribute('counts-source', 'server');
    await el.updateComplete;
    expect(parts(el).caption).to.equal('Totals in your library');
  });

  it('says each caption in German', async () => {
    registerLocale('de', de);
    const holder = await fixture<HTMLElement>(html`<div lang="de">
      <status-overview .counts=${{ ok: 1, local_only: 2, flagged: 0, unknown: 0 }}></status-overview>
      <status-overview status-filter="flagged" .counts=${{ flagged: 1200 }}></status-overview>
      <status-overview .counts=${{ ok: 1 }}></status-overview>
      <status-overview counts-source="server" .counts=${{ ok: 1, local_only: 2, flagged: 0, unknown: 0 }}></status-overview>
      <status-overview></status-overview>
    </div>`);
    const overviews = [...holder.querySelectorAll('status-overview')] as StatusOverview[];
    await Promise.all(overviews.map((each) => each.updateComplete));
    expect(overviews.map((each) => parts(each).caption)).to.deep.equal([
      'Gezählt: 3 geladene Assets',
      'Gezählt: 1.200 geladene Assets mit dem Status „Markiert“; andere Status werden beim Filtern nicht gezählt',
      'Einige Status werden nicht gezählt',
      'Gesamtzahlen in Ihrer Bibliothek',
      '',
    ]);
    expect(parts(overviews[2] as StatusOverview).heard).to.deep.equal(['Alle nicht gezählt', '1 Beim Anbieter', 'nicht gezählt Nur lokal', 'nicht gezählt Markiert', 'nicht gezählt Unbekannt']);
  });

  it('words its announcement when it is shown: a change of language re-words it, with the caption and buttons', async () => {
    registerLocale('de', de);
    const holder = await fixture<HTMLElement>(
      html`<div><status-overview .counts=${{ ok: 1, local_only: 0, flagged: 0, unknown: 0 }}></status-overview></div>`,
    );
    const el = holder.querySelector('status-overview') as StatusOverview;
    el.counts = { ok: 1234, local_only: 3, flagged: 2, unknown: 1 };
    await waitUntil(() => text(parts(el).live) !== '', 'the change is announced', { timeout: 2000 });
    expect(text(parts(el).live)).to.equal('1,234 Provider OK, 3 Local only, 2 Flagged, 1 Unknown');
    const said = recordAnnouncements(el);
    holder.lang = 'de';
    await waitUntil(() => text(parts(el).live) === 'Beim Anbieter: 1.234; Nur lokal: 3; Markiert: 2; Unbekannt: 1', `still: ${text(parts(el).live)}`);
    expect(parts(el).caption).to.equal('Gezählt: 1.240 geladene Assets');
    expect(parts(el).texts).to.deep.equal(['Alle 1.240', '1.234 Beim Anbieter', '3 Nur lokal', '2 Markiert', '1 Unbekannt']);
    expect(parts(el).group.getAttribute('aria-label')).to.equal('Nach Anbieterstatus filtern');
    holder.lang = 'en';
    await waitUntil(() => text(parts(el).live) === '1,234 Provider OK, 3 Local only, 2 Flagged, 1 Unknown', `still: ${text(parts(el).live)}`);
    // Re-worded, not re-counted: the same counts in each language, and no announcement of its own.
    expect(said).to.deep.equal(['Beim Anbieter: 1.234; Nur lokal: 3; Markiert: 2; Unbekannt: 1', '1,234 Provider OK, 3 Local only, 2 Flagged, 1 Unknown']);
  });

  it('re-words its announcement for a lang set on an ancestor across a shadow root', async () => {
    registerLocale('de', de);
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const section = shadow.appendChild(document.createElement('section'));
    const el = section.appendChild(document.createElement('status-overview'));
    el.counts = { ok: 1, local_only: 0, flagged: 0, unknown: 0 };
    await el.updateComplete;
    el.counts = { ok: 4, local_only: 3, flagged: 2, unknown: 1 };
    await waitUntil(() => text(parts(el).live) === '4 Provider OK, 3 Local only, 2 Flagged, 1 Unknown', 'the change is announced', { timeout: 2000 });
    // On the shadow host: the page's observer sees it.
    host.lang = 'de';
    await waitUntil(() => text(parts(el).live) === 'Beim Anbieter: 4; Nur lokal: 3; Markiert: 2; Unbekannt: 1', `still: ${text(parts(el).live)}`);
    // Inside the shadow root, where no observer sees it: the element around it (the gallery) asks for an update.
    section.lang = 'en';
    el.requestUpdate();
    await el.updateComplete;
    expect(text(parts(el).live)).to.equal('4 Provider OK, 3 Local only, 2 Flagged, 1 Unknown');
  });

  it('does not announce counts that become known (loading, then loaded): the first known counts are a new start', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview></status-overview>`);
    const said = recordAnnouncements(el);
    // Loaded: silent, like a first render.
    el.counts = { ok: 4, local_only: 3, flagged: 2, unknown: 1 };
    await el.updateComplete;
    expect(parts(el).texts[0]).to.equal('All 10');
    await afterTheAnnouncementDelay();
    expect(said).to.deep.equal([]);
    // A real change of known counts afterwards is announced, as before.
    el.counts = { ok: 5, local_only: 3, flagged: 2, unknown: 1 };
    await waitUntil(() => said.length > 0, 'the change is announced', { timeout: 2000 });
    expect(said).to.deep.equal(['5 Provider OK, 3 Local only, 2 Flagged, 1 Unknown']);
  });

  it('does not announce counts that stop being known, and takes back what it said of them', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview .assets=${assets(1, 1, 1, 1)}></status-overview>`);
    el.assets = assets(2, 1, 1, 1);
    await waitUntil(() => text(parts(el).live) === '2 Provider OK, 1 Local only, 1 Flagged, 1 Unknown', 'the change is announced', { timeout: 2000 });
    const said = recordAnnouncements(el);
    // Reloading (or a failure): nothing known, never "0 Provider OK".
    el.assets = null;
    await el.updateComplete;
    expect(parts(el).texts).to.deep.equal(DASHES);
    expect(text(parts(el).live), 'the old numbers are not left to be read').to.equal('');
    await afterTheAnnouncementDelay();
    expect(said).to.deep.equal([]);
    // Known again: a new start, silent.
    el.assets = assets(3, 0, 0, 0);
    await el.updateComplete;
    await afterTheAnnouncementDelay();
    expect(said).to.deep.equal([]);
  });

  it('never announces a status it does not know as a number', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview status-filter="local_only" .counts=${{ local_only: 24 }}></status-overview>`);
    const said = recordAnnouncements(el);
    // More pages of the filtered view: only the status counted is said.
    el.counts = { local_only: 30 };
    await waitUntil(() => said.length > 0, 'the change is announced', { timeout: 2000 });
    expect(said).to.deep.equal(['30 Local only']);
    // From one status known to all: a new start, not "0 Provider OK" or a change.
    el.counts = { ok: 12, local_only: 30, flagged: 0, unknown: 0 };
    await el.updateComplete;
    await afterTheAnnouncementDelay();
    expect(said).to.deep.equal(['30 Local only']);
    // A burst that passes through not known and back, to other numbers, is no announcement either.
    el.counts = { ok: 12, local_only: null, flagged: 0, unknown: 0 };
    await el.updateComplete;
    el.counts = { ok: 13, local_only: 31, flagged: 0, unknown: 0 };
    await el.updateComplete;
    await afterTheAnnouncementDelay();
    expect(said).to.deep.equal(['30 Local only']);
  });

  for (const [label, counts, filter] of [
    ['nothing known', null, null],
    ['only the filtered status known', { flagged: 2 }, 'flagged'],
    ['some known', { ok: 5, unknown: 0 }, null],
  ] as Array<[string, Record<string, number> | null, ProviderStatus | null]>) {
    it(`is accessible with ${label}`, async () => {
      const el = await fixture<StatusOverview>(html`<status-overview status-filter=${filter ?? ''} .counts=${counts}></status-overview>`);
      expect(parts(el).texts.some((each) => each.includes('–'))).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }
});
