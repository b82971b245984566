import { getResponse, type AnyHandler, type RequestHandler } from 'msw';

/**
 * A `fetch` answered by MSW handlers in the page itself, with no service worker: for unit tests and for hosts
 * where workers are unavailable. It behaves like fetch where it matters: an `HttpResponse.error()` rejects
 * with a TypeError, an aborted signal rejects with an AbortError, and an unhandled request is a 404. WebSocket
 * handlers among them (scenarioHandlers has two) are left out: getResponse throws on one.
 */
export function mockFetch(given: readonly AnyHandler[]) {
  const handlers = httpHandlers(given);
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(typeof input === 'string' ? new URL(input, globalThis.location?.href) : input, init);
    const signal = request.signal;
    signal.throwIfAborted();
    const aborted = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    const response = await Promise.race([getResponse(handlers, request), aborted]);
    if (!response) return Response.json({ detail: 'Not Found' }, { status: 404 });
    if (response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  };
}

/** The HTTP handlers among MSW handlers of every kind. */
export function httpHandlers(handlers: readonly AnyHandler[]): RequestHandler[] {
  return handlers.filter((handler): handler is RequestHandler => handler.kind === 'request');
}
