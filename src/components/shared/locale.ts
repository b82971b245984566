/** The language of the nearest `lang` above the element, across shadow roots (the page's, in the end). */
export function localeOf(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang') || undefined;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

export { dateTimeFormat, numberFormat } from '../../status/intl.js';
