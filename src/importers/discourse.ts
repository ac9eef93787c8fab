import type { Importer } from './importer.ts';
import { loadOnce } from '../util/load-once.ts';
import { isRecord } from '../util/is-record.ts';

const parser = loadOnce(() => import('./discourse-parse.ts'));

/**
 * A Discourse topic (`/t/ID.json`, pages possibly merged): the opening post (#1) is the story,
 * every other post a comment `d-<post id>`, its parent from `reply_to_post_number`. A reply to a
 * post that is not in the dump is kept, attached to the story and flagged `orphan`. Small
 * actions (post type 3: "closed this topic" and the like) are not comments and are left out.
 * Posts come in time order; the comments go out depth-first, siblings in time order.
 */
export const discourse: Importer = {
  format: 'discourse',
  detect({ json }) {
    return isRecord(json) && isRecord(json.post_stream) && Array.isArray(json.post_stream.posts);
  },
  // The parser needs the HTML parser and the cooked-HTML-to-Markdown converter: loaded on first use.
  parse: async (input) => (await parser()).parseDiscourse(input),
};
