import { expect, fixture, html } from '@open-wc/testing';
import { localeOf, numberFormat } from '../../src/components/shared/locale.js';

describe('localeOf', () => {
  it('finds the nearest lang across shadow roots', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="de"><span></span></div>`);
    const host = outer.querySelector('span') as HTMLSpanElement;
    const inner = document.createElement('b');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(localeOf(inner)).to.equal('de');
    expect(numberFormat(localeOf(inner)).format(100000)).to.equal('100.000');
  });

  it('falls back to the default locale for an invalid lang', () => {
    const browserDefault = new Intl.NumberFormat();
    // "1" reads alike in every locale, so it passed whatever the fallback was: compare the locale, and a number
    // whose grouping and decimal marks differ between locales.
    const fallback = numberFormat('not a locale!');
    expect(fallback.resolvedOptions().locale).to.equal(browserDefault.resolvedOptions().locale);
    expect(fallback.format(1234567.5)).to.equal(browserDefault.format(1234567.5));
  });
});
