import { getResponse, type AnyHandler, type RequestHandler } from 'msw';

/**
 * A `fetch` answered by MSW handlers in the page itself, with no service worker: for unit tests and for hosts
 * where workers are unavailable. It behaves like fetch where it matters: an `HttpResponse.error()` rejects
 * with a TypeError, an aborted signal rejects with an AbortError, and an unhandled request is a 404. WebSocket
 * handlers among them (scenarioHandlers has two) are left out: getResponse throws on one. A FormData body is
 * encoded as the browser would send it (see `multipart`), so that the handlers can read it in every engine.
 */
export function mockFetch(given: readonly AnyHandler[]) {
  const handlers = httpHandlers(given);
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const form = init?.body instanceof FormData ? await multipart(init.body) : undefined;
    if (form && init) {
      const headers = new Headers(init.headers);
      headers.set('Content-Type', form.type);
      init = { ...init, body: form.body, headers };
    }
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

/**
 * A FormData as the bytes of the multipart body a browser sends. WebKit cannot read back a Request made from a
 * FormData that holds a Blob ("Unable to read form data blob"), so the upload handlers' `request.formData()`
 * would fail there; from bytes it reads in every engine. Names are escaped as browsers do (HTML's rules).
 */
async function multipart(form: FormData): Promise<{ body: ArrayBuffer; type: string }> {
  // Not crypto.randomUUID: it exists on secure pages only.
  const boundary = `----mock-fetch-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const escape = (name: string): string => name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
  const parts: BlobPart[] = [];
  for (const [name, value] of form) {
    const disposition = `--${boundary}\r\nContent-Disposition: form-data; name="${escape(name)}"`;
    if (typeof value === 'string') {
      parts.push(`${disposition}\r\n\r\n${value}\r\n`);
    } else {
      parts.push(`${disposition}; filename="${escape(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`, await value.arrayBuffer(), '\r\n');
    }
  }
  parts.push(`--${boundary}--\r\n`);
  return { body: await new Blob(parts).arrayBuffer(), type: `multipart/form-data; boundary=${boundary}` };
}
