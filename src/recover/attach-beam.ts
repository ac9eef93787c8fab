import { attachFeatureNames, attachFeatures, quoteHits, type Candidate, type QuoteHits } from './attach-features.ts';
import type { CommentUnit } from './comment-unit.ts';
import { cosine } from './term-vectors.ts';

/** The chain from a comment up to a top-level comment, shared between beam states. */
export interface StackNode {
  k: number;
  up: StackNode | null;
  depth: number;
  hash: number;
}

export interface AttachOptions {
  weights: Readonly<Record<string, number>>;
  /** Readings of the thread kept at each step (default 4; 8 costs twice the time and measured no better). */
  beamWidth?: number;
  /** How far above the previous comment a parent may be (default `maxUpFor(false)`; then the story). */
  maxUp?: number;
  /**
   * A prior against deep readings: each candidate loses `depthPenalty × log(2 + its depth)`.
   * Step-by-step scores cannot see that always answering the nearest comment builds one endless
   * chain; this is fitted on whole decoded threads instead (scripts/fit-recover.ts).
   */
  depthPenalty?: number;
}

/**
 * How many levels above the previous comment a parent is looked for: 12 on a copied page (its
 * authors and ages can tell a reply 10 levels up), 8 in a bare dump, where nothing but a quote
 * could, and replies more than 7 levels up are rare (2 of 1,650 in the eval threads and the HN
 * sample); 8 makes the attachment a tenth faster with the same cross-validated figures.
 */
export function maxUpFor(headers: boolean): number {
  return headers ? 12 : 8;
}

export interface Attachment {
  /** Parent index per comment (-1: the story). */
  parents: Int32Array;
  /** Probability of the chosen parent among the allowed ones (quote credit included), per comment. */
  confidence: Float64Array;
  evidence: string[][];
}

interface History {
  k: number;
  parent: number;
  p: number;
  prev: History | null;
  // What the choice was made on, to name its evidence once the best reading is known.
  c: Candidate;
  hits: QuoteHits;
  n: number;
  maxCosine: number;
  cos: number;
  authorAbove: boolean;
}

interface BeamState {
  top: StackNode | null;
  score: number;
  history: History | null;
}

/**
 * The candidates depth-first order allows for the comment after `top`: `top` itself, each of
 * its ancestors (up to `maxUp` levels), then the story.
 */
export function candidatesFrom(top: StackNode | null, maxUp: number): { candidates: Candidate[]; nodes: (StackNode | null)[] } {
  const candidates: Candidate[] = [];
  const nodes: (StackNode | null)[] = [];
  let node = top;
  for (let up = 0; node && up < maxUp; up++, node = node.up) {
    candidates.push({ j: node.k, jParent: node.up ? node.up.k : -1, up, depth: node.depth });
    nodes.push(node);
  }
  candidates.push({ j: -1, jParent: -2, up: candidates.length, depth: -1 });
  nodes.push(null);
  return { candidates, nodes };
}

/** Which of HN's header links a copied page carries, so that their absence means something. */
export interface PageLinks {
  /** Some header has a `root` link (a real page: depth 1 is told from deeper). */
  root: boolean;
  /** Some header has a `prev` link: one without it is its parent's first reply. */
  prev: boolean;
  /** Some headers have a `next` link and some not: one without it has no later comment at its depth or above. */
  next: boolean;
}

export function pageLinks(units: readonly CommentUnit[]): PageLinks {
  let root = false;
  let prev = false;
  let next = false;
  let noNext = false;
  for (const u of units) {
    const h = u.header;
    if (!h || h.hasParent === undefined) continue;
    root ||= h.hasRoot === true;
    prev ||= h.hasPrev === true;
    if (h.hasNext) next = true;
    else noNext = true;
  }
  return { root, prev, next: next && noNext };
}

/**
 * What a header says about each candidate, as a penalty added to its score: -Infinity where it
 * rules the candidate out, `rootPenalty` where it argues against one. A real HN page's links
 * (checked against the saved page in ../shared/samples: all 124 comments agree):
 * - `parent` link: not the story; none: only the story;
 * - `root` link: not a top-level comment; none, on a page that has them: a top-level comment
 *   (`rootPenalty` for the others: hand-copied pages are not always consistent);
 * - no `prev` link, on a page that has them: the parent's first reply, so it answers the comment
 *   before; a `prev` link: an earlier sibling exists, so it does not;
 * - a comment between k and the candidate without a `next` link (on a page where some have one):
 *   nothing later sits at its depth or above, so k cannot answer that high.
 * When every candidate would be ruled out (a partial or inconsistent copy), none is.
 */
