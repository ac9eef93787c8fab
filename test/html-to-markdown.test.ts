// htmlToMarkdown must keep every word and show text that looks like Markdown or HTML as
// typed: each case is converted, the Markdown rendered (remark-parse + remark-gfm +
// remark-html), and the visible text compared with the source HTML's visible text. The fast
// path must build exactly what the full path builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkHtml from 'remark-html';
import fc from 'fast-check';
import { htmlToMarkdown, htmlToMdast, mdastToMarkdown } from '../src/util/html-to-markdown.ts';
import { simpleHtmlToMdast } from '../src/util/simple-html-to-mdast.ts';
import { simpleMdastToMarkdown } from '../src/util/simple-mdast-to-markdown.ts';
import { defuseUrls } from '../src/util/html-to-markdown.ts';
import { markdownWithoutHtml } from '../src/util/markdown-without-html.ts';

const renderer = unified().use(remarkParse).use(remarkGfm).use(remarkHtml);

/** What a reader sees of some HTML: its text, white space runs as one space. */
function visible(html: string): string {
  return toText(fromHtml(html, { fragment: true }))
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();
}

function rendered(markdown: string): string {
  return String(renderer.processSync(markdown));
}

function assertFaithful(html: string): string {
  const markdown = htmlToMarkdown(html);
  assert.equal(visible(rendered(markdown)), visible(html), `Markdown was:\n${markdown}`);
  return markdown;
}

const tricky: [string, string][] = [
  ['emphasis-looking text', 'Use *args and **kwargs, not _this_ or __that__. 2 * 3 * 4 = 24'],
  ['heading, list and quote markers at paragraph starts', '# not a heading<p>1. not a list<p>- nor this<p>+ nor this<p>&gt; not a quote<p>10) no'],
  ['tags written as text', 'Write &lt;b&gt;bold&lt;&#x2F;b&gt; and &lt;script&gt;alert(1)&lt;&#x2F;script&gt; and &lt;!-- comment --&gt;'],
  ['backslashes', 'C:\\Users\\me\\*.txt and a\\\\b and \\_ and trailing \\'],
  ['entities as text', 'AT&amp;T, &amp;amp; and &amp;copy; and &amp;#x27; stay as typed &quot;quoted&quot; &#x27;single&#x27;'],
  ['link-looking text', '[not a link](http:&#x2F;&#x2F;example.com) and ![no image](x.png) and [ref]: http:&#x2F;&#x2F;x'],
  ['GFM-looking text', '~~not struck~~ and | a | b | and [^1] and - [ ] task and www.example.com and :smile:'],
  ['code-looking text', '`not code` and ``double`` and ```fence```'],
  ['underscores in words', 'snake_case_name and __init__ and _leading and trailing_'],
  ['setext-looking lines', 'a line<p>===<p>---<p>***<p>___'],
  ['a real link, emphasis and bold', 'See <a href="https:&#x2F;&#x2F;example.com&#x2F;a_b?x=1&amp;y=2" rel="nofollow">https:&#x2F;&#x2F;example.com&#x2F;a_b?x=1&amp;y=2</a> and <i>really *this*</i> and <b>bold_text</b>'],
  ['link text differs from its URL', '<a href="https:&#x2F;&#x2F;example.com&#x2F;">the [site]</a> said so'],
  ['code block', 'Before:<p><pre><code>  fn main() {\n      let x = a * b; &#x2F;&#x2F; *not* emphasis\n      println!(&quot;&lt;b&gt;{}&lt;&#x2F;b&gt;&quot;, x);\n  }\n  ```\n</code></pre>\nAfter.'],
  ['non-breaking and odd spaces', 'a&nbsp;&nbsp;b and tab\tand\nnewline and  double  spaces'],
  ['numbers then dots or parens', '2024. was a year<p>3) three'],
  ['a script link', '<a href="javascript:alert(1)">click me</a> stays text'],
  ['unclosed and crossed tags', '<i>open <b>crossed</i> tags</b> end<p>last'],
  ['angle brackets and ampersands bare', 'a < b > c & d && e'],
];

for (const [name, html] of tricky) {
  test(`htmlToMarkdown keeps the visible text: ${name}`, () => {
    assertFaithful(html);
  });
}

test('htmlToMarkdown keeps a code block exactly', () => {
  const markdown = htmlToMarkdown('<pre><code>  a  *b*\n\n    &lt;c&gt; \\d\n```\n</code></pre>');
  const html = rendered(markdown);
  const code = toText(fromHtml(html, { fragment: true }));
  assert.equal(code.replace(/\n$/, ''), '  a  *b*\n\n    <c> \\d\n```');
});

