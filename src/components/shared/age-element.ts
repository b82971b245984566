import { LitElement, type PropertyDeclarations } from 'lit';
import type { CopyOverrides } from '../../status/index.js';
import { themeConverter, type Theme } from './theme.js';
import { copyChanged, WordsController } from './words.js';

/**
 * What the four elements share: the `theme` attribute, their own `copy`, and the words controller that reads
 * them with the `lang` around the element. Each element extends it; it registers no tag and renders nothing.
 *
 * @attr {'light' | 'dark'} theme - The colour theme; absent (or any other value): the OS's `prefers-color-scheme`.
 */
export abstract class AgeElement extends LitElement {
  // Lit's reactive properties, declared here rather than with decorators (less code shipped); the fields below
  // keep their types, defaults and docs. A subclass's own `static properties` add to these (Lit merges the chain).
  static override get properties(): PropertyDeclarations {
    return {
      theme: { reflect: true, converter: themeConverter },
      copy: { attribute: false, hasChanged: copyChanged },
    };
  }

  /**
   * `light` or `dark`; absent (or any other value): follow the OS's `prefers-color-scheme`. What an element shows
   * follows it: a gallery's overview and cards, a card's badge.
   */
  theme: Theme | undefined = undefined;

  /**
   * Words of its own, laid over the global copy and the words of its language (`lang` on it or inherited):
   * any part of the copy, e.g. `{ status: { local_only: { label: 'Kept here' } } }`. What an element shows uses
   * them too: a gallery's overview and cards, a card's badge.
   */
  copy: CopyOverrides | null = null;

  readonly #words = new WordsController(this);

  /** Undefined until a custom state is first set; false when there are none to set (see setCustomState). */
  #states: CustomStateSet | false | undefined;

  /** The words and the language in force for this element; the element re-renders when either changes. */
  protected get words(): WordsController {
    return this.#words;
  }

  /**
   * Turns the custom state `name` on or off, for a page's `:state(name)` selectors. Never throws: where there are
   * no custom states to set, there are none, and the reflected attributes still say the same. That is an engine
   * without `ElementInternals.states`, one whose first CustomStateSet took only `--name` states, and a subclass
   * that attached the internals itself (they can be attached once; the base asks for them on the first state).
   */
  protected setCustomState(name: string, on: boolean): void {
    if (this.#states === false) return;
    try {
      this.#states ??= this.attachInternals().states;
      if (on) this.#states.add(name);
      else this.#states.delete(name);
    } catch {
      this.#states = false;
    }
  }
}
