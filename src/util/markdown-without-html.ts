import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Paragraph, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import { defuseUrls, mdastToMarkdown } from './html-to-markdown.ts';

const parseOptions = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/** Parents whose children are blocks (where an HTML block can stand). */
const blockParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * Markdown from a site that does not render raw HTML (Reddit) → the project's Markdown, so
 * that it shows what the site showed: the Markdown is parsed (CommonMark + GFM) and written
 * back, and anything that parsed as HTML (`<b>`, `<script>`, `<!-- -->`) becomes text, shown
 * as typed. Links whose URL could run script keep their text and lose the link.
 */
export function markdownWithoutHtml(markdown: string): string {
  const tree = fromMarkdown(markdown, parseOptions) as Root;
  const stack: Parents[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const children = parent.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (node.type === 'html') {
        if (blockParents.has(parent.type)) {
          const paragraphs = htmlBlockAsParagraphs(node.value);
          children.splice(i, 1, ...paragraphs);
          i += paragraphs.length - 1;
        } else {
          children[i] = { type: 'text', value: node.value } as PhrasingContent;
        }
      } else if ('children' in node) {
        stack.push(node);
      }
    }
  }
  defuseUrls(tree);
  return mdastToMarkdown(tree);
}

/** An HTML block's source as paragraphs of text: its blank lines separate them. */
function htmlBlockAsParagraphs(value: string): RootContent[] {
  return value
    .split(/\n[ \t]*\n/)
    .map((part) => part.replace(/^\n+|\n+$/g, ''))
    .filter((part) => part.trim() !== '')
    .map((part): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: part }] }));
}
