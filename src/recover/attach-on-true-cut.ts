import { recoverTree, type RecoverWeights } from './recover-tree.ts';
import { truthParents, truthSegments, type FlatTruth } from './truth-segments.ts';

/**
 * Attachment alone: the share of the true comments (those with a known parent) whose parent
 * `recoverTree` finds when handed the dump cut where the true tree says (headers too, for a
 * copied page). Separates attachment errors from the cut's.
 */
export function attachOnTrueCut(lines: readonly string[], truth: FlatTruth, withHeaders: boolean, weights?: RecoverWeights): number {
  const { segments, headers } = truthSegments(lines, truth, withHeaders);
  const recovered = recoverTree(
    segments.map((items, k) => {
      const [first, last] = truth.comments[k]!.lines;
      const header = headers[k];
      return { items, first, last, boundary: 1, ...(header ? { header } : {}) };
    }),
    weights ? { weights } : {},
  );
  let known = 0;
  let right = 0;
  truthParents(truth).forEach((p, k) => {
    if (p === -2) return;
    known++;
    if (recovered[k]!.parent === p) right++;
  });
  return known === 0 ? 0 : right / known;
}
