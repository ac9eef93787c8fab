/**
 * A monotone map from a raw confidence to the share of such inferences that were right:
 * knots `[raw, calibrated]` with both coordinates increasing, linear between them and flat
 * beyond the ends. Made by `fitCalibration` (scripts/fit-calibration.ts), applied by
 * `recoverTree` to the fitted weights' confidences.
 */
export type CalibrationKnots = readonly (readonly [number, number])[];

/** `raw` through the map (unchanged when there are no knots). */
export function applyCalibration(knots: CalibrationKnots, raw: number): number {
  if (knots.length === 0) return raw;
  if (raw <= knots[0]![0]) return knots[0]![1];
  const last = knots[knots.length - 1]!;
  if (raw >= last[0]) return last[1];
  let lo = 0;
  let hi = knots.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (knots[mid]![0] <= raw) lo = mid;
    else hi = mid;
  }
  const [x0, y0] = knots[lo]!;
  const [x1, y1] = knots[hi]!;
  return x1 === x0 ? y1 : y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0);
}

/**
 * Isotonic regression of right (1) or wrong (0) on raw confidence: the examples sorted by
 * confidence are put in `bins` bins of equal size, then adjacent bins whose shares fall are
 * pooled (pool-adjacent-violators) until the shares rise. Each pooled block gives a knot at
 * its mean raw confidence; knots with equal shares are merged, so the map rises strictly
 * between knots and keeps the order of confidences (what `--review` ranks by).
 */
export function fitCalibration(examples: readonly { raw: number; right: boolean }[], bins = 20): [number, number][] {
  if (examples.length === 0) return [];
  const sorted = [...examples].sort((a, b) => a.raw - b.raw);
  type Block = { n: number; rawSum: number; rightSum: number };
  const blocks: Block[] = [];
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * sorted.length) / bins);
    const to = Math.floor(((b + 1) * sorted.length) / bins);
    if (to <= from) continue;
    const block: Block = { n: 0, rawSum: 0, rightSum: 0 };
    for (let i = from; i < to; i++) {
      block.n++;
      block.rawSum += sorted[i]!.raw;
      block.rightSum += sorted[i]!.right ? 1 : 0;
    }
    blocks.push(block);
    // Pool while the last block's share is not above the one before it.
    while (blocks.length > 1) {
      const b1 = blocks[blocks.length - 1]!;
      const b0 = blocks[blocks.length - 2]!;
      if (b1.rightSum / b1.n > b0.rightSum / b0.n) break;
      blocks.splice(blocks.length - 2, 2, { n: b0.n + b1.n, rawSum: b0.rawSum + b1.rawSum, rightSum: b0.rightSum + b1.rightSum });
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const knots: [number, number][] = [];
  for (const block of blocks) {
    const knot: [number, number] = [round(block.rawSum / block.n), round(block.rightSum / block.n)];
    const last = knots[knots.length - 1];
    if (last && (knot[0] <= last[0] || knot[1] <= last[1])) continue; // rounding made it a tie
    knots.push(knot);
  }
  return knots;
}
