// Runs Eleventy in this worker thread, as run-eleventy.ts asks, and reports back.
import { parentPort, workerData } from 'node:worker_threads';
import Eleventy from '@11ty/eleventy';

const { mode, port } = workerData as { mode: 'build' | 'serve'; port?: number };
try {
  if (mode === 'build') {
    const eleventy = new Eleventy('src/site', process.env.SITE_DIR, { configPath: '.eleventy.ts', quietMode: true });
    await eleventy.write();
    parentPort!.postMessage({ done: true });
  } else {
    const eleventy = new Eleventy('src/site', process.env.SITE_DIR, { configPath: '.eleventy.ts', quietMode: true, runMode: 'serve' });
    await eleventy.init();
    await eleventy.watch();
    await eleventy.serve(port);
  }
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? `${error.message}${error.cause ? `: ${String((error.cause as Error).message ?? error.cause)}` : ''}` : String(error) });
}
