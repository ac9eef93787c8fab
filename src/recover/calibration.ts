// Written by `npm run fit:calibration` (scripts/fit-calibration.ts): maps from the raw confidences of
// tree recovery under the weights in weights.ts to the share of such inferences that were right
// (isotonic, fitted on the fitted threads, each parsed by weights fitted without it, and on half
// the long and shape held-out threads, parsed by the weights: fit-set.ts, usedForCalibration).
import { createHash } from 'node:crypto';
import { weights } from './weights.ts';

/** The weights' hash; `calibration.forWeights` must equal it (test/calibration.test.ts). */
export const weightsHash = (): string => createHash('sha256').update(JSON.stringify(weights)).digest('hex').slice(0, 16);

export const calibration = {
  forWeights: '65c73357acb4a061',
  boundaryPlain: [[0.507, 0.223], [0.574, 0.298], [0.618, 0.313], [0.64, 0.352], [0.676, 0.376], [0.727, 0.427], [0.758, 0.443], [0.786, 0.46], [0.819, 0.474], [0.851, 0.58], [0.892, 0.75], [0.927, 0.778]] as [number, number][],
  parentPlain: [[0.385, 0.264], [0.48, 0.277], [0.566, 0.367], [0.658, 0.381], [0.703, 0.42], [0.749, 0.469], [0.822, 0.52], [0.888, 0.589], [0.926, 0.611], [1, 0.69]] as [number, number][],
  parentHeader: [] as [number, number][],
};
