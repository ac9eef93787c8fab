// A build killed at any point leaves the previous site and archive intact, and the next
// build succeeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder, tempDir } from './helpers.ts';

const root = new URL('..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');

function envFor(dir: string) {
  return {
    ...process.env,
    THREADS_DIR: join(dir, 'threads'),
    ARCHIVE_DIR: join(dir, 'archive'),
    SITE_DIR: join(dir, 'site'),
    CACHE_DIR: join(dir, 'cache'),
  };
}

function build(dir: string) {
  return spawnSync(tsx, ['scripts/build.ts'], { cwd: root, env: envFor(dir), encoding: 'utf8' });
}

/** The site's and the archive's files: path → text. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const sub of ['site', 'archive']) for (const [path, bytes] of filesUnder(join(dir, sub))) files.set(`/${sub}/${path}`, bytes.toString('utf8'));
  return files;
}

test('killing a build at any point keeps the last good site and archive', { timeout: 240_000 }, async () => {
  const dir = tempDir();
  cpSync(join(root, 'threads'), join(dir, 'threads'), { recursive: true });
  const first = build(dir);
  assert.equal(first.status, 0, first.stderr);
  const before = snapshot(dir);
  assert.ok([...before.keys()].some((k) => k.endsWith('index.html')));

  for (const delay of [400, 1500, 3000, 5000]) {
    // Nothing changed in the dumps, so a finished build gives the same files: after a kill,
    // every file must be exactly as before (the old site) — never a half-written mix.
    const child = spawn(tsx, ['scripts/build.ts'], { cwd: root, env: envFor(dir), stdio: 'ignore', detached: true });
    const exited = new Promise((r) => child.once('exit', r).once('error', r));
    await new Promise((r) => setTimeout(r, delay));
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // it had finished already
    }
    await exited;
    assert.ok(existsSync(join(dir, 'site')) || readdirSync(dir).some((e) => e.startsWith('.site.old-')), `site kept (kill after ${delay} ms)`);
    const next = build(dir);
    assert.equal(next.status, 0, `the build after a kill at ${delay} ms: ${next.stderr}`);
    const after = snapshot(dir);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), `same files after a kill at ${delay} ms`);
    for (const [path, content] of before) assert.equal(after.get(path), content, `${path} after a kill at ${delay} ms`);
    // The replaced site is deleted in the background: wait for that to end.
    for (let waited = 0; waited < 10_000 && readdirSync(dir).some((e) => e.startsWith('.site.trash-')); waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(readdirSync(dir).filter((e) => e.startsWith('.')), [], 'no staging folders or old sites left');
  }
});
