// Tree recovery and the text importers (plain text, copied HN page): segmentation cues, debris,
// front matter, user overrides, stable ids, deep and large dumps, the seed dump, eval floors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { plainTextToMarkdown } from '../src/util/plain-text-to-markdown.ts';
import { escapeParagraphs } from '../src/recover/escape-paragraphs.ts';

test('escapeParagraphs agrees with plainTextToMarkdown on random text', () => {
  const chars = [...'aZé ,.;:\'’"?!()%$—–-1>*_#<&[\\`~|/@.w'];
  const paragraph = fc
    .array(fc.constantFrom(...chars), { minLength: 1, maxLength: 14 })
    .map((a) => a.join(''))
    .filter((s) => s.trim() === s && s !== '');
  fc.assert(
    fc.property(fc.array(paragraph, { minLength: 1, maxLength: 3 }), (ps) => escapeParagraphs(ps) === plainTextToMarkdown(ps)),
    { numRuns: 5000 },
  );
  for (const p of ['> quoted words here', '> > nested quote', '- a list item', 'Plain words, nothing else.']) {
    assert.equal(escapeParagraphs([p]), plainTextToMarkdown([p]));
  }
});
