// Property: any comment text renders into HTML that shows the text and holds no active markup.
//  - plain text (escaped by the importers with plainTextToMarkdown) shows every character as typed;
//  - any Markdown at all (Reddit bodies, hand-edited threads) never yields script, styles, frames,
//    event handlers or script URLs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { renderMarkdown } from '../src/render/render-markdown.ts';
import { plainTextToMarkdown } from '../src/util/plain-text-to-markdown.ts';

const hostile = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<style>body{display:none}</style>', '<iframe src="//evil">',
  '[x](javascript:alert(1))', '[y](JaVaScRiPt:alert(1))', '<a href="javascript:alert(1)">z</a>', '![i](javascript:alert(1))',
  '<svg onload=alert(1)>', '<object data=x>', '<embed src=x>', '<form action=x><input></form>', '<div style="position:fixed">',
  '[w](data:text/html,<script>alert(1)</script>)', '<math><mi xlink:href="javascript:alert(1)">', '<base href="//evil/">',
  '<meta http-equiv=refresh content="0;url=//evil">', '<link rel=stylesheet href=//evil>', '&lt;script&gt;', '<!-- x -->',
  '[a]: javascript:alert(1)\n\n[a]', '<details open ontoggle=alert(1)>', '```html\n<script>x</script>\n```', '<http://x.example>',
];
const pieces = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostile) },
  { weight: 3, arbitrary: fc.constantFrom('#', '*', '_', '>', '1.', '-', '`', '\\', '[', ']', '(', ')', '!', '|', '~', '<', '&', '\n', '\n\n', '  ', 'word', 'naïve', '日本') },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
);
const text = fc.array(pieces, { maxLength: 20 }).map((p) => p.join(' '));

function activeMarkup(html: string): string[] {
  const found: string[] = [];
  const tree = fromHtml(html, { fragment: true }) as Root;
  const stack: (Root | Element)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'element') {
      if (['script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'base', 'meta', 'link', 'svg', 'math', 'img'].includes(node.tagName)) found.push(`<${node.tagName}>`);
      for (const [key, value] of Object.entries(node.properties ?? {})) {
        if (/^on/i.test(key)) found.push(`${key} on <${node.tagName}>`);
        if (key === 'style') found.push(`style on <${node.tagName}>`);
        const v = String(Array.isArray(value) ? value.join(' ') : value).replace(/[\s\u0000-\u001f]/g, '');
        if (['href', 'src', 'action', 'formAction', 'data', 'xLinkHref'].includes(key) && /^(javascript|vbscript|data):/i.test(v)) found.push(`${key}=${v.slice(0, 30)}`);
      }
    }
    if ('children' in node) for (const child of node.children) if (child.type === 'element') stack.push(child);
  }
  return found;
}

const visible = (html: string) => toText(fromHtml(html, { fragment: true }), { whitespace: 'pre-wrap' });
const squash = (s: string) => s.replace(/\s+/g, '');

test('plain text is shown exactly as typed, with no active markup', () => {
  fc.assert(
    fc.property(text, (typed) => {
      const paragraphs = typed.split(/\n{2,}/).filter((p) => p.trim() !== '');
      if (paragraphs.length === 0) return;
      const html = renderMarkdown(plainTextToMarkdown(paragraphs), { idPrefix: 'c1-' });
      assert.deepEqual(activeMarkup(html), []);
      assert.equal(squash(visible(html)), squash(paragraphs.join('')));
    }),
    { seed: 11, numRuns: 400 },
  );
});

test('any Markdown renders with no active markup', () => {
  fc.assert(
    fc.property(text, (markdown) => {
      const html = renderMarkdown(markdown, { idPrefix: 'c1-' });
      assert.deepEqual(activeMarkup(html), []);
    }),
    { seed: 12, numRuns: 400 },
  );
});
