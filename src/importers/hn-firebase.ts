import type { Importer } from './importer.ts';
import { loadOnce } from '../util/load-once.ts';
import { isRecord } from '../util/is-record.ts';

const parser = loadOnce(() => import('./hn-firebase-parse.ts'));

const itemTypes = new Set(['story', 'comment', 'job', 'poll', 'pollopt']);

/**
 * HN Firebase items: a JSON array (or JSON Lines, or one item) of flat items linked by `parent`
 * and `kids`. Each story is a thread (its title, link, author, time, text and score on the
 * thread); every comment becomes `hn-<id>` (as in the Algolia importer) under its parent,
 * depth-first with siblings in the order of their parent's `kids` (then by time). A poll's
 * options (`pollopt` items) are listed in its text. Comments whose story is not in the dump go
 * to the first story's thread as orphans; with no story at all, the item most of them answer
 * stands for it. Parent cycles are broken; deleted and dead comments are kept, flagged, only
 * when replies hang below them.
 */
export const hnFirebase: Importer = {
  format: 'hn-firebase',
  detect({ json }) {
    const items = Array.isArray(json) ? json.filter((v) => v !== null) : [json];
    return items.length > 0 && items.slice(0, 20).every(looksLikeItem);
  },
  // The parser needs the HTML-to-Markdown converter (hast-util-from-html, parse5, ...): loaded on first use.
  parse: async (input) => (await parser()).parseHnFirebase(input),
};

function looksLikeItem(value: unknown): boolean {
  if (!isRecord(value) || typeof value.id !== 'number') return false;
  if ('children' in value || 'created_at' in value || 'created_at_i' in value) return false;
  const typed = typeof value.type === 'string' ? itemTypes.has(value.type) : value.deleted === true;
  return typed && ('by' in value || 'time' in value || 'kids' in value || 'parent' in value || 'deleted' in value);
}
