import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { toText } from 'hast-util-to-text';
import { toString } from 'mdast-util-to-string';
import type { Root as MdastRoot, Link, LinkReference, Paragraph, PhrasingContent, Text } from 'mdast';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Quote } from '../thread/types.ts';
import { normalizeForMatch } from '../quotes/normalize-for-match.ts';
import { escapeHtml } from './escape-html.ts';

/** What the renderer needs to know about the comment whose text it renders. */
export interface MarkdownContext {
  /** Prefix for ids the text creates (footnotes), so two comments on one page never share one. */
  idPrefix: string;
  /** The comment's quotes (from the parser): each linked blockquote gets a "quoted from" line. */
  quotes?: readonly Quote[];
  /** Who wrote the comment with this id (for "quoted from NAME"); undefined when unknown. */
  authorOf?: (id: string) => string | undefined;
}

declare module 'vfile' {
  interface DataMap {
    markdownContext: MarkdownContext;
  }
}

/** `rel` of every link in user text: no ranking credit, marked as user content, no opener. */
export const userLinkRel = ['nofollow', 'ugc', 'noopener'];

/** Addresses a comment may link to (the sanitiser's list): anything else shows as text. */
const linkableUrl = /^(?:https?|mailto|xmpp|ircs?):/i;
const linkable = (url: string) => linkableUrl.test(url.trim());

/** Parents whose children are blocks: an `html` node there is an HTML block. */
const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * mdast step: nothing in the text becomes markup that was not Markdown. Raw HTML shows as
 * the characters typed (never dropped, never live); images become plain links, so a page
 * loads nothing from third parties.
 */
function remarkTextOnly() {
  return (tree: MdastRoot) => {
    const definitions = new Map<string, string>();
    visit(tree, 'definition', (node) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    });
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.type === 'html') {
        // An HTML block stands where a paragraph would: show it as one, line by line.
        const lines = node.value.split('\n');
        const phrasing: PhrasingContent[] = [];
        lines.forEach((line, i) => {
          if (i > 0) phrasing.push({ type: 'break' });
          phrasing.push({ type: 'text', value: line });
        });
        const inline = !flowParents.has(parent.type);
        const replacement: Paragraph | Text = inline ? { type: 'text', value: node.value } : { type: 'paragraph', children: phrasing };
        parent.children[index] = replacement as never;
      } else if ((node.type === 'link' && !linkable(node.url)) || (node.type === 'linkReference' && !linkable(definitions.get(node.identifier) ?? 'https:'))) {
        // Not a web or mail address (`javascript:`, `data:`, a path of the original site):
        // keep the words and show the address as typed, with no link.
        const url = node.type === 'link' ? node.url : definitions.get(node.identifier)!;
        const shown = toString(node);
        const replacement: PhrasingContent[] = [...node.children];
        if (shown !== url && url !== '') replacement.push({ type: 'text', value: ` (${url})` });
        parent.children.splice(index, 1, ...(replacement as never[]));
        return index;
      } else if (node.type === 'image') {
        const link: Link = { type: 'link', url: node.url, title: node.title, children: [{ type: 'text', value: node.alt || node.url }] };
        parent.children[index] = link as never;
        return index;
      } else if (node.type === 'imageReference') {
        const link: LinkReference = {
          type: 'linkReference',
          identifier: node.identifier,
          label: node.label,
          referenceType: node.referenceType,
          children: [{ type: 'text', value: node.alt || node.label || node.identifier }],
        };
        parent.children[index] = link as never;
        return index;
      }
    });
  };
}

/** GitHub's sanitising schema, as is: ids made by the text are prefixed `user-content-`. */
const schema = { ...defaultSchema, clobberPrefix: 'user-content-' };

/**
 * hast step, after sanitising (so what it adds is ours, not the author's): `rel` on links,
 * ids made unique per comment, headings demoted below the page's own, and a "quoted from"
 * line after each blockquote whose source the parser found.
 */
function rehypeCommentDetails() {
  return (tree: HastRoot, file: VFile) => {
    const context = file.data.markdownContext;
    const prefix = context?.idPrefix ?? '';
    visit(tree, 'element', (node) => {
      const props = node.properties;
      if (typeof props.id === 'string' && props.id.startsWith('user-content-')) {
        props.id = `${prefix}${props.id.slice('user-content-'.length)}`;
      }
      if (Array.isArray(props.ariaDescribedBy)) {
        props.ariaDescribedBy = props.ariaDescribedBy.map((v) => String(v).replace(/^user-content-/, prefix));
      }
      if (node.tagName === 'a') {
        const href = typeof props.href === 'string' ? props.href : undefined;
        if (href && (props.dataFootnoteRef !== undefined || props.dataFootnoteBackref !== undefined) && href.startsWith('#')) {
          props.href = `#${prefix}${href.slice(1)}`;
        } else if (href) {
          props.rel = userLinkRel;
        }
      }
      const level = /^h([1-6])$/.exec(node.tagName);
      if (level) node.tagName = `h${Math.min(6, Number(level[1]) + 3)}`;
    });
    if (context?.quotes?.length) addQuoteSources(tree, context);
  };
}

