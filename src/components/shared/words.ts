import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { copyFor, onCopyChange, type Copy, type CopyOverrides } from '../../status/index.js';
import { localeOf } from './locale.js';

type WordsHost = ReactiveControllerHost & HTMLElement & { copy: CopyOverrides | null };

/** Elements that show words; one observer of the page's `lang` and `dir` serves them all. */
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
