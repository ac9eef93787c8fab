// `npm run eval [-- THREAD.json ...] [--json]`: flattens structured threads with the shared
// flatten-thread.mjs (plain, --hn-copy, and hn-page: --hn-copy with the header links a real HN
// page has, src/recover/hn-page-links.ts), parses the flat dumps with the project's parser and
// scores them with score-tree.mjs. With no threads: the shared samples hn-algolia.json,
// reddit.json, hn-item.html and discourse.json (when ../shared is there; the last two are parsed
// by the project and flattened as plain trees) and every test/eval-threads/*.json, then the seed
// dump against careful readers' trees of it. The "use" column says which were used to fit the
// weights (src/recover/fit-set.ts); "reader" scores a reader's reconstruction of the same plain
// dump (test/eval-threads/reader/). `--json` prints {threads, seedReaders}.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateThread, type EvalRow } from '../src/recover/evaluate-thread.ts';
import { evalThreads, usedForFitting } from '../src/recover/fit-set.ts';
import { scoreAgainstReaders, type ReaderAgreement } from '../src/recover/score-against-readers.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const shared = process.env.SHARED_DIR ?? join(root, '../shared');
const tools = join(shared, 'tools');
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const named = args.filter((a) => !a.startsWith('--'));
const threads = named.length > 0 ? named : evalThreads(shared);
if (!existsSync(join(tools, 'flatten-thread.mjs'))) {
  console.error(`eval: ${tools}/flatten-thread.mjs not found (set SHARED_DIR to the shared folder)`);
  process.exit(1);
}

// A careful reader's reconstructions of some plain dumps (test/eval-threads/reader/README.md).
const readerDir = join(root, 'test/eval-threads/reader');
const rows: (EvalRow & { fitted: boolean })[] = [];
for (const thread of threads)
  for (const mode of ['plain', 'hn-copy', 'hn-page'] as const) rows.push({ ...(await evaluateThread(thread, mode, tools, { readerDir })), fitted: usedForFitting(thread) });

// The seed dump has no known tree: it is scored against careful readers' trees of it instead.
const seeds = join(shared, 'seeds');
const agreement: ReaderAgreement[] = [];
if (named.length === 0) {
  for (const seed of existsSync(seeds) ? readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort() : [])
    agreement.push(...(await scoreAgainstReaders(join(seeds, seed), readerDir, tools)));
}

if (asJson) {
  console.log(JSON.stringify({ threads: rows, seedReaders: agreement }, null, 1));
} else {
  const f = (x: number) => x.toFixed(3);
  const header = ['thread', 'mode', 'use', 'comments', 'F1', 'segments', 'parents', 'trueCut:parents', 'base:segChain', 'base:segFlat', 'base:linesChain', 'lines/s', 'reader F1/parents'];
  const table = rows.map((r) => [
    r.thread,
    r.mode,
    r.fitted ? 'fit' : 'held out',
    String(r.trueComments),
    f(r.boundaryF1),
    f(r.segments),
    f(r.parents),
    f(r.parentsGivenTrueCut),
    f(r.baselines.trueSegmentsChain.parents),
    f(r.baselines.trueSegmentsFlat.parents),
    f(r.baselines.linesChain.parents),
    String(Math.round(r.lines / (r.parseMs / 1000))),
    r.reader ? `${f(r.reader.boundaryF1)}/${f(r.reader.parents)}` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of table) console.log(line(row));
  const heldOut = rows.filter((r) => !r.fitted);
  if (heldOut.length > 0) {
    console.log(`\nMeans over the ${heldOut.length / 3} held-out threads:`);
    for (const mode of ['plain', 'hn-copy', 'hn-page'] as const) {
      const these = heldOut.filter((r) => r.mode === mode);
      const mean = (get: (r: EvalRow) => number) => f(these.reduce((sum, r) => sum + get(r), 0) / these.length);
      console.log(`  ${mode}: F1 ${mean((r) => r.boundaryF1)}, parents ${mean((r) => r.parents)}, true cut ${mean((r) => r.parentsGivenTrueCut)}, chain baseline ${mean((r) => r.baselines.trueSegmentsChain.parents)}`);
    }
  }
  const read = rows.filter((r) => r.reader);
  if (read.length > 0) {
    const mean = (get: (r: EvalRow) => number) => f(read.reduce((sum, r) => sum + get(r), 0) / read.length);
    console.log(
      `\n${read.length} plain dumps with a reader's reconstruction: this parser F1 ${mean((r) => r.boundaryF1)}, parents ${mean((r) => r.parents)}; ` +
        `the reader F1 ${mean((r) => r.reader!.boundaryF1)}, parents ${mean((r) => r.reader!.parents)}`,
    );
  }
  if (agreement.length > 0) console.log('\nThe seed dump, scored against readers\' trees (each reader\'s tree as the truth):');
  for (const a of agreement) console.log(`  ${a.dump}: ${a.scored} against ${a.reader}: F1 ${f(a.boundaryF1)}, segments ${f(a.segments)}, parents ${f(a.parents)}`);
}
