import type { CommentUnit } from './comment-unit.ts';
import { quoteMatch } from './quote-match.ts';
import { styleAgreement } from './style-fingerprint.ts';
import { cosine } from './term-vectors.ts';

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
  'storyOpener',
  'storyLong',
  'shortUp0',
  'styleWithJ',
  'styleWithJParent',
  'sameAuthor',
  'authorIsJParent',
  'authorEarlierInChain',
  'olderThanJ',
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
  for (const j of js) {
    if (j < 0 || best.has(j)) continue;
    const other = units[j]!;
    let b = 0;
    let n = 0;
    for (const q of unit.quotes) {
      const m = quoteMatch(q.folded, other.ownFolded, other.ownPairs);
      if (q.depth >= 2) n = Math.max(n, m);
      else b = Math.max(b, m);
    }
    best.set(j, b);
    nested.set(j, n);
    if (b >= 0.6) any = true;
  }
  return { best, nested, any };
}

/**
 * Feature values (in `attachFeatureNames` order) for "comment k answers candidate c", given
 * the other candidates' word overlap (`maxCosine`) and where k's quotes were found (`hits`).
 * `authorAbove`: k's author (header dumps) wrote one of c's ancestors.
 */
export function attachFeatures(
  units: readonly CommentUnit[],
  k: number,
  c: Candidate,
  hits: QuoteHits,
  maxCosine: number,
  authorAbove: boolean,
): Float64Array {
  const f = new Float64Array(attachFeatureNames.length);
  const unit = units[k]!;
  const story = c.j < 0;
  const other = story ? undefined : units[c.j]!;
  const hasQuotes = unit.quotes.length > 0;
  let i = 0;
  const set = (v: number | boolean) => {
    f[i++] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  };
  set(story);
  set(!story && c.up === 0);
  set(!story && c.up === 1);
  set(!story && c.up === 2);
  set(story ? 0 : Math.log(1 + c.up));
  const q = story ? 0 : hits.best.get(c.j) ?? 0;
  set(q >= 0.999);
  set(q < 0.999 && q >= 0.6 ? q : 0);
  const nested = c.jParent >= 0 ? hits.nested.get(c.jParent) ?? 0 : 0;
  set(nested >= 0.6);
  set(hasQuotes && !hits.any && story);
  set(hasQuotes && !hits.any && !story && c.up === 0);
  const cos = other ? cosine(unit.vector, other.vector) : 0;
  set(cos);
  set(other !== undefined && cos > 0.05 && cos >= maxCosine);
  set(other ? maxCosine - cos : 0);
  set(unit.opener && !story && c.up === 0);
  set(unit.addressesYou && story);
  set(story ? maxCosine : 0);
  set(story && unit.opener);
  set(story && unit.letters > 300);
  set(unit.letters < 60 && !story && c.up === 0);
  set(other ? styleAgreement(unit.style, other.style) : 0);
  set(c.jParent >= 0 ? styleAgreement(unit.style, units[c.jParent]!.style) : 0);
  const author = unit.header?.author;
  set(author !== undefined && other?.header?.author === author);
  set(author !== undefined && c.jParent >= 0 && units[c.jParent]!.header?.author === author);
  set(!story && authorAbove);
  const age = unit.header?.ageHours;
  const otherAge = other?.header?.ageHours;
  set(age !== undefined && otherAge !== undefined && age > otherAge + 1e-9);
  return f;
}
