import { isRecord } from '../../../status/read.js';

/** Whether the gallery follows the library now: the socket is open, being opened, or not there (paused). */
export type LiveState = 'connecting' | 'live' | 'paused';

/** An asset event of PixSim7's event socket, as the gallery uses it. */
export interface LiveEvent {
  type: 'asset:created' | 'asset:updated' | 'asset:deleted';
  assetId: number;
}

/**
 * The connection's clock. Tests may shorten it (the module is shared, so they restore it after); nothing else
 * should change it.
 */
export const LIVE_TIMING = {
  /** PixSim7's own client pings every 15 s, and takes a socket that answered nothing by the next ping as dead. */
  pingMs: 15_000,
  /** An upgrade that has neither opened nor failed by then is given up (a proxy that holds it open). */
  connectTimeoutMs: 10_000,
  /**
   * An open socket is live once the server says something (its welcome) or has kept it open this long. One it
   * closes sooner (a refused token: 1008) failed: it is not called live, nor caught up, and retries back off.
   * Waits start short again only after a socket stayed open for a whole ping interval (a server that welcomes and
   * then closes, again and again, is not asked every second either).
   */
  settleMs: 1_000,
  /** The first wait before trying again; it doubles with every attempt that fails. */
  retryBaseMs: 1_000,
  /** The longest wait while the server looks like it has a socket (it opened before, or fails only now and then). */
  retryCapMs: 30_000,
  /** After this many attempts in a row that never became live, the server likely has no socket at all... */
  noSocketAfter: 4,
  /** ...and the waits grow up to this instead: a server without a socket is not hammered. */
  noSocketCapMs: 300_000,
};

const ASSET_EVENTS: ReadonlySet<string> = new Set(['asset:created', 'asset:updated', 'asset:deleted']);

/**
 * One message of the socket as an asset event, or null for anything else: `pong`, the welcome, `job:*` events,
 * unknown types, broken JSON, an id that is not a positive whole number. The id is `asset_id`, else `data.asset_id`,
 * as PixSim7's own client reads it.
 */
export function readLiveEvent(data: unknown): LiveEvent | null {
  if (typeof data !== 'string' || !data.startsWith('{')) return null;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(message) || typeof message.type !== 'string' || !ASSET_EVENTS.has(message.type)) return null;
  const id = message.asset_id ?? (isRecord(message.data) ? message.data.asset_id : undefined);
  const assetId = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id;
  if (typeof assetId !== 'number' || !Number.isSafeInteger(assetId) || assetId <= 0) return null;
  return { type: message.type as LiveEvent['type'], assetId };
}

export interface LiveConnectionOptions {
  /** The socket's URL with its token, asked again before every attempt; null when there is none to open. */
  url: () => Promise<string | null>;
  state: (state: LiveState) => void;
  /** The socket opened (again): whatever changed while it was closed was not sent (the server keeps no history). */
  opened: () => void;
  event: (event: LiveEvent) => void;
}

/**
 * PixSim7's event socket, kept open: a `ping` every {@link LIVE_TIMING}.pingMs (a socket silent for a whole
 * interval is dead), reconnects with capped exponential backoff and jitter, at once when the tab becomes visible or
 * the device comes back online, and slowly for a server that never opens a socket. Nothing it reads can throw.
 */
export class LiveConnection {
  readonly #options: LiveConnectionOptions;
  #socket: WebSocket | null = null;
  #state: LiveState | null = null;
  #running = false;
  /** Attempts in a row that failed: never became live, or did not stay open a ping interval (see settleMs). */
  #failures = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #connectTimer: ReturnType<typeof setTimeout> | undefined;
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #healthyTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #heard = false;
  /** Bumped by every attempt and by stop(): an attempt that waited for its URL checks it is still the current one. */
  #attempt = 0;

