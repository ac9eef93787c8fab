import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatQuery, parseQuery } from '../src/search/parse-query.ts';

test('words, phrases and exclusions', () => {
  const q = parseQuery('rye  "the crumb gets dense" -wheat -"half and half" +soft');
  assert.deepEqual(q.words, ['rye', 'soft']);
  assert.deepEqual(q.phrases, ['the crumb gets dense']);
  assert.deepEqual(q.excluded, ['wheat']);
  assert.deepEqual(q.excludedPhrases, ['half and half']);
  assert.equal(q.quote, undefined);
});

test('operators: author, thread, is:quote, -is:quote', () => {
  const q = parseQuery('author:ovenmitt thread:home-bread dough is:quote');
  assert.deepEqual(q.authors, ['ovenmitt']);
  assert.deepEqual(q.threads, ['home-bread']);
  assert.deepEqual(q.words, ['dough']);
  assert.equal(q.quote, true);
  assert.equal(parseQuery('dough -is:quote').quote, false);
  assert.deepEqual(parseQuery('dough -author:ovenmitt').excludedAuthors, ['ovenmitt']);
  assert.deepEqual(parseQuery('author:"Jane Doe" x').authors, ['Jane Doe']);
  assert.deepEqual(parseQuery('AUTHOR:Bob').authors, ['Bob']);
});

test('unknown operators are kept as words and reported', () => {
  const q = parseQuery('is:pinned http://example.com');
  assert.deepEqual(q.unknown, ['is:pinned']);
  assert.deepEqual(q.words, ['http://example.com']);
});

test('an unterminated quote runs to the end; curly quotes count; a lone dash is a word', () => {
  assert.deepEqual(parseQuery('"salt eats chains').phrases, ['salt eats chains']);
  assert.deepEqual(parseQuery('“salt eats” chains').phrases, ['salt eats']);
  assert.deepEqual(parseQuery('salt - chains').words, ['salt', '-', 'chains']);
  assert.deepEqual(parseQuery('a-b').words, ['a-b']);
  assert.deepEqual(parseQuery('""  ').phrases, []);
});

test('formatQuery gives back an equivalent query', () => {
  const text = 'rye "the crumb" -wheat author:ovenmitt -author:"Jane Doe" thread:home-bread -is:quote';
  assert.deepEqual(parseQuery(formatQuery(parseQuery(text))), parseQuery(text));
});
