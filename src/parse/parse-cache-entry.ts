import { readFileSync } from 'node:fs';
import type { ParsedOutput } from './parse-job.ts';
import { writeAtomic } from './write-atomic.ts';

/** A parsed output whose JSON text is read only when needed (the archive usually has it already). */
export interface CachedOutput {
  id: string;
  sha256: string;
  comments: number;
  json(): string;
}

// A parse cache entry is one file: a line of JSON, `[{id, sha256, comments, bytes}, …]`, then
// each output's JSON text, one after the other. A rebuild reads only the first line of most
// entries: an archive file whose hash is the output's needs nothing else.

/** Stores a dump's outputs in `file`. */
export function writeParseCacheEntry(file: string, outputs: ParsedOutput[]): void {
  const head = outputs.map((o) => ({ id: o.id, sha256: o.sha256, comments: o.comments, bytes: Buffer.byteLength(o.json) }));
  writeAtomic(file, `${JSON.stringify(head)}\n${outputs.map((o) => o.json).join('')}`);
}

/** The outputs stored in `file`, or undefined when it is missing or damaged. */
export function readParseCacheEntry(file: string): CachedOutput[] | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  if (newline < 0) return undefined;
  let head: { id: string; sha256: string; comments: number; bytes: number }[];
  try {
    head = JSON.parse(bytes.toString('utf8', 0, newline));
  } catch {
    return undefined;
  }
  if (!Array.isArray(head) || head.reduce((n, h) => n + (Number.isInteger(h?.bytes) ? h.bytes : NaN), 0) !== bytes.length - newline - 1) return undefined;
  let at = newline + 1;
  return head.map((h) => {
    const from = at;
    at += h.bytes;
    return { id: h.id, sha256: h.sha256, comments: h.comments, json: () => bytes.toString('utf8', from, from + h.bytes) };
  });
}

/** A freshly parsed output, in the same shape. */
export function asCachedOutput(output: ParsedOutput): CachedOutput {
  return { id: output.id, sha256: output.sha256, comments: output.comments, json: () => output.json };
}
