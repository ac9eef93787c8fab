import type { ThreadSummary } from './load-archive.ts';

// What `npm run build` has already done before Eleventy runs: the thread summaries it loaded,
// and the thread pages it placed in the output folder (src/build/place-thread-pages.ts), which
// Eleventy's thread templates leave out. Kept on globalThis so that every copy of this module
// Eleventy may load sees them; empty outside `npm run build` (npm start).
const key = Symbol.for('thread-archive.prebuilt-thread-pages');
const summariesKey = Symbol.for('thread-archive.prebuilt-thread-summaries');
const store = globalThis as unknown as Record<symbol, Set<string> | undefined>;
const summariesStore = globalThis as unknown as Record<symbol, ThreadSummary[] | undefined>;

/**
 * Sets the ids of threads whose page and JSON are already in the output folder, and the
 * archive's summaries as the build loaded them (undefined: none).
 */
export function setPrebuiltThreads(ids: Iterable<string> | undefined, summaries?: ThreadSummary[]): void {
  store[key] = ids ? new Set(ids) : undefined;
  summariesStore[summariesKey] = ids ? summaries : undefined;
}

/** The summaries the build already loaded, if it did (else the caller loads them). */
export function prebuiltSummaries(): ThreadSummary[] | undefined {
  return summariesStore[summariesKey];
}

/** The threads Eleventy still has to write. */
export function threadsToRender<T extends { id: string }>(threads: T[]): T[] {
  const done = store[key];
  return done && done.size > 0 ? threads.filter((t) => !done.has(t.id)) : threads;
}
