// Written by `npm run fit:calibration` (scripts/fit-calibration.ts): maps from the raw confidences of
// tree recovery under the weights in weights.ts to the share of such inferences that were right
// (isotonic, fitted on the fitted threads, each parsed by weights fitted without it).
import { createHash } from 'node:crypto';
import { weights } from './weights.ts';

/** The weights' hash; `calibration.forWeights` must equal it (test/calibration.test.ts). */
export const weightsHash = (): string => createHash('sha256').update(JSON.stringify(weights)).digest('hex').slice(0, 16);

export const calibration = {
  forWeights: '65c73357acb4a061',
  boundaryPlain: [[0.496, 0.269], [0.549, 0.352], [0.579, 0.385], [0.609, 0.4], [0.654, 0.446], [0.724, 0.516], [0.788, 0.525], [0.833, 0.632], [0.867, 0.673], [0.896, 0.79], [0.928, 0.848]] as [number, number][],
  parentPlain: [[0.321, 0.23], [0.417, 0.3], [0.514, 0.399], [0.598, 0.422], [0.686, 0.483], [0.792, 0.507], [0.879, 0.608], [0.917, 0.662], [0.971, 0.691], [1, 0.747]] as [number, number][],
  parentHeader: [] as [number, number][],
};
