import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { bundledWorker } from '../build/bundled-worker.ts';
import type { IndexJobOptions } from './run-index-job.ts';
import { indexDir, searchCacheDir } from './search-config.ts';
import type { WriteSearchResult } from './write-search-index.ts';

// Light on imports: `npm run build` starts this worker before it loads the rest of the build.

/** A search index job in a worker thread, started before its input is known. */
export interface IndexWorker {
  /** Builds the index there (here, if the worker could not start). */
  run(options: IndexJobOptions): Promise<WriteSearchResult>;
  /** Stops the worker if `run` was never called (resolves once it has stopped). */
  close(): Promise<void>;
}

/**
 * Starts a worker thread that, while this thread parses the dumps, reads the analysis cache
 * and merges the cached threads' postings (with `ahead`, it also links the unchanged text
 * blocks from the live site into the staging folder: prelinkBlocks); then it builds the index
 * on the second core while this one renders the site. The worker runs an esbuild bundle of
 * its code (bundledWorker): through tsx a worker takes about a second to start. If it cannot
 * start, the job runs on this thread.
 */
export function openIndexWorker(cacheRoot: string, ahead: { outDir?: string; previousDir?: string } = {}): IndexWorker {
  let closed = false;
  const starting: Promise<Worker | undefined> = bundledWorker(new URL('./index-worker-body.ts', import.meta.url), join(cacheRoot, 'workers')).then(
    (url) => {
      if (closed) return undefined;
      const worker = new Worker(url, { workerData: { cacheDir: searchCacheDir(), ...ahead } });
      worker.unref();
      return new Promise<Worker | undefined>((resolve) => {
        // Ready once it has read the cache; an error before that means it cannot run.
        worker.once('message', () => resolve(worker));
        worker.once('error', () => resolve(undefined));
      });
    },
    () => undefined,
  );
  let ran = false;
  return {
    async run(options) {
      ran = true;
      const worker = await starting;
      if (!worker) {
        // Whatever a failed worker linked ahead goes: files linked to the live site's must never be written to.
        if (ahead.outDir) rmSync(join(ahead.outDir, indexDir), { recursive: true, force: true });
        return { ...(await (await import('./run-index-job.ts')).runIndexJob(options)), ranIn: 'caller' };
      }
      worker.ref();
      return new Promise((resolve, reject) => {
        let settled = false;
        type Message = { ok: true; result: WriteSearchResult } | { ok: false; message: string };
        worker.once('message', (message: Message) => {
          settled = true;
          if (message.ok) resolve({ ...message.result, ranIn: 'worker' });
          else reject(new Error(`search index: ${message.message}`));
        });
        worker.once('error', (error) => {
          if (!settled) reject(new Error(`search index: ${error.message}`));
          settled = true;
        });
        worker.once('exit', (code) => {
          if (!settled) reject(new Error(`search index: the worker stopped (exit code ${code}) before finishing`));
          settled = true;
        });
        worker.postMessage(options);
      });
    },
    async close() {
      closed = true;
      if (!ran) await (await starting)?.terminate();
    },
  };
}
