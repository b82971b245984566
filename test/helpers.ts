import { waitUntil as waitUntilOpenWc } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { FetchLike } from '../src/api/index.js';

/** Shared by the test files (a plain module, not a test file itself). */

/**
 * open-wc's waitUntil, with 4 s instead of its 1 s before it gives up: on a loaded 2-core machine (CI, three
 * engines) a condition that holds can take longer than a second to come true. WebKit gets 8 s: in a CI lane its
 * MiniBrowser ran live.test.ts at a quarter of its speed alone (86.6 s in tests against 19 s), and four of its
 * event waits ran out at 4 s. A test's own limit is 15 s (web-test-runner.config.mjs).
 */
export const waitUntil: typeof waitUntilOpenWc = (predicate, message, options) =>
  waitUntilOpenWc(predicate, message, { timeout: isWebKit() ? 8000 : 4000, ...options });

function isWebKit(): boolean {
  return !/Firefox\/|Chrome\//.test(navigator.userAgent);
}

/** The rejection of a promise; the test fails when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** A fetch that never answers; it rejects with the signal's reason once the signal aborts, as fetch does. */
export const hangingFetch: FetchLike = (_url, init) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init.signal;
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/**
 * Resolves once an `<asset-gallery>` has read the whole of its host `.assets` (a large raw list is read in the
 * background): its overview shows a number for every status, and its grid is no longer busy.
 */
export async function whenAllRead(gallery: HTMLElement & { updateComplete: Promise<unknown> }, timeout = 30_000): Promise<void> {
  await gallery.updateComplete;
  const overview = () => gallery.shadowRoot?.querySelector('status-overview') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
  await overview()?.updateComplete;
  await waitUntil(
    () => {
      const counts = [...(overview()?.shadowRoot?.querySelectorAll('button[data-status] .count') ?? [])];
      return counts.length === 4 && counts.every((count) => /\d/.test(count.textContent ?? '')) && !gallery.shadowRoot?.querySelector('[aria-busy="true"]');
    },
    'the gallery did not finish reading its host assets',
    { timeout, interval: 20 },
  );
}

const sentBodies = new WeakMap<Request, RequestInit['body']>();

/** The Request a fetch was called with, for a test to look at; the body as given is kept for `sentForm`. */
export function recordRequest(url: string, init: RequestInit = {}): Request {
  const request = new Request(url, init);
  sentBodies.set(request, init.body);
  return request;
}

/**
 * The form a recorded upload sent, as it was handed to fetch. Not read back with `request.formData()`: WebKit
 * cannot read back a Request made from a FormData that holds a Blob ("Unable to read form data blob").
 */
export function sentForm(request: Request): FormData {
  const body = sentBodies.get(request);
  if (!(body instanceof FormData)) throw new Error(`${request.method} ${request.url} sent no FormData`);
  return body;
}

/**
 * Presses a key as a person does, in every engine the suite runs in: `press('Tab')`, `press(' ')` (the space bar),
 * `press('Shift', 'Tab')` (every key but the last held while the last is pressed). Key names: one character, or
 * one of test/runner/press-keys-plugin.mjs's, which all three engines know.
 */
export async function press(...keys: [string, ...string[]]): Promise<void> {
  await executeServerCommand('press-keys', keys);
}

/** The engine the suite runs in, for the few tests an engine cannot run (README lists each skip and why). */
export const engine: 'chromium' | 'firefox' | 'webkit' = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrome\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/** WebKitGTK updates the hover state on the next mouse move only: content sliding under a resting mouse gets no pointerenter. */
export function skipWithoutHoverOnLayout(test: Mocha.Context): void {
  if (engine === 'webkit') test.skip();
}
