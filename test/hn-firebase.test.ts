// HN Firebase items: sibling order from `kids`, several stories, pruning of deleted/dead leaves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDump } from '../src/parse/parse-dump.ts';

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));
const c = (id: number, parent: number, time: number, extra: object = {}) => ({ id, parent, time, by: `u${id}`, text: `comment ${id}`, type: 'comment', ...extra });

test('siblings follow the parent\'s kids order, not the order of the file or of time', async () => {
  const [t] = await parseDump(bytes([{ id: 1, type: 'story', title: 'S', by: 'a', time: 10, kids: [4, 2, 3] }, c(2, 1, 11), c(3, 1, 12), c(4, 1, 13), c(5, 2, 14)]), 'x.json');
  assert.deepEqual(t!.comments.map((x) => [x.id, x.parent]), [['hn-4', null], ['hn-2', null], ['hn-5', 'hn-2'], ['hn-3', null]]);
  assert.equal(t!.source.format, 'hn-firebase');
});

test('several stories give several threads, each with its comments', async () => {
  const threads = await parseDump(
    bytes([{ id: 1, type: 'story', title: 'One', time: 1 }, { id: 2, type: 'story', title: 'Two', time: 2 }, c(3, 1, 3), c(4, 2, 4), c(5, 4, 5)]),
    'two.json',
  );
  assert.deepEqual(threads.map((t) => [t.id, t.title, t.comments.map((x) => x.id)]), [
    ['two-hn-1', 'One', ['hn-3']],
    ['two-hn-2', 'Two', ['hn-4', 'hn-5']],
  ]);
});

test('deleted and dead comments stay only with a kept reply below them', async () => {
  const [t] = await parseDump(
    bytes([
      { id: 1, type: 'story', title: 'S', time: 1 },
      { id: 2, parent: 1, type: 'comment', deleted: true, time: 2 },
      { id: 3, parent: 2, type: 'comment', deleted: true, time: 3 },
      c(4, 1, 4, { dead: true }),
      { id: 5, parent: 1, type: 'comment', deleted: true, time: 5 },
      c(6, 5, 6),
    ]),
    'd.json',
  );
  assert.deepEqual(t!.comments.map((x) => [x.id, x.deleted ?? false]), [['hn-5', true], ['hn-6', false]]);
});

test('one item (not an array) is read; Algolia items are left to their importer', async () => {
  const [t] = await parseDump(bytes({ id: 8, type: 'story', title: 'Alone', by: 'me', time: 1, kids: [] }), 'one.json');
  assert.equal(t!.title, 'Alone');
  const [algolia] = await parseDump(bytes({ id: 8, type: 'story', title: 'A', author: 'me', created_at_i: 1, children: [] }), 'a.json');
  assert.equal(algolia!.source.format, 'hn-algolia');
});

test('a poll lists its options with their points in the story text', async () => {
  const [t] = await parseDump(
    bytes([
      { id: 1, type: 'poll', title: 'Tabs or spaces?', by: 'a', time: 1, parts: [2, 3], kids: [4] },
      { id: 2, type: 'pollopt', poll: 1, text: 'Tabs', score: 10, time: 1 },
      { id: 3, type: 'pollopt', poll: 1, text: 'Spaces *always*', score: 12, time: 1 },
      c(4, 1, 5),
    ]),
    'poll.json',
  );
  assert.equal(t!.text, '- Tabs (10 points)\n- Spaces \\*always\\* (12 points)');
  assert.deepEqual(t!.comments.map((x) => x.id), ['hn-4']);
});
