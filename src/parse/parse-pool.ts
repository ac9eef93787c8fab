import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseJob, ParseJobResult } from './parse-job.ts';
import { compiledWorkerEntry } from './compile-worker-sources.ts';

export interface ParsePoolOptions {
  /** Worker threads to start besides the calling thread, which parses too (0: none). */
  workers: number;
  /** Whether this thread parses too (default); with false, only the workers do (tests). */
  parseHere?: boolean;
  /** Under tsx, whether workers run from compiled sources (default) or through tsx (tests). */
  compiled?: boolean;
  /** Called as each job finishes (in any order), e.g. for progress; `byWorker`: where. */
  onResult?: (index: number, result: ParseJobResult, byWorker: boolean) => void;
}

/**
 * The parser, loaded when this thread first parses: importing it costs a good part of a second,
 * which a build whose dumps are all in the cache need not pay.
 */
const parser = () => import('./parse-job.ts');

/** Jobs a worker holds at once: one in hand and some queued, so it need not wait for this
 * thread, which reads its answers only between two of its own jobs. */
const perWorker = 4;

/**
 * How many workers suit a batch: one less than the idle cores (this thread parses too), and
 * none for batches under 4 MB (some 6,000 comments, half a second on one core), which are
 * done before a worker has loaded the parser. A core busy with other work (by the load
 * average) is not idle: a worker there would only add its start-up to the machine's load.
 */
export function defaultWorkers(jobs: readonly ParseJob[]): number {
  const bytes = jobs.reduce((n, job) => n + job.bytes.length, 0);
  if (jobs.length < 2 || bytes < 4_000_000) return 0;
  const cores = availableParallelism();
  const idle = Math.round(cores - loadavg()[0]!); // loadavg() is all zeros where unknown
  return Math.max(0, Math.min(idle - 1, cores - 1, jobs.length - 1));
}

/**
 * Parses dumps on several threads: this one and `workers` worker threads, the largest dumps
 * first, each thread taking the next when it is done. Results come back in the jobs' order
 * and are the same bytes a single thread would make. A worker that cannot start or dies
 * leaves its jobs to the others; a bug in the parser (not a ParseError) is thrown.
 */
export async function parseJobs(jobs: readonly ParseJob[], options: ParsePoolOptions): Promise<ParseJobResult[]> {
  const results = new Array<ParseJobResult | undefined>(jobs.length);
  const queue = jobs.map((_, i) => i).sort((a, b) => jobs[b]!.bytes.length - jobs[a]!.bytes.length || a - b);
  const finish = (index: number, result: ParseJobResult, byWorker = false) => {
    results[index] = result;
    options.onResult?.(index, result, byWorker);
  };

  const parseHere = options.parseHere ?? true;
  const count = Math.min(options.workers, Math.max(0, jobs.length - (parseHere ? 1 : 0)));
  const pool = startWorkers(count, jobs, queue, finish, options.compiled ?? true);
  try {
    while (queue.length > 0 && parseHere) {
      pool.check();
      const index = queue.shift()!;
      finish(index, await (await parser()).runParseJob(jobs[index]!));
      // Let the workers' answers in, so they get their next jobs.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await pool.drained();
  } finally {
    await pool.stop();
  }
  return results as ParseJobResult[];
}

interface Pool {
  /** Throws the first bug a worker reported. */
  check(): void;
  /** Resolves when every job handed to a worker is back (or requeued and done here). */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

function startWorkers(
  count: number,
  jobs: readonly ParseJob[],
  queue: number[],
  finish: (index: number, result: ParseJobResult, byWorker?: boolean) => void,
  compiledSources: boolean,
): Pool {
  const workers: Worker[] = [];
  /** Feeders of the workers that are up, to hand out jobs given back by a dead one. */
  const feeders = new Set<() => void>();
  let alive = count;
  let bug: Error | undefined;
  let outstanding = 0;
  let wake: (() => void) | undefined;
  const nudge = () => wake?.();

  for (let w = 0; w < count; w++) {
    const worker = spawnParseWorker(compiledSources);
    workers.push(worker);
    const held = new Set<number>();
    let gone = false;
    const feed = () => {
      while (held.size < perWorker && queue.length > 0 && !bug) {
        const index = queue.shift()!;
        held.add(index);
        outstanding++;
        worker.postMessage({ id: index, job: jobs[index] });
      }
    };
    const giveBack = () => {
      if (gone) return;
      gone = true;
      alive--;
      feeders.delete(feed);
      // The worker is gone: its jobs go back to the front of the queue for the others.
      queue.unshift(...held);
      outstanding -= held.size;
      held.clear();
      for (const other of feeders) other();
      nudge();
    };
    worker.on('message', (message: { ready?: true; id?: number; result?: ParseJobResult; bug?: string; fatal?: string }) => {
      if (message.ready) {
        feeders.add(feed);
        feed();
        return nudge();
      }
      if (message.fatal !== undefined) return; // could not start: 'exit' follows
      const index = message.id!;
      held.delete(index);
      outstanding--;
      if (message.bug !== undefined) bug ??= new Error(`the parser failed on ${jobs[index]!.file} (in a worker thread): ${message.bug}`);
      else finish(index, message.result!, true);
      feed();
      nudge();
    });
    worker.on('error', giveBack);
    worker.on('exit', giveBack);
  }

  return {
    check() {
      if (bug) throw bug;
    },
    async drained() {
      for (;;) {
        if (bug) throw bug;
        if (queue.length === 0 && outstanding === 0) return;
        if (alive === 0) {
          // No worker left (or none started): the rest is done here.
          const index = queue.shift()!;
          finish(index, await (await parser()).runParseJob(jobs[index]!));
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
    async stop() {
      feeders.clear();
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * A worker thread running parse-worker.ts. Under tsx (the project runs TypeScript with it) a
 * worker does not inherit tsx's loader for its entry file (tsx issue #354). It runs from a
 * compiled copy of the sources (compile-worker-sources.ts: it starts three times faster), or,
 * when that cannot be made, registers tsx through its API (`tsx/esm/api`) and imports the
 * TypeScript entry.
 */
function spawnParseWorker(compiledSources: boolean): Worker {
  const entry = new URL('./parse-worker.ts', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return new Worker(entry);
  if (compiledSources) compiled ??= compiledWorkerEntry('parse/parse-worker.ts') ?? null;
  if (compiledSources && compiled) return new Worker(compiled, { execArgv: withoutTsx(process.execArgv) });
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `
    const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(api)})
      .then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })
      .catch((error) => { parentPort.postMessage({ fatal: String(error && error.stack || error) }); process.exit(1); });
  `;
  return new Worker(bootstrap, { eval: true, execArgv: withoutTsx(process.execArgv) });
}

/** The compiled copy of the worker's sources (null: it could not be made). */
let compiled: URL | null | undefined;

/** Node's flags without tsx's own (its preflight and loader), which a worker does not need. */
function withoutTsx(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  const isTsx = (module: string) => /^tsx(\/|$)|[\\/]tsx[\\/]/.test(module);
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i]!;
    const value = execArgv[i + 1];
    if ((flag === '--require' || flag === '--import') && value !== undefined && isTsx(value)) i++;
    else if (!(/^--(require|import)=/.test(flag) && isTsx(flag.replace(/^[^=]*=/, '')))) kept.push(flag);
  }
  return kept;
}
