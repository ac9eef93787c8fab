import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ParseError, isParseError } from '../util/parse-error.ts';
import { manifestName, readManifest, type Manifest } from './archive-manifest.ts';
import { checkDumpFile, readDumpFile } from './read-dump-file.ts';
import { FileHashCache } from '../util/file-hash-cache.ts';
import type { ParseJob } from './parse-job.ts';
import { asCachedOutput, readParseCacheEntry, writeParseCacheEntry, type CachedOutput } from './parse-cache-entry.ts';
import { defaultWorkers, parseJobs } from './parse-pool.ts';
import { parserHash } from './parser-hash.ts';
import { writeAtomic } from './write-atomic.ts';
import { overridesPath, overridesSuffix } from './overrides-path.ts';

export interface ParseDirectoryOptions {
  threadsDir: string;
  archiveDir: string;
  /** Where parsed dumps are cached by content hash; deleting it is always safe. */
  cacheDir?: string;
  /** Overwrite (or remove) archive files that were edited by hand. */
  force?: boolean;
  onProgress?: (done: number, total: number, file: string) => void;
  /**
   * Worker threads to parse on besides this one. Default: one less than the cores when the
   * dumps to parse are large enough to repay starting them, else none.
   */
  workers?: number;
}

export interface ParseDirectoryResult {
  threads: number;
  comments: number;
  /** Dumps parsed anew (not from the cache). */
  parsed: number;
  /** Worker threads that parsed beside this one. */
  workers: number;
  errors: ParseError[];
}

