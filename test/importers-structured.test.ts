// The structured importers against the real dumps in ../shared/samples/ (read, never copied).
// Each expectation is computed here from the raw dump with a walk of its own, not by
// calling the importer: ids, parent links, authors and times must match the source exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDump } from '../src/parse/parse-dump.ts';
import type { Thread } from '../src/thread/types.ts';

const samples = new URL('../../shared/samples/', import.meta.url);
const skip = (name: string) => (existsSync(new URL(name, samples)) ? false : `no ${name} in ${fileURLToPath(samples)} (the shared samples are absent)`);

async function parseSample(name: string): Promise<Thread> {
  const file = new URL(name, samples);
  const threads = await parseDump(readFileSync(file), fileURLToPath(file));
  assert.equal(threads.length, 1);
  return threads[0]!;
}

interface Expected {
  id: string;
  parent: string | null;
  author?: string;
  /** Milliseconds since the epoch. */
  time?: number;
}

function assertComments(thread: Thread, expected: Expected[]): void {
  assert.equal(thread.comments.length, expected.length, 'number of comments');
  const byId = new Map(thread.comments.map((c) => [c.id, c]));
  for (const e of expected) {
    const c = byId.get(e.id);
    assert.ok(c, `comment ${e.id} is missing`);
    assert.equal(c.parent, e.parent, `parent of ${e.id}`);
    assert.equal(c.author, e.author, `author of ${e.id}`);
    if (e.time !== undefined) {
      assert.ok(c.time, `time of ${e.id} is missing`);
      assert.equal(Date.parse(c.time), e.time, `time of ${e.id}`);
    }
  }
}

test('HN Algolia sample: 335 comments with the source parent links, authors and times', { skip: skip('hn-algolia.json') }, async () => {
  interface Item { id: number; parent_id: number; author: string | null; text: string | null; created_at: string; created_at_i: number; children: Item[] }
  const root = JSON.parse(readFileSync(new URL('hn-algolia.json', samples), 'utf8')) as Item;
  const expected: Expected[] = [];
  const stack = [...root.children].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    expected.push({
      id: `hn-${item.id}`,
      parent: item.parent_id === root.id ? null : `hn-${item.parent_id}`,
      author: item.author ?? undefined,
      time: item.created_at_i * 1000,
    });
    assert.equal(Date.parse(item.created_at), item.created_at_i * 1000, 'the sample agrees with itself');
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
  }
  assert.equal(expected.length, 335);
  const thread = await parseSample('hn-algolia.json');
  assert.equal(thread.source.format, 'hn-algolia');
  assertComments(thread, expected);
  // The page order is the source's depth-first order.
  assert.deepEqual(thread.comments.map((c) => c.id), expected.map((e) => e.id));
  assert.equal(thread.title, (root as unknown as { title: string }).title);
  assert.equal(thread.author, root.author);
  assert.equal(Date.parse(thread.time!), root.created_at_i * 1000);
  for (const c of thread.comments) assert.ok(c.text.trim() !== '', `${c.id} has text`);
});

test('saved HN page sample: 124 comments with parents from the indentation', { skip: skip('hn-item.html') }, async () => {
  const html = readFileSync(new URL('hn-item.html', samples), 'utf8');
  // Split the page at each comment row; in each piece take the raw indent, author and time.
  const pieces = html.split(/<tr class="athing comtr" id="/).slice(1);
  const expected: Expected[] = [];
  const open: { id: string; indent: number }[] = [];
  for (const piece of pieces) {
    const id = /^(\d+)"/.exec(piece)![1]!;
    const indent = Number(/<td class="ind" indent="(\d+)"/.exec(piece)![1]);
    const author = /class="hnuser">([^<]+)</.exec(piece)?.[1];
    const unix = /<span class="age" title="[^"]*?(\d{9,})"/.exec(piece)?.[1];
    while (open.length > 0 && open[open.length - 1]!.indent >= indent) open.pop();
    expected.push({ id: `hn-${id}`, parent: open.length > 0 ? `hn-${open[open.length - 1]!.id}` : null, author, time: unix ? Number(unix) * 1000 : undefined });
    open.push({ id, indent });
  }
  assert.equal(expected.length, 124);
  const thread = await parseSample('hn-item.html');
  assert.equal(thread.source.format, 'hn-item-html');
  assertComments(thread, expected);
  assert.deepEqual(thread.comments.map((c) => c.id), expected.map((e) => e.id));
  assert.equal(thread.score, Number(/<span class="score"[^>]*>(\d+) points/.exec(html)![1]));
  for (const c of thread.comments) {
    assert.ok(c.text.trim() !== '', `${c.id} has text`);
    assert.doesNotMatch(c.text, /\breply\s*$/, `${c.id} ends without the page's reply link`);
  }
});

