import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Boundary F1, exact segments and parents, as `score-tree.mjs` counts them. */
export interface TreeScores {
  boundaryF1: number;
  segments: number;
  parents: number;
}

/** Runs the shared `score-tree.mjs` on a truth and a predicted tree and reads its `--json` answer. */
export function runScoreTree<T extends TreeScores = TreeScores>(toolsDir: string, truthFile: string, predictedFile: string): T {
  return JSON.parse(execFileSync(process.execPath, [join(toolsDir, 'score-tree.mjs'), truthFile, predictedFile, '--json'], { encoding: 'utf8' })) as T;
}

/** Just the three figures, from an answer that holds more (precision, recall, baselines, …). */
export function treeScores({ boundaryF1, segments, parents }: TreeScores): TreeScores {
  return { boundaryF1, segments, parents };
}
