import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { repairMdast } from './repair-mdast.ts';
import { simpleHtmlToMdast } from './simple-html-to-mdast.ts';
import { simpleMdastToMarkdown } from './simple-mdast-to-markdown.ts';
import type { Element as HastElement, Root as HastRoot, RootContent as HastRootContent } from 'hast';
import type { Nodes as MdastNodes, Parents as MdastParents, PhrasingContent, Root as MdastRoot } from 'mdast';

/**
 * Comment HTML (Hacker News: `<p>`, `<i>`, `<b>`, `<a href>`, `<pre><code>`, entities) →
 * Markdown that renders to the same visible text. The syntax-tree utilities are called
 * directly (hast-util-from-html → hast-util-to-mdast → mdast-util-to-markdown), not through a
 * unified processor, for speed; and most comments take fast paths that give the same bytes
 * (simple-html-to-mdast.ts, simple-mdast-to-markdown.ts). mdast-util-to-markdown escapes
 * text, so words that look like Markdown or HTML (`*`, `_`, `#`, `<b>`, backslashes) render as typed. Links whose URL could
 * run script (`javascript:` and the like) keep their text and lose the link.
 */
export function htmlToMarkdown(html: string): string {
  const simple = simpleHtmlToMdast(html);
  if (!simple) return mdastToMarkdown(htmlToMdast(html));
  if (html.includes('<a')) defuseUrls(simple);
  return simpleMdastToMarkdown(simple) ?? mdastToMarkdown(simple);
}

/** The full path: any HTML, through hast-util-from-html and hast-util-to-mdast (links defused). */
export function htmlToMdast(html: string): MdastRoot {
  return hastToMdast(fromHtml(html, { fragment: true }));
}

function hastToMdast(tree: HastRoot): MdastRoot {
  codeWithBlocksAsSpan(tree);
  const mdast = toMdast(tree) as MdastRoot;
  defuseUrls(mdast);
  return repairMdast(mdast);
}

const hastBlocks = new Set(['p', 'div', 'br', 'pre', 'blockquote', 'ul', 'ol', 'li', 'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

/**
 * Inline `<code>` holding blocks (`a<code><p>b`: malformed) would become one code span
 * with its line ends dropped, running words together: it is read as a plain `<span>`.
 */
function codeWithBlocksAsSpan(tree: HastRoot): void {
  const stack: { node: HastRoot | HastElement; inPre: boolean }[] = [{ node: tree, inPre: false }];
  while (stack.length > 0) {
    const { node, inPre } = stack.pop()!;
    if (node.type === 'element' && node.tagName === 'code' && !inPre) {
      const inner: (HastRoot | HastElement)[] = [node];
      let blocky = false;
      while (inner.length > 0 && !blocky) {
        for (const child of inner.pop()!.children) {
          if (child.type !== 'element') continue;
          if (hastBlocks.has(child.tagName)) blocky = true;
          inner.push(child);
        }
      }
      if (blocky) node.tagName = 'span';
    }
    const pre = inPre || (node.type === 'element' && node.tagName === 'pre');
    for (const child of node.children) if (child.type === 'element') stack.push({ node: child, inPre: pre });
  }
}

/** HTML already parsed (a part of a page) → Markdown, like `htmlToMarkdown`. */
export function hastToMarkdown(nodes: HastRootContent[]): string {
  const mdast = hastToMdast({ type: 'root', children: nodes });
  return mdastToMarkdown(mdast);
}

const markdownOptions: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fences: true,
  rule: '-',
  extensions: [gfmToMarkdown()],
};

/** Markdown of an mdast tree, with the project's settings (shared by the importers). */
export function mdastToMarkdown(tree: MdastRoot): string {
  return toMarkdown(tree, markdownOptions).replace(/\n+$/, '');
}

const safeUrl = /^(?:https?:|mailto:|ftp:|#|\/|\?|\.|[^:/?#]*(?:[/?#]|$))/i;

/** Replaces links and images whose URL could run script by their text (nothing is dropped). */
export function defuseUrls(tree: MdastRoot): void {
  const stack: MdastParents[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const children = parent.children as MdastNodes[];
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if ((node.type === 'link' || node.type === 'image') && !safeUrl.test(node.url.trim())) {
        const replacement: PhrasingContent[] =
          node.type === 'link' ? node.children : node.alt ? [{ type: 'text', value: node.alt }] : [];
        children.splice(i, 1, ...(replacement as MdastNodes[]));
        i--;
        continue;
      }
      if ('children' in node) stack.push(node);
    }
  }
}