export function headerPenalties(units: readonly CommentUnit[], k: number, candidates: readonly Candidate[], links: PageLinks): number[] {
  const h = units[k]!.header;
  if (!h || h.hasParent === undefined) return noPenalties(candidates.length);
  let blockedAbove = candidates.length;
  if (links.next) {
    for (let u = 0; u < candidates.length - 1; u++) {
      if (units[candidates[u]!.j]!.header?.hasNext === false) {
        blockedAbove = u;
        break;
      }
    }
  }
  const penalties = candidates.map((c, u) => {
    if (u > blockedAbove) return -Infinity;
    if (!h.hasParent) return c.j < 0 ? 0 : -Infinity;
    if (c.j < 0) return -Infinity;
    if (links.prev && h.hasPrev === false && u > 0) return -Infinity;
    if (links.prev && h.hasPrev && u === 0) return -Infinity;
    if (h.hasRoot) return c.depth >= 1 ? 0 : -Infinity;
    if (links.root && c.depth >= 1) return rootPenalty;
    return 0;
  });
  return penalties.some((p) => p !== -Infinity) ? penalties : candidates.map(() => 0);
}

const rootPenalty = -3;

const zeros: number[][] = [];
const falses: boolean[][] = [];
function noAuthors(n: number): boolean[] {
  return (falses[n] ??= new Array<boolean>(n).fill(false));
}
function noPenalties(n: number): number[] {
  return (zeros[n] ??= new Array<number>(n).fill(0));
}

/** What the candidates of one reading share: the best word overlap and the authors above each. */
function candidateContext(
  units: readonly CommentUnit[],
  k: number,
  candidates: readonly Candidate[],
  nodes: readonly (StackNode | null)[],
  cosines: CosineCache,
  cosOut: Float64Array = new Float64Array(candidates.length),
): { cos: Float64Array; maxCosine: number; authorAbove: boolean[] } {
  const unit = units[k]!;
  const cos = cosOut;
  let maxCosine = 0;
  for (let u = 0; u < candidates.length; u++) {
    const c = candidates[u]!;
    if (c.j < 0) {
      cos[u] = 0;
      continue;
    }
    let value: number;
    if (cosines.stamp[c.j] === k) value = cosines.value[c.j]!;
    else {
      value = cosine(unit.vector, units[c.j]!.vector);
      cosines.stamp[c.j] = k;
      cosines.value[c.j] = value;
    }
    cos[u] = value;
    if (value > maxCosine) maxCosine = value;
  }
  // authorAbove[u]: k's author wrote a comment above candidate u in this chain.
  const author = unit.header?.author;
  if (author === undefined) return { cos, maxCosine, authorAbove: noAuthors(candidates.length) };
  const authorAbove = new Array<boolean>(candidates.length).fill(false);
  {
    let seen = false;
    for (let u = candidates.length - 1; u >= 0; u--) {
      authorAbove[u] = seen;
      const node = nodes[u];
      if (node && units[node.k]!.header?.author === author) seen = true;
    }
  }
  return { cos, maxCosine, authorAbove };
}

/** Word overlap of comment k with earlier comments j, worked out once per k for all readings. */
export interface CosineCache {
  /** The k each entry was computed for. */
  stamp: Int32Array;
  value: Float64Array;
}

export function cosineCache(size: number): CosineCache {
  return { stamp: new Int32Array(size).fill(-1), value: new Float64Array(size) };
}

/** Feature rows for every candidate of comment k (for the weight fitter). */
export function candidateFeatures(
  units: readonly CommentUnit[],
  k: number,
  candidates: readonly Candidate[],
  nodes: readonly (StackNode | null)[],
  hits: QuoteHits,
  cosines: CosineCache = cosineCache(units.length),
): Float64Array[] {
  const { cos, maxCosine, authorAbove } = candidateContext(units, k, candidates, nodes, cosines);
  return candidates.map((c, u) =>
    attachFeatures(new Float64Array(attachFeatureNames.length), units, k, c, hits, maxCosine, cos[u]!, authorAbove[u]!),
  );
}

