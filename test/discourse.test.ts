// The Discourse importer on the shared sample (../shared/samples/discourse.json, 100 posts,
// replies to the missing posts 9, 11 and 88). Expectations are computed here from the raw JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parseDump } from '../src/parse/parse-dump.ts';
import type { Thread } from '../src/thread/types.ts';

const sample = new URL('../../shared/samples/discourse.json', import.meta.url);
const skip = existsSync(sample) ? false : 'needs ../shared/samples/discourse.json (the shared samples folder is absent)';

interface RawPost {
  id: number;
  post_number: number;
  post_type: number;
  reply_to_post_number: number | null;
  username: string;
  created_at: string;
  cooked: string;
}

test('Discourse sample: every post, every reply link, missing parents as orphans, depth-first', { skip }, async () => {
  const bytes = readFileSync(sample);
  const raw = JSON.parse(bytes.toString('utf8')) as { post_stream: { posts: RawPost[] } };
  const [thread] = (await parseDump(bytes, 'discourse.json')) as [Thread];
  assert.equal(thread.source.format, 'discourse');
  const posts = raw.post_stream.posts.filter((p) => p.post_type !== 3);
  const numbers = new Map(posts.map((p) => [p.post_number, p]));
  assert.equal(raw.post_stream.posts.length, 100);
  const first = numbers.get(1)!;
  assert.equal(thread.author, first.username);
  assert.equal(Date.parse(thread.time!), Date.parse(first.created_at));

  const replies = posts.filter((p) => p.post_number !== 1);
  assert.equal(thread.comments.length, replies.length);
  const byId = new Map(thread.comments.map((c) => [c.id, c]));
  let linked = 0;
  const orphans: number[] = [];
  for (const p of replies) {
    const c = byId.get(`d-${p.id}`);
    assert.ok(c, `post #${p.post_number} is a comment`);
    assert.equal(c.author, p.username);
    assert.equal(Date.parse(c.time!), Date.parse(p.created_at));
    const to = p.reply_to_post_number;
    if (to === null || to === 1) {
      assert.equal(c.parent, null, `#${p.post_number} answers the story`);
      assert.equal(c.orphan, undefined);
    } else if (numbers.has(to)) {
      assert.equal(c.parent, `d-${numbers.get(to)!.id}`, `#${p.post_number} answers #${to}`);
      linked++;
    } else {
      assert.equal(c.parent, null);
      assert.equal(c.orphan, true, `#${p.post_number} answers the missing #${to}`);
      orphans.push(to);
    }
  }
  assert.deepEqual(orphans.sort((a, b) => a - b), [9, 11, 88]);
  assert.ok(linked > 0);

  // Depth-first: each parent before its replies, each subtree contiguous, siblings in post order.
  const index = new Map(thread.comments.map((c, i) => [c.id, i]));
  const postNumber = new Map(replies.map((p) => [`d-${p.id}`, p.post_number]));
  const lastSibling = new Map<string | null, number>();
  const open: string[] = [];
  for (const c of thread.comments) {
    if (c.parent !== null) assert.ok(index.get(c.parent)! < index.get(c.id)!, `${c.id} after its parent`);
    while (open.length > 0 && open[open.length - 1] !== c.parent) open.pop();
    if (c.parent !== null) assert.equal(open[open.length - 1], c.parent, `${c.id}: its parent's subtree is still open`);
    open.push(c.id);
    const n = postNumber.get(c.id)!;
    assert.ok(n > (lastSibling.get(c.parent) ?? 0), `${c.id} after its older siblings`);
    lastSibling.set(c.parent, n);
  }
});

test('Discourse sample: cooked HTML converted, quotes linked to the post they quote', { skip }, async () => {
  const bytes = readFileSync(sample);
  const raw = JSON.parse(bytes.toString('utf8')) as { id: number; post_stream: { posts: RawPost[] } };
  const [thread] = (await parseDump(bytes, 'discourse.json')) as [Thread];
  const idOfNumber = new Map(raw.post_stream.posts.map((p) => [p.post_number, `d-${p.id}`]));
  let quotesChecked = 0;
  for (const p of raw.post_stream.posts) {
    const c = thread.comments.find((x) => x.id === `d-${p.id}`);
    if (!c) continue;
    assert.doesNotMatch(c.text, /<(img|aside|div|a )/i, `${c.id} has no raw HTML`);
    const emoji = [...p.cooked.matchAll(/<img[^>]*class="emoji[^"]*"[^>]*alt="([^"]+)"/g)].map((m) => m[1]!);
    for (const alt of emoji) assert.ok(c.text.includes(alt), `${c.id} shows the emoji ${alt} as text`);
    const mentions = [...p.cooked.matchAll(/<a class="mention" href="[^"]*">([^<]+)<\/a>/g)].map((m) => m[1]!);
    for (const name of mentions) {
      assert.ok(c.text.includes(name), `${c.id} keeps ${name}`);
      assert.ok(!c.text.includes('](/u/'), `${c.id}: mentions are not links into the forum`);
    }
    for (const m of p.cooked.matchAll(/<aside class="quote[^"]*"[^>]*data-post="(\d+)" data-topic="(\d+)"/g)) {
      const n = Number(m[1]);
      if (Number(m[2]) !== raw.id || n === 1) continue;
      const source = idOfNumber.get(n) ?? null;
      if (source === null) {
        assert.ok(c.quotes?.some((q) => q.source === null), `${c.id} quotes the missing #${n}`);
        continue;
      }
      assert.ok(c.quotes?.some((q) => q.source === source), `${c.id}'s quote of #${n} links to ${source}`);
      assert.ok(c.text.includes(`(#${source})`), `${c.id} links the quote's author line to ${source}`);
      quotesChecked++;
    }
  }
  assert.ok(quotesChecked >= 10, `${quotesChecked} quotes checked`);
});
