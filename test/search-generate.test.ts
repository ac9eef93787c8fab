import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateThreads } from '../scripts/generate-archive.ts';
import { serializeThread } from '../src/thread/serialize-thread.ts';
import { threadProblems } from '../src/thread/validate-thread.ts';
import { extractQuotes } from '../src/quotes/extract-quotes.ts';

test('the generator writes valid threads with the asked numbers of comments and threads', () => {
  const threads = generateThreads({ comments: 2500, threads: 7, seed: 4, maxDepth: 6 });
  assert.equal(threads.length, 7);
  assert.equal(threads.reduce((n, t) => n + t.comments.length, 0), 2500);
  for (const t of threads) {
    assert.deepEqual(threadProblems(t), [], t.id);
    const depth = new Map<string, number>();
    for (const c of t.comments) {
      const d = c.parent === null ? 1 : depth.get(c.parent)! + 1;
      depth.set(c.id, d);
      assert.ok(d <= 6, `${c.id} is at depth ${d}, above --max-depth 6`);
    }
  }
});

test('the generator is deterministic for a seed, and another seed gives other text', () => {
  const a = generateThreads({ comments: 300, threads: 3, seed: 8 }).map(serializeThread);
  const b = generateThreads({ comments: 300, threads: 3, seed: 8 }).map(serializeThread);
  const c = generateThreads({ comments: 300, threads: 3, seed: 9 }).map(serializeThread);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('generated quotes are real: the quoted text is a sentence of the comment named as source', () => {
  const threads = generateThreads({ comments: 1500, threads: 3, seed: 2 });
  let quotes = 0;
  for (const t of threads) {
    const byId = new Map(t.comments.map((c) => [c.id, c]));
    for (const c of t.comments) {
      for (const q of c.quotes ?? []) {
        quotes++;
        assert.deepEqual(extractQuotes(c.text), [q.text]);
        assert.ok(byId.get(q.source!)!.text.includes(q.text), `${c.id} quotes ${q.source}`);
      }
    }
  }
  assert.ok(quotes > 100, `${quotes} quotes`);
});
