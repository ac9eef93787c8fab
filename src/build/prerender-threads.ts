import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cachedThreadPage, type ThreadPageSite } from '../site/_lib/thread-body-cache.ts';

/** Archives smaller than this (JSON bytes) are rendered by Eleventy alone. */
const minBytes = 8 * 1024 * 1024;

/**
 * Renders the pages of these thread files (the ones missing from the render cache) into it,
 * on several cores when there are enough of them (Eleventy renders on one), biggest threads
 * first, dealt out so each worker gets a similar share; else on this thread.
 */
export async function prerenderThreads(files: string[], site: ThreadPageSite, workers = process.env.RENDER_WORKERS): Promise<void> {
  const count = Math.max(0, Math.min(workers === undefined || workers === '' ? availableParallelism() : Number(workers) || 0, files.length));
  const sized = files.map((file) => ({ file, size: statSync(file).size })).sort((a, b) => b.size - a.size);
  // Starting a worker costs a second or so: unless asked for (RENDER_WORKERS), only for a big archive.
  if (count < 2 || (workers === undefined && sized.reduce((n, f) => n + f.size, 0) < minBytes)) {
    for (const { file } of sized) cachedThreadPage(file, site);
    return;
  }
  const shares: string[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  for (const { file, size } of sized) {
    const k = load.indexOf(Math.min(...load));
    shares[k]!.push(file);
    load[k]! += size;
  }
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
            workerData: { entry: new URL('./prerender-worker-body.ts', import.meta.url).href, files: share, site: { title: site.title, pathPrefix: site.pathPrefix, renderCacheDir: site.renderCacheDir } },
            resourceLimits: { stackSizeMb: 64 },
          });
          worker.on('message', () => resolve());
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a render worker stopped (exit code ${code})`))));
        }),
    ),
  );
}