  constructor(options: LiveConnectionOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#failures = 0; // a new address: what the old one did says nothing of it
    globalThis.addEventListener('online', this.#onOnline);
    globalThis.addEventListener('offline', this.#onOffline);
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#connect();
  }

  stop(): void {
    this.#running = false;
    this.#attempt += 1;
    globalThis.removeEventListener('online', this.#onOnline);
    globalThis.removeEventListener('offline', this.#onOffline);
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearTimeout(this.#retryTimer);
    this.#close();
    this.#state = null;
  }

  /**
   * What the socket told could not be fetched, or the catch-up failed: the cards may be stale, so it is not live.
   * Closes the socket and tries again after a wait, counted as a failure; the next open catches up.
   */
  fail(): void {
    if (!this.#socket) return;
    this.#close();
    this.#failures += 1;
    this.#retry();
  }

  /** Opens a new socket now (a new URL or token), dropping the one there is. */
  restart(): void {
    if (!this.#running) return;
    this.#failures = 0;
    this.#close();
    this.#connect();
  }

  #connect(): void {
    clearTimeout(this.#retryTimer);
    if (this.#socket || !this.#running) return;
    if (globalThis.navigator?.onLine === false) {
      this.#setState('paused'); // `online` brings it back
      return;
    }
    const attempt = ++this.#attempt;
    this.#setState('connecting');
    void this.#options.url().then(
      (url) => {
        if (attempt !== this.#attempt) return;
        if (url === null) this.#setState('paused');
        else this.#open(url);
      },
      () => {
        if (attempt !== this.#attempt) return;
        this.#failures += 1; // a token function that keeps failing is not asked again every second
        this.#retry();
      },
    );
  }

  #open(url: string): void {
    let socket: WebSocket;
    try {
      socket = new WebSocket(url);
    } catch {
      this.#failures += 1; // a ws: URL on an https page, or a CSP that forbids it: not every second
      this.#retry();
      return;
    }
    this.#socket = socket;
    let settled = false;
    let healthy = false;
    this.#connectTimer = setTimeout(() => this.#lost(socket, false), LIVE_TIMING.connectTimeoutMs);
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(this.#settleTimer);
      this.#healthyTimer = setTimeout(() => {
        healthy = true;
        this.#failures = 0;
      }, LIVE_TIMING.pingMs);
      this.#setState('live');
      this.#options.opened();
    };
    socket.onopen = () => {
      clearTimeout(this.#connectTimer);
      this.#heard = true;
      this.#pingTimer = setInterval(() => this.#ping(socket), LIVE_TIMING.pingMs);
      this.#settleTimer = setTimeout(settle, LIVE_TIMING.settleMs);
    };
    socket.onmessage = ({ data }: MessageEvent) => {
      this.#heard = true;
      settle();
      const event = readLiveEvent(data);
      if (event) this.#options.event(event);
    };
    socket.onclose = () => this.#lost(socket, healthy);
    // WebKit fires only `error`, never `close`, for a port browsers block (e.g. ws://host:9): lost all the same.
    socket.onerror = () => this.#lost(socket, healthy);
  }

  #ping(socket: WebSocket): void {
    if (!this.#heard) {
      this.#lost(socket, false); // silent for a whole interval: dead, even if the browser has not noticed yet
      return;
    }
    this.#heard = false;
    try {
      socket.send('ping');
    } catch {
      this.#lost(socket, false);
    }
  }

  /** The socket closed, failed to open, or went silent: try again after a wait, a longer one unless it had been healthy. */
  #lost(socket: WebSocket, healthy: boolean): void {
    if (socket !== this.#socket) return;
    this.#close();
    if (!healthy) this.#failures += 1;
    this.#retry();
  }

  #retry(): void {
    if (!this.#running) return;
    this.#setState('paused');
    const cap = this.#failures >= LIVE_TIMING.noSocketAfter ? LIVE_TIMING.noSocketCapMs : LIVE_TIMING.retryCapMs;
    const wait = Math.min(cap, LIVE_TIMING.retryBaseMs * 2 ** Math.max(0, this.#failures - 1));
    // Half fixed, half random: waits still grow, and many pages that lost the same server do not return at once.
    this.#retryTimer = setTimeout(() => this.#connect(), wait / 2 + (Math.random() * wait) / 2);
  }

  #close(): void {
    clearTimeout(this.#connectTimer);
    clearTimeout(this.#settleTimer);
    clearTimeout(this.#healthyTimer);
    clearInterval(this.#pingTimer);
    const socket = this.#socket;
    this.#socket = null;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close();
    } catch {
      // already closed
    }
  }

  #setState(state: LiveState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#options.state(state);
  }

  readonly #onOnline = (): void => {
    this.#failures = 0;
    if (!this.#socket) this.#connect();
  };

  readonly #onOffline = (): void => {
    // The socket cannot work now; `online` opens a new one.
    this.#attempt += 1;
    clearTimeout(this.#retryTimer);
    this.#close();
    this.#setState('paused');
  };

  readonly #onVisible = (): void => {
    if (document.visibilityState === 'visible' && !this.#socket) this.#connect();
  };
}
