import { Worker } from 'node:worker_threads';

/**
 * Stack for the Eleventy thread. Eleventy's HTML transforms (the <base> plugin that adds
 * PATH_PREFIX) walk the page tree recursively, and a thread page nests one element per reply
 * level: a 5,000-deep chain overflows Node's default stack. A worker thread can be given a
 * larger one; only the part used is ever committed.
 */
const stackSizeMb = 512;

/**
 * Runs Eleventy (config .eleventy.ts, input src/site, output SITE_DIR) in a worker thread
 * with a large stack. `build` resolves when the site is written; `serve` runs until the
 * process ends. The current folder must be the project folder.
 */
export function runEleventy(mode: 'build' | 'serve', port?: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./eleventy-worker.mjs', import.meta.url), {
      workerData: { mode, port },
      env: { ...process.env },
      resourceLimits: { stackSizeMb },
    });
    let settled = false;
    worker.on('message', (message: { done?: true; error?: string }) => {
      settled = true;
      if (message.error) reject(new Error(message.error));
      else resolve();
      if (mode === 'build') void worker.terminate();
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) (code === 0 && mode === 'serve' ? resolve() : reject(new Error(`the Eleventy worker stopped (exit code ${code})`)));
    });
  });
}
