// Build caches (parse cache, summaries, render cache, thread pages linked from the live site,
// the search index started early) never change the output: a build that reuses them writes
// the same bytes as one from scratch. Also: a 20,000-comment thread builds and renders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateThread } from '../src/thread/generate-thread.ts';
import { serializeThread } from '../src/thread/serialize-thread.ts';
import type { Thread } from '../src/thread/types.ts';
import { filesUnder, tempDir } from './helpers.ts';

const root = new URL('..', import.meta.url).pathname;

function build(threads: string, dir: string, cache: string, extra: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of ['PATH_PREFIX', 'SITE_URL', 'SITE_TITLE', 'RENDER_WORKERS', 'INIT_CWD']) delete env[key];
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: root,
    env: { ...env, THREADS_DIR: threads, ARCHIVE_DIR: join(dir, 'archive'), SITE_DIR: join(dir, 'site'), CACHE_DIR: cache, PATH_PREFIX: '/p/', ...extra },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stderr;
}

function assertSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>, what: string) {
  assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), `${what}: the same files`);
  for (const [name, bytes] of expected) assert.ok(actual.get(name)!.equals(bytes), `${what}: ${name} differs`);
}

test('a build with caches writes the same bytes as one without; only the added dump is parsed; a page changed in place is rewritten', { timeout: 240_000 }, () => {
  const work = tempDir('build-cache-');
  const threads = join(work, 'threads');
  mkdirSync(threads);
  for (let i = 0; i < 5; i++) writeFileSync(join(threads, `thread-${i}.json`), serializeThread(generateThread({ comments: 40 + i * 15, seed: 10 + i, id: `thread-${i}` })));
  writeFileSync(join(threads, 'chain.json'), serializeThread(generateThread({ comments: 60, shape: 'chain', seed: 4, id: 'chain' })));

  // Cold, then one dump added: with the caches of the first build (pages rendered on this thread).
  build(threads, join(work, 'a'), join(work, 'cache-a'));
  const page = 't/thread-1/index.html';
  const before = statSync(join(work, 'a/site', page)).ino;
  const block = 'search/index/d/thread-1/0.json';
  const blockBefore = statSync(join(work, 'a/site', block)).ino;
  // Its thread id sorts first, so every search document after it is numbered anew.
  writeFileSync(join(threads, 'a-added.json'), serializeThread(generateThread({ comments: 50, seed: 99, id: 'a-added' })));
  const log = build(threads, join(work, 'a'), join(work, 'cache-a'));
  assert.match(log, /1 anew/, 'only the added dump is parsed');
  assert.equal(statSync(join(work, 'a/site', page)).ino, before, 'an unchanged page is linked from the last site, not written again');
  assert.equal(statSync(join(work, 'a/site', block)).ino, blockBefore, "an unchanged thread's search text blocks are linked too");

  // The same dumps with no cache at all, pages rendered by worker threads.
  build(threads, join(work, 'b'), join(work, 'cache-b'), { RENDER_WORKERS: '2' });
  const fresh = filesUnder(join(work, 'b/site'));
  assert.ok(fresh.has('t/a-added/index.html') && fresh.has('t/a-added/a-added.json') && fresh.has('search/index/manifest.json'));
  assertSameFiles(filesUnder(join(work, 'a/site')), fresh, 'cached build');
  assertSameFiles(filesUnder(join(work, 'a/archive')), filesUnder(join(work, 'b/archive')), 'archive');

  // A damaged parse cache entry is parsed again, with the same result.
  const parseCache = join(work, 'cache-a', 'parse');
  for (const name of readdirSync(parseCache)) writeFileSync(join(parseCache, name), 'not an entry');
  assert.match(build(threads, join(work, 'a'), join(work, 'cache-a')), /7 anew/, 'every dump parsed again');
  assertSameFiles(filesUnder(join(work, 'a/site')), fresh, 'after damaged parse cache entries');

  // A page of the live site written in place (as `npm start` does): the next build does not link it.
  appendFileSync(join(work, 'a/site', page), '<!-- changed in place -->');
  build(threads, join(work, 'a'), join(work, 'cache-a'));
  assertSameFiles(filesUnder(join(work, 'a/site')), fresh, 'after an in-place change');

  // A dump removed and another edited: the cached build (its search worker linked the old
  // threads' text blocks ahead) equals a build from scratch of the same dumps.
  rmSync(join(threads, 'thread-3.json'));
  writeFileSync(join(threads, 'thread-0.json'), serializeThread(generateThread({ comments: 45, seed: 77, id: 'thread-0' })));
  build(threads, join(work, 'a'), join(work, 'cache-a'));
  build(threads, join(work, 'c'), join(work, 'cache-c'));
  const again = filesUnder(join(work, 'c/site'));
  assert.ok(!again.has('t/thread-3/index.html') && !again.has('search/index/d/thread-3/0.json'));
  assertSameFiles(filesUnder(join(work, 'a/site')), again, 'after a dump removed and one edited');

  // Thread pages carry PATH_PREFIX themselves (they skip the <base> plugin).
  const html = fresh.get(page)!.toString('utf8');
  assert.match(html, /href="\/p\/assets\/style\.css\?v=/);
  assert.match(html, /href="\/p\/t\/thread-1\/thread-1\.json" download/);
  assert.match(html, /action="\/p\/search\/"/);
  assert.doesNotMatch(html, /(?:href|src|action)="\/(?!p\/)/, 'no root-relative URL without the prefix');
  rmSync(work, { recursive: true, force: true });
});

test('a 20,000-comment thread builds and renders: every comment has its element, inside its parent\'s', { timeout: 240_000 }, () => {
  const work = tempDir('build-big-');
  const threads = join(work, 'threads');
  mkdirSync(threads);
  const thread: Thread = generateThread({ comments: 20_000, seed: 7, id: 'big' });
  writeFileSync(join(threads, 'big.json'), serializeThread(thread));
  build(threads, work, join(work, 'cache'));
  const html = readFileSync(join(work, 'site/t/big/index.html'), 'utf8');
  const parentOf = new Map(thread.comments.map((c) => [c.id, c.parent]));
  // Comment text is escaped, so the only <details> tags are the reader's: follow them with a stack.
  const stack: string[] = [];
  let seen = 0;
  for (const m of html.matchAll(/<details class="c[^"]*" id="([^"]+)"|<\/details>/g)) {
    if (m[1]) {
      assert.equal(stack.at(-1) ?? null, parentOf.get(m[1]) ?? null, `${m[1]} sits inside its parent's element`);
      stack.push(m[1]);
      seen++;
    } else stack.pop();
  }
  assert.equal(seen, 20_000);
  assert.equal(stack.length, 0);
  rmSync(work, { recursive: true, force: true });
});
