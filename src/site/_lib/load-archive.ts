import { readFileSync } from 'node:fs';
import { archivedThreadFiles } from '../../parse/parse-directory.ts';
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

/** Every archived thread (as the archive's manifest lists them), newest first. */
export function loadThreadSummaries(archiveDir: string): ThreadSummary[] {
  const summaries = archivedThreadFiles(archiveDir).map((file) => summarizeThread(readThread(file), file));
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
