// `npm run fit:calibration`: makes tree recovery's confidences mean what they say. The fitted
// threads are parsed by weights fitted without them (8 folds, as `cv:recover -- --folds 8`), and
// so are half the held-out threads of real length and shape (`usedForCalibration`: parsed by
// the fitted weights, which never saw them). Each recovered comment's raw confidences are paired
// with whether the inference was right, and isotonic maps are fitted (src/recover/calibrate.ts)
// for where a plain dump's cut is and what each comment answers (a copied page's parent
// confidences are measured and left raw). Writes src/recover/calibration.ts with the hash of the
// weights it was made for (a test fails when they differ: run this after `npm run fit:recover`).
// Then scores the other held-out threads, raw and calibrated: the expected calibration error
// (10 bins: the mean gap between the stated confidence and the share right).
//
//   npm run fit:calibration [-- --check]     (--check: measure only, write nothing)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyCalibration, fitCalibration, type CalibrationKnots } from '../src/recover/calibrate.ts';
import { calibration as current, weightsHash } from '../src/recover/calibration.ts';
import { parseDump } from '../src/parse/parse-dump.ts';
import { dropDebris } from '../src/recover/drop-debris.ts';
import { flattenDump, flattenerInput, nonBlankLines } from '../src/recover/flatten-dump.ts';
import { evalThreads, usedForCalibration, usedForFitting } from '../src/recover/fit-set.ts';
import { recoverPlainLines } from '../src/recover/recover-plain-lines.ts';
import { recoverTree, type RecoverWeights } from '../src/recover/recover-tree.ts';
import { truthParents, truthSegments } from '../src/recover/truth-segments.ts';
import { weights as fittedWeights } from '../src/recover/weights.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const shared = process.env.SHARED_DIR ?? join(root, '../shared');
const tools = join(shared, 'tools');
if (!existsSync(join(tools, 'flatten-thread.mjs'))) {
  console.error(`fit:calibration: ${join(tools, 'flatten-thread.mjs')} not found (set SHARED_DIR to the shared folder)`);
  process.exit(1);
}
const checkOnly = process.argv.includes('--check');
const kinds = ['boundaryPlain', 'parentPlain', 'parentHeader'] as const;
type Kind = (typeof kinds)[number];
type Example = { raw: number; right: boolean };
const dir = mkdtempSync(join(tmpdir(), 'fit-calibration-'));

/** Each recovered comment's raw confidences in `thread`, and whether each inference was right. */
async function examples(input: string, weights: RecoverWeights): Promise<Record<Kind, Example[]>> {
  const out: Record<Kind, Example[]> = { boundaryPlain: [], parentPlain: [], parentHeader: [] };
  // Formats the flattener cannot read (a saved HN page, a Discourse topic) go through the project's parser first, as in `npm run eval`.
  const thread = await flattenerInput(input, dir);
  // Plain dump: the comments as the importer cuts them. A comment is rightly cut when a true
  // comment has exactly its lines. Its parent is judged where it starts where a true comment
  // does ("if this is a comment, what does it answer"): right when its parent starts where that
  // one's parent does (or both answer the story).
  const plain = flattenDump(tools, thread, dir, false);
  let truth = plain.truth;
  const recovered = recoverPlainLines(dropDebris(nonBlankLines(plain.lines)).kept, { weights });
  const trueAt = new Map(truth.comments.map((c) => [c.lines[0], c]));
  const trueById = new Map(truth.comments.map((c) => [c.id, c]));
  // What recoverTree leaves at 1 (certain) is not fitted: a raw cut confidence of 1, the first comment's parent.
  for (const [k, r] of recovered.entries()) {
    const t = trueAt.get(r.first);
    if (r.boundary < 1) out.boundaryPlain.push({ raw: r.boundary, right: t !== undefined && t.lines[1] === r.last });
    if (k === 0 || t === undefined || t.parent === 'missing') continue;
    const wantFirst = t.parent === null ? -1 : trueById.get(t.parent)!.lines[0];
    const hasFirst = r.parent < 0 ? -1 : recovered[r.parent]!.first;
    out.parentPlain.push({ raw: r.parentConfidence, right: wantFirst === hasFirst });
  }
  // Copied page: its headers give the cut exactly, so the attachment runs on the true cut.
  const page = flattenDump(tools, thread, dir, true);
  truth = page.truth;
  const { segments, headers } = truthSegments(page.lines, truth, true);
  const onPage = recoverTree(
    segments.map((items, k) => ({ items, first: truth.comments[k]!.lines[0], last: truth.comments[k]!.lines[1], boundary: 1, ...(headers[k] ? { header: headers[k] } : {}) })),
    { weights },
  );
  truthParents(truth).forEach((p, k) => {
    if (p !== -2 && k > 0) out.parentHeader.push({ raw: onPage[k]!.parentConfidence, right: onPage[k]!.parent === p });
  });
  return out;
}

