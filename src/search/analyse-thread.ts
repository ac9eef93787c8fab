import { createHash } from 'node:crypto';
import type { Thread } from '../thread/types.ts';
import { authorKey, type Analyzer } from './analyze.ts';
import { threadSearchDocs, type ThreadDoc } from './collect-search-docs.ts';
import type { BlockDoc } from './index-format.ts';
import { docsPerBlock, searchFields } from './search-config.ts';

/**
 * What the index needs of one thread, independent of every other thread (so it can be cached
 * by the thread file's content hash, and an unchanged thread's text blocks can stay put).
 */
export interface ThreadSearchEntry {
  id: string;
  title: string;
  /** Documents: the story and the comments. */
  count: number;
  /** Hash of the thread's text blocks: their URLs' version. */
  version: string;
  /** Size in bytes of each text block file. */
  blockBytes: number[];
  /** The thread's distinct terms (all fields), in order of first appearance. */
  terms: string[];
  /**
   * The field lengths and postings, as 32-bit integers:
   *   - per field (searchFields order) each document's length in terms (Lunr counts empty
   *     terms too); the title field has one length, for the whole thread;
   *   - then per term: a bit mask of the fields that have it (bit f: field f), and per such
   *     field n, then n pairs (document, term count). Documents are numbered from 0 within
   *     the thread; the title's one document is 0.
   */
  data: Int32Array;
}

const fieldCount = searchFields.length;
const fText = searchFields.indexOf('text');
const fQuote = searchFields.indexOf('quote');
const fAuthor = searchFields.indexOf('author');
const fTitle = searchFields.indexOf('title');

/**
 * Analyses a thread with Lunr's pipeline (`analyzer`) into its ThreadSearchEntry, and makes
 * its text blocks (`blocks[k]`: the content of `d/<thread id>/<k>.json`).
 */
export function analyseThreadForSearch(thread: Thread, analyzer: Analyzer): { entry: ThreadSearchEntry; blocks: string[] } {
  const docs = threadSearchDocs(thread);
  const count = docs.length;
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  // Per term and field: flat [document, count, …].
  const lists: number[][] = [];
  const lengths: number[][] = Array.from({ length: fieldCount }, (_, f) => (f === fTitle ? [0] : new Array<number>(count).fill(0)));
  const tf = new Map<string, number>();
  const addField = (field: number, doc: number, fieldTerms: string[]) => {
    lengths[field]![doc] = fieldTerms.length;
    tf.clear();
    for (const t of fieldTerms) if (t !== '') tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let i = termIndex.get(t);
      if (i === undefined) {
        i = terms.length;
        termIndex.set(t, i);
        terms.push(t);
        for (let f = 0; f < fieldCount; f++) lists.push([]);
      }
      lists[i * fieldCount + field]!.push(doc, n);
    }
  };
  for (let d = 0; d < count; d++) {
    const doc = docs[d]!;
    addField(fText, d, analyzer.terms(doc.own));
    addField(fQuote, d, doc.quotes ? analyzer.terms(doc.quotes) : []);
    // A document without an author has an empty author field; an author whose key is empty counts one (empty) term.
    const author = doc.author ? authorKey(doc.author) : undefined;
    addField(fAuthor, d, author === undefined ? [] : [author]);
  }
  addField(fTitle, 0, analyzer.terms(thread.title));

  let size = 0;
  for (const l of lengths) size += l.length;
  size += terms.length;
  for (const l of lists) if (l.length > 0) size += 1 + l.length;
  const data = new Int32Array(size);
  let at = 0;
  for (const l of lengths) for (const n of l) data[at++] = n;
  for (let i = 0; i < terms.length; i++) {
    const maskAt = at++;
    let mask = 0;
    for (let f = 0; f < fieldCount; f++) {
      const l = lists[i * fieldCount + f]!;
      if (l.length === 0) continue;
      mask |= 1 << f;
      data[at++] = l.length / 2;
      for (const n of l) data[at++] = n;
    }
    data[maskAt] = mask;
  }

  const { blocks, version } = textBlocks(docs);
  const entry: ThreadSearchEntry = { id: thread.id, title: thread.title, count, version, blockBytes: blocks.map((b) => Buffer.byteLength(b)), terms, data };
  return { entry, blocks };
}

/** A thread's text blocks (`d/<thread id>/<k>.json`, in order) and their version (a hash of them). */
export function textBlocks(docs: ThreadDoc[]): { blocks: string[]; version: string } {
  const blocks: string[] = [];
  for (let start = 0; start < docs.length; start += docsPerBlock) {
    const block: BlockDoc[] = docs.slice(start, start + docsPerBlock).map((d) => [d.id, d.author, d.time, d.own, d.quotes]);
    blocks.push(JSON.stringify(block));
  }
  const hash = createHash('sha256');
  for (const b of blocks) hash.update(b).update('\0');
  return { blocks, version: hash.digest('hex').slice(0, 8) };
}
