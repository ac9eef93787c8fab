import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import lunr from 'lunr';
import type { Thread } from '../thread/types.ts';
import { archivedThreadFiles } from '../parse/parse-directory.ts';
import { createAnalyzer } from './analyze.ts';
import { analyseThread, buildSearchIndex, buildTextBlocks, type BuiltSearchIndex, type ThreadCounts } from './build-search-index.ts';
import { collectSearchDocs } from './collect-search-docs.ts';
import { searchAssets } from './search-assets.ts';
import { indexDir, searchDir } from './search-config.ts';

/** The archive's threads, in id order (the document numbering follows it). */
export function readArchiveThreads(archiveDir: string): Thread[] {
  return readArchiveThreadsHashed(archiveDir).map((t) => t.thread);
}

/** The archive's threads in id order, each with the SHA-256 of its file (the analysis cache's key). */
export function readArchiveThreadsHashed(archiveDir: string): { thread: Thread; sha256: string }[] {
  const files = existsSync(join(archiveDir, 'manifest.json'))
    ? archivedThreadFiles(archiveDir)
    : readdirSync(archiveDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(archiveDir, f));
  return files
    .map((f) => {
      const bytes = readFileSync(f);
      return { thread: JSON.parse(bytes.toString('utf8')) as Thread, sha256: createHash('sha256').update(bytes).digest('hex') };
    })
    .filter(({ thread: t }) => t && t.version === 1 && Array.isArray(t.comments))
    .sort((a, b) => (a.thread.id < b.thread.id ? -1 : a.thread.id > b.thread.id ? 1 : 0));
}

/** The search analysis cache (CACHE_DIR/search): one file per thread, by content hash; deleting it is always safe. */
export function searchCacheDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return resolve(cwd, env.CACHE_DIR || '.cache', 'search');
}

/** Bump when the analysis or the cached format changes (the Lunr version is part of the key too). */
const analysisVersion = 1;

/**
 * Each thread's analysed fields (analyseThread), read from `cacheDir` where a thread's file
 * is unchanged, else analysed and stored there. Entries no thread used are removed. Without
 * hashes (threads not read from an archive) or a cache folder, everything is analysed.
 */
function threadCounts(input: ReturnType<typeof collectSearchDocs>, hashes: string[] | undefined, cacheDir: string | undefined): { counts: ThreadCounts[]; cached: number } {
  const analyzer = createAnalyzer(lunr);
  const analyse = (t: number) => {
    const thread = input.threads[t]!;
    return analyseThread(input.docs.slice(thread.first, thread.first + thread.count), thread.title, analyzer);
  };
  if (!cacheDir || !hashes || hashes.length !== input.threads.length) return { counts: input.threads.map((_, t) => analyse(t)), cached: 0 };
  mkdirSync(cacheDir, { recursive: true });
  const salt = `${analysisVersion}-${lunr.version}`;
  const used = new Set<string>();
  let cached = 0;
  const counts = input.threads.map((thread, t) => {
    // The key covers the file and what the documents are made of (their count is a cheap check).
    const name = `${createHash('sha256').update(`${salt}\0${hashes[t]}\0${thread.count}`).digest('hex').slice(0, 32)}.json`;
    used.add(name);
    const file = join(cacheDir, name);
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as ThreadCounts;
      if (entry && Array.isArray(entry.text) && entry.text.length === thread.count && entry.quote.length === thread.count && Array.isArray(entry.title)) {
        cached++;
        return entry;
      }
    } catch {
      // not cached yet, or damaged: analyse again
    }
    const entry = analyse(t);
    try {
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(entry));
      renameSync(temporary, file);
    } catch {
      // a cache that cannot be written only costs time
    }
    return entry;
  });
  try {
    for (const name of readdirSync(cacheDir)) if (!used.has(name) && !name.endsWith('.tmp')) rmSync(join(cacheDir, name), { force: true });
  } catch {
    // pruning is only tidying
  }
  return { counts, cached };
}

export interface WriteSearchResult {
  stats: BuiltSearchIndex['stats'];
  /** Hash of the scripts, for cache-busting their URLs. */
  assetsVersion: string;
  ms: number;
  /** Milliseconds per step (BUILD_TIMINGS), and how many threads' analyses came from the cache. */
  steps: Record<string, number>;
  cachedThreads: number;
}

/** Writes files (path relative to `root` → content), 16 at a time: thousands of small files
 * wait on the disk, not the CPU, so this is about 3× faster than one after another. */
export async function writeFilesUnder(root: string, files: Iterable<[string, string]>): Promise<void> {
  const queue = [...files];
  const folders = new Set<string>();
  for (const [name] of queue) folders.add(dirname(join(root, name)));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let next = queue.pop(); next; next = queue.pop()) await writeFile(join(root, next[0]), next[1]);
    }),
  );
}

/**
 * Builds the split index of the threads and writes it under `<outDir>/search/index/`, with
 * the search scripts in `<outDir>/search/`. With `writeTextBlocks`, the text blocks (most of
 * the files) are handed to it as soon as they are made, to be written elsewhere (the parent
 * thread) while the term parts are built here.
 */
export async function writeSearchIndex(options: {
  threads: Thread[];
  outDir: string;
  writeTextBlocks?: (root: string, blocks: Map<string, string>) => void;
  /** SHA-256 of each thread's file (readArchiveThreadsHashed), with `cacheDir`: reuse each unchanged thread's analysis. */
  hashes?: string[];
  cacheDir?: string;
}): Promise<WriteSearchResult> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  let mark = started;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = now - mark;
    mark = now;
  };
  const docs = collectSearchDocs(options.threads);
  const blocks = buildTextBlocks(docs.docs);
  const root = join(options.outDir, indexDir);
  options.writeTextBlocks?.(root, blocks);
  step('docs');
  const { counts, cached } = threadCounts(docs, options.hashes, options.cacheDir);
  step('analyse');
  const built = buildSearchIndex({ ...docs, counts }, lunr, blocks);
  step('index');
  const files = options.writeTextBlocks ? [...built.files].filter(([name]) => !blocks.has(name)) : built.files;
  await writeFilesUnder(root, files);
  const assets = searchAssets();
  for (const [name, content] of assets.files) writeFileSync(join(options.outDir, searchDir, name), content);
  step('write');
  return { stats: built.stats, assetsVersion: assets.version, ms: performance.now() - started, steps, cachedThreads: cached };
}
