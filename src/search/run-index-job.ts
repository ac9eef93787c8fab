import type { ThreadSearchEntry } from './analyse-thread.ts';
import type { MergedPostings } from './build-term-parts.ts';
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
 * Builds the search index of an archive into `outDir`, on this thread, with the analysis
 * cache in CACHE_DIR/search (`preloaded`: cache entries already read, by file name;
 * `prelinked`: text blocks already linked into `outDir`, see prelinkBlocks; `ahead`: the
 * preloaded entries' postings, merged ahead, see buildTermParts).
 */
export async function runIndexJob(options: IndexJobOptions, preloaded?: Map<string, ThreadSearchEntry>, prelinked?: Map<string, string>, ahead?: MergedPostings): Promise<WriteSearchResult> {
  // Let the caller go on first (e.g. start the render workers): the job is mostly synchronous.
  await new Promise((next) => setImmediate(next));
  const started = performance.now();
  const files = options.files ?? listArchive(options.archiveDir);
  const listMs = performance.now() - started;
  const result = await writeSearchIndex({ files, outDir: options.outDir, cacheDir: searchCacheDir(), previousDir: options.previousDir, preloaded, prelinked, ahead });
  return { ...result, ms: result.ms + listMs, steps: { list: listMs, ...result.steps } };
}