/**
 * Marks the passages a comment quotes: a blockquote, or (from plain-text dumps, where quote
 * lines are kept as typed) a paragraph whose lines start with `>`, which is then styled as a
 * quote with its `>` still shown.
 */
function addQuoteSources(tree: HastRoot, context: MarkdownContext) {
  const pending = context.quotes!.map((q) => ({ quote: q, norm: normalizeForMatch(q.text) }));
  for (let i = 0; i < tree.children.length; i++) {
    const node = tree.children[i]!;
    if (node.type !== 'element') continue;
    let typedQuote = false;
    if (node.tagName === 'p') {
      const lines = toText(node).split('\n');
      if (!lines[0]!.startsWith('>')) continue;
      typedQuote = lines.every((line) => line.startsWith('>'));
    } else if (node.tagName !== 'blockquote') continue;
    const norm = normalizeForMatch(toText(node));
    if (!norm) continue;
    const at = pending.findIndex((p) => p.norm === norm || p.norm.includes(norm) || norm.includes(p.norm));
    if (at < 0) continue;
    const { quote } = pending[at]!;
    pending.splice(at, 1);
    if (typedQuote) node.properties.className = ['tq'];
    if (!quote.source) continue;
    const author = context.authorOf?.(quote.source);
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: { href: `#${quote.source}`, className: ['qs'] },
      children: [{ type: 'text', value: author ?? 'an earlier comment' }],
    };
    const line: ElementContent = {
      type: 'element',
      tagName: 'p',
      properties: { className: ['qf'] },
      children: [{ type: 'text', value: 'quoted from ' }, link],
    };
    tree.children.splice(i + 1, 0, { type: 'text', value: '\n' }, line);
    i += 2;
  }
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkTextOnly)
  .use(remarkRehype, { clobberPrefix: '' })
  .use(rehypeSanitize, schema)
  .use(rehypeCommentDetails)
  .use(rehypeStringify)
  .freeze();

/**
 * A comment's (or story's) Markdown as safe HTML: GFM, sanitised with GitHub's schema, raw
 * HTML shown as text, links with `rel="nofollow ugc noopener"`. One frozen processor serves
 * every call.
 */
export function renderMarkdown(markdown: string, context: MarkdownContext): string {
  const plain = plainProseHtml(markdown);
  if (plain !== undefined) return plain;
  // Quotes or lists nested dozens deep would make an element tree deeper than browsers (and
  // the tree walkers of unified and Eleventy) handle: show such a text as typed instead.
  if (tooDeep.test(markdown)) return textAsTyped(markdown);
  try {
    return processMarkdown(markdown, context);
  } catch (error) {
    if (error instanceof RangeError) return textAsTyped(markdown);
    throw error;
  }
}

/** A line opening 33 blockquotes or lists, or indented like a list 33 levels deep. */
const tooDeep = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])){33}|^[ \t]{100}/m;

/** Text shown exactly as typed: escaped, blank lines between paragraphs, line breaks kept. */
export function textAsTyped(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p class="typed">${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

/** `renderMarkdown` without the fast path: always the unified processor. */
export function processMarkdown(markdown: string, context: MarkdownContext): string {
  const file = new VFile({ value: markdown, data: { markdownContext: context } });
  return String(processor.processSync(file));
}

/** Characters that never mean anything to CommonMark or GFM inside a line of prose. */
const proseLine = /^[\p{L}\p{M}](?:[\p{L}\p{M}\p{N} ,.;:?!'"()\/%-]*[\p{L}\p{M}\p{N},.;:?!'"()\/%-])?$/u;

/**
 * The fast path for the commonest comment, plain prose: each line starts with a letter and
 * holds only letters, digits, spaces and ordinary punctuation (no `<&*_[]\`#~|>@` and no
 * `www.`/`://` that GFM would link), so the processor would only wrap paragraphs in `<p>`.
 * Returns exactly what the processor returns (a test checks), or undefined to use it.
 */
export function plainProseHtml(markdown: string): string | undefined {
  if (markdown.includes('://') || /www\./i.test(markdown)) return undefined;
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line === '') {
      if (current.length) paragraphs.push(`<p>${current.join('\n')}</p>`);
      current = [];
    } else if (proseLine.test(line)) {
      current.push(line);
    } else {
      return undefined;
    }
  }
  if (current.length) paragraphs.push(`<p>${current.join('\n')}</p>`);
  return paragraphs.join('\n');
}
