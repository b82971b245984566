/**
 * PixSim7's live event socket over the mock library: one hub per backend that the library's changes publish
 * to, and the protocol of `{api}/ws/events` and `{api}/ws/generations` (welcome, `ping`/`pong`, one JSON
 * object per asset event). Two transports reach the hub: the MSW `ws.link` handlers here (a service worker
 * page, or `mockSockets`), and the `ws` server of `npm run mock-server` through `attempt()` and `accept()`.
 */
import { ws, type WebSocketHandler } from 'msw';
import type { MockAsset, MockDb } from './db.js';
import type { MockBehaviour } from './scenarios.js';

export type AssetEventType = 'asset:created' | 'asset:updated' | 'asset:deleted';

/** One open socket, as its transport lets the hub drive it. */
export interface MockSocketPeer {
  send(data: string): void;
  /** Closes with a close frame: the page sees a clean close with this code and reason. */
  close(code: number, reason: string): void;
  /** Drops the connection with no close frame: the page sees close 1006, wasClean false. */
  drop(): void;
}

/** What a transport tells the hub about a socket it accepted. */
export interface MockSocketSession {
  receive(data: unknown): void;
  closed(): void;
}

export interface MockSocket {
  /** The ws.link handlers (events and generations paths), for setupWorker / mockSockets. */
  handlers: WebSocketHandler[];
  /** Time (Date.now()) of every connection attempt, accepted or refused, oldest first. */
  readonly attempts: number[];
  /** Sockets open now. */
  readonly open: number;
  /** false: no socket (attempts fail like a refused upgrade); settable at run time. Starts from behaviour.socket. */
  available: boolean;
  /** Closes every open socket as a dropped connection does (the page sees close, wasClean false, code 1006). */
  drop(): void;
  /** Sends one raw message (string) to every open socket: for malformed-message tests. */
  sendRaw(data: string): void;
  /** For a transport: the two socket paths, e.g. `/api/v1/ws/events` and `/api/v1/ws/generations`. */
  readonly paths: readonly string[];
  /** For a transport: records a connection attempt; false when the server has no socket (refuse the upgrade). */
  attempt(): boolean;
  /** For a transport: a socket was upgraded at `url` (its `?token=` is checked); feed it to the session. */
  accept(url: URL | string, peer: MockSocketPeer): MockSocketSession;
}

export interface MockChanges {
  /** Flags an asset now (reason default 'post_delivery_moderation') and publishes asset:updated. */
  flag(id: number, reason?: string): void;
  /** Inserts a new asset at the top (status default 'ok') and publishes asset:created; returns it. */
  create(fields?: { status?: 'ok' | 'local_only' | 'flagged'; media_type?: 'image' | 'video'; description?: string }): MockAsset;
  /** Deletes an asset and publishes asset:deleted. */
  remove(id: number): void;
  /** Publishes an event for an id without changing anything (for bursts): type default 'asset:updated'. */
  publish(type: AssetEventType, id: number): void;
}

export interface MockLive {
  socket: MockSocket;
  changes: MockChanges;
  /** An HTTP route changed the library: tell every open socket. */
  publish(type: AssetEventType, asset: MockAsset): void;
  /** An asset got a moderation time (`flag_at`): announce the flag when it lands, if a socket is open then. */
  watchFlag(asset: MockAsset): void;
}

const WELCOME = JSON.stringify({ type: 'connected', message: 'Connected to PixSim7 events', user_id: 1 });
const ARRIVAL_EVERY_MS = 4000;
const ARRIVALS = 20;
const DELETE_AFTER_MS = 6000;

/**
 * The connections a backend's handler has taken. When the handlers of two backends match one socket (two
 * `mockSockets` at once), MSW runs both: the first in the list answers, the others leave it alone.
 */
const claimed = new WeakSet<object>();

type Timer = ReturnType<typeof setTimeout>;

