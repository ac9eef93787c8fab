import { resolve as resolvePath } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readArchiveThreadsHashed, searchCacheDir, writeFilesUnder, writeSearchIndex, type WriteSearchResult } from './write-search-index.ts';

/**
 * Builds the search index of an archive into `outDir` in a worker thread (the site's pages
 * render on the other core meanwhile). The worker inherits this process's TypeScript loader
 * (tsx); if it cannot start, the index is built on this thread instead.
 */
export function buildIndexInWorker(archiveDir: string, outDir: string): Promise<WriteSearchResult> {
  const inThisThread = async (): Promise<WriteSearchResult> => {
    const started = performance.now();
    const read = readArchiveThreadsHashed(archiveDir);
    const readMs = performance.now() - started;
    const result = await writeSearchIndex({ threads: read.map((r) => r.thread), hashes: read.map((r) => r.sha256), cacheDir: searchCacheDir(), outDir });
    return { ...result, ms: result.ms + readMs, steps: { read: readMs, ...result.steps } };
  };
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      // The worker runs TypeScript: load tsx into it as `node --import tsx` would.
      worker = new Worker(new URL('./index-worker.ts', import.meta.url), { workerData: { archiveDir, outDir }, execArgv: ['--import', import.meta.resolve('tsx')] });
    } catch {
      inThisThread().then(resolve, reject);
      return;
    }
    let settled = false;
    // The worker hands over the text blocks first: this thread writes them meanwhile.
    let blocksWritten: Promise<void> = Promise.resolve();
    type Message = { ok: true; result: WriteSearchResult } | { ok: false; message: string } | { blocks: { root: string; files: [string, string][] } };
    worker.on('message', (message: Message) => {
      if ('blocks' in message) {
        blocksWritten = writeFilesUnder(message.blocks.root, message.blocks.files);
        blocksWritten.catch(() => undefined); // reported below
        return;
      }
      settled = true;
      if (message.ok) blocksWritten.then(() => resolve(message.result), (error: Error) => reject(new Error(`search index: ${error.message}`)));
      else reject(new Error(`search index: ${message.message}`));
    });
    worker.once('error', () => {
      // The worker could not run (e.g. no TypeScript loader): build here instead.
      if (!settled) inThisThread().then(resolve, reject);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`search index: the worker stopped (exit code ${code}) before finishing`));
      settled = true;
    });
  });
}

/** Jobs started ahead of Eleventy (by `npm run build`), by archive and output folder; on globalThis so every copy of this module sees them. */
const early = ((globalThis as Record<symbol, unknown>)[Symbol.for('thread-archive.search-index-jobs')] ??= new Map()) as Map<string, Promise<WriteSearchResult>>;

/**
 * Starts building the index now, before Eleventy runs (e.g. right after parsing), so it
 * overlaps the rest of the build; the plugin's `eleventy.before` then takes this job
 * instead of starting another one.
 */
export function startIndexEarly(archiveDir: string, outDir: string): Promise<WriteSearchResult> {
  const job = buildIndexInWorker(archiveDir, outDir);
  job.catch(() => undefined); // awaited (and reported) by the plugin
  early.set(`${resolvePath(archiveDir)}\0${resolvePath(outDir)}`, job);
  return job;
}

/** The job `startIndexEarly` started for these folders, if any (taken once). */
export function takeEarlyIndexJob(archiveDir: string, outDir: string): Promise<WriteSearchResult> | undefined {
  const key = `${resolvePath(archiveDir)}\0${resolvePath(outDir)}`;
  const job = early.get(key);
  early.delete(key);
  return job;
}
