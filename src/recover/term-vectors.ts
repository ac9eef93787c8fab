import { contentWords } from './content-words.ts';

/** A unit-length TF-IDF vector: term → weight. */
export type TermVector = Map<string, number>;

/**
 * TF-IDF vectors for a list of texts, with document frequencies taken from the same list
 * (the dump itself is the corpus: words that appear everywhere in this thread weigh little).
 */
export function termVectors(texts: readonly string[]): TermVector[] {
  const bags = texts.map(contentWords);
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of new Set(bag)) df.set(term, (df.get(term) ?? 0) + 1);
  const n = texts.length;
  return bags.map((bag) => {
    const tf = new Map<string, number>();
    for (const term of bag) tf.set(term, (tf.get(term) ?? 0) + 1);
    const vector: TermVector = new Map();
    let norm = 0;
    for (const [term, count] of tf) {
      const weight = (1 + Math.log(count)) * Math.log(1 + n / df.get(term)!);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

/** Cosine similarity of two unit vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.size > b.size) [a, b] = [b, a];
  let sum = 0;
  for (const [term, weight] of a) {
    const other = b.get(term);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}
