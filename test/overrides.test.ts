import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDump } from '../src/parse/parse-dump.ts';
import { readOverrides } from '../src/parse/overrides.ts';
import { orderDepthFirst, orderBreakingCycles } from '../src/parse/order-depth-first.ts';
import { threadProblems } from '../src/thread/validate-thread.ts';
import type { Comment } from '../src/thread/types.ts';
import { makeThread } from './helpers.ts';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const tree = () =>
  makeThread('t', [
    { id: 'a' },
    { id: 'b', parent: 'a' },
    { id: 'c', parent: 'b' },
    { id: 'd', parent: null },
    { id: 'e', parent: 'd' },
  ]);

test('moving a comment takes its replies along and keeps depth-first order', async () => {
  const overrides = readOverrides(JSON.stringify({ comments: { b: { parent: 'e' } }, title: 'New' }), 't.fixes.json');
  const [thread] = await parseDump(bytes(tree()), 't.json', { overrides, overridesFile: 't.fixes.json' });
  assert.equal(thread!.title, 'New');
  assert.deepEqual(
    thread!.comments.map((c) => `${c.id}<${c.parent}`),
    ['a<null', 'd<null', 'e<d', 'b<e', 'c<b'],
  );
  assert.deepEqual(threadProblems(thread), []);
});

test('the thread records the fixes applied, as the file gives them, and only those', async () => {
  const text = '{"comments": {"b": {"parent": null, "author": "ann"}}, "split": [4], "merge": [2, 9]}';
  const overrides = readOverrides(text, 't.fixes.json');
  const [fixed] = await parseDump(bytes(tree()), 't.json', { overrides, overridesFile: 't.fixes.json' });
  assert.deepEqual(fixed!.source.fixes, JSON.parse(text));
  assert.deepEqual(threadProblems(fixed), []);
  // A thread JSON dump that carries another archive's record keeps none of it without a file.
  const [plain] = await parseDump(bytes({ ...tree(), source: { format: 'thread-json', file: 'x.json', fixes: { title: 'Old' } } }), 't.json');
  assert.equal(plain!.source.fixes, undefined);
  const [empty] = await parseDump(bytes(tree()), 't.json', { overrides: readOverrides('{}', 't.fixes.json') });
  assert.equal(empty!.source.fixes, undefined);
});

