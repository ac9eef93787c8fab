import type { indexVersion } from './search-config.ts';

// The files of the split search index (format version 2), under `search/index/`:
//   manifest.json        SearchManifest: what a client needs to know which files to fetch
//   threads.json         StoredThread per thread, in document order
//   t/<k>.json           term parts: TermEntry per term, terms in ascending order
//   d/<thread>/<k>.json  text blocks: BlockDoc per document, `blockSize` documents a file,
//                        per thread (named by its id, so an unchanged thread's blocks stay put)

/** `manifest.json`. */
export interface SearchManifest {
  version: typeof indexVersion;
  /** Hash of the term parts and the thread table; appended to their URLs so a rebuilt index is never mixed with a cached one. */
  build: string;
  docs: number;
  blockSize: number;
  fields: readonly string[];
  boosts: Record<string, number>;
  /** The first term of each term part, in ascending (code unit) order: part k holds [parts[k], parts[k+1]). */
  parts: string[];
  /** The most frequent terms, most frequent first: phrase searches avoid them when picking words to look up. */
  common: string[];
  /** Number of text block files in all. */
  blocks: number;
  /** Bytes of all term parts and of all text blocks (uncompressed), e.g. to offer the whole index for offline use. */
  bytes: { parts: number; blocks: number };
}

/**
 * A term part (`t/<k>.json`) is an array of entries `[term, idf, text, quote, author, title]`;
 * each field is `0` or a flat list `[gap, g, gap, g, …]`: the gap to the previous document
 * number (thread number for `title`) and Lunr's BM25 term-frequency factor ×1000, rounded.
 * The client turns this back into Lunr's weight: round(idf × g/1000 × boost, 3).
 */
export type TermEntry = [string, number, ...(number[] | 0)[]];

/** A document as stored in a text block (`d/<thread id>/<k>.json`): `[id, author, time, own, quotes]`. */
export type BlockDoc = [string, string, string, string, string];

/** A document as the client hands it on: its thread's number, then the BlockDoc fields. */
export type StoredDoc = [number, string, string, string, string, string];

/**
 * `threads.json`: `[id, title, first document, document count, blocks version]` per thread;
 * the version (a hash of its text blocks) is appended to the blocks' URLs.
 */
export type StoredThread = [string, string, number, number, string];

/** Path of a thread's k-th text block, relative to the index folder. */
export function blockPath(threadId: string, k: number): string {
  return `d/${threadId}/${k}.json`;
}
