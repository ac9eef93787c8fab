import { createHash } from 'node:crypto';
import { serializeThread } from '../thread/serialize-thread.ts';
import { isParseError } from '../util/parse-error.ts';
import { parseDump } from './parse-dump.ts';
import { readOverrides } from './overrides.ts';

/** One dump to parse: everything a worker thread needs, as plain data. */
export interface ParseJob {
  /** The dump's path (for error messages and the thread's `source.file`). */
  file: string;
  bytes: Uint8Array;
  /** The text of the dump's overrides file, if it has one. */
  fixesText?: string;
  fixesFile: string;
}

/** A parsed dump as the archive stores it: each thread's id, bytes (and their SHA-256) and comment count. */
export interface ParsedOutput {
  id: string;
  json: string;
  sha256: string;
  comments: number;
}

/** A job's outcome, as plain data that can cross to another thread. */
export type ParseJobResult =
  | { ok: true; outputs: ParsedOutput[] }
  | { ok: false; error: { file: string; reason: string; line?: number } };

/**
 * Parses one dump into the bytes the archive stores. A ParseError (bad input) comes back as
 * data; any other error is a bug and is thrown.
 */
export async function runParseJob(job: ParseJob): Promise<ParseJobResult> {
  try {
    const overrides = job.fixesText === undefined ? undefined : readOverrides(job.fixesText, job.fixesFile);
    const threads = await parseDump(job.bytes, job.file, { overrides, overridesFile: job.fixesFile });
    return {
      ok: true,
      outputs: threads.map((t) => {
        const json = serializeThread(t);
        return { id: t.id, json, sha256: createHash('sha256').update(json).digest('hex'), comments: t.comments.length };
      }),
    };
  } catch (error) {
    if (!isParseError(error)) throw error;
    return { ok: false, error: { file: error.file, reason: error.reason, ...(error.line === undefined ? {} : { line: error.line }) } };
  }
}