/** Expected calibration error over 10 equal-width bins, and the share right overall. */
function ece(list: readonly Example[], map: (raw: number) => number): { ece: number; right: number; n: number } {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const e of list) {
    const c = map(e.raw);
    const bin = bins[Math.min(9, Math.floor(c * 10))]!;
    bin.n++;
    bin.conf += c;
    bin.right += e.right ? 1 : 0;
  }
  const gap = bins.reduce((s, b) => s + (b.n === 0 ? 0 : Math.abs(b.conf - b.right)), 0) / list.length;
  return { ece: gap, right: list.filter((e) => e.right).length / list.length, n: list.length };
}

const collected: Record<Kind, Example[]> = { boundaryPlain: [], parentPlain: [], parentHeader: [] };
const add = (from: Record<Kind, Example[]>, to: Record<Kind, Example[]>) => {
  for (const kind of kinds) to[kind].push(...from[kind]);
};
try {
  let fitted: Record<Kind, [number, number][]>;
  if (checkOnly) {
    fitted = { ...current } as unknown as Record<Kind, [number, number][]>;
  } else {
    const threads = evalThreads(shared).filter(usedForFitting);
    const folds = 8;
    for (let fold = 0; fold < folds; fold++) {
      const left = threads.filter((_, k) => k % folds === fold);
      const out = join(dir, 'weights.json');
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/fit-recover.ts')], {
        env: { ...process.env, FIT_EXCLUDE: left.map((t) => basename(t)).join(','), FIT_OUT: out },
        stdio: 'pipe',
      });
      const weights = JSON.parse(readFileSync(out, 'utf8')) as RecoverWeights;
      for (const thread of left) add(await examples(thread, weights), collected);
      console.error(`  fold ${fold + 1} of ${folds}`);
    }
    // Held-out threads of real length and shape, parsed by the weights (never fitted on them).
    for (const thread of evalThreads(shared).filter((t, _, all) => usedForCalibration(t, all))) add(await examples(thread, fittedWeights), collected);
    // Copied pages' parent confidences are left raw: they are calibrated already on the held-out
    // threads (error 0.015), and a map fitted on the fitted threads, which are harder, made it 0.030.
    fitted = { boundaryPlain: fitCalibration(collected.boundaryPlain), parentPlain: fitCalibration(collected.parentPlain), parentHeader: [] };
    // The ones the maps are fitted on, raw and through the maps (in-sample for the maps).
    const file = join(root, 'src/recover/calibration.ts');
    const knots = (k: [number, number][]) => `[${k.map(([x, y]) => `[${x}, ${y}]`).join(', ')}]`;
    writeFileSync(
      file,
      `// Written by \`npm run fit:calibration\` (scripts/fit-calibration.ts): maps from the raw confidences of\n` +
        `// tree recovery under the weights in weights.ts to the share of such inferences that were right\n` +
        `// (isotonic, fitted on the fitted threads, each parsed by weights fitted without it, and on half\n` +
        `// the long and shape held-out threads, parsed by the weights: fit-set.ts, usedForCalibration).\n` +
        `import { createHash } from 'node:crypto';\n` +
        `import { weights } from './weights.ts';\n\n` +
        `/** The weights' hash; \`calibration.forWeights\` must equal it (test/calibration.test.ts). */\n` +
        `export const weightsHash = (): string => createHash('sha256').update(JSON.stringify(weights)).digest('hex').slice(0, 16);\n\n` +
        `export const calibration = {\n` +
        `  forWeights: '${weightsHash()}',\n` +
        kinds.map((k) => `  ${k}: ${knots(fitted[k])} as [number, number][],\n`).join('') +
        `};\n`,
    );
    console.error(`fit:calibration: wrote ${file}`);
    for (const kind of kinds) {
      const r = ece(collected[kind], (x) => x);
      const c = ece(collected[kind], (x) => applyCalibration(fitted[kind], x));
      console.log(`fitted threads (cross-validated) and half the long and shape threads, ${kind}: ${r.n} inferences, ${(r.right * 100).toFixed(1)}% right; expected calibration error raw ${r.ece.toFixed(3)}, calibrated ${c.ece.toFixed(3)}`);
    }
  }
  // Held out: the current weights' raw confidences, and through the map.
  const heldOut: Record<Kind, Example[]> = { boundaryPlain: [], parentPlain: [], parentHeader: [] };
  const all = evalThreads(shared);
  const rest = all.filter((t) => !usedForFitting(t) && !usedForCalibration(t, all) && t.endsWith('.json') && t.includes('eval-threads'));
  for (const thread of rest) add(await examples(thread, fittedWeights), heldOut);
  // The real samples never fitted on (the saved HN page, the Discourse topic), apart: real dumps.
  const real: Record<Kind, Example[]> = { boundaryPlain: [], parentPlain: [], parentHeader: [] };
  for (const thread of all.filter((t) => !usedForFitting(t) && !t.includes('eval-threads'))) add(await examples(thread, fittedWeights), real);
  console.log(`held out from weights and maps alike: ${rest.length} invented threads, ${all.filter((t) => !usedForFitting(t) && !t.includes('eval-threads')).length} real samples`);
  for (const [name, set] of [['held-out threads', heldOut], ['real held-out samples', real]] as const) {
    for (const kind of kinds) {
      const map: CalibrationKnots = fitted[kind];
      const r = ece(set[kind], (x) => x);
      const c = ece(set[kind], (x) => applyCalibration(map, x));
      if (r.n > 0) console.log(`${name}, ${kind}: ${r.n} inferences, ${(r.right * 100).toFixed(1)}% right; expected calibration error raw ${r.ece.toFixed(3)}, calibrated ${c.ece.toFixed(3)}`);
    }
  }
  // The seed dump, a real one, against each careful reader's tree: what the parser says against how often it is so.
  const seed = join(shared, 'seeds/000_25f736c3171ccdd8.txt');
  if (existsSync(seed)) {
    const [thread] = await parseDump(readFileSync(seed), seed);
    for (const side of ['a', 'b']) {
      const reader = JSON.parse(readFileSync(join(root, `test/eval-threads/reader/seed-000_25f736c3171ccdd8.${side}.json`), 'utf8')) as { comments: { id: string; parent: string | null; lines: [number, number] }[] };
      const at = new Map(reader.comments.map((c) => [c.lines[0], c]));
      const byId = new Map(reader.comments.map((c) => [c.id, c]));
      const cuts = thread!.comments.filter((c) => c.confidence!.boundary < 1);
      const cutRight = cuts.filter((c) => at.get(c.lines![0])?.lines[1] === c.lines![1]).length;
      const starts = thread!.comments.slice(1).filter((c) => at.has(c.lines![0]));
      const firstOf = new Map(thread!.comments.map((c) => [c.id, c.lines![0]]));
      const parentRight = starts.filter((c) => {
        const want = at.get(c.lines![0])!.parent;
        return (want === null ? -1 : byId.get(want)!.lines[0]) === (c.parent === null ? -1 : firstOf.get(c.parent));
      }).length;
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      console.log(
        `seed dump against reader ${side}: cuts stated ${mean(cuts.map((c) => c.confidence!.boundary)).toFixed(2)} sure on average, ${(cutRight / cuts.length).toFixed(2)} exactly right; ` +
          `parents of comments that start where the reader's do stated ${mean(starts.map((c) => c.confidence!.parent)).toFixed(2)}, ${(parentRight / starts.length).toFixed(2)} right`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
