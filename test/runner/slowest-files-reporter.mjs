import process from 'node:process';
import { relative } from 'node:path';

/** Sums the test durations under a suite (the runner reports them per test, in ms). */
function suiteTime(suite) {
  if (!suite) return 0;
  return suite.tests.reduce((sum, test) => sum + (test.duration ?? 0), 0) + suite.suites.reduce((sum, child) => sum + suiteTime(child), 0);
}

/**
 * Prints, after a run, the test files that took longest (their tests' own time, and the wall time from the
 * previous file's end, which includes loading the page): where a slow engine's minutes go, so that CI time can be
 * kept in hand with figures rather than guesses.
 */
export function slowestFilesReporter({ count = 6 } = {}) {
  const rows = [];
  let last;
  return {
    start({ startTime }) {
      last = startTime;
    },
    reportTestFileResults({ sessionsForTestFile, testFile }) {
      const now = Date.now();
      const tests = sessionsForTestFile.reduce((sum, session) => sum + suiteTime(session.testResults), 0);
      rows.push({ file: relative(process.cwd(), testFile), tests, wall: now - last });
      last = now;
    },
    stop() {
      const slowest = rows.sort((a, b) => b.wall - a.wall).slice(0, count);
      const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
      const lines = slowest.map((row) => `  ${seconds(row.wall)} wall ${seconds(row.tests)} in tests  ${row.file}`);
      process.stdout.write(`\nSlowest test files (wall time, with loading):\n${lines.join('\n')}\n`);
    },
  };
}
