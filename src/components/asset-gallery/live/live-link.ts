import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Asset, AssetsClient, HeadersOption } from '../../../api/index.js';
import type { Copy } from '../../../status/index.js';
import { emit } from '../../shared/events.js';
import { Lazy } from '../../shared/lazy.js';
import type { LiveState } from './live-connection.js';
import type { LiveChange, LiveToken, LiveUpdates } from './live-updates.js';

export type { LiveState, LiveToken };

export interface LiveLinkOptions {
  /** Where the socket is, as the gallery's properties say; null when it should not be open (no `live`, host data). */
  target: () => { endpoint: string; eventsUrl: string | null } | null;
  token: () => LiveToken;
  headers: () => HeadersOption | undefined;
  client: () => AssetsClient;
  shown: (id: number) => Asset | undefined;
  words: () => { copy: Copy; locale: string | undefined };
  apply: (change: LiveChange) => void;
  catchUp: (signal: AbortSignal) => Promise<void>;
}

/** The socket code, loaded the first time a gallery has `live` on. */
const liveCode = new Lazy(() => import('./live-updates.js'));

/**
 * The gallery's side of live updates, small enough for a page that never turns them on: the indicator, the
 * announcement, `live-change`, and loading the socket code (`live-updates.ts`) the first time `live` is on.
 */
export class LiveLink implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: LiveLinkOptions;
  #updates: LiveUpdates | undefined;
  #state: LiveState | null = null;
  /** The last status change said politely, or ''. */
  announcement = '';

  constructor(host: ReactiveControllerHost & HTMLElement, options: LiveLinkOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#updates?.hostConnected();
  }

  hostDisconnected(): void {
    this.#updates?.hostDisconnected();
  }

  /** After an update of the gallery: opens, moves or closes the socket; `reconnect` for a new token, headers or fetch. */
  sync(reconnect: boolean): void {
    if (this.#updates) {
      this.#updates.sync();
      if (reconnect) this.#updates.reconnect();
    } else if (this.#options.target()) {
      // Shared by every gallery; one whose load failed (offline, a new deploy) tries again on its next update.
      void liveCode.load().then(() => {
        if (this.#updates) return;
        if (liveCode.value) this.#start(liveCode.value);
        else this.#setState('paused');
      });
    }
    if (!this.#options.target() && this.#state !== null) {
      this.#state = null;
      this.announcement = '';
      this.#host.requestUpdate();
    }
  }

  #start(module: typeof import('./live-updates.js')): void {
    const options = this.#options;
    this.#updates = new module.LiveUpdates({
      url: () => {
        const target = options.target();
        return target && module.eventsUrl(target.endpoint, target.eventsUrl);
      },
      token: options.token,
      headers: options.headers,
      client: options.client,
      shown: options.shown,
      words: options.words,
      catchUp: options.catchUp,
      state: (state) => this.#setState(state),
      apply: (change, announcement) => {
        if (announcement) this.announcement = announcement;
        options.apply(change);
      },
    });
    if (this.#host.isConnected) this.#updates.hostConnected();
  }

  #setState(state: LiveState): void {
    if (state === this.#state) return;
    this.#state = state;
    emit(this.#host, 'live-change', { state });
    this.#host.requestUpdate();
  }

  /** The indicator: shape and words for each state; "Connecting…" until the socket code is here, so nothing moves. */
  render(copy: Copy): TemplateResult | typeof nothing {
    if (!this.#options.target()) return nothing;
    const state = this.#state ?? 'connecting';
    return html`<p part="live live-${state}" class="live" data-state=${state}><span class="live-mark" aria-hidden="true"></span>${copy.live[state]}</p>`;
  }
}
