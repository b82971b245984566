import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isProviderStatus, type ProviderStatus } from '../../status/index.js';
import { emit, type StatusFilterChangeDetail } from '../shared/events.js';

/** Where a filter change came from: it decides how the page URL follows. */
export type FilterOrigin = 'user' | 'history' | 'host';

export interface FilterChoiceOptions {
  /** `sync-url` is on. */
  enabled: () => boolean;
  /** The query parameter (`url-param`, by default `provider_status`): two galleries on one page each take their own. */
  param: () => string;
  /** The filter now. */
  current: () => ProviderStatus | null;
  /** Makes `status` the filter. */
  set: (status: ProviderStatus | null) => void;
}

/**
 * The status filter as a person, the page's URL and the host change it. A person's choice asks the page first
 * (`status-filter-change`, cancelable) and gets its own history entry; with `sync-url` the filter is read from the
 * URL on load (a missing parameter keeps the host's filter) and on back/forward (a missing one means all), which
 * fires `status-filter-restore` and writes nothing; a host's change replaces the current history entry.
 */
export class FilterChoice implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: FilterChoiceOptions;
  #origin: FilterOrigin = 'host';

  constructor(host: ReactiveControllerHost & HTMLElement, options: FilterChoiceOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The overview's `status-filter-change`: the gallery asks the page itself; a veto keeps the overview's pressed button too. */
  readonly onOverviewChange = (event: CustomEvent<StatusFilterChangeDetail>): void => {
    event.stopPropagation();
    if (!this.#choose(isProviderStatus(event.detail.status) ? event.detail.status : null, 'user')) event.preventDefault();
  };

  /** "Show all assets". */
  readonly clear = (): void => void this.#choose(null, 'user');

  /** Returns false when the page vetoed the change. */
  #choose(status: ProviderStatus | null, origin: FilterOrigin): boolean {
    if (status === this.#options.current()) return true;
    if (origin === 'user' && !emit(this.#host, 'status-filter-change', { status }, { cancelable: true })) return false;
    this.#origin = origin;
    this.#options.set(status);
    if (origin === 'history') emit(this.#host, 'status-filter-restore', { status });
    return true;
  }

  hostConnected(): void {
    if (this.#options.enabled()) this.#read(true);
    window.addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
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
    this.#choose(status, 'history');
  }
}
