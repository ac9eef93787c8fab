// `npm run fit:recover`: fits the tree-recovery weights (src/recover/weights.ts) on structured
// threads with known trees: the shared samples hn-algolia.json and reddit.json (when ../shared is
// there) and test/eval-threads/*.json EXCEPT those named *heldout*, which stay unseen so that
// `npm run eval` measures them honestly. Boundary cues: logistic regression on every line
// (teacher-forced state); parent cues: a softmax over the candidates the depth-first order
// allows, on the true segmentation, once without headers (plain dumps) and once with the header
// lines of `flatten-thread.mjs --hn-copy`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CuedLine } from '../src/recover/dump-line.ts';
import { boundaryContext, boundaryFeatureNames, boundaryFeatures } from '../src/recover/boundary-features.ts';
import { termVectors } from '../src/recover/term-vectors.ts';
import { commentUnits, type CommentUnit } from '../src/recover/comment-unit.ts';
import { attachFeatureNames } from '../src/recover/attach-features.ts';
import { attachComments, candidateFeatures, candidatesFrom, maxUpFor, type StackNode } from '../src/recover/attach-beam.ts';
import { quoteHits } from '../src/recover/attach-features.ts';
import { trustedAges } from '../src/recover/check-ages.ts';
import { evalThreads, usedForFitting } from '../src/recover/fit-set.ts';
import { flattenDump } from '../src/recover/flatten-dump.ts';
import { segmentLines } from '../src/recover/segment-lines.ts';
import { truthParents, truthSegments } from '../src/recover/truth-segments.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const shared = process.env.SHARED_DIR ?? join(root, '../shared');
// For cross-validation and ablations (scripts/cv-recover.ts): FIT_EXCLUDE leaves out threads (file
// names, comma-separated) and FIT_INCLUDE adds held-out ones (to try fitting on them), FIT_DROP leaves out cues (feature names: their weights stay 0),
// FIT_THRESHOLD fixes the cut's threshold instead of choosing it, FIT_OUT writes the weights as
// JSON to that file instead of rewriting src/recover/weights.ts, FIT_BOUNDARY_L2 and
// FIT_ATTACH_L2 set the L2 penalties (default 0.002 each; 0.0005 measured within noise in
// session 4, see src/recover/README.md).
const listed = (name: string) => new Set((process.env[name] ?? '').split(',').filter(Boolean));
const excluded = listed('FIT_EXCLUDE');
const dropped = listed('FIT_DROP');
const included = listed('FIT_INCLUDE');
const threads = evalThreads(shared).filter((t) => (usedForFitting(t) || included.has(basename(t))) && !excluded.has(basename(t)));

const boundaryData: { x: Float64Array; y: number; wt: number }[] = [];
/** Each training dump's lines and true comment starts, to choose the decision threshold. */
const boundaryDumps: { items: CuedLine[]; starts: Set<number> }[] = [];
const attachData: Record<'plain' | 'header', { rows: Float64Array[]; answer: number; wt: number }[]> = { plain: [], header: [] };
/** Each training dump's comments and true parents, to fit the decoder's depth prior on whole threads. */
const attachDumps: Record<'plain' | 'header', { units: CommentUnit[]; parents: number[] }[]> = { plain: [], header: [] };

