// Line breaks and paragraph ends separate words in quote matching (mail bodies keep their lines
// as hard breaks; a quote spanning two of them must still be found in the quoted message).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes, ownText } from '../src/quotes/extract-quotes.ts';
import { linkQuotes } from '../src/quotes/link-quotes.ts';

test('ownText keeps words apart across hard breaks and paragraphs', () => {
  assert.equal(ownText('one *two*\\\nthree four\n\nfive six').replace(/\s+/g, ' '), 'one two three four five six');
});

test('a quoted hard break does not leave its backslash in the quote', () => {
  assert.deepEqual(extractQuotes('> one two\\\n> three\n\nreply'), ['one two three']);
  assert.deepEqual(extractQuotes('> ends in a real backslash \\\\'), ['ends in a real backslash \\']);
});

test('a quote spanning a line break of its source is linked', () => {
  const comments = linkQuotes([
    { id: 'a', parent: null, text: 'the first *line*\\\nand the second line' },
    { id: 'b', parent: 'a', text: '> first line\\\n> and the second\n\nagreed' },
  ]);
  assert.deepEqual(comments[1]!.quotes, [{ text: 'first line and the second', source: 'a' }]);
});
