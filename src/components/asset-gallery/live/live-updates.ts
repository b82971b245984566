import { HttpError, isAbortError, type Asset, type AssetsClient, type HeadersOption } from '../../../api/index.js';
import type { Copy } from '../../../status/index.js';
import { describeStatusChanges } from './live-announcement.js';
import { LiveConnection, type LiveEvent, type LiveState } from './live-connection.js';

/** How long events are gathered before their assets are fetched: a burst becomes one `bulk/get`. */
const BATCH_MS = 150;
/** Single `GET {endpoint}/{id}` requests at a time, for a server without `bulk/get`. */
const SINGLE_GETS_AT_ONCE = 4;

/** What the socket said, with the assets fetched again: for the gallery to show at once. */
export interface LiveChange {
  /** The assets as the server has them now (created or updated). */
  assets: Asset[];
  /** Ids of assets the server no longer has (deleted, or not found when fetched again). */
  deleted: number[];
}

/** The token for `?token=`: a value, or a function asked again before every connect. */
export type LiveToken = string | null | undefined | (() => string | null | undefined | Promise<string | null | undefined>);

export interface LiveUpdatesOptions {
  /** The events socket's address (no token), or null when there is none to open. */
  url: () => string | null;
  token: () => LiveToken;
  /** The gallery's headers: their bearer token is the default token. */
  headers: () => HeadersOption | undefined;
  client: () => AssetsClient;
  state: (state: LiveState) => void;
  /** The asset shown under an id now, if any: what a change is compared with. */
  shown: (id: number) => Asset | undefined;
  words: () => { copy: Copy; locale: string | undefined };
  /** Shows the change; `announcement` says what changed status (or is empty). */
  apply: (change: LiveChange, announcement: string) => void;
  /** The socket (re)opened: fetch again what is shown, since the server keeps no history. */
  catchUp: (signal: AbortSignal) => Promise<void>;
}

/**
 * Live updates for the gallery: keeps PixSim7's event socket open while the gallery is on the page, gathers a
 * burst of events, fetches their assets in one request (`bulk/get`, else one `GET` per id) and hands them over;
 * after every (re)connect it asks the gallery to catch up first. Loaded on first use; the gallery's `LiveLink`
 * forwards its host's connect and disconnect.
 */
export class LiveUpdates {
  readonly #options: LiveUpdatesOptions;
  readonly #connection: LiveConnection;
  /** The address the socket is for; undefined until synced (again) after a stop. */
  #url: string | null | undefined;
  #pending = new Map<number, LiveEvent['type']>();
  #batchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Batches and catch-ups, one after the other. */
  #queue: Promise<void> = Promise.resolve();
  #abort = new AbortController();
  /** Clients whose server answered `bulk/get` with 404 or 405: one GET per id. */
  readonly #noBulk = new WeakSet<AssetsClient>();

