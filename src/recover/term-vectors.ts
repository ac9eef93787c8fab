/** A unit-length TF-IDF vector: term ids in increasing order, with their weights. */
export interface TermVector {
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * TF-IDF vectors for bags of content words, with document frequencies taken from the same
 * list (the dump itself is the corpus: words that appear everywhere in this thread weigh little).
 * Terms become integer ids so that `cosine` is a merge of two sorted arrays.
 */
export function termVectors(bags: readonly (readonly string[])[]): TermVector[] {
  const idOf = new Map<string, number>();
  const df: number[] = [];
  const idBags = bags.map((bag) => {
    const ids: number[] = [];
    for (const term of bag) {
      let id = idOf.get(term);
      if (id === undefined) {
        id = df.length;
        idOf.set(term, id);
        df.push(0);
      }
      ids.push(id);
    }
    ids.sort((a, b) => a - b);
    let last = -1;
    for (const id of ids) {
      if (id !== last) df[id]!++;
      last = id;
    }
    return ids;
  });
  const n = bags.length;
  return idBags.map((ids) => {
    const unique: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (let i = 0; i < ids.length; ) {
      let j = i;
      while (j < ids.length && ids[j] === ids[i]) j++;
      const weight = (1 + Math.log(j - i)) * Math.log(1 + n / df[ids[i]!]!);
      unique.push(ids[i]!);
      weights.push(weight);
      norm += weight * weight;
      i = j;
    }
    norm = Math.sqrt(norm);
    const out = Float64Array.from(weights, (x) => (norm > 0 ? x / norm : 0));
    return { ids: Int32Array.from(unique), weights: out };
  });
}

/** Cosine similarity of two unit vectors. */
export function cosine(a: TermVector, b: TermVector): number {
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** The normalised sum of some vectors (the thread's overall vocabulary). */
export function centroid(vectors: readonly TermVector[]): TermVector {
  const sum = new Map<number, number>();
  for (const v of vectors) for (let i = 0; i < v.ids.length; i++) sum.set(v.ids[i]!, (sum.get(v.ids[i]!) ?? 0) + v.weights[i]!);
  const ids = Int32Array.from([...sum.keys()].sort((a, b) => a - b));
  const weights = Float64Array.from(ids, (id) => sum.get(id)!);
  let norm = 0;
  for (const w of weights) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! / norm;
  return { ids, weights };
}