const dir = mkdtempSync(join(tmpdir(), 'fit-recover-'));
const balance = Number(process.env.FIT_BALANCE ?? 1);
const headerBalance = Number(process.env.FIT_BALANCE_HEADER ?? 0.5);
for (const thread of threads) {
  const bStart = boundaryData.length;
  const aStart = { plain: attachData.plain.length, header: attachData.header.length };
  for (const mode of ['plain', 'header'] as const) {
    const { lines, truth } = flattenDump(join(shared, 'tools'), thread, dir, mode === 'header');
    // The comments' own lines (without header and reply lines), and their headers.
    const { segments, headers } = truthSegments(lines, truth, mode === 'header');
    if (mode === 'plain') {
      const items = segments.flat();
      boundaryDumps.push({ items, starts: new Set(segments.filter((seg) => seg.length > 0).map((seg) => seg[0]!.line)) });
      const ctx = boundaryContext(items, termVectors(items.map((l) => l.words)));
      let i = 0;
      let state = { lines: 0, letters: 0, hasQuote: false };
      for (const seg of segments) {
        for (let s = 0; s < seg.length; s++, i++) {
          const line = seg[s]!;
          if (i > 0) boundaryData.push({ x: boundaryFeatures(ctx, i, state), y: s === 0 ? 1 : 0, wt: 1 });
          if (s === 0) state = { lines: 1, letters: line.cues.letters, hasQuote: line.cues.quoteDepth > 0 };
          else state = { lines: state.lines + 1, letters: state.letters + line.cues.letters, hasQuote: state.hasQuote || line.cues.quoteDepth > 0 };
        }
      }
    }
    const units = commentUnits(segments, trustedAges(headers));
    const parents = truthParents(truth);
    attachDumps[mode].push({ units, parents });
    // Walk the true tree in order, keeping the true stack.
    const nodeOf: StackNode[] = [];
    let top: StackNode | null = null;
    parents.forEach((p, k) => {
      const { candidates, nodes } = candidatesFrom(top, 40);
      const parent = p === -2 ? undefined : p;
      const answer = parent === undefined ? -1 : candidates.findIndex((cand) => cand.j === parent);
      if (answer >= 0 && k > 0) {
        const hits = quoteHits(units, k, candidates.map((cand) => cand.j));
        attachData[mode].push({ rows: candidateFeatures(units, k, candidates, nodes, hits), answer, wt: 1 });
      }
      const up: StackNode | null = parent !== undefined && parent >= 0 ? nodeOf[parent]! : null;
      const node: StackNode = { k, up, depth: up ? up.depth + 1 : 0, hash: 0 };
      nodeOf.push(node);
      top = node;
    });
  }
  // Weigh each thread's examples by count^-balance (0: every example alike; 1: every thread alike).
  const reweigh = (rows: { wt: number }[], start: number, b: number) => {
    const n = rows.length - start;
    for (let i = start; i < rows.length; i++) rows[i]!.wt = (n / 30) ** -b;
  };
  reweigh(boundaryData, bStart, balance);
  reweigh(attachData.plain, aStart.plain, balance);
  reweigh(attachData.header, aStart.header, headerBalance);
}
rmSync(dir, { recursive: true, force: true });

/**
 * Full-batch gradient descent with Adam and an L2 penalty towards `prior` (0 where none is
 * given); returns one weight per feature. The priors carry what the few training examples of a
 * rare but decisive cue cannot (an "Edit:" line continues its comment).
 */
function fit(
  dim: number,
  gradient: (w: Float64Array, g: Float64Array) => number,
  l2: number,
  steps = 1500,
  prior?: { mean: Float64Array; strength: Float64Array },
): Float64Array {
  const w = new Float64Array(dim);
  const m = new Float64Array(dim);
  const v = new Float64Array(dim);
  const g = new Float64Array(dim);
  let loss = 0;
  for (let t = 1; t <= steps; t++) {
    g.fill(0);
    loss = gradient(w, g);
    for (let i = 0; i < dim; i++) {
      const gi = g[i]! + (prior ? prior.strength[i]! * (w[i]! - prior.mean[i]!) : 0) + l2 * w[i]!;
      m[i] = 0.9 * m[i]! + 0.1 * gi;
      v[i] = 0.999 * v[i]! + 0.001 * gi * gi;
      w[i] = w[i]! - (0.05 * (m[i]! / (1 - 0.9 ** t))) / (Math.sqrt(v[i]! / (1 - 0.999 ** t)) + 1e-8);
    }
  }
  console.error(`  final loss ${loss.toFixed(4)}`);
  return w;
}

/** Prior weights for rare, decisive continuation cues (log-odds; see `fit`). */
const boundaryPriors: Partial<Record<(typeof boundaryFeatureNames)[number], number>> = {
  editTrailer: -3,
  footnote: -2.5,
  listAfterList: -2,
  listAfterColon: -2,
  codeAfterCode: -2,
  afterQuote: -2.5,
  quoteRun: -2.5,
  url: -1.5,
};
const boundaryPrior = {
  mean: Float64Array.from(boundaryFeatureNames, (n) => boundaryPriors[n] ?? 0),
  strength: Float64Array.from(boundaryFeatureNames, (n) => (boundaryPriors[n] === undefined ? 0 : 0.02)),
};

const dot = (w: Float64Array, x: Float64Array) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += w[i]! * x[i]!;
  return s;
};

