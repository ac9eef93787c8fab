import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ParseError } from '../util/parse-error.ts';

/** The archive's record of what the parser wrote, to tell hand edits from its own output. */
export interface Manifest {
  version: 1;
  /** Thread id → the dump it came from and the hash of the bytes written. */
  threads: Record<string, { dump: string; sha256: string }>;
}

export const manifestName = 'manifest.json';

/** The archive's thread files, as listed by its manifest (what the site is built from). */
export function archivedThreadFiles(archiveDir: string): string[] {
  const manifest = readManifest(join(archiveDir, manifestName));
  return Object.keys(manifest.threads).map((id) => join(archiveDir, `${id}.json`));
}

/** An archive's manifest (empty when there is none yet); a damaged one is a ParseError. */
export function readManifest(file: string): Manifest {
  if (!existsSync(file)) return { version: 1, threads: {} };
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (m.version === 1 && typeof m.threads === 'object') return m;
  } catch {
    // fall through
  }
  throw new ParseError(file, `the archive manifest is damaged: delete ${basename(file)} and its folder's threads, then parse again`);
}
