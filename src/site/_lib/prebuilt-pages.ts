// Thread pages the build already placed in the output folder (src/build/place-thread-pages.ts):
// Eleventy's thread templates leave them out. Kept on globalThis so that every copy of this
// module Eleventy may load sees the same list; empty outside `npm run build` (npm start).
const key = Symbol.for('thread-archive.prebuilt-thread-pages');
const store = globalThis as unknown as Record<symbol, Set<string> | undefined>;

/** Sets the ids of threads whose page and JSON are already in the output folder (undefined: none). */
export function setPrebuiltThreads(ids: Iterable<string> | undefined): void {
  store[key] = ids ? new Set(ids) : undefined;
}

/** The threads Eleventy still has to write. */
export function threadsToRender<T extends { id: string }>(threads: T[]): T[] {
  const done = store[key];
  return done && done.size > 0 ? threads.filter((t) => !done.has(t.id)) : threads;
}
