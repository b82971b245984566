import type { AnyHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';

let worker: SetupWorker | undefined;
let starting: Promise<unknown> | undefined;

/**
 * A Storybook loader: starts the MSW service worker once, then gives it the story's
 * `parameters.msw.handlers`, HTTP and WebSocket (none: every request goes to the network).
 */
export async function mswLoader(context: { parameters: { msw?: { handlers?: AnyHandler[] } } }): Promise<Record<string, never>> {
  if (!worker) {
    worker = setupWorker();
    starting = worker.start({
      serviceWorker: { url: `${import.meta.env?.BASE_URL ?? '/'}mockServiceWorker.js` },
      onUnhandledFrame: 'bypass',
      quiet: true,
    });
  }
  await starting;
  worker.resetHandlers(...(context.parameters.msw?.handlers ?? []));
  return {};
}