test('htmlToMarkdown: a script link loses the link but keeps its text', () => {
  const markdown = htmlToMarkdown('<a href="javascript:alert(1)">click me</a>');
  assert.doesNotMatch(markdown, /javascript/);
  assert.match(markdown, /click me/);
});

test('htmlToMarkdown: emphasis, links and paragraphs come out as Markdown', () => {
  assert.equal(
    htmlToMarkdown('One <i>two</i> <b>three</b>.<p>See <a href="https:&#x2F;&#x2F;example.com&#x2F;x" rel="nofollow">the page</a>.'),
    'One _two_ **three**.\n\nSee [the page](https://example.com/x).',
  );
});

// Generated comments in the HN subset (and just outside it): the fast path, when it takes a
// comment, must give what the full path gives, and the result must render faithfully.
const pieces = ['<a href="javascript:void0">', 'a', 'word', ' ', '  ', '\n', '*', '_', '#', '1.', '-', '+', '>', '`', '~', '|', '[', ']', '(', ')', '!', '\\', ':', 'www.x.com', 'http:&#x2F;&#x2F;x.org',
  '&lt;', '&gt;', '&amp;', '&quot;', '&#x27;', '&#x2F;', '&nbsp;', '&', '<p>', '<i>', '</i>', '<b>', '</b>', '<a href="http:&#x2F;&#x2F;e.com&#x2F;a_b" rel="nofollow">', '</a>', '=', '&lt;b&gt;', '<br>', '<code>', '</code>', '<pre><code>', '</code></pre>', '<pre><code>  x = a &lt; b\n\n  y()\n</code></pre>', '<pre><code>a ``` b ````\n</code></pre>'];
const generatedHtml = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));

test('fast path and full path agree on generated HN comments', () => {
  let taken = 0;
  fc.assert(
    fc.property(generatedHtml, (html) => {
      const fast = simpleHtmlToMdast(html);
      if (fast === undefined) return;
      defuseUrls(fast);
      taken++;
      assert.equal(mdastToMarkdown(fast), mdastToMarkdown(htmlToMdast(html)), `input: ${JSON.stringify(html)}`);
    }),
    { numRuns: 1500, seed: 42 },
  );
  assert.ok(taken > 200, `the fast path took only ${taken} of the generated comments`);
});

/** Both fast paths on one comment, or `undefined` where either declines. */
function fastMarkdown(html: string): { fast: string; full: string } | undefined {
  const tree = simpleHtmlToMdast(html);
  if (!tree) return undefined;
  defuseUrls(tree);
  const fast = simpleMdastToMarkdown(structuredClone(tree));
  return fast === undefined ? undefined : { fast, full: mdastToMarkdown(tree) };
}

// Prose-like comments (words, punctuation, italics, bold, links), where the fast writer
// should take most, and its bytes must be mdast-util-to-markdown's.
const proseWords = ['snake_case', 'a__b', '_x', 'y_', 'x_1', '_', '](', '![', 'AT&amp;T', '&amp;#1', '**', '~~', 'word', 'Other', 'x', 'née', '“quoted”', '😀', 'www', 'w.x', 'http:', 'https:&#x2F;&#x2F;e.org', 'a@b', '@', '.', ',', '!', '?', ':', ';', '(', ')', '&quot;', '&#x27;', '#', '|', '-', '+', '=', '>', '1.', '2)', '42', '%', '$', '&#x2F;', '^', '{', '}', '~', '*', '_', '\\', '&amp;', '&lt;', '&gt;'];
const proseHtml = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...proseWords) },
      { weight: 1, arbitrary: fc.constantFrom(...proseWords).map((w) => `<i>${w}</i>`) },
      { weight: 1, arbitrary: fc.constantFrom(...proseWords).map((w) => `<b>${w}</b>`) },
      { weight: 1, arbitrary: fc.constantFrom('https:&#x2F;&#x2F;en.wikipedia.org&#x2F;wiki&#x2F;A_(b)~c*d', 'https:&#x2F;&#x2F;e.org&#x2F;a\\b', 'https:&#x2F;&#x2F;e.org&#x2F;a', 'https:&#x2F;&#x2F;e.org&#x2F;?a=1&amp;b=2', 'mailto:a@b.c', 'ftp:&#x2F;&#x2F;x').chain((url) => fc.constantFrom('url', 'label', 'two words', 'w.x', 'https:&#x2F;&#x2F;e.org&#x2F;a...', 'a [b]', 'x_y*z').map((label) => `<a href="${url}" rel="nofollow">${label === 'url' ? url : label}</a>`)) },
      { weight: 1, arbitrary: fc.constantFrom('<p>', '<p>&gt; ', '<p>&gt;&gt; ', '<pre><code>  code()\n</code></pre>') },
    ),
    { minLength: 1, maxLength: 30 },
  )
  .chain((parts) => fc.array(fc.constantFrom(' ', '', '  '), { minLength: parts.length, maxLength: parts.length }).map((gaps) => parts.map((p, i) => p + gaps[i]).join('')));

