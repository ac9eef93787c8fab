import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDump } from '../parse/parse-dump.ts';
import { parseDirectory } from '../parse/parse-directory.ts';
import { overridesPath } from '../parse/overrides-path.ts';
import { readOverrides } from '../parse/overrides.ts';
import { readDumpFile } from '../parse/read-dump-file.ts';
import { serializeThread } from '../thread/serialize-thread.ts';
import { writeAtomic } from '../parse/write-atomic.ts';
import { isParseError } from '../util/parse-error.ts';
import { reviewDoubts } from '../recover/review-doubts.ts';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Whether stderr is a terminal (progress is redrawn in place there). */
  isTty?: boolean;
}

export const usage = `Usage: npm run parse -- [FILE] [-o OUT] [--force] [--review]

Parses discussion-thread dumps (HN Algolia/Firebase JSON, Reddit JSON, a saved or copied
HN page, plain text, Discourse JSON, mbox, thread JSON) into thread JSON.

With no FILE, parses every dump in threads/ (or $THREADS_DIR) into the archive
_archive/ (or $ARCHIVE_DIR) that \`npm run build\` renders. Corrections kept in
NAME.fixes.json beside a dump are applied every time.

Options
  -o, --output PATH  where FILE's thread goes (a folder when the dump holds several
                     threads, e.g. an mbox); default: standard output
  --force            overwrite archive files that were edited by hand
  --review           with FILE: list on stderr the five least sure cuts and the five least sure
                     parents the parser inferred from a text dump, with the fix for each
                     (NAME.fixes.json)
  -q, --quiet        no progress on stderr
  -h, --help         this text

Examples
  npm run parse -- threads/rust-async.txt -o /tmp/rust-async.json
  npm run parse -- ~/mail/list.mbox -o /tmp/list/
  npm run parse -- threads/copied-thread.txt -o /tmp/copied.json --review
  THREADS_DIR=~/dumps ARCHIVE_DIR=/tmp/archive npm run parse
`;

/** The parse command: returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  let values: { output?: string; force?: boolean; quiet?: boolean; help?: boolean; review?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        review: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.stderr(`parse: ${(error as Error).message.split('\n')[0]} (see --help)\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (positionals.length > 1) {
    io.stderr(`parse: one FILE at a time, got ${positionals.length} (see --help)\n`);
    return 2;
  }
  const started = performance.now();
  try {
    if (positionals.length === 1) return await parseOne(positionals[0]!, values, io);
    if (values.output || values.review) {
      io.stderr(`parse: ${values.output ? '-o' : '--review'} needs a FILE to parse (see --help)\n`);
      return 2;
    }
    const threadsDir = resolve(io.cwd, io.env.THREADS_DIR || 'threads');
    const archiveDir = resolve(io.cwd, io.env.ARCHIVE_DIR || '_archive');
    const cacheDir = resolve(io.cwd, io.env.CACHE_DIR || '.cache', 'parse');
    const progress = !values.quiet;
    const result = await parseDirectory({
      threadsDir,
      archiveDir,
      cacheDir,
      force: values.force,
      // PARSE_WORKERS: worker threads besides this one (default: by the cores and the work).
      ...(/^\d+$/.test(io.env.PARSE_WORKERS ?? '') ? { workers: Number(io.env.PARSE_WORKERS) } : {}),
      onProgress: progress
        ? (done, total) => {
            if (io.isTty) io.stderr(`\rparse: ${done}/${total} dumps`);
            else if (total >= 50 && done % 50 === 0 && done > 0 && done < total) io.stderr(`parse: ${done}/${total} dumps\n`);
          }
        : undefined,
    });
    if (progress && io.isTty) io.stderr('\r');
    for (const error of result.errors) io.stderr(`parse: ${error.message}\n`);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stderr(
      `parse: ${result.threads} threads, ${result.comments} comments in ${seconds} s (${result.parsed} parsed, the rest from cache)${result.errors.length ? `; ${result.errors.length} failed` : ''}\n`,
    );
    return result.errors.length > 0 ? 1 : 0;
  } catch (error) {
    if (isParseError(error)) {
      io.stderr(`parse: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function parseOne(input: string, values: { output?: string; quiet?: boolean; review?: boolean }, io: Io): Promise<number> {
  const file = resolve(io.cwd, input);
  const shown = input;
  if (!existsSync(file)) {
    io.stderr(`parse: ${shown}: no such file\n`);
    return 1;
  }
  if (statSync(file).isDirectory()) {
    io.stderr(`parse: ${shown}: is a folder; to parse a folder of dumps, run with THREADS_DIR=${shown} and no FILE\n`);
    return 1;
  }
  const started = performance.now();
  const fixesFile = overridesPath(file);
  const overrides = existsSync(fixesFile) ? readOverrides(readFileSync(fixesFile, 'utf8'), fixesFile) : undefined;
  const threads = await parseDump(readDumpFile(file, shown), shown, { overrides, overridesFile: fixesFile });
  const comments = threads.reduce((n, t) => n + t.comments.length, 0);
  if (!values.output) {
    if (threads.length > 1) {
      io.stderr(`parse: ${shown}: holds ${threads.length} threads; give a folder with -o\n`);
      return 1;
    }
    io.stdout(serializeThread(threads[0]!));
  } else {
    const out = resolve(io.cwd, values.output);
    const toFolder = threads.length > 1 || values.output.endsWith('/') || (existsSync(out) && statSync(out).isDirectory());
    for (const thread of threads) writeAtomic(toFolder ? join(out, `${thread.id}.json`) : out, serializeThread(thread));
  }
  if (!values.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stderr(`parse: ${threads.length} thread${threads.length === 1 ? '' : 's'}, ${comments} comments in ${seconds} s (${threads[0]!.source.format})\n`);
  }
  if (values.review) {
    for (const thread of threads) {
      const doubts = reviewDoubts(thread);
      const name = threads.length > 1 ? ` ${thread.id}` : '';
      if (doubts.length === 0) io.stderr(`review${name}: nothing inferred (the dump gives its tree)\n`);
      else {
        io.stderr(`review${name}: the ${doubts.length} least sure inferences, with the fix for each in ${fixesFile}:\n`);
        for (const line of doubts) io.stderr(`  ${line}\n`);
      }
    }
  }
  return 0;
}
