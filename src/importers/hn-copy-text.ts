import type { Importer } from './importer.ts';
import { loadOnce } from '../util/load-once.ts';
import { readHeader } from './hn-copy-header.ts';

// Re-exported for scripts/fit-recover.ts, which reads header lines as the importer does.
export { readHeader };

const parser = loadOnce(() => import('./hn-copy-text-parse.ts'));

/**
 * A Hacker News page copied as text (select all, copy): per comment a header line
 * (`user 3 hours ago | parent | next [–]`), its paragraphs, then `reply`. Headers fix the
 * boundaries, authors and ages exactly; parents come from tree recovery, where a header's
 * `parent` link (not top-level), `root` link (two or more deep), the authors and the ages
 * narrow the choice. Times are given only when front matter says when the page was saved.
 */
export const hnCopyText: Importer = {
  format: 'hn-copy-text',
  detect({ json, text }) {
    if (json !== undefined) return false;
    let headers = 0;
    let replies = 0;
    for (const line of text.split('\n', 20000)) {
      if (readHeader(line, 0)) headers++;
      else if (/^\s*reply\s*$/i.test(line)) replies++;
      if (headers >= 2 || (headers >= 1 && replies >= 1)) return true;
    }
    return false;
  },
  // The parser needs tree recovery (src/recover/) and the plain-text-to-Markdown converter: loaded on first use.
  parse: async (input) => (await parser()).parseHnCopyText(input),
};
