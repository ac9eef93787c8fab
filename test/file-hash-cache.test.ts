// FileHashCache: a file that still looks the same is not read again; any edit is seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileHashCache } from '../src/util/file-hash-cache.ts';
import { tempDir } from './helpers.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

test('hashes are kept by stat across runs; an edit of the same size is seen; recent files are hashed again', () => {
  const dir = tempDir('file-hashes-');
  const store = join(dir, 'hashes.json');
  const file = join(dir, 'a.json');
  const old = new Date(Date.now() - 60_000);
  writeFileSync(file, 'first version');
  utimesSync(file, old, old);
  const first = new FileHashCache(store);
  assert.deepEqual(first.hash(file), { sha256: sha('first version'), bytes: Buffer.from('first version') });
  first.save();
  // A new run: the file looks the same, so it is not read (no bytes come back).
  assert.deepEqual(new FileHashCache(store).hash(file), { sha256: sha('first version') });
  // Edited in place, same size: its times change, so it is read again.
  writeFileSync(file, 'other version');
  const third = new FileHashCache(store);
  assert.equal(third.hash(file)?.sha256, sha('other version'));
  // Hashed right after a change (here: stamped a little ahead of the clock): not trusted next run.
  const ahead = new Date(Date.now() + 50);
  utimesSync(file, ahead, ahead);
  third.hash(file);
  third.save();
  assert.ok(new FileHashCache(store).hash(file)?.bytes, 'a file hashed right after a change is read again');
  // With whole-second times (a coarse file system), the window is two seconds.
  const whole = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
  utimesSync(file, whole, whole);
  const coarse = new FileHashCache(store);
  coarse.hash(file);
  coarse.save();
  assert.ok(new FileHashCache(store).hash(file)?.bytes, 'whole-second times: hashed again within two seconds');
  // Gone: undefined; a damaged store is ignored.
  rmSync(file);
  assert.equal(new FileHashCache(store).hash(file), undefined);
  writeFileSync(store, '{');
  writeFileSync(file, 'x');
  assert.equal(new FileHashCache(store).hash(file)?.sha256, sha('x'));
  rmSync(dir, { recursive: true, force: true });
});
