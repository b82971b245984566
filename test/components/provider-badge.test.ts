import { aTimeout, expect, fixture, html, nextFrame } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../src/provider-badge.js';
import type { ProviderBadge } from '../../src/provider-badge.js';
import { resetCopy, setCopy } from '../../src/status/index.js';
import { press, skipWithoutHoverOnLayout, waitUntil } from '../helpers.js';

const parts = (badge: ProviderBadge) => {
  const root = badge.shadowRoot as ShadowRoot;
  return {
    button: root.querySelector('button') as HTMLButtonElement,
    label: root.querySelector('[part="label"]')?.textContent?.trim(),
    explanation: root.querySelector('[part="explanation"]') as HTMLElement,
    icon: root.querySelector('svg[part="icon"]')?.innerHTML ?? '',
  };
};
const isOpen = (badge: ProviderBadge) => parts(badge).explanation.matches(':popover-open');

describe('<provider-badge>', () => {
  afterEach(() => resetCopy());

  const cases = [
    ['ok', 'Provider OK', 'Provider accepted this asset'],
    ['local_only', 'Local only', 'Provider upload failed; stored locally in PixSim7'],
    ['flagged', 'Flagged', 'Flagged by the provider after upload'],
    ['unknown', 'Unknown', 'Provider status unknown'],
  ] as const;

  for (const [status, label, explanation] of cases) {
    it(`shows "${label}" with its own icon and explains it (${status})`, async () => {
      const badge = await fixture<ProviderBadge>(html`<provider-badge status=${status}></provider-badge>`);
      const { button, explanation: tip } = parts(badge);
      expect(parts(badge).label).to.equal(label);
      expect(tip.textContent?.trim()).to.equal(explanation);
      expect(button.getAttribute('aria-describedby')).to.equal(tip.id);
      await expect(badge).to.be.accessible();
    });
  }

  it('draws a different shape for each status', async () => {
    const icons = new Set<string>();
    for (const [status] of cases) icons.add(parts(await fixture<ProviderBadge>(html`<provider-badge status=${status}></provider-badge>`)).icon);
    expect(icons.size).to.equal(4);
  });

  it('shows an unknown value as Unknown and reflects that', async () => {
    const badge = await fixture<ProviderBadge>(html`<provider-badge status="pending"></provider-badge>`);
    expect(parts(badge).label).to.equal('Unknown');
    expect(badge.getAttribute('status')).to.equal('unknown');
    badge.status = 'not_flagged' as never;
    await badge.updateComplete;
    expect(parts(badge).label).to.equal('Unknown');
  });

  it('has the custom state of its status (:state(flagged), …), one at a time, as the attribute says', async () => {
    const states = (badge: ProviderBadge) => ['ok', 'local_only', 'flagged', 'unknown'].filter((status) => badge.matches(`:state(${status})`));
    const badge = await fixture<ProviderBadge>(html`<provider-badge status="flagged"></provider-badge>`);
    expect(badge.matches(':state(flagged)')).to.equal(true);
    expect(states(badge)).to.deep.equal(['flagged']);
    badge.setAttribute('status', 'ok');
    await badge.updateComplete;
    expect(states(badge)).to.deep.equal(['ok']);
    badge.status = 'maybe' as never;
    await badge.updateComplete;
    expect(states(badge)).to.deep.equal(['unknown']);
    expect(badge.getAttribute('status')).to.equal('unknown');
    const plain = await fixture<ProviderBadge>(html`<provider-badge></provider-badge>`);
    expect(states(plain)).to.deep.equal(['unknown']);
  });

  it('adds the reason for local only and flagged, and names the provider', async () => {
    const badge = await fixture<ProviderBadge>(
      html`<provider-badge status="local_only" provider="pixverse" reason="No available account for provider 'pixverse'"></provider-badge>`,
    );
    expect(parts(badge).explanation.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      "Pixverse Provider upload failed; stored locally in PixSim7: No available account for provider 'pixverse'",
    );
    badge.status = 'flagged';
    badge.reason = 'post_delivery_moderation';
    await badge.updateComplete;
    expect(parts(badge).explanation.textContent).to.contain('Flagged by the provider after upload: post_delivery_moderation');
  });

  it('renders a hostile reason as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const badge = await fixture<ProviderBadge>(html`<provider-badge status="flagged" reason=${hostile}></provider-badge>`);
    expect(parts(badge).explanation.querySelector('img')).to.equal(null);
    expect(parts(badge).explanation.textContent).to.contain('<img src=x onerror=alert(1)>');
  });

  it('uses the app name of the copy', async () => {
    setCopy({ appName: 'Acme Studio' });
    const badge = await fixture<ProviderBadge>(html`<provider-badge status="local_only"></provider-badge>`);
    expect(parts(badge).explanation.textContent).to.contain('stored locally in Acme Studio');
  });

  it('opens on a click or tap, closes on a second one and on Escape', async () => {
    const badge = await fixture<ProviderBadge>(html`<provider-badge status="flagged"></provider-badge>`);
    const { button } = parts(badge);
    button.click();
    await badge.updateComplete;
    expect(isOpen(badge)).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    button.click();
    await badge.updateComplete;
    expect(isOpen(badge)).to.equal(false);
    button.click();
    await badge.updateComplete;
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await badge.updateComplete;
    expect(isOpen(badge)).to.equal(false);
  });

  it('closes when the page is clicked elsewhere, and when removed', async () => {
    const badge = await fixture<ProviderBadge>(html`<provider-badge status="ok"></provider-badge>`);
    parts(badge).button.click();
    await badge.updateComplete;
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await badge.updateComplete;
    expect(isOpen(badge)).to.equal(false);
  });

  it('places the explanation in the viewport, next to the badge', async () => {
    const badge = await fixture<ProviderBadge>(html`<provider-badge status="local_only" reason="A long reason ${'x'.repeat(300)}"></provider-badge>`);
    parts(badge).button.click();
    await badge.updateComplete;
    const tip = parts(badge).explanation.getBoundingClientRect();
    const anchor = parts(badge).button.getBoundingClientRect();
    expect(tip.left).to.be.at.least(0);
    expect(tip.right).to.be.at.most(window.innerWidth);
    expect(tip.top).to.be.closeTo(anchor.bottom + 6, 2);
  });

  it('keeps an explanation too tall for above and below inside the viewport, and lets the keyboard scroll it', async () => {
    // Near the bottom, with a reason longer than the viewport is tall: no room below, nor above.
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="position: fixed; left: 24px; bottom: 24px">
        <button>before</button>
        <provider-badge status="flagged" provider="pixverse" reason=${`A long reason ${'word '.repeat(1500)}`}></provider-badge>
      </div>`,
    );
    const badge = wrapper.querySelector('provider-badge') as ProviderBadge;
    (wrapper.querySelector('button') as HTMLButtonElement).focus();
    await press('Tab');
    await badge.updateComplete;
    const { explanation, button } = parts(badge);
    expect(isOpen(badge)).to.equal(true);
    const tip = explanation.getBoundingClientRect();
    expect(tip.top).to.be.at.least(8 - 1);
    expect(tip.bottom).to.be.at.most(window.innerHeight - 8 + 1);
    expect(explanation.scrollHeight).to.be.greaterThan(explanation.clientHeight);
    await expect(badge).to.be.accessible();
    // Tab goes from the badge into the explanation, which stays open and scrolls with the keyboard.
    await press('Tab');
    await badge.updateComplete;
    expect(badge.shadowRoot?.activeElement === explanation, 'the explanation has focus').to.equal(true);
    expect(isOpen(badge), 'open while it has focus').to.equal(true);
    await press('End');
    await aTimeout(100);
    expect(explanation.scrollTop).to.be.greaterThan(0);
    await press('Escape');
    await badge.updateComplete;
    expect(isOpen(badge)).to.equal(false);
    expect(badge.shadowRoot?.activeElement === button, 'focus back on the badge').to.equal(true);
  });

  it('stays in the tab order when tabbable is set to undefined (a removed framework prop)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><button>before</button><provider-badge status="ok"></provider-badge></div>`);
    const badge = wrapper.querySelector('provider-badge') as ProviderBadge;
    badge.tabbable = false;
    await badge.updateComplete;
    expect(parts(badge).button.getAttribute('tabindex')).to.equal('-1');
    badge.tabbable = undefined as unknown as boolean;
    await badge.updateComplete;
    expect(parts(badge).button.hasAttribute('tabindex')).to.equal(false);
    (wrapper.querySelector('button') as HTMLButtonElement).focus();
    await press('Tab');
    expect(badge.shadowRoot?.activeElement === parts(badge).button).to.equal(true);
    await press('Escape');
  });

  it('lines the explanation up with the badge’s start: left to right from its left edge, right to left from its right', async () => {
    for (const dir of ['ltr', 'rtl'] as const) {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir=${dir} style="padding: 0 120px"><provider-badge status="flagged" reason="post_delivery_moderation"></provider-badge></div>`,
      );
      const badge = wrapper.querySelector('provider-badge') as ProviderBadge;
      parts(badge).button.click();
      await badge.updateComplete;
      const tip = parts(badge).explanation.getBoundingClientRect();
      const anchor = parts(badge).button.getBoundingClientRect();
      if (dir === 'ltr') expect(tip.left, dir).to.be.closeTo(anchor.left, 1);
      else expect(tip.right, dir).to.be.closeTo(anchor.right, 1);
      parts(badge).button.click();
    }
  });

  describe('hover and keyboard', () => {
    /** The grace period after the pointer leaves (200 ms in the badge), with room to spare. */
    const AFTER_GRACE = 400;
    const centre = (element: Element): [number, number] => {
      const box = element.getBoundingClientRect();
      return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
    };
    const mountAwayFromEdges = async (status = 'flagged') => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="padding: 40px"><button>before</button> <provider-badge status=${status} reason="early_cdn_filtered"></provider-badge></div>`,
      );
      return { wrapper, badge: wrapper.querySelector('provider-badge') as ProviderBadge };
    };

    /** The mouse moves from the page's corner (outside the padded wrapper) onto the element. */
    const moveOnto = async (element: Element) => {
      await sendMouse({ type: 'move', position: [2, 2] });
      await sendMouse({ type: 'move', position: centre(element) });
    };

    afterEach(() => resetMouse());

    it('opens when the mouse moves onto it and closes after the grace period when it moves away', async () => {
      const { badge } = await mountAwayFromEdges();
      await moveOnto(parts(badge).button);
      await badge.updateComplete;
      expect(isOpen(badge)).to.equal(true);
      expect(parts(badge).button.getAttribute('aria-expanded')).to.equal('true');
      await sendMouse({ type: 'move', position: [window.innerWidth - 5, window.innerHeight - 5] });
      await badge.updateComplete;
      expect(isOpen(badge), 'still open during the grace period').to.equal(true);
      await aTimeout(AFTER_GRACE);
      await badge.updateComplete;
      expect(isOpen(badge)).to.equal(false);
      expect(parts(badge).button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('stays open while the mouse moves onto the explanation, and closes when it leaves that', async () => {
      const { badge } = await mountAwayFromEdges();
      await moveOnto(parts(badge).button);
      await badge.updateComplete;
      expect(isOpen(badge)).to.equal(true);
      await sendMouse({ type: 'move', position: centre(parts(badge).explanation) });
      await aTimeout(AFTER_GRACE);
      await badge.updateComplete;
      expect(isOpen(badge), 'open while hovering the explanation').to.equal(true);
      await sendMouse({ type: 'move', position: [window.innerWidth - 5, window.innerHeight - 5] });
      await aTimeout(AFTER_GRACE);
      await badge.updateComplete;
      expect(isOpen(badge)).to.equal(false);
    });

    it('opens on keyboard focus (Tab) and closes with Escape, keeping focus', async () => {
      const { wrapper, badge } = await mountAwayFromEdges('local_only');
      (wrapper.querySelector('button') as HTMLButtonElement).focus();
      await press('Tab');
      await badge.updateComplete;
      expect(badge.shadowRoot?.activeElement === parts(badge).button, 'the badge has focus').to.equal(true);
      expect(isOpen(badge)).to.equal(true);
      expect(parts(badge).explanation.textContent).to.contain('early_cdn_filtered');
      await press('Escape');
      await badge.updateComplete;
      expect(isOpen(badge)).to.equal(false);
      expect(badge.shadowRoot?.activeElement === parts(badge).button, 'focus stays on the badge').to.equal(true);
      await press('Shift', 'Tab');
      await badge.updateComplete;
      expect(document.activeElement === wrapper.querySelector('button'), 'focus went back').to.equal(true);
      expect(isOpen(badge)).to.equal(false);
      await press('Tab');
      await badge.updateComplete;
      expect(isOpen(badge), 'opens again on the next focus').to.equal(true);
    });

    it('closes on Escape while hovered, and a mouse click does not count as keyboard focus', async () => {
      const { badge } = await mountAwayFromEdges();
      await moveOnto(parts(badge).button);
      await badge.updateComplete;
      expect(isOpen(badge)).to.equal(true);
      await press('Escape');
      await badge.updateComplete;
      expect(isOpen(badge), 'Escape dismisses a hover explanation (WCAG 1.4.13)').to.equal(false);
      await sendMouse({ type: 'click', position: centre(parts(badge).button) });
      await badge.updateComplete;
      expect(isOpen(badge), 'a click pins it open').to.equal(true);
      await sendMouse({ type: 'click', position: centre(parts(badge).button) });
      await sendMouse({ type: 'move', position: [window.innerWidth - 5, window.innerHeight - 5] });
      await aTimeout(AFTER_GRACE);
      await badge.updateComplete;
      expect(isOpen(badge), 'the second click closes it, focus alone does not keep it open').to.equal(false);
    });
  });
  describe('an open explanation stays with its badge (issue 12)', () => {
    const box = (element: Element) => element.getBoundingClientRect();
    const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    /** The explanation hangs 6 px below its badge, lined up with its start (as placed on opening). */
    const nextToBadge = (badge: ProviderBadge) => {
      const tip = box(parts(badge).explanation);
      const anchor = box(parts(badge).button);
      return Math.abs(tip.top - (anchor.bottom + 6)) <= 1 && Math.abs(tip.left - anchor.left) <= 1;
    };

    afterEach(async () => {
      window.scrollTo(0, 0);
      await resetMouse();
    });

    it('follows its badge when the layout moves it (a line inserted above)', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="padding: 20px"><div class="line" style="height: 0"></div><provider-badge status="flagged" reason="early_cdn_filtered"></provider-badge></div>`,
      );
      const badge = wrapper.querySelector('provider-badge') as ProviderBadge;
      parts(badge).button.click();
      await badge.updateComplete;
      expect(isOpen(badge)).to.equal(true);
      const before = box(parts(badge).button).top;
      (wrapper.querySelector('.line') as HTMLElement).style.height = '80px';
      expect(box(parts(badge).button).top - before).to.be.closeTo(80, 1);
      await waitUntil(() => nextToBadge(badge), 'the explanation moves with its badge');
      expect(isOpen(badge)).to.equal(true);
    });

    it('follows its badge in a scroller inside a shadow root, and closes when that scrolls it out of sight', async () => {
      const host = await fixture<HTMLDivElement>(html`<div><provider-badge status="local_only" reason="No account"></provider-badge></div>`);
      // The badge is slotted into a scroller in a shadow root: its scroll events never reach the window.
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<div class="scroller" style="height: 160px; overflow: auto"><div style="height: 60px"></div><slot></slot><div style="height: 800px"></div></div>';
      const scroller = root.querySelector('.scroller') as HTMLElement;
      const badge = host.querySelector('provider-badge') as ProviderBadge;
      parts(badge).button.click();
      await badge.updateComplete;
      expect(isOpen(badge)).to.equal(true);
      scroller.scrollTop = 40;
      await waitUntil(() => nextToBadge(badge), 'the explanation moves with its badge');
      expect(isOpen(badge)).to.equal(true);
      scroller.scrollTop = 400;
      await waitUntil(() => !isOpen(badge), 'the explanation closes when its badge is scrolled out of sight');
      expect(parts(badge).button.getAttribute('aria-expanded')).to.equal('false');
    });

    it('closes when the page scrolls its badge out of the viewport', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><provider-badge status="ok"></provider-badge><div style="height: 3000px"></div></div>`);
      const badge = wrapper.querySelector('provider-badge') as ProviderBadge;
      parts(badge).button.click();
      await badge.updateComplete;
      expect(isOpen(badge)).to.equal(true);
      window.scrollTo(0, box(badge).bottom + window.scrollY + 200);
      await waitUntil(() => !isOpen(badge), 'the explanation closes when its badge leaves the viewport');
    });

    for (const [name, change] of [
      ['status', (badge: ProviderBadge) => (badge.status = 'ok')],
      ['reason', (badge: ProviderBadge) => (badge.reason = 'another_reason')],
      ['provider', (badge: ProviderBadge) => (badge.provider = 'runway')],
    ] as const) {
      it(`closes when its ${name} changes (it explained something else), keeping focus`, async () => {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div><button>before</button><provider-badge status="flagged" provider="pixverse" reason="early_cdn_filtered"></provider-badge></div>`,
        );
        const badge = wrapper.querySelector('provider-badge') as ProviderBadge;
        // Opened by a tap …
        parts(badge).button.click();
        await badge.updateComplete;
        expect(isOpen(badge)).to.equal(true);
        change(badge);
        await badge.updateComplete;
        expect(isOpen(badge), 'closed after a tap').to.equal(false);
        // … and by keyboard focus, which stays on the badge.
        badge.status = 'flagged';
        badge.reason = 'early_cdn_filtered';
        badge.provider = 'pixverse';
        await badge.updateComplete;
        (wrapper.querySelector('button') as HTMLButtonElement).focus();
        await press('Tab');
        await badge.updateComplete;
        expect(isOpen(badge)).to.equal(true);
        change(badge);
        await badge.updateComplete;
        expect(isOpen(badge), 'closed after keyboard focus').to.equal(false);
        expect(badge.shadowRoot?.activeElement === parts(badge).button, 'focus stays on the badge').to.equal(true);
        expect(parts(badge).button.getAttribute('aria-expanded')).to.equal('false');
      });
    }

    it('does not open when it slides under a resting mouse, and opens when the mouse then moves over it', async function () {
      skipWithoutHoverOnLayout(this);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="padding: 20px"><div class="line" style="height: 0"></div><provider-badge status="flagged" reason="early_cdn_filtered"></provider-badge></div>`,
      );
      const badge = wrapper.querySelector('provider-badge') as ProviderBadge;
      const { button } = parts(badge);
      const anchor = box(button);
      // The mouse comes to rest 60 px below the badge, on nothing.
      const resting: [number, number] = [Math.round(anchor.left + 10), Math.round(anchor.top + anchor.height / 2 + 60)];
      await sendMouse({ type: 'move', position: [2, 2] });
      await sendMouse({ type: 'move', position: resting });
      let entered = false;
      button.addEventListener('pointerenter', () => (entered = true));
      // A line is inserted above: the badge slides under the mouse, and the browser says the mouse is over it.
      (wrapper.querySelector('.line') as HTMLElement).style.height = '60px';
      // (Each poll asks for a frame: headless Chromium updates the hover state in one.)
      await waitUntil(
        async () => {
          await nextFrame();
          return entered;
        },
        'the browser sends pointerenter to the badge that slid under the mouse',
      );
      await badge.updateComplete;
      expect(isOpen(badge), 'no one asked').to.equal(false);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      // The person moves the mouse over the badge: that is a hover.
      await sendMouse({ type: 'move', position: [resting[0] + 3, resting[1]] });
      await waitUntil(() => isOpen(badge), 'a real movement over the badge opens it');
    });

    it('keeps clear of what keepClear names: above the badge when that is below it, past it when there is no room above', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="padding: 160px 20px 20px">
          <provider-badge status="flagged" reason="early_cdn_filtered"></provider-badge>
          <div class="controls" style="height: 40px; width: 200px; background: #eee"></div>
        </div>`,
      );
      const badge = wrapper.querySelector('provider-badge') as ProviderBadge;
      const controls = wrapper.querySelector('.controls') as HTMLElement;
      badge.keepClear = () => [controls];
      parts(badge).button.click();
      await badge.updateComplete;
      expect(isOpen(badge)).to.equal(true);
      let tip = box(parts(badge).explanation);
      const anchor = box(parts(badge).button);
      expect(overlap(tip, box(controls)), 'the controls stay in sight').to.equal(false);
      expect(tip.bottom, 'just above the badge').to.be.closeTo(anchor.top - 6, 1);
      expect(overlap(tip, anchor), 'the badge stays in sight').to.equal(false);
      // No room above (the badge near the viewport's top): past the controls, not over them nor over the badge.
      wrapper.style.paddingTop = '10px';
      await waitUntil(() => Math.abs(box(parts(badge).explanation).top - (box(controls).bottom + 6)) <= 1, 'placed past the controls');
      tip = box(parts(badge).explanation);
      expect(overlap(tip, box(controls))).to.equal(false);
      expect(overlap(tip, box(parts(badge).button))).to.equal(false);
    });
  });
});
