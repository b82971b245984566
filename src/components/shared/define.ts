/**
 * Registers an element once; a second registration of the same tag (two bundles on one page) is skipped. Only
 * the define entries (`src/<element>.ts`) call it, at import: a component never registers a tag itself.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, element);
}