/**
 * The decoder's priors, fitted on whole decoded training threads: a bonus for answering the
 * previous comment (added to the fitted `up0` weight), a bonus for the story (added to `story`)
 * and the depth penalty. Step-by-step fitting cannot see what a choice does to the readings that
 * follow: left alone, the decoder almost never starts a new top-level comment and builds chains
 * hundreds deep, which no reader would accept. So the priors that give the most right parents
 * are chosen among those whose trees have about as many top-level comments as the true ones
 * (0.75–1.5 times as many).
 */
function fitPriors(mode: 'plain' | 'header', weights: Record<string, number>): { up0: number; story: number; depthPenalty: number } {
  let best = { up0: weights.up0 ?? 0, story: weights.story ?? 0, depthPenalty: 0 };
  let bestHits = -1;
  for (const bonus of [0, 0.25, 0.5, 0.75, 1]) {
    for (const storyBonus of [0, 0.5, 1, 1.5]) {
      for (const penalty of [0, 0.1, 0.2, 0.3, 0.5]) {
        const tried = { ...weights, up0: (weights.up0 ?? 0) + bonus, story: (weights.story ?? 0) + storyBonus };
        let hits = 0;
        let total = 0;
        let top = 0;
        let trueTop = 0;
        for (const { units, parents } of attachDumps[mode]) {
          const found = attachComments(units, { weights: tried, depthPenalty: penalty, maxUp: maxUpFor(mode === 'header') });
          const wt = (units.length / 30) ** -(mode === 'header' ? headerBalance : balance);
          parents.forEach((p, k) => {
            if (p === -2) return;
            total += wt;
            if (found.parents[k] === p) hits += wt;
            if (found.parents[k] === -1) top++;
            if (p === -1) trueTop++;
          });
        }
        if (top < 0.75 * trueTop || top > 1.5 * trueTop) continue;
        if (hits > bestHits) {
          bestHits = hits;
          best = { up0: Math.round(tried.up0 * 1000) / 1000, story: Math.round(tried.story * 1000) / 1000, depthPenalty: penalty };
          console.error(`  ${mode}: up0 +${bonus}, story +${storyBonus}, depth penalty ${penalty}: ${(hits / total).toFixed(3)} of parents right, ${top}/${trueTop} top-level`);
        }
      }
    }
  }
  return best;
}

const named = (names: readonly string[], w: Float64Array): Record<string, number> =>
  Object.fromEntries(names.map((n, i) => [n, Math.round(w[i]! * 1000) / 1000]).filter(([, x]) => x !== 0));

const zeroDropped = (names: readonly string[], rows: Float64Array[]) => {
  const at = names.flatMap((n, i) => (dropped.has(n) ? [i] : []));
  if (at.length > 0) for (const x of rows) for (const i of at) x[i] = 0;
};
zeroDropped(boundaryFeatureNames, boundaryData.map((d) => d.x));
for (const mode of ['plain', 'header'] as const) zeroDropped(attachFeatureNames, attachData[mode].flatMap((d) => d.rows));

