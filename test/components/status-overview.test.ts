import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/status-overview.js';
import type { StatusFilterChangeDetail, StatusOverview } from '../../src/status-overview.js';
import { PROVIDER_STATUSES, resetCopy, setCopy, type ProviderStatus } from '../../src/status/index.js';

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const parts = (el: StatusOverview) => {
  const root = el.shadowRoot as ShadowRoot;
  const buttons = [...root.querySelectorAll('button')];
  return {
    root,
    group: root.querySelector('[part="group"]') as HTMLElement,
    buttons,
    /** Each button's visible text, "All 7", "3 Provider OK", … */
    texts: buttons.map((button) => text(button)),
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
    expect(parts(el).caption).to.equal('Totals on the server');
    expect(parts(el).group.getAttribute('aria-describedby')).to.equal(parts(el).root.querySelector('[part="caption"]')?.id);
    el.counts = null;
    await el.updateComplete;
    expect(parts(el).texts).to.deep.equal(['All 1', '1 Provider OK', '0 Local only', '0 Flagged', '0 Unknown']);
    // Counting loaded assets is never called "totals on the server".
    expect(parts(el).caption).to.equal('Counts of the 1 loaded asset');
  });

  it('says "loaded assets" by default, in the singular for one, and "Totals on the server" for the server', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview .counts=${{ ok: 1 }}></status-overview>`);
    expect(parts(el).caption).to.equal('Counts of the 1 loaded asset');
    el.counts = { ok: 2, flagged: 3 };
    await el.updateComplete;
    expect(parts(el).caption).to.equal('Counts of the 5 loaded assets');
    el.setAttribute('counts-source', 'server');
    await el.updateComplete;
    expect(parts(el).caption).to.equal('Totals on the server');
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
    const german = await fixture<HTMLElement>(html`<div lang="de"><status-overview .counts=${{ ok: 100000 }}></status-overview></div>`);
    const de = german.querySelector('status-overview') as StatusOverview;
    expect(parts(de).texts[1]).to.equal('100.000 Provider OK');
    expect(parts(de).caption).to.equal('Counts of the 100.000 loaded assets');
  });

  it('uses the words of the copy', async () => {
    setCopy({ overview: { all: 'Alle', label: 'Nach Status filtern' }, status: { ok: { label: 'Beim Anbieter', explanation: 'x' } } });
    const el = await fixture<StatusOverview>(html`<status-overview .counts=${{ ok: 2 }}></status-overview>`);
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
    expect(pressedTexts(el)).to.deep.equal(['0 Local only']);
    el.statusFilter = 'pending' as never;
    await el.updateComplete;
    expect(el.hasAttribute('status-filter')).to.equal(false);
    expect(pressedTexts(el)).to.deep.equal(['All 0']);
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

  it('shows 0s for junk and never throws', async () => {
    const hostile = {
      get ok(): number {
        throw new Error('boom');
      },
    };
    const junkCounts: unknown[] = [
      { ok: '12', local_only: -3, flagged: Number.NaN, unknown: Number.POSITIVE_INFINITY },
      { ok: null, local_only: {}, flagged: [], unknown: undefined },
      hostile,
      'twelve',
      42,
      {},
    ];
    const el = await fixture<StatusOverview>(html`<status-overview></status-overview>`);
    expect(parts(el).texts).to.deep.equal(ZEROS);
    for (const [index, counts] of junkCounts.entries()) {
      el.counts = counts as never;
      await el.updateComplete;
      expect(parts(el).texts, `junk counts #${index}`).to.deep.equal(ZEROS);
    }
    el.counts = null;
    const junkAssets: unknown[] = [null, undefined, 'a string of assets', 42, { length: 3 }];
    for (const value of junkAssets) {
      el.assets = value as never;
      await el.updateComplete;
      expect(parts(el).texts, String(value)).to.deep.equal(ZEROS);
    }
    el.assets = new Set([asset('ok'), null, 'x', 7, asset('flagged')]);
    await el.updateComplete;
    expect(parts(el).texts).to.deep.equal(['All 5', '1 Provider OK', '0 Local only', '1 Flagged', '3 Unknown']);
    el.counts = { ok: 2.7, local_only: 1 };
    await el.updateComplete;
    expect(parts(el).texts).to.deep.equal(['All 3', '2 Provider OK', '1 Local only', '0 Flagged', '0 Unknown']);
  });

  it('announces a change of the counts politely, once they settle, and not on the first render', async () => {
    const el = await fixture<StatusOverview>(html`<status-overview .counts=${{ ok: 1 }}></status-overview>`);
    const { live } = parts(el);
    expect(live.getAttribute('role')).to.equal('status');
    expect(text(live)).to.equal('');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(text(parts(el).live), 'nothing to say after the first render').to.equal('');
    // A burst of changes (pages arriving) makes one announcement, of the last counts.
    el.counts = { ok: 2 };
    await el.updateComplete;
    el.counts = { ok: 3, local_only: 1 };
    await el.updateComplete;
    el.counts = { ok: 4, local_only: 1, flagged: 2 };
    await el.updateComplete;
    expect(text(parts(el).live)).to.equal('');
    await waitUntil(() => text(parts(el).live) !== '', 'the change is announced', { timeout: 2000 });
    expect(text(parts(el).live)).to.equal('4 Provider OK, 1 Local only, 2 Flagged, 0 Unknown');
    // The same live region element throughout, so that screen readers keep tracking it.
    expect(parts(el).live).to.equal(live);
    // A filter switch is not a change of counts.
    parts(el).button('ok').click();
    el.counts = { ok: 4, local_only: 1, flagged: 2 };
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 800));
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
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('All 4');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('1 Provider OK');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(pressedTexts(el)).to.deep.equal(['1 Provider OK']);
    expect(focused(), 'focus stays on the button').to.equal('1 Provider OK');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('1 Flagged');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(pressedTexts(el)).to.deep.equal(['1 Flagged']);
    await sendKeys({ press: 'Space' });
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
