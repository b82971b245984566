import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isProviderStatus, type ProviderStatus } from '../../status/index.js';

/** Where a filter change came from: it decides how the page URL follows. */
export type FilterOrigin = 'user' | 'history' | 'host';

export interface UrlFilterOptions {
  /** `sync-url` is on. */
  enabled: () => boolean;
  /** The query parameter (`url-param`, by default `provider_status`): two galleries on one page each take their own. */
  param: () => string;
  /** The filter now. */
  current: () => ProviderStatus | null;
  /** The URL says another filter (on load, or on back/forward). */
  restore: (status: ProviderStatus | null) => void;
}

/**
 * The filter mirrored in the page's URL: read on load (a missing parameter keeps the host's filter) and on
 * back/forward (a missing one means all); a person's choice gets its own history entry, a host's change replaces
 * the current one, a restore from the URL writes nothing.
 */
export class UrlFilter implements ReactiveController {
  readonly #options: UrlFilterOptions;
  #origin: FilterOrigin = 'host';

  constructor(host: ReactiveControllerHost, options: UrlFilterOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#options.enabled()) this.#read(true);
    window.addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  /** The next change of the filter comes from `origin` (the host's own changes need no word). */
  willChange(origin: FilterOrigin): void {
    this.#origin = origin;
  }

  /** The filter changed (from `hadValue`: it was set before, not the first render): the URL follows. */
  changed(hadValue: boolean): void {
    const origin = this.#origin;
    this.#origin = 'host';
    if (!this.#options.enabled() || origin === 'history' || !hadValue) return;
    const param = this.#options.param();
    const status = this.#options.current();
    const url = new URL(window.location.href);
    if (url.searchParams.get(param) === status) return;
    if (status) url.searchParams.set(param, status);
    else url.searchParams.delete(param);
    if (origin === 'user') window.history.pushState(window.history.state, '', url);
    else window.history.replaceState(window.history.state, '', url);
  }

  readonly #onPopState = (): void => {
    if (this.#options.enabled()) this.#read(false);
  };

  #read(onLoad: boolean): void {
    const value = new URL(window.location.href).searchParams.get(this.#options.param());
    if (onLoad && value === null) return;
    const status = isProviderStatus(value) ? value : null;
    if (status !== this.#options.current()) this.#options.restore(status);
  }
}
