import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../src/cli/parse-cli.ts';
import { captureIo, makeThread, tempDir, writeFiles } from './helpers.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

test('--help prints usage with examples; a bad argument is one line, exit 2', async () => {
  const help = captureIo(tempDir());
  assert.equal(await run(['--help'], help.io), 0);
  assert.match(help.stdout(), /Usage: npm run parse/);
  assert.match(help.stdout(), /Examples\n/);
  const bad = captureIo(tempDir());
  assert.equal(await run(['--nope'], bad.io), 2);
  assert.equal(bad.stderr().trim().split('\n').length, 1);
  assert.match(bad.stderr(), /^parse: Unknown option '--nope'/);
});

test('FILE -o OUT writes one thread; a re-run gives the same bytes', async () => {
  const dir = tempDir();
  writeFiles(dir, { 'a.json': json(makeThread('a', [{}, { parent: 'c1' }])) });
  const first = captureIo(dir);
  assert.equal(await run(['a.json', '-o', 'out/a.json'], first.io), 0);
  assert.match(first.stderr(), /1 thread, 2 comments/);
  const bytes = readFileSync(join(dir, 'out/a.json'));
  assert.equal(await run(['a.json', '-o', 'out/a.json'], captureIo(dir).io), 0);
  assert.deepEqual(readFileSync(join(dir, 'out/a.json')), bytes);
  assert.equal(JSON.parse(bytes.toString()).comments[1].parent, 'c1');
});

test('bad input: one line naming the file, exit 1, no output file', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'empty.txt': '',
    'cut.json': '{"version": 1, "comments": [',
    'bin.dat': new Uint8Array([0, 1, 2, 3, 0, 255]),
    'odd.json': '{"hello": "world"}',
  });
  for (const [file, pattern] of [
    ['empty.txt', /^parse: empty\.txt: the file is empty\n$/],
    ['cut.json', /^parse: cut\.json:1: the JSON is truncated/],
    ['bin.dat', /^parse: bin\.dat: this is a binary file/],
    ['odd.json', /^parse: odd\.json: unknown format: JSON that is none of /],
    ['missing.txt', /^parse: missing\.txt: no such file\n$/],
  ] as const) {
    const cap = captureIo(dir);
    assert.equal(await run([file, '-o', `out-${file}.json`], cap.io), 1, file);
    assert.match(cap.stderr(), pattern);
    assert.equal(cap.stderr().trim().split('\n').length, 1, `${file}: one line`);
    assert.equal(existsSync(join(dir, `out-${file}.json`)), false, `${file}: no output`);
  }
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), []);
});

test('a folder: one bad dump does not stop the others, is named, and exits 1', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'threads/good.json': json(makeThread('good', [{}])),
    'threads/bad.json': '{"version": 1,',
    'threads/README.md': 'not a dump',
  });
  const cap = captureIo(dir, { THREADS_DIR: 'threads', ARCHIVE_DIR: 'archive', CACHE_DIR: '.cache' });
  assert.equal(await run([], cap.io), 1);
  assert.match(cap.stderr(), /bad\.json:1: the JSON is truncated/);
  assert.match(cap.stderr(), /1 threads, 1 comments .*1 failed/);
  assert.ok(existsSync(join(dir, 'archive/good.json')));
  assert.equal(existsSync(join(dir, 'archive/bad.json')), false);
});

test('a folder re-parse is byte-identical, from cache or not', async () => {
  const dir = tempDir();
  writeFiles(dir, { 'threads/t.json': json(makeThread('t', [{}, { parent: 'c1', text: '> comment 1\n\nyes' }])) });
  const env = { THREADS_DIR: 'threads', ARCHIVE_DIR: 'archive', CACHE_DIR: '.cache' };
  assert.equal(await run([], captureIo(dir, env).io), 0);
  const first = readFileSync(join(dir, 'archive/t.json'));
  const manifest = readFileSync(join(dir, 'archive/manifest.json'));
  assert.equal(await run([], captureIo(dir, env).io), 0);
  assert.deepEqual(readFileSync(join(dir, 'archive/t.json')), first);
  assert.deepEqual(readFileSync(join(dir, 'archive/manifest.json')), manifest);
  assert.equal(await run([], captureIo(dir, { ...env, CACHE_DIR: '.other-cache' }).io), 0);
  assert.deepEqual(readFileSync(join(dir, 'archive/t.json')), first);
  assert.equal(JSON.parse(first.toString()).comments[1].quotes[0].source, 'c1');
});

test('a hand-edited archive file is never overwritten silently; --force overwrites', async () => {
  const dir = tempDir();
  writeFiles(dir, { 'threads/t.json': json(makeThread('t', [{}])) });
  const env = { THREADS_DIR: 'threads', ARCHIVE_DIR: 'archive', CACHE_DIR: '.cache' };
  assert.equal(await run([], captureIo(dir, env).io), 0);
  const target = join(dir, 'archive/t.json');
  const edited = readFileSync(target, 'utf8').replace('Thread t', 'My better title');
  writeFileSync(target, edited);
  const cap = captureIo(dir, env);
  assert.equal(await run([], cap.io), 1);
  assert.match(cap.stderr(), /t\.json: edited by hand since it was parsed: keep the fix in .*t\.fixes\.json/);
  assert.equal(readFileSync(target, 'utf8'), edited);
  // The fix moved into an overrides file survives every re-parse.
  writeFiles(dir, { 'threads/t.fixes.json': json({ title: 'My better title' }) });
  assert.equal(await run(['--force'], captureIo(dir, env).io), 0);
  assert.equal(JSON.parse(readFileSync(target, 'utf8')).title, 'My better title');
  assert.equal(await run([], captureIo(dir, env).io), 0);
  assert.equal(JSON.parse(readFileSync(target, 'utf8')).title, 'My better title');
});

