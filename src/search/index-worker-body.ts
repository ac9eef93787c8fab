// Worker thread body (see openIndexWorker in index-worker.ts): while the main thread parses,
// reads the analysis cache, links the text blocks the new index will most likely keep from
// the live site and merges the cached threads' postings, says it is ready, then builds the
// index it is sent and reports.
import { parentPort, workerData } from 'node:worker_threads';
import { runIndexJob, type IndexJobOptions } from './run-index-job.ts';
import { mergePostings } from './build-term-parts.ts';
import { preloadSearchEntries } from './search-entry-cache.ts';
import { prelinkBlocks } from './write-search-index.ts';

const { cacheDir, outDir, previousDir } = workerData as { cacheDir: string; outDir?: string; previousDir?: string };
const preloaded = preloadSearchEntries(cacheDir);
const prelinked = outDir && previousDir ? prelinkBlocks(preloaded, outDir, previousDir) : new Map<string, string>();
// The last build's threads (the cache holds just those), merged as the term parts will want them.
const ahead = mergePostings([...preloaded.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
parentPort!.once('message', (options: IndexJobOptions) => {
  if (options.outDir !== outDir) prelinked.clear(); // not expected: the links stay, unused (the folder is staging)
  runIndexJob(options, preloaded, prelinked, ahead).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (error: Error) => parentPort!.postMessage({ ok: false, message: error.message }),
  );
});
parentPort!.postMessage({ ready: true });
