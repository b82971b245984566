/** Registers an element once; a second registration of the same tag (two bundles on one page) is skipped. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, element);
}

/** Dispatches a bubbling, composed event with a plain detail; returns false when a listener cancelled it. */
export function emit<T>(target: EventTarget, type: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable: !!options.cancelable }));
}
