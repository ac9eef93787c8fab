import { createHash } from 'node:crypto';
import type lunrType from 'lunr';
import type { Thread } from '../thread/types.ts';
import { createAnalyzer } from './analyze.ts';
import { analyseThreadForSearch, type ThreadSearchEntry } from './analyse-thread.ts';
import { buildTermParts, type MergedPostings } from './build-term-parts.ts';
import { blockPath, type SearchManifest, type StoredThread } from './index-format.ts';
import { docsPerBlock, fieldBoosts, indexVersion, searchFields } from './search-config.ts';

export type { SearchManifest, StoredDoc, StoredThread, TermEntry } from './index-format.ts';

export interface IndexStats {
  docs: number;
  terms: number;
  postings: number;
  parts: number;
  blocks: number;
  /** Bytes of all the index's files. */
  bytes: number;
}

export interface BuiltSearchIndex {
  /** Path (relative to the index folder) → content. */
  files: Map<string, string>;
  manifest: SearchManifest;
  stats: IndexStats;
}

/**
 * The index's files other than the text blocks — the term parts, `threads.json` and
 * `manifest.json` — from the threads' entries in document order (`ahead`: see buildTermParts).
 */
export function assembleIndex(entries: ThreadSearchEntry[], ahead?: MergedPostings): BuiltSearchIndex {
  const terms = buildTermParts(entries, ahead);
  const files = new Map(terms.files);
  const table: StoredThread[] = [];
  let first = 0;
  let blocks = 0;
  const sizes = { parts: 0, blocks: 0 };
  for (const e of entries) {
    table.push([e.id, e.title, first, e.count, e.version]);
    first += e.count;
    blocks += e.blockBytes.length;
    for (const n of e.blockBytes) sizes.blocks += n;
  }
  files.set('threads.json', JSON.stringify(table));
  // The thread table names each thread's blocks version, so this hash covers the blocks too.
  const hash = createHash('sha256');
  for (const [name, content] of files) {
    hash.update(name).update('\0').update(content).update('\0');
    if (name.startsWith('t/')) sizes.parts += Buffer.byteLength(content);
  }
  const manifest: SearchManifest = {
    version: indexVersion,
    build: hash.digest('hex').slice(0, 12),
    docs: terms.docs,
    blockSize: docsPerBlock,
    fields: searchFields,
    boosts: fieldBoosts,
    parts: terms.parts,
    common: terms.common,
    blocks,
    bytes: sizes,
  };
  files.set('manifest.json', JSON.stringify(manifest));
  let bytes = sizes.blocks;
  for (const content of files.values()) bytes += Buffer.byteLength(content);
  return { files, manifest, stats: { docs: terms.docs, terms: terms.terms, postings: terms.postings, parts: terms.parts.length, blocks, bytes } };
}

/** The whole index of some threads (in the order given: document order), in memory, text blocks included. */
export function buildSearchIndex(threads: Thread[], lunr: typeof lunrType): BuiltSearchIndex {
  const analyzer = createAnalyzer(lunr);
  const analysed = threads.map((t) => analyseThreadForSearch(t, analyzer));
  const built = assembleIndex(analysed.map((a) => a.entry));
  for (const { entry, blocks } of analysed) blocks.forEach((content, k) => built.files.set(blockPath(entry.id, k), content));
  return built;
}
