import type { Importer } from './importer.ts';
import { loadOnce } from '../util/load-once.ts';
import { isAlgoliaItem } from './algolia-item.ts';

const parser = loadOnce(() => import('./hn-algolia-parse.ts'));

/**
 * HN Algolia item JSON: an item with nested `children`. A story's title, link, author, time,
 * text and points go on the thread; every comment below it becomes `hn-<id>` (the id HN
 * gives it, so every HN format names a comment alike) with its parent from the nesting.
 * Deleted comments (no author or text) are kept, flagged, only when replies hang below them.
 * When the root is itself a comment, it is the thread's first comment.
 */
export const hnAlgolia: Importer = {
  format: 'hn-algolia',
  detect({ json }) {
    return isAlgoliaItem(json) && ('created_at_i' in json || 'created_at' in json);
  },
  // The parser needs the HTML-to-Markdown converter (hast-util-from-html, parse5, ...): loaded on first use.
  parse: async (input) => (await parser()).parseHnAlgolia(input),
};
