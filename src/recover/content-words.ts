import { stemmer } from 'stemmer';

const stopWords = new Set(
  `a about above after again against all am an and any are aren as at be because been before being below between both but by can cannot could couldn did didn do does doesn doing don down during each few for from further had hadn has hasn have haven having he her here hers herself him himself his how i if in into is isn it its itself let me more most mustn my myself no nor not of off on once only or other ought our ours ourselves out over own same shan she should shouldn so some such than that the their theirs them themselves then there these they this those through to too under until up very was wasn we were weren what when where which while who whom why with won would wouldn you your yours yourself yourselves just also like get got really even much many one think thing things know make way well yes yeah still going lot people now will ll re ve`.split(
    /\s+/,
  ),
);

const stems = new Map<string, string>();

/**
 * The Porter stem of a word (the `stemmer` package), remembered: a dump repeats its words, and
 * the stemmer's suffix rules cost more than a lookup.
 */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stems.size < 200_000) stems.set(word, s);
  }
  return s;
}

/**
 * The content words of a text already folded by `foldForMatch` (lower case, words separated
 * by single spaces): stemmed, with stop words and words under 3 letters left out.
 */
export function contentWords(folded: string): string[] {
  const out: string[] = [];
  for (const word of folded.split(' ')) {
    if (word.length < 3 || stopWords.has(word)) continue;
    out.push(stem(word));
  }
  return out;
}
