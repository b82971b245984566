import type { Reply, UploadProgress } from './transport.js';

/**
 * One request through XMLHttpRequest, telling `onProgress` of the body's bytes as they leave. It fails as fetch
 * does: a TypeError when the connection fails, the signal's reason when it aborts (which aborts the request).
 */
export function sendWithXhr(url: string, init: RequestInit & { signal: AbortSignal; headers?: HeadersInit }, onProgress: (sent: UploadProgress) => void): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const { signal } = init;
    if (signal.aborted) return reject(signal.reason);
    const abort = (): void => {
      reject(signal.reason); // first: xhr.abort() calls onabort at once
      xhr.abort();
    };
    xhr.open(init.method ?? 'GET', url);
    new Headers(init.headers).forEach((value, name) => xhr.setRequestHeader(name, value));
    // fetch's default, which sends cookies to the page's own origin only: XHR does the same with this off.
    xhr.withCredentials = init.credentials === 'include';
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : undefined });
    xhr.onload = () => {
      signal.removeEventListener('abort', abort);
      resolve({ status: xhr.status, retryAfter: xhr.getResponseHeader('Retry-After'), body: xhr.responseText });
    };
    // The browser may end a request itself (a page that navigates away): that, too, is a failed connection.
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => {
      signal.removeEventListener('abort', abort);
      reject(new TypeError('The request failed'));
    };
    signal.addEventListener('abort', abort, { once: true });
    xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
  });
}
