import { resolve } from 'node:path';

/** The indexed fields, in the order their postings are stored in a term part. */
export const searchFields = ['text', 'quote', 'author', 'title'] as const;
export type SearchField = (typeof searchFields)[number];

/** Lunr field boosts: a comment's own words count most, its quotes and its thread's title less. */
export const fieldBoosts: Record<SearchField, number> = { text: 1, quote: 0.6, author: 1, title: 0.5 };

/** Lunr's BM25 parameters (its defaults). */
export const bm25 = { k1: 1.2, b: 0.75 };

/** Stored documents per text block (`d/<thread>/<k>.json`): fetched lazily for phrase checks and snippets. */
export const docsPerBlock = 8;

/** How many of the most frequent terms the manifest lists (phrase searches avoid looking them up). */
export const commonTerms = 200;

/** A term part is closed once its JSON reaches this many bytes (a single huge term gets a part of its own). */
export const partTargetBytes = 40_000;

/** Folder of the search page in the site; the index lives in `index/` below it. */
export const searchDir = 'search';
export const indexDir = 'search/index';

/** The format version of the split index (manifest.version). */
export const indexVersion = 2;

/** The search analysis cache (CACHE_DIR/search): one file per thread, by content hash; deleting it is always safe. */
export function searchCacheDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return resolve(cwd, env.CACHE_DIR || '.cache', 'search');
}