test('the fast Markdown writer writes what mdast-util-to-markdown writes', () => {
  let taken = 0;
  fc.assert(
    fc.property(fc.oneof(proseHtml, generatedHtml), (html) => {
      const both = fastMarkdown(html);
      if (!both) return;
      taken++;
      assert.equal(both.fast, both.full, `input: ${JSON.stringify(html)}`);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 3000), seed: Number(process.env.FUZZ_SEED ?? 11) },
  );
  assert.ok(taken > 100, `the fast writer took only ${taken} of the generated comments`);
});

test('generated HN comments render with their visible text', () => {
  fc.assert(
    fc.property(generatedHtml, (html) => {
      assertFaithful(html);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? 7) },
  );
});

const samples = new URL('../../shared/samples/', import.meta.url);
const algolia = new URL('hn-algolia.json', samples);
test(
  'fast path and full path agree on every comment of the HN Algolia sample',
  { skip: existsSync(algolia) ? false : `no shared samples at ${samples.pathname}` },
  () => {
    const root = JSON.parse(readFileSync(algolia, 'utf8')) as { text?: string | null; children?: unknown[] };
    const stack = [root];
    let fast = 0;
    let written = 0;
    let all = 0;
    while (stack.length > 0) {
      const item = stack.pop()!;
      for (const child of item.children ?? []) stack.push(child as typeof root);
      if (!item.text) continue;
      all++;
      const tree = simpleHtmlToMdast(item.text);
      if (tree) {
        defuseUrls(tree);
        fast++;
        assert.equal(mdastToMarkdown(tree), mdastToMarkdown(htmlToMdast(item.text)));
      }
      const both = fastMarkdown(item.text);
      if (both) {
        written++;
        assert.equal(both.fast, both.full);
      }
      assertFaithful(item.text);
    }
    assert.ok(fast > all / 2, `the fast path took only ${fast} of ${all} comments`);
    assert.ok(written > all / 4, `the fast writer took only ${written} of ${all} comments`);
  },
);

// Reddit bodies: Markdown whose HTML the site shows as typed.
test('markdownWithoutHtml shows HTML written by a user as typed', () => {
  const body = 'Try <b>this</b> and\n\n<script>alert(1)</script>\n\n<div>\n\nblock\n\n</div>\n\n**real bold**';
  const markdown = markdownWithoutHtml(body);
  const text = visible(rendered(markdown));
  assert.equal(text, 'Try <b>this</b> and <script>alert(1)</script> <div> block </div> real bold');
  assert.doesNotMatch(rendered(markdown), /<script>|<b>this/);
});

test('markdownWithoutHtml keeps Markdown structure and drops script links', () => {
  const markdown = markdownWithoutHtml('* one\n* two\n\n> quoted *text*\n\n[x](javascript:alert(1)) ~~gone~~');
  assert.match(markdown, /^- one\n- two\n\n> quoted _text_\n\nx ~~gone~~$/);
});

// Reddit bodies: what the site shows is the Markdown read with raw HTML switched off (so `<b>`
// is text). That reading, rendered, must show the same text as markdownWithoutHtml's output.
const noHtml = { disable: { null: ['htmlFlow', 'htmlText'] } };
const asRedditShows = unified().use(remarkParse).use(remarkGfm).use(remarkHtml).data('micromarkExtensions', [noHtml]);
const redditPieces = ['word', ' ', '\n', '\n\n', '*', '**', '_', '`', '~~', '> ', '- ', '1. ', '# ', '[x](https://e.org)', '<b>', '</b>', '<script>', '</script>', '<div>', '<!--', '-->', '&amp;', '&lt;', '\\', '|', '---', '    code', '<https://e.org>', '<i>x</i>', 'a<br>b'];
test('markdownWithoutHtml shows what Reddit shows (raw HTML as text)', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...redditPieces), { minLength: 1, maxLength: 20 }), (parts) => {
      const body = parts.join('');
      const expected = visible(String(asRedditShows.processSync(body)));
      const actual = visible(rendered(markdownWithoutHtml(body)));
      assert.equal(actual, expected, `body: ${JSON.stringify(body)}`);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? 3) },
  );
});
