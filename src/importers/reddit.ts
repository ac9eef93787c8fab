import type { Importer } from './importer.ts';
import { loadOnce } from '../util/load-once.ts';
import { isListing, isThing, type Thing } from './reddit-thing.ts';

const parser = loadOnce(() => import('./reddit-parse.ts'));

/**
 * A Reddit thread as `<post>.json` gives it: an array of two listings, the post (`t3`) and
 * its comments (`t1`, nested through `replies`, which is `""` or a listing). Comments keep
 * Reddit's fullname as id (`t1_c9ftsjg`); bodies are Reddit Markdown with `&amp;`, `&lt;`
 * and `&gt;` escaped, decoded and written back with any raw HTML shown as typed. "Load more
 * comments" stubs (`more`) are counted into `source.missing`. Deleted or removed comments
 * are kept, flagged, only when replies hang below them.
 */
export const reddit: Importer = {
  format: 'reddit',
  detect({ json }) {
    if (!Array.isArray(json) || json.length < 1 || json.length > 2 || !json.every(isListing)) return false;
    const first = (json[0] as Thing).data.children as unknown[];
    return isThing(first[0]) && first[0].kind === 't3';
  },
  // The parser needs the Markdown parser and writer (mdast-util-from-markdown, micromark, ...): loaded on first use.
  parse: async (input) => (await parser()).parseReddit(input),
};
