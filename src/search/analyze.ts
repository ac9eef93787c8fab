import type lunrType from 'lunr';

type Lunr = typeof lunrType;

/** Turns text into index terms the way Lunr's default English pipeline does, with a cache. */
export interface Analyzer {
  /**
   * The index terms of a text: Lunr's tokenizer, then trimmer, stop-word filter and stemmer.
   * Like Lunr, a token of punctuation only becomes an empty term: not searchable, but counted
   * in the field's length (Lunr's BM25 length normalisation counts it).
   */
  terms(text: string): string[];
  /** One word's term: `null` for a stop word, `''` for punctuation only. */
  term(word: string): string | null;
}

/**
 * Built on the Lunr instance given (Node's module at build time, the browser's global at
 * search time), so both sides cut and stem words identically.
 */
export function createAnalyzer(lunr: Lunr): Analyzer {
  const pipeline = new lunr.Pipeline();
  pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  const cache = new Map<string, string | null>();
  const term = (word: string): string | null => {
    const lower = word.toLowerCase();
    let cached = cache.get(lower);
    if (cached === undefined) {
      const out = pipeline.run([new lunr.Token(lower, {})]);
      cached = out.length > 0 ? out[0]!.toString() : null;
      if (cache.size > 200_000) cache.clear();
      cache.set(lower, cached);
    }
    return cached;
  };
  return {
    term,
    terms(text: string): string[] {
      const out: string[] = [];
      // Lunr's tokenizer cuts at lunr.tokenizer.separator after lower-casing; split() is the same, faster.
      for (const word of text.toLowerCase().split(lunr.tokenizer.separator)) {
        if (word === '') continue;
        const t = term(word);
        if (t !== null) out.push(t);
      }
      return out;
    },
  };
}

/** The single index term for an author name: lower case, spaces and hyphens as `_`, no stemming. */
export function authorKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim().replace(/[\s-]+/g, '_');
}
