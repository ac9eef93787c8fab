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
