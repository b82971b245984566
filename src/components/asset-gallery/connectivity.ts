import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether the device is online, as the browser says; a callback when it is back. */
export class Connectivity implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #back: () => void;
  offline = typeof navigator !== 'undefined' && navigator.onLine === false;

  constructor(host: ReactiveControllerHost, back: () => void) {
    this.#host = host;
    this.#back = back;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
  }

  readonly #onOffline = (): void => {
    this.offline = true;
    this.#host.requestUpdate();
  };

  readonly #onOnline = (): void => {
    this.offline = false;
    this.#host.requestUpdate();
    this.#back();
  };
}
