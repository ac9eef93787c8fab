import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseDump } from '../parse/parse-dump.ts';
import { flattenDump, flattenerInput } from './flatten-dump.ts';
import { attachOnTrueCut } from './attach-on-true-cut.ts';
import { runScoreTree, treeScores, type TreeScores } from './run-score-tree.ts';
import { addPageLinks } from './hn-page-links.ts';

/**
 * `plain`: paragraphs only; `hn-copy`: `flatten-thread.mjs --hn-copy` (every header `parent |
 * next`); `hn-page`: the same with the links a real HN page gives each header (`addPageLinks`).
 */
export type EvalMode = 'plain' | 'hn-copy' | 'hn-page';


export interface EvalRow extends TreeScores {
  thread: string;
  mode: EvalMode;
  trueComments: number;
  lines: number;
  parentsGivenSegment: number;
  /** Share of parents the attachment finds when handed the true cut (headers too, for hn-copy). */
  parentsGivenTrueCut: number;
  baselines: Record<'linesFlat' | 'linesChain' | 'trueSegmentsFlat' | 'trueSegmentsChain', TreeScores>;
  /** Time the project's parser took on the flat dump. */
  parseMs: number;
  /** A careful reader's reconstruction of the same plain dump, scored the same way (when one is stored). */
  reader?: TreeScores;
}

export interface EvalOptions {
  /**
   * A folder of readers' reconstructions, `NAME.json` for the plain dump of thread NAME, in the
   * shape `score-tree.mjs` scores (`{"comments": [{"id", "parent", "lines": [a, b]}]}`).
   */
  readerDir?: string;
}

/**
 * Flattens a structured thread with the shared `flatten-thread.mjs` (plain, or `--hn-copy`; for
 * `hn-page` with HN's own header links added), parses the flat text with the project's parser,
 * and scores the tree with `score-tree.mjs`.
 */
export async function evaluateThread(input: string, mode: EvalMode, toolsDir: string, options: EvalOptions = {}): Promise<EvalRow> {
  const dir = mkdtempSync(join(tmpdir(), 'recover-eval-'));
  try {
    const name = basename(input).replace(/\.(json|html?)$/, '');
    // Formats the flattener cannot read are parsed by the project first and handed over as a plain tree.
    const { dump, truthFile: truth, lines, truth: flatTruth } = flattenDump(toolsDir, await flattenerInput(input, dir), dir, mode !== 'plain', name);
    const predicted = join(dir, `${name}.predicted.json`);
    if (mode === 'hn-page') writeFileSync(dump, addPageLinks(lines, flatTruth).join('\n'));
    const bytes = readFileSync(dump);
    const start = performance.now();
    const [thread] = await parseDump(bytes, dump);
    const parseMs = performance.now() - start;
    writeFileSync(predicted, JSON.stringify(thread));
    const score = runScoreTree<Omit<EvalRow, 'thread' | 'mode' | 'lines' | 'parseMs'>>(toolsDir, truth, predicted);
    const text = bytes.toString('utf8').split('\n');
    const parentsGivenTrueCut = attachOnTrueCut(text, flatTruth, mode !== 'plain');
    const readerFile = options.readerDir && mode === 'plain' ? join(options.readerDir, `${name}.json`) : undefined;
    const reader = readerFile && existsSync(readerFile) ? runScoreTree(toolsDir, truth, readerFile) : undefined;
    return { ...score, thread: name, mode, lines: text.length - 1, parseMs, parentsGivenTrueCut, ...(reader ? { reader: treeScores(reader) } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
