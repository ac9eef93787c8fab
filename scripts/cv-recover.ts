// `npm run cv:recover [-- --drop cue,cue]`: leave-one-thread-out cross-validation of tree recovery
// on the threads the weights are fitted on (scripts/fit-recover.ts). For each such thread, the
// weights are fitted on all the others and the thread is parsed and scored (plain dump: boundary
// F1, parents; copied page: parents, on its exact cut). Choices between models are made on these
// figures, so that the *heldout* threads stay a test nobody tuned on. `--drop` fits without the
// named cues (an ablation); `--folds N` fits N times, each time without every N-th thread, instead
// of once per thread (faster once there are many threads). Prints the mean over threads and one
// line per thread.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropDebris } from '../src/recover/drop-debris.ts';
import type { RecoverWeights } from '../src/recover/recover-tree.ts';
import { recoverPlainLines } from '../src/recover/recover-plain-lines.ts';
import { attachOnTrueCut } from '../src/recover/attach-on-true-cut.ts';
import { evalThreads, usedForFitting } from '../src/recover/fit-set.ts';
import { flattenDump, nonBlankLines } from '../src/recover/flatten-dump.ts';
import { runScoreTree } from '../src/recover/run-score-tree.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const shared = process.env.SHARED_DIR ?? join(root, '../shared');
const tools = join(shared, 'tools');
if (!existsSync(join(tools, 'flatten-thread.mjs'))) {
  console.error(`cv:recover: ${join(tools, 'flatten-thread.mjs')} not found (set SHARED_DIR to the shared folder)`);
  process.exit(1);
}
const args = process.argv.slice(2);
const dropAt = args.indexOf('--drop');
const drop = dropAt >= 0 ? args[dropAt + 1] ?? '' : '';
const threads = evalThreads(shared).filter(usedForFitting);
const foldsAt = args.indexOf('--folds');
const folds = foldsAt >= 0 ? Number(args[foldsAt + 1]) : threads.length;
if (!Number.isInteger(folds) || folds < 2 || folds > threads.length) {
  console.error(`cv:recover: --folds takes a whole number from 2 to ${threads.length}, got ${args[foldsAt + 1]}`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'cv-recover-'));
const rows: { thread: string; f1: number; parents: number; copied: number }[] = [];
try {
  for (let fold = 0; fold < folds; fold++) {
    const left = threads.filter((_, k) => k % folds === fold);
    const out = join(dir, 'weights.json');
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/fit-recover.ts')], {
      env: { ...process.env, FIT_EXCLUDE: left.map((t) => basename(t)).join(','), FIT_DROP: drop, FIT_OUT: out },
      stdio: 'pipe',
    });
    const weights = JSON.parse(readFileSync(out, 'utf8')) as RecoverWeights;
    for (const thread of left) {
      const plain = scorePlain(thread, weights);
      rows.push({ thread: basename(thread).replace(/\.json$/, ''), ...plain, copied: copiedParents(thread, weights) });
      const r = rows.at(-1)!;
      console.error(`  ${r.thread}: F1 ${r.f1.toFixed(3)}, parents ${r.parents.toFixed(3)}, copied-page parents ${r.copied.toFixed(3)}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const mean = (k: 'f1' | 'parents' | 'copied') => (rows.reduce((s, r) => s + r[k], 0) / rows.length).toFixed(3);
console.log(`cv over ${rows.length} threads${folds < threads.length ? ` in ${folds} folds` : ''}${drop ? ` without ${drop}` : ''}: plain F1 ${mean('f1')}, plain parents ${mean('parents')}, copied-page parents ${mean('copied')}`);

/** The plain dump of `thread` parsed as the importer does, with `weights`, and scored. */
function scorePlain(thread: string, weights: RecoverWeights): { f1: number; parents: number } {
  const { lines, truthFile } = flattenDump(tools, thread, dir, false);
  const predicted = join(dir, 'predicted.json');
  const recovered = recoverPlainLines(dropDebris(nonBlankLines(lines)).kept, { weights });
  const comments = recovered.map((c, k) => ({ id: k, parent: c.parent < 0 ? null : c.parent, lines: [c.first, c.last] }));
  writeFileSync(predicted, JSON.stringify({ comments }));
  const score = runScoreTree(tools, truthFile, predicted);
  return { f1: score.boundaryF1, parents: score.parents };
}

/** Parents found on the copied-page dump of `thread` (its cut is exact: the headers give it). */
function copiedParents(thread: string, weights: RecoverWeights): number {
  const { lines, truth } = flattenDump(tools, thread, dir, true);
  return attachOnTrueCut(lines, truth, true, weights);
}
