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

const fieldCount = searchFields.length;
const fTitle = searchFields.indexOf('title');

/**
 * Merges the threads' entries (in document order) into the term parts. The weights are
 * exactly Lunr's: lunr.Builder's BM25 with its k1 and b and the average field lengths over
 * the whole archive, and its idf, which counts a document once per field it has the term in
 * (the title is a field of every document of its thread, stored once per thread).
 *
 * Two passes over the entries' integer data: the first numbers the terms and counts each
 * term's postings per field, the second fills them into one flat array, so the cost is a
 * map lookup per thread and term, not per posting.
 */
export function buildTermParts(entries: ThreadSearchEntry[]): TermParts {
  // Field lengths: per document (per thread for the title), and their totals.
  let docs = 0;
  for (const e of entries) docs += e.count;
  const lengths: Int32Array[] = searchFields.map((_, f) => new Int32Array(f === fTitle ? entries.length : docs));
  const totals = new Array<number>(fieldCount).fill(0);
  const firstDoc = new Int32Array(entries.length);
  // Where each entry's postings start in its data.
  const postingsAt = new Int32Array(entries.length);
  for (let t = 0, first = 0; t < entries.length; t++) {
    const { count, data } = entries[t]!;
    firstDoc[t] = first;
    let at = 0;
    for (let f = 0; f < fieldCount; f++) {
      if (f === fTitle) {
        lengths[f]![t] = data[at]!;
        totals[f]! += data[at]! * count;
        at++;
      } else {
        const out = lengths[f]!;
        for (let d = 0; d < count; d++) {
          out[first + d] = data[at]!;
          totals[f]! += data[at++]!;
        }
      }
    }
    postingsAt[t] = at;
    first += count;
  }

  // Pass 1: global term numbers, postings per term and field, document frequencies.
  const termNumber = new Map<string, number>();
  const termList: string[] = [];
  const sizes: number[] = [];
  const df: number[] = [];
  const numbers: Int32Array[] = [];
  for (let t = 0; t < entries.length; t++) {
    const { terms, data, count } = entries[t]!;
    const ids = new Int32Array(terms.length);
    let at = postingsAt[t]!;
    for (let i = 0; i < terms.length; i++) {
      let g = termNumber.get(terms[i]!);
      if (g === undefined) {
        g = termList.length;
        termNumber.set(terms[i]!, g);
        termList.push(terms[i]!);
        for (let f = 0; f < fieldCount; f++) sizes.push(0);
        df.push(0);
      }
      ids[i] = g;
      const mask = data[at++]!;
      for (let f = 0; f < fieldCount; f++) {
        if ((mask & (1 << f)) === 0) continue;
        const n = data[at]!;
        sizes[g * fieldCount + f]! += n;
        df[g]! += f === fTitle ? n * count : n;
        at += 1 + 2 * n;
      }
    }
    numbers.push(ids);
  }

  // Pass 2: each (term, field) list gets a slice of one array of (unit, count) pairs, in document order.
  const start = new Int32Array(sizes.length + 1);
  for (let i = 0; i < sizes.length; i++) start[i + 1] = start[i]! + sizes[i]!;
  const fill = start.slice(0, sizes.length);
  const units = new Int32Array(start[sizes.length]!);
  const counts = new Int32Array(start[sizes.length]!);
  for (let t = 0; t < entries.length; t++) {
    const { terms, data } = entries[t]!;
    const ids = numbers[t]!;
    const first = firstDoc[t]!;
    let at = postingsAt[t]!;
    for (let i = 0; i < terms.length; i++) {
      const base = ids[i]! * fieldCount;
      const mask = data[at++]!;
      for (let f = 0; f < fieldCount; f++) {
        if ((mask & (1 << f)) === 0) continue;
        const n = data[at++]!;
        let slot = fill[base + f]!;
        const offset = f === fTitle ? t : first;
        for (let j = 0; j < n; j++) {
          units[slot] = offset + data[at++]!;
          counts[slot++] = data[at++]!;
        }
        fill[base + f] = slot;
      }
    }
  }

  // The parts: terms in ascending order, each with Lunr's idf and BM25 factors.
  const average = totals.map((total) => total / Math.max(1, docs));
  const { k1, b } = bm25;
  const order = termList.map((_, g) => g).sort((x, y) => (termList[x]! < termList[y]! ? -1 : termList[x]! > termList[y]! ? 1 : 0));
  const files = new Map<string, string>();
  const parts: string[] = [];
  let part: string[] = [];
  let partBytes = 0;
  const closePart = () => {
    if (part.length === 0) return;
    files.set(`t/${parts.length - 1}.json`, `[${part.join(',\n')}]`);
    part = [];
    partBytes = 0;
  };
  for (const g of order) {
    const term = termList[g]!;
    const idf = Math.log(1 + Math.abs((docs - df[g]! + 0.5) / (df[g]! + 0.5)));
    const entry: TermEntry = [term, Math.round(idf * 10000) / 10000];
    for (let f = 0; f < fieldCount; f++) {
      const from = start[g * fieldCount + f]!;
      const to = start[g * fieldCount + f + 1]!;
      if (from === to) {
        entry.push(0);
        continue;
      }
      const fieldLengths = lengths[f]!;
      const avg = average[f]!;
      const out = new Array<number>(2 * (to - from));
      let previous = 0;
      for (let i = from, o = 0; i < to; i++) {
        const unit = units[i]!;
        const tf = counts[i]!;
        const factor = ((k1 + 1) * tf) / (k1 * (1 - b + b * (fieldLengths[unit]! / avg)) + tf);
        out[o++] = unit - previous;
        out[o++] = Math.round(factor * 1000);
        previous = unit;
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
  const common = termList
    .map((_, g) => g)
    .sort((x, y) => df[y]! - df[x]! || (termList[x]! < termList[y]! ? -1 : 1))
    .slice(0, commonTerms)
    .map((g) => termList[g]!);
  return { files, parts, common, docs, terms: termList.length, postings: units.length };
}
