import { test } from 'node:test';
import assert from 'node:assert/strict';
import { threadPageBody } from '../src/site/_lib/thread-page.ts';
import { makeThread } from './helpers.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

test('a thread whose dump names no authors says so, instead of "0 participants" and "an unknown author"', () => {
  const thread = makeThread('plain', [{ id: 'a' }, { id: 'b', parent: 'a' }, { id: 'c', parent: null }]);
  for (const c of thread.comments) delete c.author;
  const page = text(threadPageBody(thread));
  assert.match(page, /3 comments · authors unknown · from/);
  assert.match(page, /3 comments, authors unknown, 2 direct answers to the story, deepest reply at level 2\. Largest branch: 2 comments\./);
  assert.doesNotMatch(page, /0 participants|0 commenters|unknown author|others \d/);
  // With authors, as before.
  const named = text(threadPageBody(makeThread('named', [{ id: 'a', author: 'ann' }, { id: 'b', parent: 'a', author: 'bo' }])));
  assert.match(named, /2 comments · 2 participants/);
  assert.match(named, /from 2 commenters, .*Largest branch: 2 comments under ann\./);
});

test("the fixer's check-first list names comments by their opening words: Markdown read, untrusted text escaped", () => {
  const thread = makeThread('plain', [
    { id: 'a', text: 'We tried three: 1\\. plain *workspaces* and `lerna`\n\nthen more', lines: [1, 3], confidence: { boundary: 0.5, parent: 1 } },
    { id: 'b', parent: 'a', text: '> quoted <img src=x onerror=alert(1)>\n\nanswer', lines: [4, 5], confidence: { boundary: 0.6, parent: 0.4 } },
  ]);
  const list = /<ol class="doubts">(.*?)<\/ol>/.exec(threadPageBody(thread))![1]!;
  assert.match(list, /<a href="#a">lines 1–3<\/a> \(“We tried three: 1\. plain workspaces and…”\): 50% sure of where it starts and ends/);
  assert.match(list, /<a href="#b">lines 4–5<\/a> \(“quoted &lt;img src=x onerror=alert\(1\)&gt;…”\): 40% sure of what it answers/);
  assert.doesNotMatch(list, /<img/);
});
