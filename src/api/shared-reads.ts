/**
 * Identical reads in flight at the same time go to the network once: every caller gets the same value
 * (treat it as read-only) or the same error. Each caller's signal rejects that caller at once; the request
 * itself is aborted only when every caller has aborted.
 */
export interface SharedReads {
  /**
   * Joins the read in flight under `key`, or starts it with `run` (given a signal that aborts when every
   * caller has left) when there is none.
   */
  share<T>(key: string, run: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** One read in flight and how many callers still want it. */
interface SharedRead {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
  /** Takes the entry out of the in-flight map (if it is still the one there). */
  forget: () => void;
}

export function createSharedReads(): SharedReads {
  /**
   * Reads in flight, by what goes on the wire (kind, method, URL, body, headers as sent). Per client, and
   * only while in flight: an entry is removed the moment its request settles or every caller has left.
   */
  const inFlight = new Map<string, SharedRead>();

  function share<T>(key: string, run: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    let entry = inFlight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const forget = (): void => {
        if (inFlight.get(key) === created) inFlight.delete(key);
      };
      const created: SharedRead = {
        controller,
        callers: 0,
        forget,
        // `forget` runs before the promise settles, so a caller that sees the result never joins it late.
        promise: (async () => {
          try {
            // The retries live inside the shared request: callers who join late share them too.
            return await run(controller.signal);
          } finally {
            forget();
          }
        })(),
      };
      // Nobody may be listening any more when an abandoned request ends.
      created.promise.catch(() => undefined);
      inFlight.set(key, created);
      entry = created;
    }
    return join(entry, signal) as Promise<T>;
  }

  return { share };
}

/**
 * Adds a caller to a shared read. Its promise follows the shared one, but rejects with the caller's own
 * abort reason as soon as the caller's signal aborts; when the last caller has left, the request is
 * forgotten (a later identical call starts afresh) and aborted. A caller without a signal never leaves.
 */
function join(entry: SharedRead, signal?: AbortSignal): Promise<unknown> {
  entry.callers += 1;
  if (!signal) return entry.promise;
  return new Promise((resolve, reject) => {
    const leave = (): void => {
      reject(signal.reason);
      entry.callers -= 1;
      if (entry.callers === 0) {
        entry.forget();
        entry.controller.abort(signal.reason);
      }
    };
    signal.addEventListener('abort', leave, { once: true });
    entry.promise.then(
      (value) => {
        signal.removeEventListener('abort', leave);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', leave);
        reject(error);
      },
    );
  });
}
