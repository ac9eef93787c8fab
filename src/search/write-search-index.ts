import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import lunr from 'lunr';
import type { Thread } from '../thread/types.ts';
import { archivedThreadFiles } from '../parse/archive-manifest.ts';
import { createAnalyzer, type Analyzer } from './analyze.ts';
import { analyseThreadForSearch, textBlocks, type ThreadSearchEntry } from './analyse-thread.ts';
import { threadSearchDocs } from './collect-search-docs.ts';
import { assembleIndex, type IndexStats } from './build-search-index.ts';
import type { MergedPostings } from './build-term-parts.ts';
import { blockPath, type StoredThread } from './index-format.ts';
import { readSearchEntry, writeSearchEntry } from './search-entry-cache.ts';
import { indexDir } from './search-config.ts';

export { searchCacheDir } from './search-config.ts';

/** An archive file and the SHA-256 of its bytes. */
export interface ArchiveFile {
  file: string;
  sha256: string;
}

/** The archive's thread files (as its manifest lists them, else every `.json` file), each with its SHA-256. */
export function listArchive(archiveDir: string): ArchiveFile[] {
  const files = existsSync(join(archiveDir, 'manifest.json'))
    ? archivedThreadFiles(archiveDir)
    : readdirSync(archiveDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(archiveDir, f));
  return files.map((file) => ({ file, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') }));
}

/** A thread file, or null when it is not a thread (format v1). */
function readThreadFile(file: string): Thread | null {
  const thread = JSON.parse(readFileSync(file, 'utf8')) as Thread;
  return thread && thread.version === 1 && Array.isArray(thread.comments) ? thread : null;
}

/** The archive's threads, in id order (the document numbering follows it). */
export function readArchiveThreads(archiveDir: string): Thread[] {
  return listArchive(archiveDir)
    .map((f) => readThreadFile(f.file))
    .filter((t): t is Thread => t !== null)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}


export interface WriteSearchResult {
  stats: IndexStats;
  ms: number;
  /** Milliseconds per step (BUILD_TIMINGS). */
  steps: Record<string, number>;
  /** Threads whose analysis came from the cache, and text block files linked from the previous site. */
  cachedThreads: number;
  linkedBlocks: number;
  /** Set by openIndexWorker: whether the job ran in its worker or, that failing, on the calling thread. */
  ranIn?: 'worker' | 'caller';
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

/** One thread to index: its analysis from the cache, or the thread (read when first needed). */
interface Source {
  sha256?: string;
  load: () => Thread | null;
}

/** The blocks version of each thread of an index folder's `threads.json` (none when it has no v2 index). */
function previousVersions(previousIndex: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!previousIndex) return out;
  try {
    const table = JSON.parse(readFileSync(join(previousIndex, 'threads.json'), 'utf8')) as StoredThread[];
    for (const t of table) if (Array.isArray(t) && typeof t[0] === 'string' && typeof t[4] === 'string') out.set(t[0], t[4]);
  } catch {
    // no previous index, or an older format: every block is written
  }
  return out;
}

/**
 * Hard-links a thread's text blocks from the previous index into `root`, if the previous
 * index has them at the expected sizes. On any miss the links made so far are removed and
 * false is returned (the blocks are then written).
 */
function linkBlocks(entry: ThreadSearchEntry, previousIndex: string, root: string): boolean {
  const made: string[] = [];
  try {
    mkdirSync(join(root, 'd', entry.id), { recursive: true });
    for (let k = 0; k < entry.blockBytes.length; k++) {
      const from = join(previousIndex, blockPath(entry.id, k));
      if (statSync(from).size !== entry.blockBytes[k]) throw new Error('changed');
      const to = join(root, blockPath(entry.id, k));
      linkSync(from, to);
      made.push(to);
    }
    return true;
  } catch {
    for (const f of made) rmSync(f, { force: true });
    return false;
  }
}

/**
 * Ahead of the build's input (while the dumps are parsed): links into `outDir`'s index the
 * text blocks of the cached threads (`preloaded`) that the previous index holds at the same
 * version. Returns thread id → blocks version of those linked, for writeSearchIndex's
 * `prelinked`, which keeps the ones still wanted and removes the rest.
 */
export function prelinkBlocks(preloaded: Map<string, ThreadSearchEntry>, outDir: string, previousDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const previousIndex = join(previousDir, indexDir);
  if (resolve(previousDir) === resolve(outDir)) return out;
  const previous = previousVersions(previousIndex);
  const root = join(outDir, indexDir);
  for (const entry of preloaded.values()) {
    if (out.has(entry.id) || previous.get(entry.id) !== entry.version) continue;
    if (linkBlocks(entry, previousIndex, root)) out.set(entry.id, entry.version);
  }
  return out;
}

/**
 * Builds the split index and writes it under `<outDir>/search/index/` (the search scripts
 * are written by writeSearchAssets). The threads are given in memory (`threads`) or as archive
 * files (`files`, with their SHA-256). With `cacheDir`, each file's analysis is kept there by
 * its hash, so an unchanged thread is neither read nor analysed again; with `previousDir` (the
 * live site, when building into a staging folder), an unchanged thread's text blocks are
 * hard-linked from its index instead of written. Either way the bytes written are the same.
 */
export async function writeSearchIndex(options: {
  threads?: Thread[];
  files?: ArchiveFile[];
  outDir: string;
  cacheDir?: string;
  previousDir?: string;
  /** Entries of `cacheDir` already read (preloadSearchEntries), by file name. */
  preloaded?: Map<string, ThreadSearchEntry>;
  /** Text blocks already linked into this `outDir` (prelinkBlocks): thread id → blocks version. */
  prelinked?: Map<string, string>;
  /** The postings of (most of) the preloaded entries, merged ahead (see buildTermParts). */
  ahead?: MergedPostings;
}): Promise<WriteSearchResult> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  let mark = started;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = now - mark;
    mark = now;
  };
  const sources: Source[] = options.files
    ? options.files.map((f) => ({ sha256: f.sha256, load: () => readThreadFile(f.file) }))
    : (options.threads ?? []).map((t) => ({ load: () => t }));
  let analyzer: Analyzer | undefined;
  const analyse = (thread: Thread) => analyseThreadForSearch(thread, (analyzer ??= createAnalyzer(lunr)));
  const cacheDir = options.cacheDir;
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const used = new Set<string>();
  let cached = 0;
  // Each thread's entry, and its blocks when it had to be analysed.
  const analysed: { entry: ThreadSearchEntry; blocks?: string[]; source: Source }[] = [];
  for (const source of sources) {
    const name = cacheDir && source.sha256 ? cacheEntryName(source.sha256) : undefined;
    if (name) used.add(name);
    const hit = name ? (options.preloaded?.get(name) ?? readSearchEntry(join(cacheDir!, name))) : undefined;
    if (hit) {
      cached++;
      analysed.push({ entry: hit, source });
      continue;
    }
    const thread = source.load();
    if (!thread) continue;
    const { entry, blocks } = analyse(thread);
    if (name) writeSearchEntry(join(cacheDir!, name), entry);
    analysed.push({ entry, blocks, source });
  }
  analysed.sort((a, b) => (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
  if (cacheDir && options.files) pruneCache(cacheDir, used);
  step('analyse');

  const root = join(options.outDir, indexDir);
  const previousIndex = options.previousDir && resolve(options.previousDir) !== resolve(options.outDir) ? join(options.previousDir, indexDir) : undefined;
  const previous = previousVersions(previousIndex);
  const toWrite: [string, string][] = [];
  let linked = 0;
  const prelinked = options.prelinked ?? new Map<string, string>();
  for (const a of analysed) {
    const { entry } = a;
    const early = prelinked.get(entry.id);
    prelinked.delete(entry.id);
    if (early === entry.version) {
      linked += entry.blockBytes.length;
      continue;
    }
    if (early !== undefined) rmSync(join(root, 'd', entry.id), { recursive: true, force: true });
    if (!a.blocks && previous.get(entry.id) === entry.version && linkBlocks(entry, previousIndex!, root)) {
      linked += entry.blockBytes.length;
      continue;
    }
    const blocks = a.blocks ?? blocksOf(a.source, entry);
    blocks.forEach((content, k) => toWrite.push([blockPath(entry.id, k), content]));
  }
  // Threads linked early that are no longer in the archive.
  for (const id of prelinked.keys()) rmSync(join(root, 'd', id), { recursive: true, force: true });
  step('blocks');
  const built = assembleIndex(analysed.map((a) => a.entry), options.ahead);
  step('index');
  // Text blocks (small, many) 16 at a time; the term parts (40 KB each) one after another,
  // which measured faster for them (0.21 s against 0.35-0.43 s for the 100k archive's 460).
  const blocksWritten = writeFilesUnder(root, toWrite);
  mkdirSync(join(root, 't'), { recursive: true });
  for (const [name, content] of built.files) writeFileSync(join(root, name), content);
  await blocksWritten;
  step('write');
  return { stats: built.stats, ms: performance.now() - started, steps, cachedThreads: cached, linkedBlocks: linked };
}

/** A cached thread's blocks, made again from its file (which must still be what the cache entry was made of). */
function blocksOf(source: Source, entry: ThreadSearchEntry): string[] {
  const thread = source.load();
  const made = thread ? textBlocks(threadSearchDocs(thread)) : undefined;
  if (!made || made.version !== entry.version) throw new Error(`search index: the archive file of thread ${entry.id} changed during the build; build again`);
  return made.blocks;
}

/** Bump when the analysis or the cached format changes (the Lunr version is part of the key too). */
const analysisVersion = 4;

function cacheEntryName(sha256: string): string {
  return `${createHash('sha256').update(`${analysisVersion}-${lunr.version}\0${sha256}`).digest('hex').slice(0, 32)}.entry`;
}

/** Removes the cache entries no thread used (pruning is only tidying: errors are ignored). */
function pruneCache(cacheDir: string, used: Set<string>): void {
  try {
    for (const name of readdirSync(cacheDir)) if (!used.has(name) && !name.endsWith('.tmp')) rmSync(join(cacheDir, name), { force: true });
  } catch {
    // ignore
  }
}
