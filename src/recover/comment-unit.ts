import type { CuedLine } from './dump-line.ts';
import { styleFingerprint, type StyleFingerprint } from './style-fingerprint.ts';
import { termVectors, type TermVector } from './term-vectors.ts';
import { wordPairs } from './quote-match.ts';

/** What a copied HN page's header line says about a comment. */
export interface HeaderInfo {
  author?: string;
  /** Age when the page was copied, in hours (from "3 hours ago"). */
  ageHours?: number;
  /** true: the header has a `parent` link (not top-level); false: it has none (top-level). */
  hasParent?: boolean;
  /** The header has a `root` link: the comment is at least two levels deep. */
  hasRoot?: boolean;
}

/** One comment as the attachment step sees it. */
export interface CommentUnit {
  /** The comment's own words (quote lines left out), folded for quote matching. */
  ownFolded: string;
  ownPairs: Set<string>;
  /** Its quote lines, folded, with their `>` depth. */
  quotes: { folded: string; depth: number }[];
  vector: TermVector;
  style: StyleFingerprint;
  /** Its first own line opens like an answer ("Yes", "I disagree", "Why", …). */
  opener: boolean;
  addressesYou: boolean;
  letters: number;
  header?: HeaderInfo;
}

export function commentUnits(segments: readonly (readonly CuedLine[])[], headers?: readonly (HeaderInfo | undefined)[]): CommentUnit[] {
  const ownTexts = segments.map((items) =>
    items
      .filter((l) => l.cues.quoteDepth === 0)
      .map((l) => l.cues.body)
      .join('\n'),
  );
  const vectors = termVectors(ownTexts);
  return segments.map((items, k) => {
    const own = items.filter((l) => l.cues.quoteDepth === 0);
    const ownFolded = own.map((l) => l.folded).join(' ');
    const first = own[0]?.cues;
    const unit: CommentUnit = {
      ownFolded,
      ownPairs: wordPairs(ownFolded),
      quotes: items.filter((l) => l.cues.quoteDepth > 0 && l.folded !== '').map((l) => ({ folded: l.folded, depth: l.cues.quoteDepth })),
      vector: vectors[k]!,
      style: styleFingerprint(ownTexts[k]!),
      opener: first?.opener ?? false,
      addressesYou: own.some((l) => l.cues.addressesYou),
      letters: items.reduce((n, l) => n + l.cues.letters, 0),
    };
    const header = headers?.[k];
    if (header) unit.header = header;
    return unit;
  });
}