/** Node keeps a process alive for a pending timer: the mock's timers never should. */
function unref<T>(timer: T): T {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

export function createLive({ db, behaviour, apiPath }: { db: MockDb; behaviour: MockBehaviour; apiPath: string }): MockLive {
  const paths = [`${apiPath}/ws/events`, `${apiPath}/ws/generations`];
  const peers = new Set<MockSocketPeer>();
  const attempts: number[] = [];
  let available = behaviour.socket !== false;
  // Timers run only while a socket is open: nobody would hear them otherwise, and the real server keeps no history.
  const flagTimers = new Map<number, Timer>();
  let arrivalTimer: Timer | undefined;
  let arrived = 0;
  let deleteTimer: Timer | undefined;
  // live-library deletes an asset the page loaded near the top: the third newest of the library as it starts.
  let doomed = behaviour.liveLibrary ? db.assets[2]?.id : undefined;

  function publish(type: AssetEventType, id: number, mediaType: string | null): void {
    const event = { type, asset_id: id, user_id: 1, media_type: mediaType, data: { asset_id: id }, timestamp: timestamp(db.now()) };
    broadcast(JSON.stringify(event));
  }

  function broadcast(data: string): void {
    for (const peer of peers) peer.send(data);
  }

  function watchFlag(asset: MockAsset): void {
    clearTimeout(flagTimers.get(asset.id));
    flagTimers.delete(asset.id);
    const at = asset.flag_at;
    if (peers.size === 0 || at === null || asset.flag_reason !== null || at <= db.now()) return;
    const land = () => {
      flagTimers.delete(asset.id);
      if (db.get(asset.id) !== asset || asset.flag_at !== at) return; // deleted or re-timed meanwhile
      // A timer can fire a millisecond before the clock says the flag is there: the data must say it first.
      if (db.status(asset) !== 'flagged') return watchFlag(asset);
      publish('asset:updated', asset.id, asset.media_type);
    };
    flagTimers.set(asset.id, unref(setTimeout(land, at - db.now() + 1)));
  }

  function arrive(): void {
    const asset = db.generate();
    if (behaviour.moderationDelayMs !== undefined && asset.cdn_name) asset.flag_at = db.now() + behaviour.moderationDelayMs;
    publish('asset:created', asset.id, asset.media_type);
    watchFlag(asset);
    if (++arrived >= ARRIVALS) {
      clearInterval(arrivalTimer);
      arrivalTimer = undefined;
    }
  }

  function deleteOne(): void {
    deleteTimer = undefined;
    const asset = doomed === undefined ? undefined : db.remove(doomed);
    doomed = undefined;
    if (asset) publish('asset:deleted', asset.id, asset.media_type);
  }

  /** The first socket opened: start the clocks of what it should hear. */
  function wake(): void {
    const now = db.now();
    for (const asset of db.assets) if (asset.flag_at !== null && asset.flag_at > now) watchFlag(asset);
    if (behaviour.liveLibrary && arrived < ARRIVALS) arrivalTimer = unref(setInterval(arrive, ARRIVAL_EVERY_MS));
    if (doomed !== undefined) deleteTimer = unref(setTimeout(deleteOne, DELETE_AFTER_MS));
  }

  /** The last socket left: stop every clock. */
  function sleep(): void {
    for (const timer of flagTimers.values()) clearTimeout(timer);
    flagTimers.clear();
    clearInterval(arrivalTimer);
    clearTimeout(deleteTimer);
    arrivalTimer = deleteTimer = undefined;
  }

  function leave(peer: MockSocketPeer): void {
    if (peers.delete(peer) && peers.size === 0) sleep();
  }

  const socket: MockSocket = {
    handlers: paths.map((path) => linkHandler(path, () => socket)),
    attempts,
    get open() {
      return peers.size;
    },
    get available() {
      return available;
    },
    set available(value: boolean) {
      available = value;
    },
    drop() {
      for (const peer of [...peers]) {
        leave(peer);
        peer.drop();
      }
    },
    sendRaw: broadcast,
    paths,
    attempt() {
      attempts.push(Date.now());
      return available;
    },
    accept(url, peer) {
      // Read at every connect, as the HTTP routes read it at every request: tests change it at run time.
      const token = behaviour.authorization?.replace(/^Bearer\s+/i, '');
      const given = new URL(url, 'ws://localhost').searchParams.get('token');
      if (token !== undefined && given !== token) {
        peer.close(1008, 'Not authenticated');
        return { receive() {}, closed() {} };
      }
      peers.add(peer);
      if (peers.size === 1) wake();
      peer.send(WELCOME);
      return {
        receive(data) {
          // Keep-alive is plain text; anything else a client sends is ignored, as the real server does.
          if (data === 'ping' && peers.has(peer)) peer.send('pong');
        },
        closed: () => leave(peer),
      };
    },
  };

  function need(id: number): MockAsset {
    const asset = db.get(id);
    if (!asset) throw new Error(`The mock library has no asset ${id}`);
    return asset;
  }

  const changes: MockChanges = {
    flag(id, reason = 'post_delivery_moderation') {
      const asset = need(id);
      asset.flag_reason = reason;
      asset.flag_at = null;
      watchFlag(asset); // clears a pending moderation timer
      publish('asset:updated', id, asset.media_type);
    },
    create(fields = {}) {
      const asset = db.generate({ status: 'ok', ...fields });
      publish('asset:created', asset.id, asset.media_type);
      return asset;
    },
    remove(id) {
      const asset = need(id);
      db.remove(id);
      clearTimeout(flagTimers.get(id));
      flagTimers.delete(id);
      publish('asset:deleted', id, asset.media_type);
    },
    publish(type = 'asset:updated', id) {
      publish(type, id, db.get(id)?.media_type ?? null);
    },
  };

  return { socket, changes, publish: (type, asset) => publish(type, asset.id, asset.media_type), watchFlag };
}

/** One socket path as an MSW `ws.link` handler that plays the transport for the hub. */
function linkHandler(path: string, hub: () => MockSocket): WebSocketHandler {
  return ws.link(`*${path}`).addEventListener('connection', ({ client }) => {
    if (claimed.has(client)) return;
    claimed.add(client);
    const socket = hub();
    if (!socket.attempt()) {
      closeAbnormally(client, true);
      return;
    }
    // Until the page has seen `open`, a close would keep it from ever seeing it: a real server accepts first.
    let opened = false;
    const pending: (() => void)[] = [];
    const whenOpen = (then: () => void) => (opened ? then() : pending.push(then));
    client.addEventListener('open', () => {
      opened = true;
      for (const then of pending.splice(0)) then();
    });
    const session = socket.accept(client.url, {
      send: (data) => client.send(data),
      close: (code, reason) => whenOpen(() => client.close(code, reason)),
      drop: () => whenOpen(() => closeAbnormally(client, false)),
    });
    client.addEventListener('message', (event) => session.receive(event.data));
    client.addEventListener('close', () => session.closed());
  });
}

/**
 * Closes an intercepted socket as the browser reports a connection lost without a close frame: `close` with
 * code 1006 and wasClean false, after an `error` when the handshake itself failed (a refused upgrade). MSW's
 * `client.close()` only makes clean closes, and a listener cannot get ahead of the page's own on a plain
 * EventTarget, so the page socket's one close event is swapped as it is dispatched.
 */
function closeAbnormally(client: { close(code?: number): void }, handshakeFailed: boolean): void {
  const page = (client as { socket?: EventTarget }).socket;
  if (page) {
    page.dispatchEvent = (event: Event): boolean => {
      if (event.type !== 'close') return EventTarget.prototype.dispatchEvent.call(page, event);
      Reflect.deleteProperty(page, 'dispatchEvent');
      if (handshakeFailed) page.dispatchEvent(new Event('error'));
      return page.dispatchEvent(closeEvent(1006, '', false));
    };
  }
  client.close(1006);
}

function closeEvent(code: number, reason: string, wasClean: boolean): Event {
  if (typeof CloseEvent === 'function') return new CloseEvent('close', { code, reason, wasClean });
  return Object.assign(new Event('close'), { code, reason, wasClean });
}

/** "2026-06-30T18:02:11.532000+00:00": aware UTC with microseconds, as the backend's events carry it. */
function timestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000+00:00`;
}
