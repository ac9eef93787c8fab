import { readFileSync, statSync, type Stats } from 'node:fs';
import { ParseError } from '../util/parse-error.ts';

/** Dumps larger than this are refused (a thread of 100,000 comments is about 40 MB). */
export const maxDumpBytes = Number(process.env.MAX_DUMP_MB ?? 64) * 1024 * 1024;

/**
 * A dump's stat, refusing (with a ParseError naming it) one that is not a regular file or is
 * too large to parse in memory.
 */
export function checkDumpFile(path: string, shown = path): Stats {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new ParseError(shown, 'no such file');
  if (!stat.isFile()) throw new ParseError(shown, 'not a regular file');
  if (stat.size > maxDumpBytes) {
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    throw new ParseError(shown, `the file is ${mb(stat.size)} MB; dumps over ${mb(maxDumpBytes)} MB are refused: split it, or raise MAX_DUMP_MB`);
  }
  return stat;
}

/** Reads a dump's bytes, after checkDumpFile (so nothing is read of a file it refuses). */
export function readDumpFile(path: string, shown = path): Buffer {
  checkDumpFile(path, shown);
  return readFileSync(path);
}
