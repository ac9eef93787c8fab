import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseDump } from '../parse/parse-dump.ts';
import { runScoreTree, treeScores, type TreeScores } from './run-score-tree.ts';

export interface ReaderAgreement extends TreeScores {
  /** The dump (a file with no known tree, such as the seed dump). */
  dump: string;
  /** Whose tree is taken as the truth: `reader X` for the file `<prefix><dump name>.X.json`. */
  reader: string;
  /** Whose tree is scored against it: `parser`, or another reader. */
  scored: string;
}

/**
 * For a dump whose true tree nobody knows, how far the parser's tree is from what careful
 * readers made of it (`readerDir/<prefix><dump name>.<reader>.json`, in the shape
 * `score-tree.mjs` reads as a truth), and how far the readers are from each other: each reader's
 * tree in turn is the truth for `score-tree.mjs`.
 */
export async function scoreAgainstReaders(dump: string, readerDir: string, toolsDir: string, prefix = 'seed-'): Promise<ReaderAgreement[]> {
  const name = basename(dump).replace(/\.[^.]+$/, '');
  const readers = existsSync(readerDir)
    ? readdirSync(readerDir)
        .filter((f) => f.startsWith(`${prefix}${name}.`) && f.endsWith('.json'))
        .sort()
    : [];
  if (readers.length === 0) return [];
  const label = (file: string) => `reader ${file.slice(`${prefix}${name}.`.length, -'.json'.length)}`;
  const dir = mkdtempSync(join(tmpdir(), 'reader-agreement-'));
  try {
    const [thread] = await parseDump(readFileSync(dump), dump);
    const parsed = join(dir, 'parsed.json');
    writeFileSync(parsed, JSON.stringify(thread));
    const rows: ReaderAgreement[] = [];
    for (const reader of readers) {
      for (const [scored, file] of [['parser', parsed], ...readers.filter((r) => r !== reader).map((r) => [r, join(readerDir, r)])] as const) {
        const scores = treeScores(runScoreTree(toolsDir, join(readerDir, reader), file));
        rows.push({ dump: basename(dump), reader: label(reader), scored: scored === 'parser' ? scored : label(scored), ...scores });
      }
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
