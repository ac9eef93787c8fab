// Worker thread entry: builds and writes the search index, so the site build can render pages
// on the other core meanwhile (see build-index-in-worker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { readArchiveThreads, writeSearchIndex } from './write-search-index.ts';

const { archiveDir, outDir } = workerData as { archiveDir: string; outDir: string };
try {
  const result = await writeSearchIndex({ threads: readArchiveThreads(archiveDir), outDir });
  parentPort!.postMessage({ ok: true, result });
} catch (error) {
  parentPort!.postMessage({ ok: false, message: (error as Error).stack ?? String(error) });
}
