import type { ThreadSearchEntry } from './analyse-thread.ts';
import type { TermEntry } from './index-format.ts';
import { bm25, commonTerms, partTargetBytes, searchFields } from './search-config.ts';

export interface TermParts {
  /** `t/<k>.json` → content. */
  files: Map<string, string>;
  /** The first term of each part. */
  parts: string[];
  /** The most frequent terms, most frequent first. */
  common: string[];
  docs: number;
  terms: number;
  postings: number;
}

/** The postings of some threads' entries, merged per term and field. */
export interface MergedPostings {
  entries: ThreadSearchEntry[];
  /** Term number → term, and back. */
  terms: string[];
  numbers: Map<string, number>;
  /** Per term: documents counted for Lunr's idf (once per field; a title once for each document of its thread). */
  df: number[];
  /** Postings of term t in field f: indexes start[t × fields + f] to start[t × fields + f + 1], in `entries` order. */
  start: Int32Array;
  /** Per posting: its entry (index in `entries`), its document in that thread (0 for a title), the term's count. */
  entry: Int32Array;
  doc: Int32Array;
  tf: Int32Array;
}

const fieldCount = searchFields.length;
const fTitle = searchFields.indexOf('title');

/** Where an entry's postings start in its data (after the field lengths). */
const postingsStart = (e: ThreadSearchEntry) => (fieldCount - 1) * e.count + 1;

/**
 * Merges entries' postings per term and field, in two passes over their integer data: the
 * first numbers the terms and counts the postings of each term and field, the second fills
 * them into flat arrays. The cost is a map lookup per thread and term, not per posting.
 */
export function mergePostings(entries: ThreadSearchEntry[]): MergedPostings {
  const numbers = new Map<string, number>();
  const terms: string[] = [];
  const sizes: number[] = [];
  const df: number[] = [];
  const ids: Int32Array[] = [];
  for (const { terms: local, data, count } of entries) {
    const own = new Int32Array(local.length);
    let at = postingsStart(entries[ids.length]!);
    for (let i = 0; i < local.length; i++) {
      let g = numbers.get(local[i]!);
      if (g === undefined) {
        g = terms.length;
        numbers.set(local[i]!, g);
        terms.push(local[i]!);
        for (let f = 0; f < fieldCount; f++) sizes.push(0);
        df.push(0);
      }
      own[i] = g;
      const mask = data[at++]!;
      for (let f = 0; f < fieldCount; f++) {
        if ((mask & (1 << f)) === 0) continue;
        const n = data[at]!;
        sizes[g * fieldCount + f]! += n;
        df[g]! += f === fTitle ? n * count : n;
        at += 1 + 2 * n;
      }
    }
    ids.push(own);
  }
  const start = new Int32Array(sizes.length + 1);
  for (let i = 0; i < sizes.length; i++) start[i + 1] = start[i]! + sizes[i]!;
  const fill = start.slice(0, sizes.length);
  const total = start[sizes.length]!;
  const entry = new Int32Array(total);
  const doc = new Int32Array(total);
  const tf = new Int32Array(total);
  for (let t = 0; t < entries.length; t++) {
    const { terms: local, data } = entries[t]!;
    const own = ids[t]!;
    let at = postingsStart(entries[t]!);
    for (let i = 0; i < local.length; i++) {
      const base = own[i]! * fieldCount;
      const mask = data[at++]!;
      for (let f = 0; f < fieldCount; f++) {
        if ((mask & (1 << f)) === 0) continue;
        const n = data[at++]!;
        let slot = fill[base + f]!;
        for (let j = 0; j < n; j++) {
          entry[slot] = t;
          doc[slot] = data[at++]!;
          tf[slot++] = data[at++]!;
        }
        fill[base + f] = slot;
      }
    }
  }
  return { entries, terms, numbers, df, start, entry, doc, tf };
}

