import { basename } from 'node:path';
import type { Thread, ThreadDraft } from '../thread/types.ts';
import { importers } from '../importers/index.ts';
import type { DumpInput } from '../importers/importer.ts';
import { decodeDump } from '../util/decode-dump.ts';
import { ParseError } from '../util/parse-error.ts';
import { threadSlug } from '../util/thread-slug.ts';
import { threadProblems } from '../thread/validate-thread.ts';
import { readJson } from './read-json.ts';
import { applyOverrides } from './apply-overrides.ts';
import { orderBreakingCycles } from './order-depth-first.ts';
import type { Overrides } from './overrides.ts';
import { linkQuotes } from '../quotes/link-quotes.ts';

export interface ParseDumpOptions {
  overrides?: Overrides;
  /** The overrides file's path, for error messages. */
  overridesFile?: string;
}

/**
 * Parses one dump's bytes into one or more threads (an mbox may hold several): decodes the
 * text, sniffs the format, imports, applies the user's overrides, links quotes, and checks
 * each thread against the schema. Any problem is a ParseError naming `file`.
 */
export async function parseDump(bytes: Uint8Array, file: string, options: ParseDumpOptions = {}): Promise<Thread[]> {
  const text = decodeDump(bytes, file);
  const json = readJson(text, file);
  const overrides = options.overrides ?? {};
  const input: DumpInput = {
    file,
    text,
    bytes,
    options: { split: overrides.split, merge: overrides.merge, story: overrides.story },
    ...(json === undefined ? {} : { json }),
  };
  const importer = importers.find((candidate) => candidate.detect(input));
  if (!importer) {
    const names = importers.map((i) => i.format).join(', ');
    throw new ParseError(file, `unknown format: ${json === undefined ? 'text' : 'JSON'} that is none of ${names}`);
  }
  const result = await importer.parse(input);
  const drafts = Array.isArray(result) ? result : [result];
  if (drafts.length === 0) throw new ParseError(file, 'the dump holds no thread');
  const slug = threadSlug(file);
  return drafts.map((draft) => {
    // `<file>-<thread>`, the file part shortened so that the whole stays within the schema's 120 characters.
    const part = threadSlug(draft.id ?? '');
    const id = drafts.length > 1 ? `${slug.slice(0, Math.max(1, 119 - part.length)).replace(/-+$/, '')}-${part}` : slug;
    let thread = finish(draft, id, importer.format, file);
    if (drafts.length === 1 && options.overrides) {
      thread = applyOverrides(thread, options.overrides, options.overridesFile ?? `${file} overrides`);
      // Recorded, so that the reader's fixer can offer the whole file: these and the new ones.
      if (Object.keys(options.overrides).length > 0) thread.source = { ...thread.source, fixes: options.overrides };
    }
    thread.comments = linkQuotes(thread.comments);
    const problems = threadProblems(thread);
    if (problems.length > 0) {
      throw new ParseError(file, `the ${importer.format} importer made an invalid thread (a bug): ${problems[0]}`);
    }
    return thread;
  });
}

function finish(draft: ThreadDraft, id: string, format: Thread['source']['format'], file: string): Thread {
  const { id: _id, source: { fixes: _fixes, ...source } = {}, comments, ...rest } = draft;
  const seen = new Set<string>();
  for (const c of comments) {
    if (seen.has(c.id)) throw new ParseError(file, `two comments have the same id "${c.id}"`);
    seen.add(c.id);
  }
  return {
    version: 1,
    id,
    ...rest,
    source: { ...source, format: source?.format ?? format, file: basename(file) },
    comments: orderBreakingCycles(comments),
  } as Thread;
}
