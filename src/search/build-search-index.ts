import { createHash } from 'node:crypto';
import type lunrType from 'lunr';
import { authorKey, createAnalyzer, type Analyzer } from './analyze.ts';
import type { SearchDoc, SearchThread } from './collect-search-docs.ts';
import { bm25, commonTerms, docsPerBlock, fieldBoosts, indexVersion, partTargetBytes, searchFields } from './search-config.ts';

/** `manifest.json`: all a client needs to know which files to fetch. */
export interface SearchManifest {
  version: typeof indexVersion;
  /** Hash of the index files; appended to their URLs so a rebuilt index is never mixed with a cached one. */
  build: string;
  docs: number;
  blockSize: number;
  fields: readonly string[];
  boosts: Record<string, number>;
  /** The first term of each term part, in ascending (code unit) order: part k holds [parts[k], parts[k+1]). */
  parts: string[];
  /** The most frequent terms, most frequent first: phrase searches avoid them when picking words to look up. */
  common: string[];
  /** Text blocks (`d/0.json` … `d/<blocks-1>.json`). */
  blocks: number;
  /** Bytes of all term parts and of all text blocks (uncompressed), e.g. to offer the whole index for offline use. */
  bytes: { parts: number; blocks: number };
}

/**
 * A term part (`t/<k>.json`) is an array of entries `[term, idf, text, quote, author, title]`;
 * each field is `0` or a flat list `[gap, g, gap, g, …]`: the gap to the previous document
 * number (thread number for `title`) and Lunr's BM25 term-frequency factor ×1000, rounded.
 * The client turns this back into Lunr's weight: round(idf × g/1000 × boost, 3).
 */
export type TermEntry = [string, number, ...(number[] | 0)[]];

/** A stored document in a block (`d/<k>.json`): `[thread, id, author, time, own, quotes]`. */
export type StoredDoc = [number, string, string, string, string, string];

/** `threads.json`: `[id, title, first document, document count]` per thread. */
export type StoredThread = [string, string, number, number];

export interface BuiltSearchIndex {
  /** Path (relative to the index folder) → file content. */
  files: Map<string, string>;
  manifest: SearchManifest;
  stats: { docs: number; terms: number; postings: number; parts: number; blocks: number; bytes: number };
}

interface Postings {
  /** Per field: [doc, tf, length, doc, tf, length, …] in document order. */
  fields: number[][];
  /** Documents that have the term, summed over fields (Lunr's idf counts a document once per field). */
  df: number;
}

/**
 * The text blocks (`d/<k>.json` → content) of the documents: they depend on nothing else, so
 * they can be written while the term parts are built (write-search-index.ts).
 */
export function buildTextBlocks(docs: SearchDoc[]): Map<string, string> {
  const files = new Map<string, string>();
  for (let start = 0, k = 0; start < docs.length; start += docsPerBlock, k++) {
    const block: StoredDoc[] = docs.slice(start, start + docsPerBlock).map((d) => [d.thread, d.id, d.author, d.time, d.own, d.quotes]);
    files.set(`d/${k}.json`, JSON.stringify(block));
  }
  return files;
}

/**
 * A field's analysed text: its length in terms (Lunr counts empty terms too), then each
 * non-empty term and its count, in order of first appearance.
 */
export type FieldCounts = (string | number)[];

/** The analysed fields of one thread's documents (in document order) and of its title. */
export interface ThreadCounts {
  text: FieldCounts[];
  quote: FieldCounts[];
  title: FieldCounts;
}

/** Counts the terms of a field (see FieldCounts). */
export function countTerms(terms: string[]): FieldCounts {
  const tf = new Map<string, number>();
  for (const t of terms) if (t !== '') tf.set(t, (tf.get(t) ?? 0) + 1);
  const out: FieldCounts = [terms.length];
  for (const [t, n] of tf) out.push(t, n);
  return out;
}

/**
 * Analyses one thread's documents (`docs`: its contiguous range) and title with Lunr's
 * pipeline: what buildSearchIndex needs of their text, and what the build cache keeps per
 * thread (write-search-index.ts), so an unchanged thread is not analysed again.
 */
export function analyseThread(docs: SearchDoc[], title: string, analyzer: Analyzer): ThreadCounts {
  return {
    text: docs.map((d) => countTerms(analyzer.terms(d.own))),
    quote: docs.map((d) => countTerms(d.quotes ? analyzer.terms(d.quotes) : [])),
    title: countTerms(analyzer.terms(title)),
  };
}

/**
 * Builds the split index (`textBlocks`: from buildTextBlocks, if already made; `counts`: each
 * thread's analyseThread, if already made). The weights are exactly Lunr's (lunr.Builder's BM25 with its k1, b,
 * field boosts and average field lengths over the whole archive), so a term's scores are the
 * same whichever part it is stored in.
 */
