import { resolve as resolvePath } from 'node:path';
import type { IndexWorker } from './index-worker.ts';
import { runIndexJob, type IndexJobOptions } from './run-index-job.ts';
import type { WriteSearchResult } from './write-search-index.ts';

export { runIndexJob, type IndexJobOptions };

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
