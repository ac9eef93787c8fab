// Entry of a worker thread that runs TypeScript: a worker does not inherit tsx's loader, so
// register it, then load the module named in workerData.entry (a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
