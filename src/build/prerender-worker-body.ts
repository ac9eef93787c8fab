// Renders the thread pages named in workerData into the render cache, then says so.
import { parentPort, workerData } from 'node:worker_threads';
import { cachedThreadPage, type ThreadPageSite } from '../site/_lib/thread-body-cache.ts';

const { files, site } = workerData as { files: string[]; site: ThreadPageSite };
for (const file of files) cachedThreadPage(file, site);
parentPort!.postMessage({ done: files.length });