test('Reddit sample: every live comment with its parent; more stubs counted', { skip: skip('reddit.json') }, async () => {
  interface RedditThing { kind: string; data: { id: string; parent_id: string; author: string; body?: string; created_utc: number; count?: number; replies?: '' | { data: { children: RedditThing[] } } } }
  const listings = JSON.parse(readFileSync(new URL('reddit.json', samples), 'utf8')) as { data: { children: RedditThing[] } }[];
  const live: Expected[] = [];
  const removed = new Set<string>();
  let missing = 0;
  let t1 = 0;
  const stack = [...listings[1]!.data.children];
  while (stack.length > 0) {
    const thing = stack.pop()!;
    if (thing.kind === 'more') {
      missing += thing.data.count!;
      continue;
    }
    t1++;
    const d = thing.data;
    const id = `t1_${d.id}`;
    if (d.body === '[deleted]' || d.body === '[removed]') removed.add(id);
    else live.push({ id, parent: d.parent_id.startsWith('t3_') ? null : d.parent_id, author: d.author === '[deleted]' ? undefined : d.author, time: d.created_utc * 1000 });
    if (d.replies) stack.push(...d.replies.data.children);
  }
  assert.equal(t1, 199);
  const thread = await parseSample('reddit.json');
  assert.equal(thread.source.format, 'reddit');
  assert.equal(thread.source.missing, missing);
  const kept = thread.comments.filter((c) => !c.deleted);
  assertComments({ ...thread, comments: kept }, live);
  // Deleted comments appear only to carry replies, and only those the source marks deleted.
  for (const c of thread.comments.filter((x) => x.deleted)) {
    assert.ok(removed.has(c.id), `${c.id} is flagged deleted but is not in the source`);
    assert.ok(thread.comments.some((x) => x.parent === c.id), `deleted ${c.id} is kept without replies`);
  }
  const post = listings[0]!.data.children[0]!.data as unknown as { title: string; author: string; score: number };
  assert.equal(thread.author, post.author);
  assert.equal(thread.score, post.score);
});

test('one HN comment gets the same id from the Algolia JSON and from the saved page', async () => {
  const algolia = await parseDump(
    Buffer.from(JSON.stringify({ id: 1, type: 'story', title: 'T', created_at_i: 1, children: [{ id: 42, type: 'comment', author: 'a', text: 'x', created_at_i: 2, parent_id: 1, children: [] }] })),
    'a.json',
  );
  const page = await parseDump(
    Buffer.from(
      '<html><body><table><tr class="athing comtr" id="42"><td><table><tr><td class="ind" indent="0"></td><td><span class="comhead"><a class="hnuser" href="user?id=a">a</a> <span class="age" title="1970-01-01T00:00:02 2"></span></span><div class="comment"><div class="commtext c00">x</div></div></td></tr></table></td></tr></table></body></html>',
    ),
    'b.html',
  );
  assert.equal(algolia[0]!.comments[0]!.id, 'hn-42');
  assert.deepEqual(page[0]!.comments[0], algolia[0]!.comments[0]);
});

test('thousands deep: an HN Algolia chain and a Reddit chain of 20,000 replies', async () => {
  const depth = 20_000;
  let open = '';
  let close = '';
  for (let d = 1; d <= depth; d++) {
    open += `{"id":${10 + d},"type":"comment","author":"a${d % 3}","text":"level ${d}","created_at_i":${1000 + d},"children":[`;
    close += ']}';
  }
  const [hn] = await parseDump(Buffer.from(`{"id":1,"type":"story","title":"deep","created_at_i":1,"children":[${open}${close}]}`), 'deep.json');
  assert.equal(hn!.comments.length, depth);
  assert.equal(hn!.comments[depth - 1]!.parent, `hn-${depth + 9}`);

  open = '';
  close = '';
  for (let d = 1; d <= depth; d++) {
    open += `{"kind":"t1","data":{"id":"c${d}","parent_id":"${d === 1 ? 't3_p' : `t1_c${d - 1}`}","author":"u","body":"level ${d}","created_utc":${1000 + d},"score":1,"replies":${d === depth ? '""' : '{"kind":"Listing","data":{"children":['}`;
    close = (d === depth ? '}}' : ']}}}}') + close; // the innermost closes first
  }
  const post = '{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"id":"p","title":"deep","author":"u","created_utc":1}}]}}';
  const [reddit] = await parseDump(Buffer.from(`[${post},{"kind":"Listing","data":{"children":[${open}${close}]}}]`), 'deep-reddit.json');
  assert.equal(reddit!.comments.length, depth);
  assert.equal(reddit!.comments[depth - 1]!.parent, `t1_c${depth - 1}`);
});
