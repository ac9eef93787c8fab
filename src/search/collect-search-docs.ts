import type { Thread } from '../thread/types.ts';
import { extractQuotes, ownText } from '../quotes/extract-quotes.ts';

/** One searchable document of a thread: a comment, or the thread's story (`id` empty). */
export interface ThreadDoc {
  /** The comment id (`''` for the story). */
  id: string;
  author: string;
  /** ISO time, or `''`. */
  time: string;
  /** Its own words, as plain text (quoted lines removed). */
  own: string;
  /** The passages it quotes, one per line. */
  quotes: string;
}

/** A document of an archive: a ThreadDoc and the index of its thread in the thread table. */
export interface SearchDoc extends ThreadDoc {
  thread: number;
}

export interface SearchThread {
  id: string;
  title: string;
  /** Number of its first document; its documents are contiguous. */
  first: number;
  count: number;
}

/** A thread's documents: its story first, then its comments in page order. */
export function threadSearchDocs(thread: Thread): ThreadDoc[] {
  const docs: ThreadDoc[] = [{ id: '', author: thread.author ?? '', time: thread.time ?? '', own: thread.text ? ownText(thread.text) : '', quotes: '' }];
  for (const c of thread.comments) {
    const quoted = c.quotes ? c.quotes.map((q) => q.text) : c.text.includes('>') ? extractQuotes(c.text) : [];
    docs.push({ id: c.id, author: c.author ?? '', time: c.time ?? '', own: ownText(c.text), quotes: quoted.join('\n') });
  }
  return docs;
}

/**
 * The documents of an archive, numbered thread by thread (threadSearchDocs) so that a thread
 * is a contiguous range of document numbers.
 */
export function collectSearchDocs(threads: Iterable<Thread>): { docs: SearchDoc[]; threads: SearchThread[] } {
  const docs: SearchDoc[] = [];
  const table: SearchThread[] = [];
  for (const thread of threads) {
    const index = table.length;
    const first = docs.length;
    for (const d of threadSearchDocs(thread)) docs.push({ ...d, thread: index });
    table.push({ id: thread.id, title: thread.title, first, count: docs.length - first });
  }
  return { docs, threads: table };
}
