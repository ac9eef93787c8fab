import { rmSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { indexDir } from './search-config.ts';
import { bundledWorker } from '../build/bundled-worker.ts';
import { Worker } from 'node:worker_threads';
import { runIndexJob, type IndexJobOptions } from './run-index-job.ts';
import { searchCacheDir, type WriteSearchResult } from './write-search-index.ts';

export { runIndexJob, type IndexJobOptions };

/** A search index job in a worker thread, started before its input is known. */
export interface IndexWorker {
  /** Builds the index there (here, if the worker could not start). */
  run(options: IndexJobOptions): Promise<WriteSearchResult>;
  /** Stops the worker if `run` was never called (resolves once it has stopped). */
  close(): Promise<void>;
}

/**
 * Starts a worker thread that loads the index modules and reads the analysis cache while
 * this thread parses the dumps (with `ahead`, it also links the unchanged text blocks from
 * the live site into the staging folder meanwhile: prelinkBlocks), then builds the index on
 * the second core while this one renders the site. The worker runs an esbuild bundle of its code (bundledWorker): through
 * tsx a worker takes about a second to start. If it cannot start, the job runs here.
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
        return runIndexJob(options);
      }
      worker.ref();
      return new Promise((resolve, reject) => {
        let settled = false;
        type Message = { ok: true; result: WriteSearchResult } | { ok: false; message: string };
        worker.once('message', (message: Message) => {
          settled = true;
          if (message.ok) resolve(message.result);
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

/** Jobs started ahead of Eleventy (by `npm run build`), by archive and output folder; on globalThis so every copy of this module sees them. */
const early = ((globalThis as Record<symbol, unknown>)[Symbol.for('thread-archive.search-index-jobs')] ??= new Map()) as Map<string, Promise<WriteSearchResult>>;

const jobKey = (archiveDir: string, outDir: string) => `${resolvePath(archiveDir)}\0${resolvePath(outDir)}`;

/**
 * Starts building the index now, before Eleventy runs (e.g. right after parsing), so it
 * overlaps the rest of the build; the plugin's `eleventy.before` then takes this job
 * instead of starting another one.
 */
export function startIndexEarly(options: IndexJobOptions, worker?: IndexWorker): Promise<WriteSearchResult> {
  const job = worker ? worker.run(options) : runIndexJob(options);
  job.catch(() => undefined); // awaited (and reported) by the plugin
  early.set(jobKey(options.archiveDir, options.outDir), job);
  return job;
}

/** The job `startIndexEarly` started for these folders, if any (taken once). */
export function takeEarlyIndexJob(archiveDir: string, outDir: string): Promise<WriteSearchResult> | undefined {
  const key = jobKey(archiveDir, outDir);
  const job = early.get(key);
  early.delete(key);
  return job;
}
