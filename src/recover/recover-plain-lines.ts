import type { DumpLine } from './dump-line.ts';
import { cueLines } from './dump-line.ts';
import { segmentLines } from './segment-lines.ts';
import { recoverTree, type RecoveredComment, type RecoverWeights } from './recover-tree.ts';
import { weights as fittedWeights } from './weights.ts';

/**
 * A bare text dump's comment lines (debris already dropped) cut into comments and given a tree:
 * cues, segmentation (obeying the user's `split`/`merge` lines), then attachment, with the
 * fitted weights or `weights`.
 */
export function recoverPlainLines(
  lines: readonly DumpLine[],
  options: { weights?: RecoverWeights; split?: ReadonlySet<number>; merge?: ReadonlySet<number> } = {},
): RecoveredComment[] {
  const weights = options.weights ?? fittedWeights;
  const segments = segmentLines(cueLines(lines), {
    weights: weights.boundary,
    threshold: weights.boundaryThreshold,
    ...(options.split ? { split: options.split } : {}),
    ...(options.merge ? { merge: options.merge } : {}),
  });
  return recoverTree(
    segments.map((s) => ({ items: s.items, first: s.items[0]!.line, last: s.items.at(-1)!.line, boundary: s.boundary })),
    options.weights ? { weights } : {},
  );
}
