// Renders the thread pages named in workerData into the render cache, then says so.
import { parentPort, workerData } from 'node:worker_threads';
import { cachedThreadPageBody } from '../site/_lib/thread-body-cache.ts';

const { files, cacheDir } = workerData as { files: string[]; cacheDir: string };
for (const file of files) cachedThreadPageBody(file, cacheDir);
parentPort!.postMessage({ done: files.length });
