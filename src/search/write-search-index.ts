import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import lunr from 'lunr';
import type { Thread } from '../thread/types.ts';
import { archivedThreadFiles } from '../parse/parse-directory.ts';
import { buildSearchIndex, buildTextBlocks, type BuiltSearchIndex } from './build-search-index.ts';
import { collectSearchDocs } from './collect-search-docs.ts';
import { searchAssets } from './search-assets.ts';
import { indexDir, searchDir } from './search-config.ts';

/** The archive's threads, in id order (the document numbering follows it). */
export function readArchiveThreads(archiveDir: string): Thread[] {
  const files = existsSync(join(archiveDir, 'manifest.json'))
    ? archivedThreadFiles(archiveDir)
    : readdirSync(archiveDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(archiveDir, f));
  return files
    .map((f) => JSON.parse(readFileSync(f, 'utf8')) as Thread)
    .filter((t) => t && t.version === 1 && Array.isArray(t.comments))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface WriteSearchResult {
  stats: BuiltSearchIndex['stats'];
  /** Hash of the scripts, for cache-busting their URLs. */
  assetsVersion: string;
  ms: number;
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
export async function writeSearchIndex(options: { threads: Thread[]; outDir: string; writeTextBlocks?: (root: string, blocks: Map<string, string>) => void }): Promise<WriteSearchResult> {
  const started = performance.now();
  const input = collectSearchDocs(options.threads);
  const blocks = buildTextBlocks(input.docs);
  const root = join(options.outDir, indexDir);
  options.writeTextBlocks?.(root, blocks);
  const built = buildSearchIndex(input, lunr, blocks);
  const files = options.writeTextBlocks ? [...built.files].filter(([name]) => !blocks.has(name)) : built.files;
  await writeFilesUnder(root, files);
  const assets = searchAssets();
  for (const [name, content] of assets.files) writeFileSync(join(options.outDir, searchDir, name), content);
  return { stats: built.stats, assetsVersion: assets.version, ms: performance.now() - started };
}
