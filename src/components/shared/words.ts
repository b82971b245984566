import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { copyFor, onCopyChange, type Copy, type CopyOverrides } from '../../status/index.js';
import { localeOf } from './locale.js';

/**
 * A `copy` property's hasChanged: overrides with the same words are no change, so an inline object a framework
 * re-creates on every render does not re-render every card.
 */
export function copyChanged(value: unknown, old: unknown): boolean {
  if (value === old) return false;
  try {
    return JSON.stringify(value) !== JSON.stringify(old);
  } catch {
    return true; // not plain words (a cycle): a change, and the merge ignores what is not words
  }
}

type WordsHost = ReactiveControllerHost & HTMLElement & { copy: CopyOverrides | null };

/**
 * Elements that show words; one observer of `lang` and `dir` in the page serves them all. It sees the document's
 * own elements, not those inside other components' shadow roots: a host that switches `lang` there calls
 * `requestUpdate()` on the elements.
 */
const hosts = new Set<WordsHost>();
let pageObserver: MutationObserver | undefined;

function watchPage(host: WordsHost): void {
  hosts.add(host);
  if (pageObserver || typeof MutationObserver === 'undefined') return;
  // A page that switches language (or direction) re-renders every element in the new one.
  pageObserver = new MutationObserver(() => hosts.forEach((each) => each.requestUpdate()));
  pageObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
}

function unwatchPage(host: WordsHost): void {
  hosts.delete(host);
  if (hosts.size === 0) {
    pageObserver?.disconnect();
    pageObserver = undefined;
  }
}

/**
 * An element's words and language: the global copy, the words registered for the `lang` it inherits, and its
 * own `copy` property. It re-renders its host when any of them changes.
 */
export class WordsController implements ReactiveController {
  readonly #host: WordsHost;
  #stopListening: (() => void) | undefined;

  constructor(host: WordsHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#stopListening = onCopyChange(() => this.#host.requestUpdate());
    watchPage(this.#host);
    // The words, or the lang around it, may have changed while it was out of the page.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#stopListening?.();
    this.#stopListening = undefined;
    unwatchPage(this.#host);
  }

  /** The language the element inherits (`lang` on it, an ancestor, or the page); undefined for the browser's. */
  get locale(): string | undefined {
    return localeOf(this.#host);
  }

  /** The words in force for this element. */
  get copy(): Copy {
    return copyFor(this.locale, this.#host.copy);
  }
}
