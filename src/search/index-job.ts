import { resolve as resolvePath } from 'node:path';
import { listArchive, searchCacheDir, writeSearchIndex, type ArchiveFile, type WriteSearchResult } from './write-search-index.ts';

export interface IndexJobOptions {
  archiveDir: string;
  outDir: string;
  /** The archive's files with their hashes, if already known (else they are listed and hashed). */
  files?: ArchiveFile[];
  /** The live site, when `outDir` is a staging folder: unchanged text blocks are linked from it. */
  previousDir?: string;
}

/**
 * Builds the search index of an archive into `outDir`, with the analysis cache in
 * CACHE_DIR/search. It runs on this thread: its reading and writing interleave with
 * Eleventy's, and its CPU work is small once the cache is warm (a worker thread was measured
 * slower on 2 cores: starting it costs more than it saves).
 */
export async function runIndexJob(options: IndexJobOptions): Promise<WriteSearchResult> {
  // Let the caller go on first (e.g. start the render workers): the job is mostly synchronous.
  await new Promise((next) => setImmediate(next));
  const started = performance.now();
  const files = options.files ?? listArchive(options.archiveDir);
  const listMs = performance.now() - started;
  const result = await writeSearchIndex({ files, outDir: options.outDir, cacheDir: searchCacheDir(), previousDir: options.previousDir });
  return { ...result, ms: result.ms + listMs, steps: { list: listMs, ...result.steps } };
}

/** Jobs started ahead of Eleventy (by `npm run build`), by archive and output folder; on globalThis so every copy of this module sees them. */
const early = ((globalThis as Record<symbol, unknown>)[Symbol.for('thread-archive.search-index-jobs')] ??= new Map()) as Map<string, Promise<WriteSearchResult>>;

const jobKey = (archiveDir: string, outDir: string) => `${resolvePath(archiveDir)}\0${resolvePath(outDir)}`;

/**
 * Starts building the index now, before Eleventy runs (e.g. right after parsing), so it
 * overlaps the rest of the build; the plugin's `eleventy.before` then takes this job
 * instead of starting another one.
 */
export function startIndexEarly(options: IndexJobOptions): Promise<WriteSearchResult> {
  const job = runIndexJob(options);
  job.catch(() => undefined); // awaited (and reported) by the plugin
  early.set(jobKey(options.archiveDir, options.outDir), job);
  return job;
}

/** The job `startIndexEarly` started for these folders, if any (taken once). */
export function takeEarlyIndexJob(archiveDir: string, outDir: string): Promise<WriteSearchResult> | undefined {
  const key = jobKey(archiveDir, outDir);
  const job = early.get(key);
  early.delete(key);
  return job;
}
