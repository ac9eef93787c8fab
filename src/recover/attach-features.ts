import { ownPairs, type CommentUnit } from './comment-unit.ts';
import { matchQuote, quotePattern } from './quote-match.ts';
import { styleAgreement } from './style-fingerprint.ts';

/** A place comment k could hang: earlier comment `j` (-1: the story), `up` levels above k-1. */
export interface Candidate {
  j: number;
  /** j's own parent in this reading of the thread (-1: the story; -2: j is the story). */
  jParent: number;
  /** How many levels above the previous comment (0: the previous comment itself). */
  up: number;
  /** j's depth (0: top-level comment; -1: the story). */
  depth: number;
}

/** The cues weighed when choosing a comment's parent among the candidates the order allows. */
export const attachFeatureNames = [
  'story',
  'up0',
  'up1',
  'up2',
  'upLog',
  'quoteExact',
  'quoteFuzzy',
  'quoteOfParentOfJ',
  'unmatchedQuoteStory',
  'unmatchedQuoteUp0',
  'cosine',
  'bestCosine',
  'cosineGap',
  'openerUp0',
  'youStory',
  'storyMaxCosine',
  'storyTopic',
  'storyOpener',
  'storyLong',
  'shortUp0',
  'styleWithJ',
  'styleWithJParent',
  'sameAuthor',
  'authorIsJParent',
  'authorEarlierInChain',
  'olderThanJ',
  'storyPointer',
  'storyVerdict',
  'storyQuestion',
  'storyConjunction',
  'storySelf',
  'storyShort',
] as const;

/** Per comment k: the best quote match in each candidate, worked out once for all beams. */
export interface QuoteHits {
  /** Best match score of k's quotes against comment j's own words. */
  best: Map<number, number>;
  /** Best match of k's depth ≥ 2 quotes. */
  nested: Map<number, number>;
  /** Does any candidate hold any of k's quotes (≥ 0.6)? */
  any: boolean;
}

export function quoteHits(units: readonly CommentUnit[], k: number, js: Iterable<number>): QuoteHits {
  const unit = units[k]!;
  const best = new Map<number, number>();
  const nested = new Map<number, number>();
  let any = false;
  if (unit.quotes.length === 0) return { best, nested, any };
  const patterns = unit.quotes.map((q) => quotePattern(q.folded));
  for (const j of js) {
    if (j < 0 || best.has(j)) continue;
    const other = units[j]!;
    let b = 0;
    let n = 0;
    const pairs = () => ownPairs(other);
    unit.quotes.forEach((q, i) => {
      const m = matchQuote(patterns[i]!, other.ownFolded, pairs);
      if (q.depth >= 2) n = Math.max(n, m);
      else b = Math.max(b, m);
    });
    best.set(j, b);
    nested.set(j, n);
    if (b >= 0.6) any = true;
  }
  return { best, nested, any };
}

/**
 * Writes into `f` the feature values (in `attachFeatureNames` order) for "comment k answers
 * candidate c", given the word overlap of k with c (`cos`) and with the best candidate
 * (`maxCosine`), where k's quotes were found (`hits`), and whether k's author (header dumps)
 * wrote one of c's ancestors (`authorAbove`). Allocation-free: the decoder calls it millions
 * of times on large dumps.
 */
export function attachFeatures(
  f: Float64Array,
  units: readonly CommentUnit[],
  k: number,
  c: Candidate,
  hits: QuoteHits,
  maxCosine: number,
  cos: number,
  authorAbove: boolean,
): Float64Array {
  const unit = units[k]!;
  const story = c.j < 0;
  const other = story ? undefined : units[c.j]!;
  const reply = story ? 0 : 1;
  const up0 = !story && c.up === 0 ? 1 : 0;
  const quoted = unit.quotes.length > 0 && !hits.any ? 1 : 0;
  const q = story ? 0 : hits.best.get(c.j) ?? 0;
  const nested = c.jParent >= 0 ? hits.nested.get(c.jParent) ?? 0 : 0;
  const author = unit.header?.author;
  const parentOfJ = c.jParent >= 0 ? units[c.jParent]! : undefined;
  const age = unit.header?.ageHours;
  const otherAge = other?.header?.ageHours;
  let i = 0;
  f[i++] = 1 - reply; // story
  f[i++] = up0;
  f[i++] = !story && c.up === 1 ? 1 : 0;
  f[i++] = !story && c.up === 2 ? 1 : 0;
  f[i++] = story ? 0 : Math.log(1 + c.up);
  f[i++] = q >= 0.999 ? 1 : 0;
  f[i++] = q < 0.999 && q >= 0.6 ? q : 0;
  f[i++] = nested >= 0.6 ? 1 : 0;
  f[i++] = quoted * (1 - reply);
  f[i++] = quoted * up0;
  f[i++] = cos;
  f[i++] = other !== undefined && cos > 0.05 && cos >= maxCosine ? 1 : 0;
  f[i++] = other ? maxCosine - cos : 0;
  f[i++] = unit.opener ? up0 : 0;
  f[i++] = unit.addressesYou ? 1 - reply : 0;
  f[i++] = story ? maxCosine : 0;
  f[i++] = story ? unit.topicCosine : 0;
  f[i++] = story && unit.opener ? 1 : 0;
  f[i++] = story && unit.letters > 300 ? 1 : 0;
  f[i++] = unit.letters < 60 ? up0 : 0;
  f[i++] = other ? styleAgreement(unit.style, other.style) : 0;
  f[i++] = parentOfJ ? styleAgreement(unit.style, parentOfJ.style) : 0;
  f[i++] = author !== undefined && other?.header?.author === author ? 1 : 0;
  f[i++] = author !== undefined && parentOfJ?.header?.author === author ? 1 : 0;
  f[i++] = !story && authorAbove ? 1 : 0;
  f[i++] = age !== undefined && otherAge !== undefined && age > otherAge + 1e-9 ? 1 : 0;
  f[i++] = story && unit.firstWord === 'pointer' ? 1 : 0;
  f[i++] = story && unit.firstWord === 'verdict' ? 1 : 0;
  f[i++] = story && unit.firstWord === 'question' ? 1 : 0;
  f[i++] = story && unit.firstWord === 'conjunction' ? 1 : 0;
  f[i++] = story && unit.firstWord === 'self' ? 1 : 0;
  f[i++] = story && unit.letters < 150 ? 1 : 0;
  return f;
}
