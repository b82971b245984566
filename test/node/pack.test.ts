// What `npm pack` (and `npm publish`) make of a fresh clone: `prepack` builds first, and the tarball holds every
// file the exports map names. A clone has no dist/; without prepack the tarball had three files.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every file path an exports map names (conditions and subpaths, nested), without its "./". */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports.replace(/^\.\//, '')];
  if (exports && typeof exports === 'object') return Object.values(exports).flatMap(exportTargets);
  return [];
}

test('npm pack on a fresh clone builds first, and packs every file the exports map names', { timeout: 600_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'age-pack-'));
  try {
    const clone = join(dir, 'clone');
    await run('git', ['clone', '--quiet', root, clone]);
    // The clone's own install would take minutes: the dependencies are the same, so it borrows this one.
    await symlink(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: clone, maxBuffer: 64 * 1024 * 1024 });
    // The build (prepack) prints to stdout too: the JSON is what follows the line holding only "[".
    const [packed] = JSON.parse(stdout.slice(stdout.search(/^\[$/m))) as [{ files: { path: string }[] }];
    const files = new Set(packed.files.map((file) => file.path));
    const manifest = JSON.parse(await readFile(join(clone, 'package.json'), 'utf8')) as { exports: unknown };
    const targets = exportTargets(manifest.exports);
    assert.ok(targets.length > 20, `the exports map names ${targets.length} files`);
    const missing = targets.filter((target) => !files.has(target));
    assert.deepEqual(missing, [], `the tarball lacks files the exports map names (${files.size} files packed)`);
    assert.ok(![...files].some((file) => /^(src|test|node_modules)\//.test(file)), 'sources, tests or node_modules were packed');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