/** The dumps in a folder: every file but dotfiles, READMEs and overrides files. */
export function listDumps(threadsDir: string): string[] {
  return readdirSync(threadsDir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith(overridesSuffix) && !/^readme(\.|$)/i.test(e.name))
    .map((e) => e.name)
    .sort();
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * Parses every dump of a folder into an archive folder of thread JSON files plus a manifest.
 * One bad dump is reported and does not stop the others; its earlier output is kept. Files
 * in the archive that were edited by hand are never overwritten or removed without `force`.
 */
export async function parseDirectory(options: ParseDirectoryOptions): Promise<ParseDirectoryResult> {
  const { threadsDir, archiveDir, force = false } = options;
  if (!existsSync(threadsDir) || !statSync(threadsDir).isDirectory()) {
    throw new ParseError(threadsDir, 'no such folder of dumps');
  }
  const dumps = listDumps(threadsDir);
  /** Hashes of the dumps and archive files, by their stat (see FileHashCache), with the parse cache. */
  const hashes = options.cacheDir ? new FileHashCache(join(options.cacheDir, 'file-hashes.json')) : undefined;
  const manifestFile = join(archiveDir, manifestName);
  const previous = readManifest(manifestFile);
  const next: Manifest = { version: 1, threads: {} };
  const errors: ParseError[] = [];
  const owner = new Map<string, string>();
  let comments = 0;
  let parsed = 0;
  const failed = new Set<string>();

  // 1. Read every dump and look it up in the cache; what is not there is parsed below.
  const outputsOf = new Map<string, CachedOutput[]>();
  /** A dump that could not be read or parsed: its error, reported in the dumps' order. */
  const failures = new Map<string, ParseError>();
  const jobs: ParseJob[] = [];
  const jobNames: string[] = [];
  const cacheFiles: (string | undefined)[] = [];
  let done = 0;
  const progress = (name: string) => options.onProgress?.(done++, dumps.length, join(threadsDir, name));
  for (const name of dumps) {
    const file = join(threadsDir, name);
    try {
      // The dump's hash: from the hash cache while the file looks unchanged, else read.
      const stats = checkDumpFile(file);
      let bytes: Buffer | undefined;
      let dumpSha = hashes?.known(file, stats);
      if (dumpSha === undefined) {
        bytes = readFileSync(file);
        dumpSha = sha256(bytes);
        hashes?.remember(file, stats, dumpSha);
      }
      const fixesFile = overridesPath(file);
      const fixesText = existsSync(fixesFile) ? readFileSync(fixesFile, 'utf8') : undefined;
      const keyOf = (dumpHash: string) => sha256(`${parserHash()}\0${dumpHash}\0${fixesText ?? ''}\0${name}`);
      let key = keyOf(dumpSha);
      let cacheFile = options.cacheDir ? join(options.cacheDir, `${key}.out`) : undefined;
      const hit = cacheFile ? readParseCacheEntry(cacheFile) : undefined;
      if (hit) {
        outputsOf.set(name, hit);
        progress(name);
      } else {
        if (!bytes) {
          // Read now; the cache entry is named after what was read.
          bytes = readDumpFile(file);
          key = keyOf(sha256(bytes));
          cacheFile = options.cacheDir ? join(options.cacheDir, `${key}.out`) : undefined;
        }
        jobs.push({ file, bytes, fixesFile, ...(fixesText === undefined ? {} : { fixesText }) });
        jobNames.push(name);
        cacheFiles.push(cacheFile);
      }
    } catch (error) {
      if (!isParseError(error)) throw error;
      failures.set(name, error);
      progress(name);
    }
  }

  // 2. Parse the rest, on every core when there is enough of it.
  const workers = options.workers ?? defaultWorkers(jobs);
  const results = await parseJobs(jobs, {
    workers,
    onResult: (index) => progress(jobNames[index]!),
  });
  for (const [index, result] of results.entries()) {
    const name = jobNames[index]!;
    if (!result.ok) {
      failures.set(name, new ParseError(result.error.file, result.error.reason, result.error.line));
      continue;
    }
    outputsOf.set(name, result.outputs.map(asCachedOutput));
    parsed++;
    const cacheFile = cacheFiles[index];
    if (cacheFile) writeParseCacheEntry(cacheFile, result.outputs);
  }

  // 3. Write the archive, in the dumps' order (the first dump keeps a contested thread id).
  for (const name of dumps) {
    const file = join(threadsDir, name);
    const failure = failures.get(name);
    if (failure) {
      errors.push(failure);
      failed.add(name);
      continue;
    }
    const outputs = outputsOf.get(name)!;
    for (const out of outputs) {
      const other = owner.get(out.id);
      if (other) {
        errors.push(new ParseError(file, `its thread id "${out.id}" is taken by ${other}: rename one of the files`));
        continue;
      }
      owner.set(out.id, name);
      const target = join(archiveDir, `${out.id}.json`);
      // The archive file as it is: the parser's output already, else written unless edited by hand.
      const current = hashes ? hashes.hash(target)?.sha256 : existsSync(target) ? sha256(readFileSync(target)) : undefined;
      if (current !== out.sha256) {
        const edited = current !== undefined && current !== previous.threads[out.id]?.sha256;
        if (edited && !force) {
          errors.push(new ParseError(target, `edited by hand since it was parsed: keep the fix in ${relative(process.cwd(), overridesPath(file))} (see README, "Fixing a thread") or re-run with --force`));
          next.threads[out.id] = previous.threads[out.id] ?? { dump: name, sha256: '' };
          continue;
        }
        writeAtomic(target, out.json());
        hashes?.remember(target, statSync(target), out.sha256);
      }
      next.threads[out.id] = { dump: name, sha256: out.sha256 };
      comments += out.comments;
    }
  }
  options.onProgress?.(dumps.length, dumps.length, '');

  // Threads from earlier runs: kept while their dump failed, removed when it is gone.
  for (const [id, entry] of Object.entries(previous.threads)) {
    if (next.threads[id]) continue;
    const target = join(archiveDir, `${id}.json`);
    if (failed.has(entry.dump)) {
      if (existsSync(target)) next.threads[id] = entry;
      continue;
    }
    if (!existsSync(target)) continue;
    if (!force && sha256(readFileSync(target)) !== entry.sha256) {
      errors.push(new ParseError(target, `edited by hand, and its dump ${entry.dump} is gone: move or delete it yourself, or re-run with --force`));
      next.threads[id] = entry;
      continue;
    }
    rmSync(target);
  }
  mkdirSync(archiveDir, { recursive: true });
  const sorted: Manifest = { version: 1, threads: Object.fromEntries(Object.entries(next.threads).sort(([a], [b]) => (a < b ? -1 : 1))) };
  const manifestJson = `${JSON.stringify(sorted, null, 2)}\n`;
  if (!existsSync(manifestFile) || readFileSync(manifestFile, 'utf8') !== manifestJson) writeAtomic(manifestFile, manifestJson);
  hashes?.save([...dumps.map((name) => join(threadsDir, name)), ...Object.keys(next.threads).map((id) => join(archiveDir, `${id}.json`))]);
  return { threads: Object.keys(next.threads).length, comments, parsed, workers: jobs.length > 1 ? Math.min(workers, jobs.length - 1) : 0, errors };
}
