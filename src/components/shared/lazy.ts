import type { ReactiveControllerHost } from 'lit';

/**
 * Code a page loads on first use, through `import()`: `value` once it is here. Loading never rejects: a failure
 * (offline, a new deploy) sets `failed` and is tried again only when asked (`load()`), never in a loop. Every
 * host that waits for it (`use`) updates when it arrives or fails.
 */
export class Lazy<T> {
  value: T | undefined;
  failed = false;
  #import: () => Promise<T>;
  readonly #waiting = new Set<ReactiveControllerHost>();
  #loading: Promise<void> | undefined;

  constructor(load: () => Promise<T>) {
    this.#import = load;
  }

  /** Loads it (again, after a failure); settles once it is here or has failed. */
  load(): Promise<void> {
    if (this.value !== undefined) return Promise.resolve();
    this.#loading ??= this.#import()
      .then(
        (value) => {
          this.value = value;
          this.failed = false;
        },
        () => {
          this.failed = true;
        },
      )
      .then(() => {
        this.#loading = undefined;
        for (const host of this.#waiting) host.requestUpdate();
        if (this.value !== undefined) this.#waiting.clear();
      });
    return this.#loading;
  }

  /** Settles when the load under way does; at once when none is. */
  settled(): Promise<void> {
    return this.#loading ?? Promise.resolve();
  }

  /** While `wanted()` and on the page, `host` updates when the code arrives or fails; loads it, unless that failed. */
  use(host: ReactiveControllerHost, wanted: () => boolean): void {
    const check = (): void => {
      if (this.value !== undefined || !wanted()) return;
      this.#waiting.add(host);
      if (!this.failed) void this.load();
    };
    host.addController({ hostConnected: check, hostUpdate: check, hostDisconnected: () => this.#waiting.delete(host) });
  }

  /** @internal For tests: forget what was loaded, and load with `load` from now on. */
  reset(load: () => Promise<T>): void {
    this.value = undefined;
    this.failed = false;
    this.#loading = undefined;
    this.#import = load;
  }
}
