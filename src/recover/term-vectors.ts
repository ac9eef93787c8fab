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
    const ids = new Int32Array(bag.length);
    for (let i = 0; i < bag.length; i++) {
      const term = bag[i]!;
      let id = idOf.get(term);
      if (id === undefined) {
        id = df.length;
        idOf.set(term, id);
        df.push(0);
      }
      ids[i] = id;
    }
    ids.sort();
    let last = -1;
    for (const id of ids) {
      if (id !== last) df[id]!++;
      last = id;
    }
    return ids;
  });
  const n = bags.length;
  return idBags.map((ids) => {
    let unique = 0;
    for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) unique++;
    const outIds = new Int32Array(unique);
    const weights = new Float64Array(unique);
    let norm = 0;
    let u = 0;
    for (let i = 0; i < ids.length; ) {
      let j = i;
      while (j < ids.length && ids[j] === ids[i]) j++;
      const weight = (1 + Math.log(j - i)) * Math.log(1 + n / df[ids[i]!]!);
      outIds[u] = ids[i]!;
      weights[u++] = weight;
      norm += weight * weight;
      i = j;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < unique; i++) weights[i] = weights[i]! / norm;
    return { ids: outIds, weights };
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

/** The normalised sum of some vectors (the thread's overall vocabulary), dense: weight by term id. */
export function centroid(vectors: readonly TermVector[]): Float64Array {
  let size = 0;
  for (const v of vectors) if (v.ids.length > 0) size = Math.max(size, v.ids[v.ids.length - 1]! + 1);
  const sum = new Float64Array(size);
  for (const v of vectors) for (let i = 0; i < v.ids.length; i++) sum[v.ids[i]!] = sum[v.ids[i]!]! + v.weights[i]!;
  let norm = 0;
  for (const w of sum) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < size; i++) sum[i] = sum[i]! / norm;
  return sum;
}

/** Cosine of a unit vector with a dense unit vector (a centroid). */
export function cosineDense(a: TermVector, dense: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.ids.length; i++) sum += a.weights[i]! * (dense[a.ids[i]!] ?? 0);
  return sum;
}
