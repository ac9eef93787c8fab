// parseDirectory on worker threads writes the same archive, byte for byte, as on one thread,
// and reports a bad dump parsed in a worker exactly as it would on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDirectory } from '../src/parse/parse-directory.ts';
import { parseJobs } from '../src/parse/parse-pool.ts';

function story(id: number, comments: number): string {
  const children = [];
  for (let i = 1; i <= comments; i++) {
    children.push({
      id: id + i,
      type: 'comment',
      author: `writer${i % 7}`,
      created_at_i: 1_700_000_000 + i * 60,
      parent_id: id,
      story_id: id,
      text: `Comment ${i} of story ${id}: <i>plain</i> words, a <a href="https:&#x2F;&#x2F;example.org&#x2F;${i}" rel="nofollow">link</a>.<p>&gt; quoted ${i}<p><pre><code>  x = ${i} &lt; y\n</code></pre>`,
      children: i % 3 === 0 ? [{ id: id + 10_000 + i, type: 'comment', author: 'replier', created_at_i: 1_700_100_000 + i, parent_id: id + i, story_id: id, text: `Reply to ${i}.`, children: [] }] : [],
    });
  }
  return JSON.stringify({ id, type: 'story', title: `Story ${id}`, url: `https://example.com/${id}`, author: 'poster', created_at_i: 1_700_000_000, points: 10, children });
}

function archive(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

test('parseDirectory on worker threads writes the same bytes and errors as on one thread', async () => {
  const root = mkdtempSync(join(tmpdir(), 'parse-pool-test-'));
  try {
    const threadsDir = join(root, 'threads');
    mkdirSync(threadsDir);
    for (let n = 0; n < 6; n++) writeFileSync(join(threadsDir, `story-${n}.json`), story(1_000_000 * (n + 1), 20 + n * 5));
    writeFileSync(join(threadsDir, 'broken.json'), '{"id": 5, "type": "story", "children": [');
    writeFileSync(join(threadsDir, 'unknown.json'), '{"hello": "world"}');

    const serial = await parseDirectory({ threadsDir, archiveDir: join(root, 'serial'), workers: 0 });
    const pooled = await parseDirectory({ threadsDir, archiveDir: join(root, 'pooled'), workers: 2 });
    assert.deepEqual(archive(join(root, 'pooled')), archive(join(root, 'serial')));
    assert.equal(pooled.threads, 6);
    assert.equal(pooled.comments, serial.comments);
    assert.equal(pooled.parsed, 6);
    assert.deepEqual(pooled.errors.map((e) => e.message), serial.errors.map((e) => e.message));
    assert.equal(pooled.errors.length, 2);
    assert.match(pooled.errors[0]!.message, /broken\.json:\d+: the JSON is truncated/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('parseJobs hands jobs to worker threads and gets them back in order', async () => {
  const jobs = [0, 1, 2, 3, 4].map((n) => ({ file: `/dumps/s${n}.json`, bytes: Buffer.from(story(2_000_000 + n * 1000, 5 + n)), fixesFile: `/dumps/s${n}.fixes.json` }));
  jobs[3] = { file: '/dumps/bad.json', bytes: Buffer.from('{"id": 1, "type": "story", "children": [{"id": "x"}]}'), fixesFile: '/dumps/bad.fixes.json' };
  let byWorkers = 0;
  const results = await parseJobs(jobs, {
    workers: 2,
    parseHere: false,
    onResult: (_index, _result, byWorker) => {
      if (byWorker) byWorkers++;
    },
  });
  assert.equal(byWorkers, 5, 'every job was parsed by a worker thread');
  assert.deepEqual(
    results.map((r) => (r.ok ? r.outputs[0]!.id : `error in ${r.error.file}`)),
    ['s0', 's1', 's2', 'error in /dumps/bad.json', 's4'],
  );
  // The same results (bytes, and the bad dump's error) as on this thread alone, and as from a
  // worker that runs the TypeScript sources through tsx (the fallback).
  const alone = await parseJobs(jobs, { workers: 0 });
  assert.deepEqual(results, alone);
  byWorkers = 0;
  const throughTsx = await parseJobs(jobs, { workers: 1, parseHere: false, compiled: false, onResult: (_i, _r, byWorker) => void (byWorker && byWorkers++) });
  assert.equal(byWorkers, 5, 'every job was parsed by the tsx worker');
  assert.deepEqual(throughTsx, alone);
});