/**
 * Chooses every comment's parent under the depth-first constraint (the parent of comment k is
 * comment k-1, one of its ancestors, or the story) by beam search over whole readings of the
 * thread: each step scores the allowed parents with a log-linear model over the cues in
 * `attachFeatureNames`, and the best `beamWidth` readings (identical stacks merged) go on.
 * Cost: comments × beam width × candidates (at most `maxUp` + 1): linear in the dump.
 */
export function attachComments(units: readonly CommentUnit[], options: AttachOptions): Attachment {
  const beamWidth = options.beamWidth ?? 4;
  const maxUp = options.maxUp ?? maxUpFor(false);
  // A real copied HN page's header links (`root`, `prev`, `next`) pin most parents down.
  const links = pageLinks(units);
  const depthPenalty = options.depthPenalty ?? 0;
  const w = Float64Array.from(attachFeatureNames, (name) => options.weights[name] ?? 0);
  const scratch = new Float64Array(w.length);
  const cosines = cosineCache(units.length);
  // Buffers reused at every step (a state has at most maxUp + 1 candidates): large dumps make
  // millions of candidate scores, and allocating per step made garbage collection a fifth of the time.
  const cosBuffer = new Float64Array(maxUp + 1);
  const logits = new Float64Array(maxUp + 1);
  const credits = new Float64Array(maxUp + 1);
  const creditWeights = { exact: w[index.get('quoteExact')!]!, fuzzy: w[index.get('quoteFuzzy')!]! };
  const chosen = new Int32Array(beamWidth);
  const depthCost = depthCosts(depthPenalty);
  let beam: BeamState[] = [{ top: null, score: 0, history: null }];
  type Expansion = { score: number; state: BeamState; c: Candidate; node: StackNode | null; p: number; n: number; maxCosine: number; cos: number; authorAbove: boolean };
  const expansions: Expansion[] = [];
  const seen: number[] = [];
  for (let k = 0; k < units.length; k++) {
    const unit = units[k]!;
    expansions.length = 0;
    const perState = beam.map((state) => candidatesFrom(state.top, maxUp));
    let hits: QuoteHits = noHits;
    if (unit.quotes.length > 0) {
      const js = new Set<number>();
      for (const { candidates } of perState) for (const c of candidates) if (c.j >= 0) js.add(c.j);
      hits = quoteHits(units, k, js);
    }
    for (let s = 0; s < beam.length; s++) {
      const state = beam[s]!;
      const { candidates, nodes } = perState[s]!;
      const count = candidates.length;
      const penalties = headerPenalties(units, k, candidates, links);
      const { cos, maxCosine, authorAbove } = candidateContext(units, k, candidates, nodes, cosines, cosBuffer);
      let max = -Infinity;
      for (let u = 0; u < count; u++) {
        if (penalties[u] === -Infinity) {
          logits[u] = -Infinity;
          continue;
        }
        const c = candidates[u]!;
        attachFeatures(scratch, units, k, c, hits, maxCosine, cos[u]!, authorAbove[u]!);
        let logit = c.j >= 0 ? -depthCost(c.depth) : 0;
        for (let i = 0; i < w.length; i++) logit += w[i]! * scratch[i]!;
        logit += penalties[u]!;
        logits[u] = logit;
        if (logit > max) max = logit;
      }
      // The confidence reported for a choice is its share under the scores the readings are
      // ranked by: the step's logits plus the credit for a quote found in the candidate.
      let sum = 0;
      let n = 0;
      for (let u = 0; u < count; u++) {
        const l = logits[u]!;
        if (l === -Infinity) continue;
        credits[u] = hits.any ? quoteCredit(hits, candidates[u]!, creditWeights) : 0;
        sum += Math.exp(l + credits[u]! - max);
        n++;
      }
      const lse = max + Math.log(sum);
      // Only a state's best `beamWidth` choices (by the score readings are ranked by, quote
      // credit included) can survive the cut: pick them, skip the rest.
      let picked = 0;
      for (let u = 0; u < count; u++) {
        if (logits[u] === -Infinity) continue;
        if (picked < beamWidth) chosen[picked++] = u;
        else {
          let worst = 0;
          let worstScore = logits[chosen[0]!]! + credits[chosen[0]!]!;
          for (let i = 1; i < picked; i++) {
            const score = logits[chosen[i]!]! + credits[chosen[i]!]!;
            if (score < worstScore) {
              worst = i;
              worstScore = score;
            }
          }
          if (logits[u]! + credits[u]! > worstScore) chosen[worst] = u;
        }
      }
      for (let i = 0; i < picked; i++) {
        const u = chosen[i]!;
        // Readings are ranked by regret (how far each choice falls below the best choice of its
        // step), not by summed log-probabilities: those favour readings with fewer candidates
        // (a comment put at top level leaves the next one fewer parents to share the mass).
        // A quote found in the chosen parent is credited in full, so that a reading that kept
        // the quoted comment on the stack can overtake one that was cheaper a step earlier.
        expansions.push({
          score: state.score + logits[u]! - max + credits[u]!,
          state,
          c: candidates[u]!,
          node: nodes[u]!,
          p: Math.exp(logits[u]! + credits[u]! - lse),
          n,
          maxCosine,
          cos: cos[u]!,
          authorAbove: authorAbove[u]!,
        });
      }
    }
    // Best first; equal scores keep their order (as a stable sort would). At most beamWidth² items.
    for (let i = 1; i < expansions.length; i++) {
      const e = expansions[i]!;
      let at = i;
      while (at > 0 && expansions[at - 1]!.score < e.score) {
        expansions[at] = expansions[at - 1]!;
        at--;
      }
      expansions[at] = e;
    }
    const next: BeamState[] = [];
    seen.length = 0;
    for (const e of expansions) {
      if (next.length >= beamWidth) break;
      const parentNode = e.node;
      const hash = (Math.imul(parentNode ? parentNode.hash : 0x9e3779b9, 31) + k + 1) | 0;
      if (seen.includes(hash)) continue;
      seen.push(hash);
      const top: StackNode = { k, up: parentNode, depth: parentNode ? parentNode.depth + 1 : 0, hash };
      next.push({
        top,
        score: e.score,
        history: { k, parent: e.c.j, p: e.p, prev: e.state.history, c: e.c, hits, n: e.n, maxCosine: e.maxCosine, cos: e.cos, authorAbove: e.authorAbove },
      });
    }
    beam = next;
  }
  const parents = new Int32Array(units.length);
  const confidence = new Float64Array(units.length);
  const evidence: string[][] = new Array(units.length);
  for (let h = beam[0]!.history; h; h = h.prev) {
    parents[h.k] = h.parent;
    confidence[h.k] = h.p;
    const f = attachFeatures(new Float64Array(w.length), units, h.k, h.c, h.hits, h.maxCosine, h.cos, h.authorAbove);
    evidence[h.k] = attachEvidence(f, h.c, units[h.k]!, h.n);
  }
  return { parents, confidence, evidence };
}

