import type { CuedLine } from './dump-line.ts';
import { firstWordClasses } from './line-cues.ts';
import { containsWords, matchQuote, quotePattern, wordPairs } from './quote-match.ts';
import { styleAgreement, type StyleFingerprint } from './style-fingerprint.ts';
import { cosine, type TermVector } from './term-vectors.ts';

/** The cues weighed when deciding whether a line starts a new comment (see `boundaryFeatures`). */
export const boundaryFeatureNames = [
  'bias',
  'quoteStart',
  'quoteRun',
  'afterQuote',
  'quoteOfPrev',
  'quoteOfRecent',
  'quoteUnmatched',
  'quoteInterleaved',
  'nestedQuote',
  'prevColon',
  'listItem',
  'listAfterList',
  'listAfterColon',
  'listEnded',
  'footnote',
  'editTrailer',
  'code',
  'codeAfterCode',
  'url',
  'lowercaseStart',
  'continuation',
  'opener',
  'addressesYou',
  'prevQuestion',
  'prevUnterminated',
  'styleAgree',
  'styleClash',
  'cosinePrev',
  'shortLine',
  'shortPrev',
  'deleted',
  'afterDeleted',
  ...firstWordClasses.filter((c) => c !== 'other').map((c) => `first:${c}` as const),
  'echoPrev',
  'bothLong',
  'lengthGap',
  'sameI',
  'sameWe',
  'youNew',
  'weNew',
  'nextQuotesBefore',
] as const;

/** What the decoder knows about the comment being built when it looks at the next line. */
export interface SegmentState {
  /** Lines in the current comment so far. */
  lines: number;
  letters: number;
  /** It already holds a quote followed by an answer (interleaved quoting). */
  hasQuote: boolean;
}

export interface BoundaryContext {
  items: readonly CuedLine[];
  vectors: readonly TermVector[];
  styles: StyleFingerprint[];
  /** Each line's adjacent word pairs, made when a quote is first looked for in it. */
  pairs: (Set<string> | undefined)[];
}

export function boundaryContext(items: readonly CuedLine[], vectors: readonly TermVector[]): BoundaryContext {
  return { items, vectors, styles: items.map((l) => l.style), pairs: new Array(items.length) };
}

/** Line j's word pairs, kept for the next quote looked for in it. */
function pairsOf(ctx: BoundaryContext, j: number): () => Set<string> {
  return () => (ctx.pairs[j] ??= wordPairs(ctx.items[j]!.folded));
}

/** Feature values (in `boundaryFeatureNames` order) for "a new comment starts at item i". */
export function boundaryFeatures(
  ctx: BoundaryContext,
  i: number,
  state: SegmentState,
  f: Float64Array = new Float64Array(boundaryFeatureNames.length),
): Float64Array {
  const cur = ctx.items[i]!;
  const prev = ctx.items[i - 1]!;
  const c = cur.cues;
  const p = prev.cues;
  let k = 0;
  const set = (v: number | boolean) => {
    f[k++] = v === true ? 1 : v === false ? 0 : v;
  };
  set(1);
  const isQuote = c.quoteDepth > 0;
  const prevQuote = p.quoteDepth > 0;
  set(isQuote && !prevQuote);
  set(isQuote && prevQuote);
  set(!isQuote && prevQuote);
  let ofPrev = false;
  let ofRecent = false;
  let unmatched = false;
  if (isQuote && !prevQuote) {
    const quote = quotePattern(cur.folded);
    ofPrev = matchQuote(quote, prev.folded, pairsOf(ctx, i - 1)) >= 0.7;
    if (!ofPrev) {
      for (let j = i - 2; j >= 0 && j >= i - 40; j--) {
        const other = ctx.items[j]!;
        if (other.cues.quoteDepth === 0 && matchQuote(quote, other.folded, pairsOf(ctx, j)) >= 0.7) {
          ofRecent = true;
          break;
        }
      }
      unmatched = !ofRecent;
    }
  }
  set(ofPrev);
  set(ofRecent);
  set(unmatched);
  set(isQuote && !prevQuote && state.hasQuote);
  set(c.quoteDepth >= 2);
  set(p.endsWithColon && !prevQuote);
  set(c.listItem);
  set(c.listItem && p.listItem);
  set(c.listItem && p.endsWithColon);
  set(!c.listItem && p.listItem);
  set(c.footnote);
  set(c.editTrailer);
  set(c.code);
  set(c.code && p.code);
  set(c.url);
  set(c.lowercaseStart);
  set(c.continuation);
  set(c.opener);
  set(c.addressesYou);
  // A question or a cut-off line inside a quote is the quoted comment's, not the end of a comment.
  set(p.question && !prevQuote);
  set(p.unterminated && !prevQuote);
  const agree = styleAgreement(ctx.styles[i]!, ctx.styles[i - 1]!);
  set(agree > 0 ? agree : 0);
  set(agree < 0 ? -agree : 0);
  set(cosine(ctx.vectors[i]!, ctx.vectors[i - 1]!));
  set(c.letters < 40);
  set(p.letters < 40);
  set(c.deleted);
  set(p.deleted);
  for (const kind of firstWordClasses) if (kind !== 'other') set(c.firstWord === kind);
  set(echoesPrevious(cur.folded, prev.folded));
  set(c.letters > 250 && p.letters > 250);
  set(Math.abs(Math.log((c.letters + 20) / (p.letters + 20))));
  const both = isQuote || prevQuote ? 0 : c.persons & p.persons;
  set((both & 1) !== 0);
  set((both & 2) !== 0);
  set(!isQuote && (c.persons & 4) !== 0 && (p.persons & 4) === 0);
  set(!isQuote && (c.persons & 2) !== 0 && (p.persons & 2) === 0);
  set(!isQuote && !prevQuote && nextQuotesBefore(ctx, i));
  return f;
}

/**
 * The next line opens a quote of the line before this one and not of this one: a reply quoting
 * a comment's earlier paragraph, which makes this line most likely that comment's later one (in
 * the eval threads 44 of 48 such lines continue; the cut had split 31 of them off).
 */
function nextQuotesBefore(ctx: BoundaryContext, i: number): boolean {
  const next = ctx.items[i + 1];
  if (!next || next.cues.quoteDepth === 0) return false;
  const quote = quotePattern(next.folded);
  return matchQuote(quote, ctx.items[i - 1]!.folded, pairsOf(ctx, i - 1)) >= 0.7 && matchQuote(quote, ctx.items[i]!.folded, pairsOf(ctx, i)) < 0.7;
}

/** The line's first words repeat words of the line before ("… is slow." / "Slow how?"). */
function echoesPrevious(cur: string, prev: string): boolean {
  for (const w of cur.split(' ', 6)) if (w.length >= 5 && containsWords(prev, w)) return true;
  return false;
}
