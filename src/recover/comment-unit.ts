import type { CuedLine } from './dump-line.ts';
import type { FirstWordClass } from './line-cues.ts';
import { combineFingerprints, type StyleFingerprint } from './style-fingerprint.ts';
import { centroid, cosineDense, termVectors, type TermVector } from './term-vectors.ts';
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
  /** The header has a `prev` link: the comment has an earlier sibling. */
  hasPrev?: boolean;
  /** The header has a `next` link: a later comment sits at its depth or above (HN's meaning). */
  hasNext?: boolean;
}

/** One comment as the attachment step sees it. */
export interface CommentUnit {
  /** The comment's own words (quote lines left out), folded for quote matching. */
  ownFolded: string;
  /** Its quote lines, folded, with their `>` depth. */
  quotes: { folded: string; depth: number }[];
  vector: TermVector;
  /** Word overlap with the whole thread (the centroid of all comments): how "on topic" it is. */
  topicCosine: number;
  style: StyleFingerprint;
  /** Its first own line opens like an answer ("Yes", "I disagree", "Why", …). */
  opener: boolean;
  /** The kind of word its first own line opens with. */
  firstWord: FirstWordClass;
  addressesYou: boolean;
  letters: number;
  header?: HeaderInfo;
}

const pairsCache = new WeakMap<CommentUnit, Set<string>>();

/** The adjacent word pairs of a comment's own words (worked out on first use: only quotes need them). */
export function ownPairs(unit: CommentUnit): Set<string> {
  let pairs = pairsCache.get(unit);
  if (!pairs) {
    pairs = wordPairs(unit.ownFolded);
    pairsCache.set(unit, pairs);
  }
  return pairs;
}

export function commentUnits(segments: readonly (readonly CuedLine[])[], headers?: readonly (HeaderInfo | undefined)[]): CommentUnit[] {
  const owns: CuedLine[][] = [];
  const bags: string[][] = [];
  for (const items of segments) {
    const own: CuedLine[] = [];
    const bag: string[] = [];
    for (const l of items) {
      if (l.cues.quoteDepth !== 0) continue;
      own.push(l);
      for (const w of l.words) bag.push(w);
    }
    owns.push(own);
    bags.push(bag);
  }
  const vectors = termVectors(bags);
  const topic = centroid(vectors);
  return segments.map((items, k) => {
    const own = owns[k]!;
    let letters = 0;
    let addressesYou = false;
    const quotes: CommentUnit['quotes'] = [];
    for (const l of items) {
      letters += l.cues.letters;
      if (l.cues.quoteDepth > 0) {
        if (l.folded !== '') quotes.push({ folded: l.folded, depth: l.cues.quoteDepth });
      } else if (l.cues.addressesYou) addressesYou = true;
    }
    const unit: CommentUnit = {
      ownFolded: own.length === 1 ? own[0]!.folded : own.map((l) => l.folded).join(' '),
      quotes,
      vector: vectors[k]!,
      topicCosine: cosineDense(vectors[k]!, topic),
      style: own.length === 1 ? own[0]!.style : combineFingerprints(own.map((l) => l.style)),
      opener: own[0]?.cues.opener ?? false,
      firstWord: own[0]?.cues.firstWord ?? 'other',
      addressesYou,
      letters,
    };
    const header = headers?.[k];
    if (header) unit.header = header;
    return unit;
  });
}
