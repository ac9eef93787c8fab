import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { archivedThreadFiles } from '../../parse/archive-manifest.ts';
import { writeAtomic } from '../../parse/write-atomic.ts';
import { FileHashCache } from '../../util/file-hash-cache.ts';
import type { Thread } from '../../thread/types.ts';

/** What the index, feed and sitemap need to know about a thread, without its comments. */
export interface ThreadSummary {
  id: string;
  /** The archive file with the whole thread. */
  file: string;
  title: string;
  url?: string;
  format: Thread['source']['format'];
  sourceFile: string;
  author?: string;
  /** The story's time, else the first comment's; undefined when the dump has none. */
  time?: string;
  /** The latest time in the thread. */
  updated?: string;
  comments: number;
  participants: number;
  /** The story's text, for the feed. */
  text?: string;
  /** sha256 of the archive file's bytes (what caches of its page are keyed by). */
  sha256?: string;
}

export function readThread(file: string): Thread {
  return JSON.parse(readFileSync(file, 'utf8')) as Thread;
}

export function summarizeThread(thread: Thread, file: string): ThreadSummary {
  const authors = new Set<string>();
  if (thread.author) authors.add(thread.author);
  let first: string | undefined;
  let last = thread.time;
  for (const c of thread.comments) {
    if (c.author) authors.add(c.author);
    if (c.time) {
      if (first === undefined || c.time < first) first = c.time;
      if (last === undefined || c.time > last) last = c.time;
    }
  }
  return {
    id: thread.id,
    file,
    title: thread.title,
    url: thread.url,
    format: thread.source.format,
    sourceFile: thread.source.file,
    author: thread.author,
    time: thread.time ?? first,
    updated: last,
    comments: thread.comments.length,
    participants: authors.size,
    text: thread.text,
  };
}

/** Bump when ThreadSummary or summarizeThread changes: older cached summaries are then ignored. */
const summaryVersion = 1;
interface SummaryCache {
  version: number;
  /** sha256 of an archive file → its summary (without `file`). */
  entries: Record<string, Omit<ThreadSummary, 'file'>>;
}

function readSummaryCache(file: string): SummaryCache['entries'] {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as SummaryCache;
    if (cache.version === summaryVersion && cache.entries && typeof cache.entries === 'object') return cache.entries;
  } catch {
    // missing or damaged: start afresh (deleting the cache is always safe)
  }
  return {};
}

/**
 * Every archived thread (as the archive's manifest lists them), newest first. With
 * `cacheDir`, summaries are kept in `cacheDir/summaries.json` by the sha256 of each archive
 * file, so a rebuild parses only the threads whose bytes changed; the hashes themselves are
 * kept by each file's stat (FileHashCache), so an unchanged file is not even read (an edited
 * one, by hand or not, has new times and is summarised anew).
 */
export function loadThreadSummaries(archiveDir: string, cacheDir?: string): ThreadSummary[] {
  const cacheFile = cacheDir ? join(cacheDir, 'summaries.json') : undefined;
  const cached = cacheFile && existsSync(cacheFile) ? readSummaryCache(cacheFile) : {};
  const next: SummaryCache['entries'] = {};
  let changed = false;
  const hashes = cacheDir ? new FileHashCache(join(cacheDir, 'file-hashes.json')) : undefined;
  const files = archivedThreadFiles(archiveDir);
  const summaries = files.map((file) => {
    let bytes: Buffer | undefined;
    let sha256: string;
    if (hashes) {
      const hashed = hashes.hash(file);
      if (!hashed) throw new Error(`${file}: listed in the archive's manifest but missing`);
      ({ sha256, bytes } = hashed);
    } else {
      bytes = readFileSync(file);
      sha256 = createHash('sha256').update(bytes).digest('hex');
    }
    let entry = cached[sha256];
    if (!entry) {
      const { file: _, ...rest } = summarizeThread(JSON.parse((bytes ?? readFileSync(file)).toString('utf8')) as Thread, file);
      entry = { ...rest, sha256 };
      changed = true;
    }
    next[sha256] = entry;
    return { ...entry, file };
  });
  hashes?.save(files);
  if (cacheFile && (changed || Object.keys(cached).length !== Object.keys(next).length)) {
    writeAtomic(cacheFile, JSON.stringify({ version: summaryVersion, entries: next } satisfies SummaryCache));
  }
  return summaries.sort((a, b) => {
    if (a.time !== b.time) {
      if (a.time === undefined) return 1;
      if (b.time === undefined) return -1;
      return a.time < b.time ? 1 : -1;
    }
    return a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1);
  });
}

const formatNames: Record<Thread['source']['format'], string> = {
  'thread-json': 'thread JSON',
  'hn-algolia': 'Hacker News, Algolia API',
  'hn-firebase': 'Hacker News, Firebase API',
  reddit: 'Reddit',
  'hn-item-html': 'Hacker News, saved page',
  'hn-copy-text': 'Hacker News, copied text',
  'plain-text': 'plain text',
  discourse: 'Discourse',
  mbox: 'mailing list (mbox)',
};

/** `hn-algolia` → `Hacker News, Algolia API`. */
export function formatName(format: Thread['source']['format']): string {
  return formatNames[format] ?? format;
}

/** The host of a story link (`news.example.com`), or undefined when it is not a web URL. */
export function linkHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}
