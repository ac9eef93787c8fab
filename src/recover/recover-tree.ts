import { attachComments, maxUpFor } from './attach-beam.ts';
import { commentUnits, type HeaderInfo } from './comment-unit.ts';
import { trustedAges } from './check-ages.ts';
import type { CuedLine } from './dump-line.ts';
import { weights as fittedWeights } from './weights.ts';
import { applyCalibration, type CalibrationKnots } from './calibrate.ts';
import { calibration } from './calibration.ts';

/** The fitted weights (`weights.ts`), or another set of the same shape (cross-validation). */
export type RecoverWeights = typeof fittedWeights;

/** A comment's lines as the importer cut them, with what its header (if any) said. */
export interface SegmentInput {
  items: CuedLine[];
  /** First and last dump line of the comment, header and `reply` lines included. */
  first: number;
  last: number;
  boundary: number;
  header?: HeaderInfo;
}

export interface RecoveredComment extends SegmentInput {
  /** Index of the parent segment (-1: the story). */
  parent: number;
  parentConfidence: number;
  evidence: string[];
}

/**
 * Rebuilds the tree over segmented comments: picks each comment's parent (beam search under
 * the depth-first constraint, see `attachComments`) with the weights fitted for dumps with or
 * without header lines. A copied page's ages are read only when they agree (`trustedAges`).
 * Confidences are calibrated when the fitted weights are used (see below).
 */
export function recoverTree(segments: readonly SegmentInput[], options: { weights?: RecoverWeights } = {}): RecoveredComment[] {
  const weights = options.weights ?? fittedWeights;
  const headers = segments.some((s) => s.header?.hasParent !== undefined || s.header?.author !== undefined);
  const units = commentUnits(
    segments.map((s) => s.items),
    trustedAges(segments.map((s) => s.header)),
  );
  const attachment = attachComments(units, {
    weights: headers ? weights.attachHeader : weights.attachPlain,
    depthPenalty: headers ? weights.depthPenaltyHeader : weights.depthPenaltyPlain,
    maxUp: maxUpFor(headers),
  });
  // The fitted weights' confidences go through the maps fitted for them (calibration.ts), so
  // that "70% sure" is right about 70% of the time; other weights' stay raw.
  // (Copied pages' parents have no map: their raw confidences measure right already.) What is
  // certain stays 1: a cut at the dump's first line or a user's, with no line inside left to
  // the model, and the first comment's parent (nothing comes before it but the story).
  const calibrated = options.weights === undefined;
  const map = (knots: CalibrationKnots, raw: number) => (calibrated && raw < 1 ? applyCalibration(knots, raw) : raw);
  return segments.map((s, k) => ({
    ...s,
    boundary: headers ? s.boundary : map(calibration.boundaryPlain, s.boundary),
    parent: attachment.parents[k]!,
    parentConfidence: k === 0 ? attachment.confidence[k]! : map(headers ? calibration.parentHeader : calibration.parentPlain, attachment.confidence[k]!),
    evidence: attachment.evidence[k]!,
  }));
}
