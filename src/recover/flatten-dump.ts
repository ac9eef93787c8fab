import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDump } from '../parse/parse-dump.ts';
import type { DumpLine } from './dump-line.ts';
import { threadToPlainTree } from './thread-to-plain-tree.ts';
import type { FlatTruth } from './truth-segments.ts';

/** A structured thread flattened by the shared `flatten-thread.mjs`: the dump's lines and the true tree. */
export interface FlatDump {
  /** The dump file and its true tree, in the folder given. */
  dump: string;
  truthFile: string;
  lines: string[];
  truth: FlatTruth;
}

/**
 * Runs `flatten-thread.mjs` (in `toolsDir`) on `thread`, plain or as a copied HN page
 * (`--hn-copy`), writing `NAME.txt` and `NAME.truth.json` in `dir`. The thread must be in a
 * format the flattener reads (see `flattenerInput`).
 */
export function flattenDump(toolsDir: string, thread: string, dir: string, copiedPage: boolean, name = 'dump'): FlatDump {
  const dump = join(dir, `${name}.txt`);
  const truthFile = join(dir, `${name}.truth.json`);
  execFileSync(process.execPath, [join(toolsDir, 'flatten-thread.mjs'), ...(copiedPage ? ['--hn-copy'] : []), thread, dump, truthFile], { stdio: 'pipe' });
  return { dump, truthFile, lines: readFileSync(dump, 'utf8').split('\n'), truth: JSON.parse(readFileSync(truthFile, 'utf8')) as FlatTruth };
}

/** A dump's non-blank lines, numbered from 1 (what the text importers recover a tree from). */
export function nonBlankLines(lines: readonly string[]): DumpLine[] {
  return lines.flatMap((text, i) => (text.trim() === '' ? [] : [{ line: i + 1, text }]));
}

/** HN Algolia items, Reddit threads and plain trees: what `flatten-thread.mjs` reads itself. */
export function flattenerReads(file: string): boolean {
  if (!file.endsWith('.json')) return false;
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (Array.isArray(data)) return true;
  const record = data as Record<string, unknown>;
  return Array.isArray(record.children) || (Array.isArray(record.comments) && !('version' in record));
}

/**
 * `input` itself when the flattener reads it; else (a saved HN page, a Discourse topic) the
 * project parses it and writes it to `dir` as a plain tree the flattener reads.
 */
export async function flattenerInput(input: string, dir: string): Promise<string> {
  if (flattenerReads(input)) return input;
  const [parsed] = await parseDump(readFileSync(input), input);
  const tree = join(dir, `${basename(input).replace(/\.(json|html?)$/, '')}.tree.json`);
  writeFileSync(tree, JSON.stringify(threadToPlainTree(parsed!)));
  return tree;
}