/**
 * The term parts of the threads' entries (in document order). The weights are exactly
 * Lunr's: lunr.Builder's BM25 with its k1 and b and the average field lengths over the whole
 * archive, and its idf, which counts a document once per field it has the term in (the title
 * is a field of every document of its thread, stored once per thread).
 *
 * `base` (optional): the merged postings of other entries made ahead of time (e.g. the last
 * build's threads, merged while this build parsed its dumps). Entries found in it (the same
 * objects) are taken from it, the others are merged now, and base entries not among
 * `entries` are left out: the result is the same as without `base`.
 */
export function buildTermParts(entries: ThreadSearchEntry[], base?: MergedPostings): TermParts {
  const baseIndex = new Map<ThreadSearchEntry, number>();
  base?.entries.forEach((e, i) => baseIndex.set(e, i));
  const extraEntries = entries.filter((e) => !baseIndex.has(e));
  const extra = mergePostings(extraEntries);
  const from = base ?? mergePostings([]);
  // Final thread numbers of the base's and the extra entries (-1: left out).
  const baseThread = new Int32Array(from.entries.length).fill(-1);
  const extraThread = new Int32Array(extraEntries.length);
  const extraIndex = new Map(extraEntries.map((e, i) => [e, i]));
  entries.forEach((e, t) => {
    const b = baseIndex.get(e);
    if (b !== undefined) baseThread[b] = t;
    else extraThread[extraIndex.get(e)!] = t;
  });

  // Field lengths: per document (per thread for the title), and their totals.
  let docs = 0;
  for (const e of entries) docs += e.count;
  const lengths: Int32Array[] = searchFields.map((_, f) => new Int32Array(f === fTitle ? entries.length : docs));
  const totals = new Array<number>(fieldCount).fill(0);
  const firstDoc = new Int32Array(entries.length);
  for (let t = 0, first = 0; t < entries.length; t++) {
    const { count, data } = entries[t]!;
    firstDoc[t] = first;
    let at = 0;
    for (let f = 0; f < fieldCount; f++) {
      if (f === fTitle) {
        lengths[f]![t] = data[at]!;
        totals[f]! += data[at++]! * count;
      } else {
        const out = lengths[f]!;
        for (let d = 0; d < count; d++) {
          out[first + d] = data[at]!;
          totals[f]! += data[at++]!;
        }
      }
    }
    first += count;
  }

  // Document frequencies: the base's, less its entries left out, plus the extra entries'.
  const baseDf = from.df.slice();
  from.entries.forEach((e, b) => {
    if (baseThread[b]! >= 0) return;
    let at = postingsStart(e);
    for (const term of e.terms) {
      const g = from.numbers.get(term)!;
      const mask = e.data[at++]!;
      for (let f = 0; f < fieldCount; f++) {
        if ((mask & (1 << f)) === 0) continue;
        const n = e.data[at]!;
        baseDf[g]! -= f === fTitle ? n * e.count : n;
        at += 1 + 2 * n;
      }
    }
  });
  // Every term in either, with its number in each (-1: not there), in ascending order.
  const union = new Map<string, [number, number]>();
  from.terms.forEach((term, g) => {
    if (baseDf[g]! > 0) union.set(term, [g, -1]);
  });
  extra.terms.forEach((term, x) => {
    const known = union.get(term);
    if (known) known[1] = x;
    else union.set(term, [-1, x]);
  });
  const order = [...union.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const dfOf = (term: string) => {
    const [g, x] = union.get(term)!;
    return (g >= 0 ? baseDf[g]! : 0) + (x >= 0 ? extra.df[x]! : 0);
  };

  // The parts: terms in ascending order, each with Lunr's idf and BM25 factors; a field's
  // postings are the base's and the extra ones merged by document number.
  const average = totals.map((total) => total / Math.max(1, docs));
  const { k1, b } = bm25;
  const files = new Map<string, string>();
  const parts: string[] = [];
  let part: string[] = [];
  let partBytes = 0;
  let postings = 0;
  const closePart = () => {
    if (part.length === 0) return;
    files.set(`t/${parts.length - 1}.json`, `[${part.join(',\n')}]`);
    part = [];
    partBytes = 0;
  };
  // Per entry of the base and of the extra: the number of its final thread's first document
  // (-1: left out), and its final thread number (for titles).
  const baseFirst = new Int32Array(from.entries.length);
  for (let e = 0; e < from.entries.length; e++) baseFirst[e] = baseThread[e]! < 0 ? -1 : firstDoc[baseThread[e]!]!;
  const extraFirst = new Int32Array(extraEntries.length);
  for (let e = 0; e < extraEntries.length; e++) extraFirst[e] = firstDoc[extraThread[e]!]!;
  /** The final unit (document, or thread for a title) of a posting; -1 for a base entry left out. */
  const unitOf = (m: MergedPostings, i: number, title: boolean): number => {
    const e = m.entry[i]!;
    if (m === from) return baseFirst[e]! < 0 ? -1 : title ? baseThread[e]! : baseFirst[e]! + m.doc[i]!;
    return title ? extraThread[e]! : extraFirst[e]! + m.doc[i]!;
  };
  for (const term of order) {
    const [g, x] = union.get(term)!;
    const df = dfOf(term);
    const idf = Math.log(1 + Math.abs((docs - df + 0.5) / (df + 0.5)));
    const entry: TermEntry = [term, Math.round(idf * 10000) / 10000];
    for (let f = 0; f < fieldCount; f++) {
      const title = f === fTitle;
      let i = g >= 0 ? from.start[g * fieldCount + f]! : 0;
      const iEnd = g >= 0 ? from.start[g * fieldCount + f + 1]! : 0;
      let j = x >= 0 ? extra.start[x * fieldCount + f]! : 0;
      const jEnd = x >= 0 ? extra.start[x * fieldCount + f + 1]! : 0;
      const fieldLengths = lengths[f]!;
      const avg = average[f]!;
      const out: number[] = [];
      let previous = 0;
      if (j === jEnd) {
        // Only base postings (most terms: the new threads do not have them): no merge.
        for (; i < iEnd; i++) {
          const e = from.entry[i]!;
          const first = baseFirst[e]!;
          if (first < 0) continue;
          const unit = title ? baseThread[e]! : first + from.doc[i]!;
          const tf = from.tf[i]!;
          const factor = ((k1 + 1) * tf) / (k1 * (1 - b + b * (fieldLengths[unit]! / avg)) + tf);
          out.push(unit - previous, Math.round(factor * 1000));
          previous = unit;
        }
      } else {
        const add = (unit: number, tf: number) => {
          const factor = ((k1 + 1) * tf) / (k1 * (1 - b + b * (fieldLengths[unit]! / avg)) + tf);
          out.push(unit - previous, Math.round(factor * 1000));
          previous = unit;
        };
        let ui = i < iEnd ? unitOf(from, i, title) : -1;
        let uj = unitOf(extra, j, title);
        while (i < iEnd || j < jEnd) {
          if (i < iEnd && ui < 0) {
            // A posting of a base entry left out.
            i++;
            ui = i < iEnd ? unitOf(from, i, title) : -1;
            continue;
          }
          if (i < iEnd && (j >= jEnd || ui < uj)) {
            add(ui, from.tf[i]!);
            i++;
            ui = i < iEnd ? unitOf(from, i, title) : -1;
          } else {
            add(uj, extra.tf[j]!);
            j++;
            uj = j < jEnd ? unitOf(extra, j, title) : -1;
          }
        }
      }
      postings += out.length / 2;
      entry.push(out.length > 0 ? out : 0);
    }
    const json = JSON.stringify(entry);
    if (part.length === 0) parts.push(term);
    part.push(json);
    partBytes += json.length + 2;
    if (partBytes >= partTargetBytes) closePart();
  }
  closePart();
  const common = order
    .map((term) => [term, dfOf(term)] as const)
    .sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))
    .slice(0, commonTerms)
    .map(([term]) => term);
  return { files, parts, common, docs, terms: order.length, postings };
}