test('in a text dump "line N" names the comment holding that line, so a move survives the split that changes its ids', async () => {
  const dump = new TextEncoder().encode(
    [
      'I switched our team to trunk-based development last year and it went fine.',
      'How did you handle half-finished features?',
      'Feature flags, mostly. We kept them short-lived.',
      'Also code review got faster because changes were smaller.',
      'Did the flags pile up?',
    ].join('\n\n') + '\n',
  );
  const [before] = await parseDump(dump, 't.txt');
  const flags = before!.comments.find((c) => c.lines![0] === 5)!;
  assert.deepEqual(flags.lines, [5, 7], 'the parser joins lines 5 and 7: the case this test needs');
  // Split line 7 off, put it at top level, and hang line 9 under line 5: by id, the last would fail.
  const byLine = readOverrides('{"split": [7], "comments": {"line 9": {"parent": "line 5"}, "line 7": {"parent": null}}}', 't.fixes.json');
  const [after] = await parseDump(dump, 't.txt', { overrides: byLine, overridesFile: 't.fixes.json' });
  const at = (line: number) => after!.comments.find((c) => c.lines![0] === line)!;
  assert.equal(at(9).parent, at(5).id);
  assert.notEqual(at(5).id, flags.id, 'the split changed its id');
  assert.equal(at(7).parent, null);
  const byId = readOverrides(`{"split": [7], "comments": {"line 9": {"parent": "${flags.id}"}}}`, 't.fixes.json');
  await assert.rejects(parseDump(dump, 't.txt', { overrides: byId, overridesFile: 't.fixes.json' }), /t\.fixes\.json: overrides move "line 9" under "c-[0-9a-f]+", which is not in the thread/);
  // A line in no comment, and one comment named twice, are errors naming the file.
  const blank = readOverrides('{"comments": {"line 2": {"parent": null}}}', 't.fixes.json');
  await assert.rejects(parseDump(dump, 't.txt', { overrides: blank, overridesFile: 't.fixes.json' }), /t\.fixes\.json: overrides name "line 2", which is in no comment's lines/);
  const twice = readOverrides(`{"comments": {"line 3": {"parent": null}, "${at(3).id}": {"author": "x"}}}`, 't.fixes.json');
  await assert.rejects(parseDump(dump, 't.txt', { overrides: twice, overridesFile: 't.fixes.json' }), /overrides name one comment twice: "line 3" and "c-[0-9a-f]+"/);
});

test('"story" lines of a plain dump become the story\'s text, not a comment; the other comments keep their ids', async () => {
  const dump = new TextEncoder().encode(
    ['Today I argue that the quiet story is the *big* one.', 'I might be living under a rock, but everyone talks about this.', 'Not under a rock: it was on every front page.'].join('\n\n') + '\n',
  );
  const [before] = await parseDump(dump, 't.txt');
  const [after] = await parseDump(dump, 't.txt', { overrides: readOverrides('{"story": [1]}', 't.fixes.json'), overridesFile: 't.fixes.json' });
  assert.equal(after!.text, 'Today I argue that the quiet story is the \\*big\\* one.', 'shown as written: the asterisks escaped');
  assert.equal(after!.comments[0]!.lines![0], 3);
  assert.ok(after!.comments.every((c) => !c.lines!.includes(1)));
  const kept = new Set(before!.comments.filter((c) => c.lines![0] > 1).map((c) => c.id));
  assert.ok(after!.comments.slice(1).every((c) => kept.has(c.id)), 'ids of comments away from the story line are unchanged');
  assert.deepEqual(after!.source.fixes, { story: [1] });
  await assert.rejects(parseDump(dump, 't.txt', { overrides: readOverrides('{"story": [1, 3, 5]}', 't.fixes.json') }), /t\.txt: the text dump holds no comment/);
  assert.throws(() => readOverrides('{"story": [0]}', 'f.fixes.json'), /"story" must be a list of line numbers/);
});

test('overrides that make a cycle or name unknown comments are errors naming the file', async () => {
  const cycle = readOverrides('{"comments": {"a": {"parent": "c"}}}', 't.fixes.json');
  await assert.rejects(parseDump(bytes(tree()), 't.json', { overrides: cycle, overridesFile: 't.fixes.json' }), /t\.fixes\.json: overrides make a cycle/);
  const unknown = readOverrides('{"comments": {"zz": {"author": "x"}}}', 't.fixes.json');
  await assert.rejects(parseDump(bytes(tree()), 't.json', { overrides: unknown, overridesFile: 't.fixes.json' }), /"zz", which is not in the thread/);
});

test('an overrides file with a wrong shape says what was expected', () => {
  assert.throws(() => readOverrides('{"titel": "x"}', 'f.fixes.json'), /f\.fixes\.json: invalid overrides: unknown key "titel" \(expected title, url, comments, split, merge or story\)/);
  assert.throws(() => readOverrides('{"split": ["3"]}', 'f.fixes.json'), /"split" must be a list of line numbers/);
  assert.throws(() => readOverrides('{"comments": {"a": {"parent": 3}}}', 'f.fixes.json'), /parent must be an id or null/);
  assert.throws(() => readOverrides('{', 'f.fixes.json'), /f\.fixes\.json: invalid JSON in overrides file/);
});

test('parent cycles from a source are broken, nothing lost; missing parents become flagged orphans', () => {
  const comments: Comment[] = [
    { id: 'x', parent: 'z', text: '' },
    { id: 'y', parent: 'x', text: '' },
    { id: 'z', parent: 'y', text: '' },
    { id: 'o', parent: 'gone', text: '' },
  ];
  const ordered = orderBreakingCycles(comments);
  assert.equal(ordered.length, 4);
  assert.deepEqual(ordered.map((c) => c.id).sort(), ['o', 'x', 'y', 'z']);
  assert.equal(ordered.find((c) => c.id === 'o')!.orphan, true);
  assert.equal(ordered.find((c) => c.id === 'o')!.parent, null);
  assert.deepEqual(orderDepthFirst(comments).cycles, ['x', 'y', 'z']);
});

test('a 100,000-deep chain is ordered and validated without recursion', () => {
  const n = 100_000;
  const comments: Comment[] = [];
  for (let i = n - 1; i >= 0; i--) comments.push({ id: `c${i}`, parent: i === 0 ? null : `c${i - 1}`, text: 'x' });
  const { comments: ordered } = orderDepthFirst(comments);
  assert.equal(ordered[0]!.id, 'c0');
  assert.equal(ordered[n - 1]!.id, `c${n - 1}`);
  assert.deepEqual(threadProblems(makeThread('deep', ordered)), []);
});

test('duplicate ids in a source are an error naming the id', async () => {
  const thread = makeThread('t', [{ id: 'a' }, { id: 'a' }]);
  await assert.rejects(parseDump(bytes(thread), 'dup.json'), /dup\.json: not a valid thread: comment 1 has duplicate id "a"/);
});