export function buildSearchIndex(input: { docs: SearchDoc[]; threads: SearchThread[]; counts?: ThreadCounts[] }, lunr: typeof lunrType, textBlocks?: Map<string, string>): BuiltSearchIndex {
  const { docs, threads } = input;
  const analyzer = input.counts ? undefined : createAnalyzer(lunr);
  const counts = input.counts ?? threads.map((t) => analyseThread(docs.slice(t.first, t.first + t.count), t.title, analyzer!));
  const fieldCount = searchFields.length;
  const postings = new Map<string, Postings>();
  const totals = new Array<number>(fieldCount).fill(0);
  const add = (term: string, field: number, unit: number, tf: number, length: number, weight: number) => {
    let p = postings.get(term);
    if (!p) {
      p = { fields: Array.from({ length: fieldCount }, () => []), df: 0 };
      postings.set(term, p);
    }
    p.fields[field]!.push(unit, tf, length);
    p.df += weight;
  };
  const addField = (field: number, counted: FieldCounts, unit: number, docsCovered: number) => {
    const length = counted[0] as number;
    totals[field]! += length * docsCovered;
    for (let i = 1; i < counted.length; i += 2) add(counted[i] as string, field, unit, counted[i + 1] as number, length, docsCovered);
  };
  const fText = searchFields.indexOf('text');
  const fQuote = searchFields.indexOf('quote');
  const fAuthor = searchFields.indexOf('author');
  const fTitle = searchFields.indexOf('title');
  for (let t = 0; t < threads.length; t++) {
    const { first, count } = threads[t]!;
    const c = counts[t]!;
    for (let i = 0; i < count; i++) {
      const d = first + i;
      const doc = docs[d]!;
      addField(fText, c.text[i]!, d, 1);
      addField(fQuote, c.quote[i]!, d, 1);
      const author = doc.author ? authorKey(doc.author) : undefined;
      addField(fAuthor, author === undefined ? [0] : author === '' ? [1] : [1, author, 1], d, 1);
    }
  }
  // The title is a field of every document of its thread: stored once per thread.
  for (let t = 0; t < threads.length; t++) addField(fTitle, counts[t]!.title, t, threads[t]!.count);

  const n = docs.length;
  const average = totals.map((total) => total / Math.max(1, n));
  const { k1, b } = bm25;
  const terms = [...postings.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const files = new Map<string, string>();
  const parts: string[] = [];
  let part: string[] = [];
  let partBytes = 0;
  let postingCount = 0;
  const closePart = () => {
    if (part.length === 0) return;
    files.set(`t/${parts.length - 1}.json`, `[${part.join(',\n')}]`);
    part = [];
    partBytes = 0;
  };
  for (const term of terms) {
    const p = postings.get(term)!;
    const idf = Math.log(1 + Math.abs((n - p.df + 0.5) / (p.df + 0.5)));
    const entry: TermEntry = [term, Math.round(idf * 10000) / 10000];
    for (let f = 0; f < fieldCount; f++) {
      const list = p.fields[f]!;
      if (list.length === 0) {
        entry.push(0);
        continue;
      }
      const out: number[] = [];
      let previous = 0;
      for (let i = 0; i < list.length; i += 3) {
        const unit = list[i]!;
        const tf = list[i + 1]!;
        const length = list[i + 2]!;
        const g = ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average[f]!)) + tf);
        out.push(unit - previous, Math.round(g * 1000));
        previous = unit;
        postingCount++;
      }
      entry.push(out);
    }
    const json = JSON.stringify(entry);
    if (part.length === 0) parts.push(term);
    part.push(json);
    partBytes += json.length + 2;
    if (partBytes >= partTargetBytes) closePart();
  }
  closePart();

  const threadTable: StoredThread[] = threads.map((t) => [t.id, t.title, t.first, t.count]);
  files.set('threads.json', JSON.stringify(threadTable));
  let blocks = 0;
  for (const [name, content] of textBlocks ?? buildTextBlocks(docs)) {
    files.set(name, content);
    blocks++;
  }
  const hash = createHash('sha256');
  const sizes = { parts: 0, blocks: 0 };
  for (const [name, content] of files) {
    hash.update(name).update('\0').update(content).update('\0');
    if (name.startsWith('t/')) sizes.parts += Buffer.byteLength(content);
    if (name.startsWith('d/')) sizes.blocks += Buffer.byteLength(content);
  }
  const manifest: SearchManifest = {
    version: indexVersion,
    build: hash.digest('hex').slice(0, 12),
    docs: n,
    blockSize: docsPerBlock,
    fields: searchFields,
    boosts: fieldBoosts,
    parts,
    common: [...postings.entries()].sort((x, y) => y[1].df - x[1].df || (x[0] < y[0] ? -1 : 1)).slice(0, commonTerms).map(([t]) => t),
    blocks,
    bytes: sizes,
  };
  files.set('manifest.json', JSON.stringify(manifest));
  let bytes = 0;
  for (const content of files.values()) bytes += Buffer.byteLength(content);
  return { files, manifest, stats: { docs: n, terms: terms.length, postings: postingCount, parts: parts.length, blocks, bytes } };
}