  constructor(options: LiveUpdatesOptions) {
    this.#options = options;
    this.#connection = new LiveConnection({
      url: () => this.#urlWithToken(),
      state: options.state,
      opened: () =>
        this.#enqueue((signal) =>
          options.catchUp(signal).catch(() => {
            if (!signal.aborted) this.#connection.fail();
          }),
        ),
      event: (event) => this.#received(event),
    });
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  /** Opens, moves or closes the socket as the gallery's properties now say. */
  sync(): void {
    const url = this.#options.url();
    if (url === this.#url) return;
    this.#stop();
    this.#url = url;
    if (url === null) {
      this.#options.state('paused'); // no address to open (an endpoint without `/assets`, no `events-url`)
      return;
    }
    this.#connection.start();
  }

  /** A new token, headers or client: reconnect with them; what was asked of the old client is dropped. */
  reconnect(): void {
    if (!this.#url) return;
    this.#dropWork();
    this.#connection.restart();
  }

  #stop(): void {
    this.#url = undefined;
    this.#connection.stop();
    this.#dropWork();
  }

  /** Forgets events not fetched yet and aborts what is being fetched: ids are the old backend's. */
  #dropWork(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    clearTimeout(this.#batchTimer);
    this.#batchTimer = undefined;
    this.#pending = new Map();
    this.#queue = Promise.resolve();
  }

  async #urlWithToken(): Promise<string | null> {
    const url = this.#url;
    if (!url) return null;
    const given = this.#options.token();
    const token = (await (typeof given === 'function' ? given() : given)) ?? (await bearerToken(this.#options.headers()));
    if (!token) return url;
    const withToken = new URL(url);
    withToken.searchParams.set('token', token);
    return withToken.href;
  }

  #received(event: LiveEvent): void {
    // The last word on an id wins: created then deleted in one burst is deleted; deleted is final.
    if (this.#pending.get(event.assetId) !== 'asset:deleted') this.#pending.set(event.assetId, event.type);
    this.#batchTimer ??= setTimeout(() => {
      this.#batchTimer = undefined;
      const batch = this.#pending;
      this.#pending = new Map();
      this.#enqueue((signal) => this.#flush(batch, signal));
    }, BATCH_MS);
  }

  #enqueue(step: (signal: AbortSignal) => Promise<void>): void {
    const signal = this.#abort.signal;
    this.#queue = this.#queue.then(() => (signal.aborted ? undefined : step(signal))).catch(() => undefined);
  }

  async #flush(batch: Map<number, LiveEvent['type']>, signal: AbortSignal): Promise<void> {
    const deleted: number[] = [];
    const wanted: number[] = [];
    for (const [id, type] of batch) (type === 'asset:deleted' ? deleted : wanted).push(id);
    const { found, gone, failed } = wanted.length > 0 ? await this.#fetch(wanted, signal) : { found: [], gone: [], failed: false };
    if (signal.aborted) return;
    const { copy, locale } = this.#options.words();
    this.#options.apply({ assets: found, deleted: [...deleted, ...gone] }, describeStatusChanges(this.#options.shown, found, copy, locale));
    // Some could not be fetched: their cards would stay stale under "Live". The reopen catches up on all of them.
    if (failed) this.#connection.fail();
  }

  /**
   * The assets by id: one `bulk/get`, then a `GET` for each id it left out (for all, on a server without it).
   * `failed`: some could not be fetched (a server error, the network), and are left to the catch-up.
   */
  async #fetch(ids: number[], signal: AbortSignal): Promise<{ found: Asset[]; gone: number[]; failed: boolean }> {
    const client = this.#options.client();
    let found: Asset[] = [];
    if (!this.#noBulk.has(client)) {
      try {
        const asked = new Set(ids);
        found = (await client.bulkGet(ids, { signal })).filter((asset) => asked.has(asset.id));
      } catch (error) {
        if (isAbortError(error)) throw error;
        // No such route: one GET per id from now on. Anything else: not 50 GETs at a server that is struggling.
        if (!(error instanceof HttpError && (error.status === 404 || error.status === 405))) return { found, gone: [], failed: true };
        this.#noBulk.add(client);
      }
    }
    const have = new Set(found.map((asset) => asset.id));
    const gone: number[] = [];
    let failed = false;
    const missing = ids.filter((id) => !have.has(id));
    for (let start = 0; start < missing.length; start += SINGLE_GETS_AT_ONCE) {
      const answers = await Promise.allSettled(missing.slice(start, start + SINGLE_GETS_AT_ONCE).map((id) => client.get(id, { signal })));
      answers.forEach((answer, index) => {
        if (answer.status === 'fulfilled') found.push(answer.value);
        // Not found, or forbidden (the backend's answer for another user's asset): not this gallery's any more.
        else if (answer.reason instanceof HttpError && (answer.reason.status === 404 || answer.reason.status === 403)) gone.push(missing[start + index] as number);
        else failed = true;
      });
      signal.throwIfAborted();
    }
    return { found, gone, failed };
  }
}

/**
 * The events socket of an assets endpoint: `events-url` when given, else the endpoint with its final `/assets`
 * made `/ws/events`, on the endpoint's origin; `ws:` or `wss:` to match. Null when neither gives a usable address.
 */
export function eventsUrl(endpoint: string, given: string | null | undefined): string | null {
  const base = globalThis.document?.baseURI;
  let url: URL;
  try {
    if (given) url = new URL(given, base);
    else {
      url = new URL(endpoint, base);
      if (!/\/assets\/?$/.test(url.pathname)) return null;
      url.pathname = url.pathname.replace(/\/assets\/?$/, '/ws/events');
      url.search = '';
    }
  } catch {
    return null;
  }
  url.hash = '';
  if (url.protocol === 'http:' || url.protocol === 'https:') url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.protocol === 'ws:' || url.protocol === 'wss:' ? url.href : null;
}

/** The bearer token of the gallery's `Authorization` header, if it has one. */
async function bearerToken(headers: HeadersOption | undefined): Promise<string | null> {
  try {
    const value = new Headers(typeof headers === 'function' ? await headers() : headers).get('Authorization');
    return /^Bearer\s+(\S+)$/i.exec(value ?? '')?.[1] ?? null;
  } catch {
    return null;
  }
}
