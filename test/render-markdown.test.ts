import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { plainProseHtml, processMarkdown, renderMarkdown } from '../src/render/render-markdown.ts';

const context = { idPrefix: 'c1.' };

test('the plain-prose fast path returns exactly what the processor returns', () => {
  const alphabet = fc.constantFrom(...'ab Zé9 ,.;:?!\'"()/%-\n\n*_#<>&[]`~|@w:'.split(''), 'www.', '://', '1. ', '- ', '  ', '\t', 'ü');
  let fast = 0;
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      const quick = plainProseHtml(text);
      if (quick === undefined) return;
      fast++;
      assert.equal(quick, processMarkdown(text, context), JSON.stringify(text));
    }),
    { numRuns: 3000, seed: 42 },
  );
  assert.ok(fast > 100, `the fast path was taken ${fast} times`);
  assert.equal(plainProseHtml('Line one\nline two, (really).\n\nNext paragraph!'), '<p>Line one\nline two, (really).</p>\n<p>Next paragraph!</p>');
  assert.equal(plainProseHtml('1. a list'), undefined);
  assert.equal(plainProseHtml('see www.example.com'), undefined);
});

test('raw HTML shows as typed, never live; unsafe addresses are never links', () => {
  const text = 'Hi <script>alert(1)</script> <b onclick="x()">b</b>\n\n<style>p{}</style>\n\n<iframe src="https://e.invalid/"></iframe>\n\n[x](javascript:alert(2)) <javascript:alert(3)> ![i](https://e.invalid/p.png)';
  const html = renderMarkdown(text, context);
  const tree = fromHtml(html, { fragment: true });
  assert.deepEqual(selectAll('script, style, iframe, img, b, [onclick]', tree), []);
  for (const a of selectAll('a', tree)) {
    const href = a.properties.href;
    assert.ok(href === undefined || /^https?:/.test(String(href)), `href ${href}`);
  }
  const shown = toText(tree);
  for (const word of ['<script>alert(1)</script>', '<b onclick="x()">b</b>', '<style>p{}</style>', '<iframe src="https://e.invalid/"></iframe>', 'x (javascript:alert(2))', 'javascript:alert(3)']) {
    assert.ok(shown.includes(word), `${word} shown in ${shown}`);
  }
});

test('links get rel="nofollow ugc noopener"; footnote ids are prefixed per comment', () => {
  const html = renderMarkdown('see https://example.com and [a](https://example.org)[^n]\n\n[^n]: note', context);
  const tree = fromHtml(html, { fragment: true });
  const links = selectAll('a[href^="http"]', tree);
  assert.equal(links.length, 2);
  for (const a of links) assert.deepEqual(a.properties.rel, ['nofollow', 'ugc', 'noopener']);
  const ids = selectAll('[id]', tree).map((e) => String(e.properties.id));
  assert.ok(ids.length >= 2 && ids.every((id) => id.startsWith('c1.')), ids.join(' '));
  for (const a of selectAll('a[href^="#"]', tree)) assert.ok(ids.includes(String(a.properties.href).slice(1)), `${a.properties.href} resolves`);
});

test('a linked blockquote says where it was quoted from; an unknown source stays a plain quote', () => {
  const html = renderMarkdown('> the first point\n\nyes\n\n> said nowhere\n\nno', {
    idPrefix: 'b.',
    quotes: [
      { text: 'the first point', source: 'a1' },
      { text: 'said nowhere', source: null },
    ],
    authorOf: (id) => (id === 'a1' ? 'alice' : undefined),
  });
  const tree = fromHtml(html, { fragment: true });
  const sources = selectAll('.qf a', tree);
  assert.equal(sources.length, 1);
  assert.equal(sources[0]!.properties.href, '#a1');
  assert.equal(toText(sources[0]!), 'alice');
  assert.equal(selectAll('blockquote', tree).length, 2);
});

test('addresses that are not web or mail links show as typed text, also behind images and references', () => {
  const html = renderMarkdown('[a](data:text/html,x) ![b](javascript:void(0)) [c][r] [d](/local/path) [e](mailto:e@example.org)\n\n[r]: vbscript:msgbox', context);
  const tree = fromHtml(html, { fragment: true });
  assert.deepEqual(selectAll('a', tree).map((a) => String(a.properties.href)), ['mailto:e@example.org']);
  assert.equal(toText(tree).trim(), 'a (data:text/html,x) b (javascript:void(0)) c (vbscript:msgbox) d (/local/path) e');
});

test('text nested too deep for a browser shows as typed, every character kept', () => {
  for (const text of [`${'> '.repeat(5000)}deep words <b>here</b>\n\nnext`, `intro\n\n${'- '.repeat(5000)}list <b>x</b>`, `${'1. '.repeat(40)}numbered`]) {
    const html = renderMarkdown(text, context);
    const tree = fromHtml(html, { fragment: true });
    assert.deepEqual(selectAll('b, blockquote, ul, ol', tree), []);
    assert.equal(toText(tree).replace(/\s+/g, ' ').trim(), text.replace(/\s+/g, ' ').trim());
  }
  const shallow = fromHtml(renderMarkdown(`${'> '.repeat(5)}five deep`, context), { fragment: true });
  assert.equal(selectAll('blockquote', shallow).length, 5);
});

test('a quote kept as typed (plain-text dumps) is styled as a quote, keeps its ">" and says where it came from', () => {
  const html = renderMarkdown('\\> the first point\n\nyes, and\n\n\\> not a known passage', {
    idPrefix: 'b.',
    quotes: [
      { text: 'the first point', source: 'a1' },
      { text: 'not a known passage', source: null },
    ],
    authorOf: () => 'alice',
  });
  const tree = fromHtml(html, { fragment: true });
  assert.deepEqual(selectAll('p.tq', tree).map((p) => toText(p)), ['> the first point', '> not a known passage']);
  assert.deepEqual(selectAll('.qf a', tree).map((a) => String(a.properties.href)), ['#a1']);
});
