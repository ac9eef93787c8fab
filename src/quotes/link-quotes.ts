import type { Comment, Quote } from '../thread/types.ts';
import { extractQuotes, ownText } from './extract-quotes.ts';
import { normalizeForMatch } from './normalize-for-match.ts';

/** How many earlier comments (newest first) are searched when no ancestor holds a quote. */
const searchBack = 3000;

/**
 * Fills each comment's `quotes` with the passages it quotes and the comment each was taken
 * from: an ancestor's own words first (nearest first), else any earlier comment's, else
 * `null`. Very short quotes (under 3 words) are only matched against ancestors.
 */
export function linkQuotes(comments: Comment[]): Comment[] {
  const own = new Map<string, string>();
  const byId = new Map<string, Comment>();
  const ownOf = (c: Comment) => {
    let text = own.get(c.id);
    if (text === undefined) {
      text = ` ${normalizeForMatch(ownText(c.text))} `;
      own.set(c.id, text);
    }
    return text;
  };
  return comments.map((comment, index) => {
    byId.set(comment.id, comment);
    const passages = comment.text.includes('>') ? extractQuotes(comment.text) : [];
    if (passages.length === 0) {
      if (comment.quotes === undefined) return comment;
      const { quotes: _dropped, ...rest } = comment;
      return rest;
    }
    const quotes: Quote[] = passages.map((text) => {
      const needle = ` ${normalizeForMatch(text)} `;
      if (needle.trim() === '') return { text, source: null };
      for (let p = comment.parent; p !== null; ) {
        const parent = byId.get(p);
        if (!parent) break;
        if (ownOf(parent).includes(needle)) return { text, source: parent.id };
        p = parent.parent;
      }
      if (needle.trim().split(' ').length >= 3) {
        for (let i = index - 1; i >= 0 && i >= index - searchBack; i--) {
          const earlier = comments[i]!;
          if (ownOf(earlier).includes(needle)) return { text, source: earlier.id };
        }
      }
      return { text, source: null };
    });
    return { ...comment, quotes };
  });
}
