import { fromHtml } from 'hast-util-from-html';
import { hastToMarkdown } from '../util/html-to-markdown.ts';
import { rewriteCooked, type ResolvePost } from './rewrite-cooked.ts';

/** A Discourse post's cooked HTML → Markdown: Discourse's own markup rewritten, then the shared HTML conversion. */
export function cookedToMarkdown(html: string, resolve: ResolvePost): string {
  const tree = fromHtml(html, { fragment: true });
  rewriteCooked(tree, resolve);
  return hastToMarkdown(tree.children);
}
