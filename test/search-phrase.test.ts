import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containsPhrase } from '../src/search/phrase-match.ts';
import { makeSnippet } from '../src/search/snippet.ts';

test('a phrase matches verbatim, ignoring case, punctuation and spacing', () => {
  const text = 'Salt eats chains  for\nbreakfast. Rinse the drivetrain!';
  assert.ok(containsPhrase(text, 'salt eats chains for breakfast'));
  assert.ok(containsPhrase(text, 'BREAKFAST, rinse'));
  assert.ok(containsPhrase(text, '"Salt eats chains for breakfast."'));
});

test('a phrase must match whole words in order', () => {
  const text = 'Salt eats chains for breakfast.';
  assert.ok(!containsPhrase(text, 'chains salt'), 'order matters');
  assert.ok(!containsPhrase(text, 'alt eats'), 'no partial first word');
  assert.ok(!containsPhrase(text, 'salt chains'), 'no gap');
  assert.ok(!containsPhrase(text, 'breakfasts'));
  assert.ok(!containsPhrase(text, ' ... '), 'an empty phrase matches nothing');
});

test('curly apostrophes fold to straight ones', () => {
  assert.ok(containsPhrase('It isn’t a myth', "isn't a myth"));
});

test('snippets mark matched words and phrase words, and cut around the first match', () => {
  const long = `${'filler '.repeat(50)}the crumb gets dense and the crust stays soft ${'tail '.repeat(50)}`;
  const s = makeSnippet(long, (w) => w === 'crust', ['crumb gets dense']);
  const marked = s.segments.filter((x) => x.mark).map((x) => x.text);
  assert.deepEqual(marked, ['crumb', 'gets', 'dense', 'crust']);
  assert.ok(s.segments[0]!.text.startsWith('…'), 'cut at the start');
  assert.ok(s.segments.at(-1)!.text.endsWith('…'), 'cut at the end');
  assert.deepEqual(s.words.sort(), ['crumb', 'crust', 'dense', 'gets']);
  const joined = s.segments.map((x) => x.text).join('');
  assert.ok(joined.includes('the crumb gets dense and the crust stays soft'), 'text is shown as written');
});

test('a snippet of text without a match starts at the beginning', () => {
  const s = makeSnippet('<script>alert(1)</script> plain', () => false, []);
  assert.equal(s.matched, false);
  assert.equal(s.segments.map((x) => x.text).join(''), '<script>alert(1)</script> plain');
});
