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
import type { FlatTruth } from '../src/recover/truth-segments.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const shared = process.env.SHARED_DIR ?? join(root, '../shared');
const flatten = join(shared, 'tools/flatten-thread.mjs');
const scorer = join(shared, 'tools/score-tree.mjs');
if (!existsSync(flatten)) {
  console.error(`cv:recover: ${flatten} not found (set SHARED_DIR to the shared folder)`);
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
  const dump = join(dir, 'dump.txt');
  const truth = join(dir, 'truth.json');
  const predicted = join(dir, 'predicted.json');
  execFileSync(process.execPath, [flatten, thread, dump, truth], { stdio: 'pipe' });
  const lines = readFileSync(dump, 'utf8').split('\n');
  const body = lines.flatMap((text, i) => (text.trim() === '' ? [] : [{ line: i + 1, text }]));
  const recovered = recoverPlainLines(dropDebris(body).kept, { weights });
  const comments = recovered.map((c, k) => ({ id: k, parent: c.parent < 0 ? null : c.parent, lines: [c.first, c.last] }));
  writeFileSync(predicted, JSON.stringify({ comments }));
  const score = JSON.parse(execFileSync(process.execPath, [scorer, truth, predicted, '--json'], { encoding: 'utf8' })) as {
    boundaryF1: number;
    parents: number;
  };
  return { f1: score.boundaryF1, parents: score.parents };
}

/** Parents found on the copied-page dump of `thread` (its cut is exact: the headers give it). */
function copiedParents(thread: string, weights: RecoverWeights): number {
  const dump = join(dir, 'dump.txt');
  const truthFile = join(dir, 'truth.json');
  execFileSync(process.execPath, [flatten, '--hn-copy', thread, dump, truthFile], { stdio: 'pipe' });
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as FlatTruth;
  return attachOnTrueCut(readFileSync(dump, 'utf8').split('\n'), truth, true, weights);
}
