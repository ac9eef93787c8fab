import type { Importer } from './importer.ts';
import { loadOnce } from '../util/load-once.ts';

const parser = loadOnce(() => import('./plain-text-parse.ts'));

/**
 * The bare plain-text dump: one paragraph a line, depth-first order, no metadata. Comment
 * boundaries and parents are inferred (src/recover/); the user's `split`/`merge` lines are
 * obeyed. Takes any text, so it is tried last.
 */
export const plainText: Importer = {
  format: 'plain-text',
  detect({ json }) {
    return json === undefined;
  },
  // The parser needs tree recovery (src/recover/: line cues, segmentation, the attachment beam): loaded on first use.
  parse: async (input) => (await parser()).parsePlainText(input),
};