/** `depthPenalty × log(2 + depth)`, remembered per depth (the same value, computed once). */
function depthCosts(depthPenalty: number): (depth: number) => number {
  const known: number[] = [];
  return (depth) => (known[depth] ??= depthPenalty * Math.log(2 + depth));
}

/** The weight of the quote evidence for choosing candidate c (0 when k quotes nothing of it). */
function quoteCredit(hits: QuoteHits, c: Candidate, w: { exact: number; fuzzy: number }): number {
  if (!hits.any || c.j < 0) return 0;
  const q = hits.best.get(c.j) ?? 0;
  if (q >= 0.999) return w.exact;
  if (q >= 0.6) return w.fuzzy * q;
  return 0;
}

const noHits: QuoteHits = { best: new Map(), nested: new Map(), any: false };

const index = new Map<string, number>(attachFeatureNames.map((name, i) => [name, i]));
const at = (f: Float64Array, name: (typeof attachFeatureNames)[number]) => f[index.get(name)!]!;

function attachEvidence(f: Float64Array, c: Candidate, unit: CommentUnit, allowedCount: number): string[] {
  const out: string[] = [];
  if (unit.header?.hasParent !== undefined) out.push('header');
  if (allowedCount === 1) return out.length > 0 ? out : ['position'];
  if (at(f, 'quoteExact') || at(f, 'quoteFuzzy') || at(f, 'quoteOfParentOfJ')) out.push('quote');
  if (at(f, 'authorIsJParent')) out.push('author');
  if (at(f, 'bestCosine')) out.push('lexical');
  if (at(f, 'styleWithJParent') > 0) out.push('style');
  if (at(f, 'openerUp0')) out.push('opener');
  if (c.j >= 0 && c.up === 0) out.push('adjacency');
  if (out.length === 0) out.push('position');
  return out;
}
