// A worker thread of the parse pool (src/parse/parse-pool.ts): parses the dumps it is sent,
// one message each, and answers with the result (or, for a bug, the error's stack).
import { parentPort } from 'node:worker_threads';
import { runParseJob, type ParseJob } from './parse-job.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs only as a worker thread of the parse pool');
port.on('message', (message: { id: number; job: ParseJob }) => {
  runParseJob(message.job).then(
    (result) => port.postMessage({ id: message.id, result }),
    (error: unknown) => port.postMessage({ id: message.id, bug: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
port.postMessage({ ready: true });
