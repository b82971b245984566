/**
 * MSW's WebSocket interception in the page itself, with no service worker: what `setupWorker` does for
 * sockets, without the worker (which a test of the socket alone does not need).
 */
import { WebSocketInterceptor } from '@mswjs/interceptors/WebSocket';
import type { AnyHandler, WebSocketHandler } from 'msw';
import { defineNetwork, InterceptorSource, type NetworkApi } from 'msw/experimental';

/** Every active `mockSockets`, newest first: one network (one patch of `WebSocket`) serves them all. */
const active: WebSocketHandler[][] = [];
let network: NetworkApi<InterceptorSource[]> | undefined;

/**
 * Makes the page's `new WebSocket(url)` reach these handlers (e.g. a mock backend's `socket.handlers`)
 * until `dispose()`, which gives the page its real `WebSocket` back once no other `mockSockets` is active.
 * A URL no active handler matches goes to the network as usual.
 *
 * Two at once both work: a socket goes to the handlers of the one whose handlers match its URL, and when both
 * match (two backends on the same endpoint), to the later one's alone (the mock backend's handlers answer a
 * connection only once). Other `ws.link` handlers given here, not a mock backend's, each see every connection
 * they match, as MSW runs them all.
 */
export function mockSockets(handlers: WebSocketHandler[]): Promise<{ dispose(): void }> {
  const own = [...handlers];
  active.unshift(own);
  if (!network) {
    network = defineNetwork({
      sources: [new InterceptorSource({ interceptors: [new WebSocketInterceptor()] })],
      // An unmatched socket connects for real, silently, as it would without the mock.
      onUnhandledFrame: 'bypass',
      context: { quiet: true },
    });
    // Synchronous for an InterceptorSource today; the promise this returns leaves room for a source that is not.
    network.enable();
  }
  network.resetHandlers(...active.flat<AnyHandler[][]>());
  let disposed = false;
  return Promise.resolve({
    dispose() {
      if (disposed) return;
      disposed = true;
      active.splice(active.indexOf(own), 1);
      if (active.length > 0) {
        network?.resetHandlers(...active.flat<AnyHandler[][]>());
        return;
      }
      void network?.disable();
      network = undefined;
    },
  });
}