test('a removed dump removes its thread, unless the thread was edited by hand', async () => {
  const dir = tempDir();
  writeFiles(dir, { 'threads/a.json': json(makeThread('a', [{}])), 'threads/b.json': json(makeThread('b', [{}])) });
  const env = { THREADS_DIR: 'threads', ARCHIVE_DIR: 'archive', CACHE_DIR: '.cache' };
  assert.equal(await run([], captureIo(dir, env).io), 0);
  writeFileSync(join(dir, 'archive/b.json'), '{"edited": true}\n');
  for (const f of ['a.json', 'b.json']) writeFileSync(join(dir, 'threads', f), '');
  // An emptied dump fails: its earlier output is kept.
  assert.equal(await run([], captureIo(dir, env).io), 1);
  assert.ok(existsSync(join(dir, 'archive/a.json')));
  const { rmSync } = await import('node:fs');
  rmSync(join(dir, 'threads/a.json'));
  rmSync(join(dir, 'threads/b.json'));
  const cap = captureIo(dir, env);
  assert.equal(await run([], cap.io), 1);
  assert.equal(existsSync(join(dir, 'archive/a.json')), false);
  assert.equal(readFileSync(join(dir, 'archive/b.json'), 'utf8'), '{"edited": true}\n');
  assert.match(cap.stderr(), /b\.json: edited by hand, and its dump b\.json is gone/);
});

test('a 100 MB dump is refused with a clear message before it is read', async () => {
  const dir = tempDir();
  const { openSync, ftruncateSync, closeSync } = await import('node:fs');
  const fd = openSync(join(dir, 'huge.txt'), 'w');
  ftruncateSync(fd, 100 * 1024 * 1024);
  closeSync(fd);
  const cap = captureIo(dir);
  const started = performance.now();
  assert.equal(await run(['huge.txt', '-o', 'huge.json'], cap.io), 1);
  assert.ok(performance.now() - started < 2000);
  assert.match(cap.stderr(), /^parse: huge\.txt: the file is 100 MB; dumps over 64 MB are refused: split it, or raise MAX_DUMP_MB\n$/);
  assert.equal(existsSync(join(dir, 'huge.json')), false);
});

test('--review lists the least sure inferences of a text dump with their fixes; a structured dump has none', async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'chat.txt': [
      'Static sites are fine until you need search.',
      'Which search do you use?',
      'Lunr, built at deploy time. It is small enough.',
      'The index gets big past a few thousand pages though.',
      '> It is small enough',
      'Not for us, we have forty thousand pages.',
      '',
    ].join('\n'),
    'a.json': json(makeThread('a', [{}, { parent: 'c1' }])),
  });
  const cap = captureIo(dir);
  assert.equal(await run(['chat.txt', '-o', 'chat.json', '--review'], cap.io), 0);
  const lines = cap.stderr().split('\n').filter((l) => l.startsWith('  '));
  assert.ok(lines.length >= 3 && lines.length <= 10, cap.stderr());
  const sure = lines.map((l) => Number(/(\d+)% sure/.exec(l)![1]));
  assert.deepEqual([...sure].sort((a, b) => a - b), sure, 'least sure first');
  const thread = JSON.parse(readFileSync(join(dir, 'chat.json'), 'utf8')) as { comments: { id: string; lines: [number, number]; confidence: { boundary: number } }[] };
  // Every doubtful cut is listed with the merge line that would undo it, and parents with their fix.
  const doubtful = thread.comments.filter((c) => c.confidence.boundary < 1);
  for (const c of doubtful) assert.ok(lines.some((l) => l.includes(`(${c.id})`) && l.includes(`"merge": [${c.lines[0]}]`)), `${c.id} listed`);
  assert.ok(lines.some((l) => /"comments": \{"line \d+": \{"parent": "line N"\}\}/.test(l)));
  // Cuts are not crowded out by parents, whose confidences run lower.
  const { reviewDoubts } = await import('../src/recover/review-doubts.ts');
  const many = { ...thread, comments: Array.from({ length: 30 }, (_, k) => ({ id: `c-${k}`, parent: null, text: 'x', lines: [k + 1, k + 1] as [number, number], confidence: { boundary: 0.6 + k / 100, parent: 0.2 + k / 100 } })) };
  const listed = reviewDoubts(many as never, 10);
  assert.equal(listed.filter((l) => l.includes('"merge"')).length, 5, listed.join('\n'));
  assert.equal(listed.filter((l) => l.includes('"parent": "line N"')).length, 5, listed.join('\n'));
  assert.ok(listed.some((l) => l.startsWith('line 1 (c-0): 60% sure of where')), 'the least sure cut comes first among cuts');
  // The quote settles the last comment's parent: the comment it quotes, and not doubted much.
  const quoted = thread.comments.find((c) => c.lines[0] === 3)!;
  const last = lines.find((l) => l.startsWith('  lines 5–6') && l.includes('answers'));
  assert.ok(last === undefined || (last.includes(`(${quoted.id})`) && Number(/(\d+)% sure/.exec(last)![1]) >= 50), last);

  const structured = captureIo(dir);
  assert.equal(await run(['a.json', '-o', 'a-out.json', '--review'], structured.io), 0);
  assert.match(structured.stderr(), /review: nothing inferred/);
  const alone = captureIo(dir);
  assert.equal(await run(['--review'], alone.io), 2);
  assert.match(alone.stderr(), /^parse: --review needs a FILE to parse/);
});
