import { executeServerCommand } from '@web/test-runner-commands';

/** A media feature and the value to emulate, as in `(prefers-color-scheme: dark)`. */
export interface MediaFeature {
  name: 'prefers-color-scheme' | 'forced-colors';
  value: string;
}

/** What the server command answers in an engine that cannot emulate (test/runner/emulate-media.mjs). */
interface Fixed {
  fixed: Record<string, string>;
}

const matches = ({ name, value }: MediaFeature): boolean => matchMedia(`(${name}: ${value})`).matches;

/**
 * Emulates `features` on this page, replacing those emulated before (`[]`: none), in Chromium and Firefox
 * (test/runner/emulate-media.mjs says how). WebKitGTK cannot switch them while it runs: there the test goes on
 * if the browser was started with them (its dark-OS pass, see scripts/test-engines.mjs) and is skipped
 * otherwise, with the reason logged. `test` is the running test or hook (`this` of a `function`).
 */
export async function emulateMediaFeatures(test: Mocha.Context, features: MediaFeature[]): Promise<void> {
  const answer = (await executeServerCommand('emulate-media-features', features)) as true | Fixed;
  if (answer === true) return;
  // The browser must be as it was started, or a pass would silently run the wrong half of the tests.
  for (const [name, value] of Object.entries(answer.fixed)) {
    if (!matches({ name, value } as MediaFeature)) throw new Error(`the browser was started with (${name}: ${value}), but the page does not match it`);
  }
  const missing = features.filter((feature) => answer.fixed[feature.name] !== feature.value);
  if (missing.length === 0) return;
  const why = missing.map(({ name, value }) => `(${name}: ${value})`).join(' and ');
  console.log(`skipped: ${test.currentTest?.fullTitle() ?? test.test?.fullTitle()}: needs ${why}; ${skipReason(missing)}`);
  test.skip();
}

/** Why an engine that cannot emulate a feature does not run its test. */
function skipReason(missing: MediaFeature[]): string {
  if (missing.some(({ name }) => name === 'forced-colors')) return 'WebKitGTK has no forced-colours mode to turn on';
  return 'WebKitGTK takes the OS colour scheme at start: runs in the other WebKit pass';
}
