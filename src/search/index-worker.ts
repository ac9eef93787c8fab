// Worker thread entry: builds and writes the search index, so the site build can render pages
// on the other core meanwhile (see build-index-in-worker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { readArchiveThreadsHashed, searchCacheDir, writeSearchIndex } from './write-search-index.ts';

const { archiveDir, outDir } = workerData as { archiveDir: string; outDir: string };
try {
  // The text blocks are written by the parent thread (often idle) while the term parts are built here.
  const started = performance.now();
  const read = readArchiveThreadsHashed(archiveDir);
  const readMs = performance.now() - started;
  const cache = { threads: read.map((r) => r.thread), hashes: read.map((r) => r.sha256), cacheDir: searchCacheDir() };
  const result = await writeSearchIndex({ ...cache, outDir, writeTextBlocks: (root, blocks) => parentPort!.postMessage({ blocks: { root, files: [...blocks] } }) });
  parentPort!.postMessage({ ok: true, result: { ...result, ms: result.ms + readMs, steps: { read: readMs, ...result.steps } } });
} catch (error) {
  parentPort!.postMessage({ ok: false, message: (error as Error).stack ?? String(error) });
}
