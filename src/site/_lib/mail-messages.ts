import { readThread, type ThreadSummary } from './load-archive.ts';

/** One archived mail, as the by-date and by-author indexes list it. */
export interface MailEntry {
  threadId: string;
  threadTitle: string;
  /** The comment's id: its anchor on the thread page. */
  commentId: string;
  author: string;
  /** ISO 8601 UTC, or '' for an undated message. */
  time: string;
  /** The author of the message it answers, when known. */
  inReplyTo?: string;
}

let cache: { key: string; entries: MailEntry[] } | undefined;

/**
 * Every message of the archive's mail threads (format `mbox`), read from the thread files. Both
 * indexes ask during one build; the list is read once per set of files.
 */
export function mailEntries(threads: readonly ThreadSummary[]): MailEntry[] {
  const mail = threads.filter((t) => t.format === 'mbox');
  const key = mail.map((t) => `${t.file}\0${t.comments}\0${t.updated ?? ''}`).join('\n');
  if (cache?.key === key) return cache.entries;
  const entries: MailEntry[] = [];
  for (const summary of mail) {
    const thread = readThread(summary.file);
    const authors = new Map(thread.comments.map((c) => [c.id, c.author]));
    for (const c of thread.comments) {
      const parentAuthor = c.parent === null ? undefined : authors.get(c.parent);
      entries.push({
        threadId: thread.id,
        threadTitle: thread.title,
        commentId: c.id,
        author: c.author ?? '(unknown sender)',
        time: c.time ?? '',
        ...(parentAuthor ? { inReplyTo: parentAuthor } : {}),
      });
    }
  }
  cache = { key, entries };
  return entries;
}

/** Oldest first; undated messages last; ties in thread order. */
export function byDate(entries: readonly MailEntry[]): MailEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.time === b.e.time ? a.i - b.i : a.e.time === '' ? 1 : b.e.time === '' ? -1 : a.e.time < b.e.time ? -1 : 1))
    .map(({ e }) => e);
}

/** By author (case-insensitive, accents folded), each author's messages oldest first. */
export function byAuthor(entries: readonly MailEntry[]): MailEntry[] {
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  const dated = byDate(entries);
  const rank = new Map(dated.map((e, i) => [e, i]));
  return dated.sort((a, b) => collator.compare(a.author, b.author) || (a.author < b.author ? -1 : a.author > b.author ? 1 : 0) || rank.get(a)! - rank.get(b)!);
}

/** Mail index pages hold this many messages each. */
export const mailPerPage = 500;
