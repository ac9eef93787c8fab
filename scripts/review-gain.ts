// `npm run review-gain`: how far a person gets by checking a recovered tree in the order the
// parser offers its doubts (`--review`, the reader's "inferred" markers), measured on the
// held-out eval threads' plain dumps. A simulated reviewer checks the least sure comments'
// cuts (fixing each against the true tree with `merge` and `split` lines, as NAME.fixes.json
// takes them), then the least sure parents (`comments.ID.parent`); the dump is parsed again
// with those fixes and scored by the shared score-tree.mjs. The same number of checks in a
// random order shows what the confidences add.
//
//   npm run review-gain [-- THREAD.json ...]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDump } from '../src/parse/parse-dump.ts';
import type { Overrides } from '../src/parse/overrides.ts';
import { evalThreads, usedForFitting } from '../src/recover/fit-set.ts';
import { flattenDump } from '../src/recover/flatten-dump.ts';
import { runScoreTree } from '../src/recover/run-score-tree.ts';
import type { FlatTruth } from '../src/recover/truth-segments.ts';
import type { Comment, Thread } from '../src/thread/types.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const shared = process.env.SHARED_DIR ?? join(root, '../shared');
const tools = join(shared, 'tools');
if (!existsSync(join(tools, 'flatten-thread.mjs'))) {
  console.error(`review-gain: ${join(tools, 'flatten-thread.mjs')} not found (set SHARED_DIR to the shared folder)`);
  process.exit(1);
}
const named = process.argv.slice(2);
const threads = named.length > 0 ? named : evalThreads(shared).filter((t) => !usedForFitting(t) && t.endsWith('.json') && t.includes('eval-threads'));
/** Share of the recovered comments checked, for cuts and then for parents. */
const budgets = [0.1, 0.25];

type Scores = { boundaryF1: number; parents: number };
const dir = mkdtempSync(join(tmpdir(), 'review-gain-'));

/** A fixed shuffle (mulberry32), so that runs are comparable. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function parse(bytes: Buffer, dump: string, overrides?: Overrides): Promise<Thread> {
  const [thread] = await parseDump(bytes, dump, overrides ? { overrides, overridesFile: `${dump} fixes` } : {});
  return thread!;
}

function score(thread: Thread, truthFile: string): Scores {
  const predicted = join(dir, 'predicted.json');
  writeFileSync(predicted, JSON.stringify(thread));
  const { boundaryF1, parents } = runScoreTree(tools, truthFile, predicted);
  return { boundaryF1, parents };
}

/** The cut fixes that make each checked comment's range agree with the true starts. */
function cutFixes(checked: readonly Comment[], starts: ReadonlySet<number>, fixes: { split: Set<number>; merge: Set<number> }): void {
  for (const c of checked) {
    const [first, last] = c.lines!;
    if (!starts.has(first)) fixes.merge.add(first);
    for (let line = first + 1; line <= last; line++) if (starts.has(line)) fixes.split.add(line);
  }
}

/** The parent fixes for checked comments whose range is a true comment's and whose parent is wrong. */
function parentFixes(thread: Thread, checked: readonly Comment[], truth: FlatTruth): Record<string, { parent: string | null }> {
  const trueByFirst = new Map(truth.comments.map((t) => [t.lines[0], t]));
  const trueById = new Map(truth.comments.map((t) => [t.id, t]));
  const recoveredByFirst = new Map(thread.comments.map((c) => [c.lines![0], c]));
  const byId = new Map(thread.comments.map((c) => [c.id, c]));
  const out: Record<string, { parent: string | null }> = {};
  for (const c of checked) {
    const t = trueByFirst.get(c.lines![0]);
    if (!t || t.lines[1] !== c.lines![1] || t.parent === 'missing') continue;
    const want = t.parent === null ? null : recoveredByFirst.get(trueById.get(t.parent)!.lines[0])?.id;
    if (want === undefined) continue; // the true parent is not a comment of its own here
    const has = c.parent === null ? null : byId.get(c.parent)?.lines?.[0];
    const wantFirst = want === null ? null : trueById.get(t.parent as number)!.lines[0];
    if (has !== wantFirst) out[c.id] = { parent: want };
  }
  return out;
}

const rows: Record<string, Scores[]> = {};
const add = (key: string, s: Scores) => (rows[key] ??= []).push(s);
try {
  for (const [k, file] of threads.entries()) {
    const name = basename(file).replace(/\.json$/, '');
    const { dump, truthFile, truth } = flattenDump(tools, file, dir, false, name);
    const starts = new Set(truth.comments.map((t) => t.lines[0]));
    const bytes = readFileSync(dump);
    const parsed = await parse(bytes, dump);
    add('as parsed', score(parsed, truthFile));
    const inferred = parsed.comments.filter((c) => c.confidence && c.lines);
    const leastSureCut = [...inferred].sort((a, b) => a.confidence!.boundary - b.confidence!.boundary);
    for (const budget of budgets) {
      const n = Math.ceil(budget * inferred.length);
      for (const [order, list] of [['least sure first', leastSureCut], ['random order', shuffled(inferred, 1000 + k)]] as const) {
        const fixes = { split: new Set<number>(), merge: new Set<number>() };
        cutFixes(list.slice(0, n), starts, fixes);
        const overrides: Overrides = { split: [...fixes.split], merge: [...fixes.merge] };
        const cut = await parse(bytes, dump, overrides);
        add(`cuts of ${budget * 100}% checked, ${order}`, score(cut, truthFile));
        // Then as many parents, in the same kind of order.
        const recovered = cut.comments.filter((c) => c.confidence && c.lines);
        const parentOrder = order === 'random order' ? shuffled(recovered, 2000 + k) : [...recovered].sort((a, b) => a.confidence!.parent - b.confidence!.parent);
        const comments = parentFixes(cut, parentOrder.slice(0, n), truth);
        const both = await parse(bytes, dump, { ...overrides, comments });
        add(`cuts and parents of ${budget * 100}% checked, ${order}`, score(both, truthFile));
      }
    }
    process.stderr.write(`  ${name}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const mean = (list: Scores[], key: keyof Scores) => (list.reduce((s, r) => s + r[key], 0) / list.length).toFixed(3);
console.log(`review-gain: ${threads.length} held-out plain dumps; each check is one recovered comment`);
console.log('| checked | boundary F1 | parents |');
console.log('|---|---|---|');
for (const [key, list] of Object.entries(rows)) console.log(`| ${key} | ${mean(list, 'boundaryF1')} | ${mean(list, 'parents')} |`);
