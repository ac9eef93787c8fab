import type { CuedLine } from './dump-line.ts';
import { boundaryContext, boundaryFeatureNames, boundaryFeatures, type SegmentState } from './boundary-features.ts';
import { sigmoid } from './logistic.ts';
import { termVectors } from './term-vectors.ts';

/** A run of dump lines taken to be one comment. */
export interface Segment {
  items: CuedLine[];
  /** How sure the segmentation is that the comment starts and ends where it does (0–1). */
  boundary: number;
  /** Cues that decided its start. */
  evidence: string[];
}

export interface SegmentOptions {
  weights: Readonly<Record<string, number>>;
  /** Probability above which a line starts a comment (default 0.5; fitted with the weights). */
  threshold?: number;
  /** Lines (1-based dump lines) where the user says a comment starts. */
  split?: ReadonlySet<number>;
  /** Lines the user says continue the comment before them. */
  merge?: ReadonlySet<number>;
}

/**
 * Cuts a dump's lines into comments, left to right: each line gets the probability that it
 * starts a new comment from a logistic model over its cues (quotes and what they quote, lists,
 * a colon before, code, openers and connectives, style and word overlap with the line before,
 * the length of the comment so far). User `split`/`merge` lines are obeyed. One pass, linear.
 */
export function segmentLines(items: readonly CuedLine[], options: SegmentOptions): Segment[] {
  if (items.length === 0) return [];
  const ctx = boundaryContext(items, termVectors(items.map((l) => l.words)));
  const segments: Segment[] = [];
  let current: Segment = { items: [items[0]!], boundary: 1, evidence: ['start'] };
  let state: SegmentState = { lines: 1, letters: items[0]!.cues.letters, hasQuote: items[0]!.cues.quoteDepth > 0 };
  // The weakest "continues" decision inside the current comment bounds its confidence.
  let weakestInside = 1;
  const close = () => {
    current.boundary = Math.min(current.boundary, weakestInside);
    segments.push(current);
  };
  const threshold = options.threshold ?? 0.5;
  const w = Float64Array.from(boundaryFeatureNames, (name) => options.weights[name] ?? 0);
  const f = new Float64Array(w.length);
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let p: number;
    let evidence: string[];
    if (options.split?.has(item.line)) {
      p = 1;
      evidence = ['override'];
    } else if (options.merge?.has(item.line)) {
      p = 0;
      evidence = ['override'];
    } else {
      boundaryFeatures(ctx, i, state, f);
      let score = 0;
      for (let j = 0; j < w.length; j++) score += w[j]! * f[j]!;
      p = sigmoid(score);
      evidence = boundaryEvidence(f, p >= threshold);
    }
    if (p >= threshold) {
      close();
      current = { items: [item], boundary: p, evidence };
      weakestInside = 1;
      state = { lines: 1, letters: item.cues.letters, hasQuote: item.cues.quoteDepth > 0 };
    } else {
      current.items.push(item);
      weakestInside = Math.min(weakestInside, 1 - p);
      state = {
        lines: state.lines + 1,
        letters: state.letters + item.cues.letters,
        hasQuote: state.hasQuote || item.cues.quoteDepth > 0,
      };
    }
  }
  close();
  return segments;
}

const evidenceOf: Partial<Record<(typeof boundaryFeatureNames)[number], string>> = {
  quoteStart: 'quote',
  quoteOfPrev: 'quote',
  opener: 'opener',
  styleClash: 'style',
  listItem: 'list',
  prevColon: 'colon',
  afterQuote: 'quote',
  continuation: 'connective',
  nextQuotesBefore: 'quote',
};

/** Where each evidence-tagged cue sits in the feature vector, in `boundaryFeatureNames` order. */
const taggedFeatures: [number, string][] = boundaryFeatureNames.flatMap((name, i) => {
  const tag = evidenceOf[name];
  return tag ? [[i, tag] as [number, string]] : [];
});

function boundaryEvidence(f: Float64Array, starts: boolean): string[] {
  const out: string[] = [];
  for (const [i, tag] of taggedFeatures) if (f[i] !== 0 && !out.includes(tag)) out.push(tag);
  if (out.length === 0) out.push(starts ? 'length' : 'adjacency');
  return out;
}
