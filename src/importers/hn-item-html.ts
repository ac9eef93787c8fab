import type { Importer } from './importer.ts';
import { loadOnce } from '../util/load-once.ts';

const parser = loadOnce(() => import('./hn-item-html-parse.ts'));

/**
 * A saved Hacker News item page. Each comment is a `tr.athing.comtr` row (older pages:
 * a `tr.athing` with an indent cell): its depth is the
 * `indent` attribute of `td.ind` or, in older markup, the spacer image's width / 40; the
 * author is `a.hnuser`, the time `span.age[title]` (an ISO time without zone, read as UTC,
 * maybe followed by a unix time), the body `.commtext` (older pages: the `.comment` span)
 * without its `reply` link. A comment's parent is the nearest row above it with a smaller
 * depth. The story row (`tr.athing.submission`) gives title, link, score, author, time and
 * `div.toptext`. Ids are `hn-<row id>`, as in every HN format. Deleted and flagged comments
 * without text are kept, flagged, only when replies hang below them.
 */
export const hnItemHtml: Importer = {
  format: 'hn-item-html',
  detect({ json, text }) {
    return json === undefined && /<tr\s[^>]*class=["']?athing\b/i.test(text) && /<html|<table/i.test(text);
  },
  // The parser needs the HTML parser, hast-util-select and the HTML-to-Markdown converter: loaded on first use.
  parse: async (input) => (await parser()).parseHnItemHtml(input),
};
