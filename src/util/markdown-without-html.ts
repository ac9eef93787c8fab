import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Root } from 'mdast';
import { defuseUrls, mdastToMarkdown } from './html-to-markdown.ts';

/** CommonMark + GFM with raw HTML switched off: `<b>` and `<!-- -->` are read as text. */
const parseOptions = {
  extensions: [gfm(), { disable: { null: ['htmlFlow', 'htmlText'] } }],
  mdastExtensions: [gfmFromMarkdown()],
};

/**
 * Markdown from a site that does not render raw HTML (Reddit) → the project's Markdown, so
 * that it shows what the site showed: the Markdown is read (CommonMark + GFM) with HTML
 * switched off, so that what looks like a tag (`<b>`, `<script>`) is text, shown as typed,
 * and written back. Links whose URL could run script keep their text and lose the link.
 */
export function markdownWithoutHtml(markdown: string): string {
  const tree = fromMarkdown(markdown, parseOptions) as Root;
  defuseUrls(tree);
  return mdastToMarkdown(tree);
}
