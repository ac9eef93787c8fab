import { fromHtml } from 'hast-util-from-html';
import { hastToMarkdown, htmlToMarkdown } from '../util/html-to-markdown.ts';
import { rewriteCooked, type ResolvePost } from './rewrite-cooked.ts';

/** A Discourse post's cooked HTML → Markdown: Discourse's own markup rewritten, then the shared HTML conversion. */
export function cookedToMarkdown(html: string, resolve: ResolvePost): string {
  // Nothing Discourse-specific in it (no quote, onebox, emoji, mention, lightbox or code
  // language): the shared conversion, with its fast path for simple HTML, gives the same.
  if (!/<(aside|img|div)\b|class="[^"]*\b(mention|hashtag|lang-)/i.test(html)) return htmlToMarkdown(html);
  const tree = fromHtml(html, { fragment: true });
  rewriteCooked(tree, resolve);
  return hastToMarkdown(tree.children);
}