console.error(`boundary: ${boundaryData.length} lines`);
const wb = fit(boundaryFeatureNames.length, (w, g) => {
  let loss = 0;
  let total = 0;
  for (const { wt } of boundaryData) total += wt;
  for (const { x, y, wt } of boundaryData) {
    const p = 1 / (1 + Math.exp(-dot(w, x)));
    loss -= wt * (y ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
    for (let i = 0; i < x.length; i++) g[i]! += (wt * (p - y) * x[i]!) / total;
  }
  return loss / total;
}, Number(process.env.FIT_BOUNDARY_L2 ?? 0.002), 1500, boundaryPrior);

function fitAttach(data: { rows: Float64Array[]; answer: number; wt: number }[]): Float64Array {
  let total = 0;
  for (const { wt } of data) total += wt;
  return fit(attachFeatureNames.length, (w, g) => {
    let loss = 0;
    for (const { rows, answer, wt } of data) {
      const logits = rows.map((x) => dot(w, x));
      const max = Math.max(...logits);
      const exps = logits.map((l) => Math.exp(l - max));
      const sum = exps.reduce((a, b) => a + b, 0);
      loss -= wt * Math.log(exps[answer]! / sum + 1e-12);
      rows.forEach((x, u) => {
        const coef = (wt * (exps[u]! / sum - (u === answer ? 1 : 0))) / total;
        for (let i = 0; i < x.length; i++) g[i]! += coef * x[i]!;
      });
    }
    return loss / total;
  }, Number(process.env.FIT_ATTACH_L2 ?? 0.002), 800);
}
// The threshold that gives the best mean boundary F1 + exact segments over the training dumps.
const boundaryWeights = named(boundaryFeatureNames, wb);
let bestThreshold = 0.5;
let bestScore = -1;
for (let t = 0.3; t <= 0.701; t += 0.025) {
  let total = 0;
  for (const { items, starts } of boundaryDumps) {
    const segs = segmentLines(items, { weights: boundaryWeights, threshold: t });
    const predicted = segs.map((s) => s.items[0]!.line);
    const hit = predicted.filter((l) => starts.has(l)).length;
    const f1 = (2 * hit) / (predicted.length + starts.size);
    const ends = new Set<string>();
    const lineList = items.map((l) => l.line);
    const trueRanges = new Set<string>();
    let open = -1;
    lineList.forEach((l, i) => {
      if (starts.has(l)) {
        if (open >= 0) trueRanges.add(`${open}-${lineList[i - 1]}`);
        open = l;
      }
    });
    trueRanges.add(`${open}-${lineList.at(-1)}`);
    for (const s of segs) ends.add(`${s.items[0]!.line}-${s.items.at(-1)!.line}`);
    const exact = [...trueRanges].filter((r) => ends.has(r)).length / trueRanges.size;
    total += f1 + exact;
  }
  console.error(`  threshold ${t.toFixed(3)}: ${(total / boundaryDumps.length).toFixed(4)}`);
  if (total > bestScore) {
    bestScore = total;
    bestThreshold = Math.round(t * 1000) / 1000;
  }
}
console.error(`boundary threshold ${bestThreshold}`);

console.error(`attach (plain): ${attachData.plain.length} comments`);
const wp = fitAttach(attachData.plain);
console.error(`attach (headers): ${attachData.header.length} comments`);
const wh = fitAttach(attachData.header);
for (const [mode, w] of [['plain', wp], ['header', wh]] as const) {
  let hit = 0;
  let chain = 0;
  for (const { rows, answer } of attachData[mode]) {
    const logits = rows.map((x) => dot(w, x));
    if (logits.indexOf(Math.max(...logits)) === answer) hit++;
    if (answer === 0) chain++;
  }
  const n = attachData[mode].length;
  console.error(`  ${mode}: teacher-forced accuracy ${(hit / n).toFixed(3)}, previous-comment baseline ${(chain / n).toFixed(3)}`);
}

const attachPlain = named(attachFeatureNames, wp);
const attachHeader = named(attachFeatureNames, wh);
const priorsPlain = fitPriors('plain', attachPlain);
const priorsHeader = fitPriors('header', attachHeader);
attachPlain.up0 = priorsPlain.up0;
attachPlain.story = priorsPlain.story;
attachHeader.up0 = priorsHeader.up0;
attachHeader.story = priorsHeader.story;
const depthPenaltyPlain = priorsPlain.depthPenalty;
const depthPenaltyHeader = priorsHeader.depthPenalty;

const fitted = { boundary: boundaryWeights, boundaryThreshold: process.env.FIT_THRESHOLD ? Number(process.env.FIT_THRESHOLD) : bestThreshold, attachPlain, attachHeader, depthPenaltyPlain, depthPenaltyHeader };
const out = `// Written by \`npm run fit:recover\` (scripts/fit-recover.ts): the fitted cue weights.
// Fitted on: ${threads.map((t) => t.split('/').pop()).join(', ')}.
export const weights: {
  boundary: Record<string, number>;
  boundaryThreshold: number;
  attachPlain: Record<string, number>;
  attachHeader: Record<string, number>;
  depthPenaltyPlain: number;
  depthPenaltyHeader: number;
} = ${JSON.stringify(fitted, null, 2)};
`;
if (process.env.FIT_OUT) {
  writeFileSync(process.env.FIT_OUT, JSON.stringify(fitted));
  console.error(`wrote ${process.env.FIT_OUT}`);
} else {
  writeFileSync(join(root, 'src/recover/weights.ts'), out);
  console.error('wrote src/recover/weights.ts; now run npm run fit:calibration (the confidence maps are made for these weights)');
}
