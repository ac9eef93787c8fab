/**
 * How much of a quoted passage appears in a text, both already folded with
 * `normalizeForMatch`: 1 for an exact match; otherwise the share of the quote's word pairs
 * found in the text (a fuzzy match survives a changed word, a dropped comma or a typo fix).
 * Quotes shorter than two words only match exactly.
 */
export function quoteMatch(quote: string, text: string, textPairs?: Set<string> | (() => Set<string>)): number {
  return matchQuote(quotePattern(quote), text, textPairs);
}

/** A quote read once for matching against many texts (`matchQuote`). */
export interface QuotePattern {
  quote: string;
  words: string[];
  /** Its words of four letters or more: a fuzzy match needs one of them in the text. */
  longWords: string[];
  /** Its adjacent word pairs, made on first use. */
  pairs?: string[];
}

export function quotePattern(quote: string): QuotePattern {
  const words = quote === '' ? [] : quote.split(' ');
  return { quote, words, longWords: words.filter((w) => w.length >= 4) };
}

/** `quoteMatch` for a prepared quote. */
export function matchQuote(pattern: QuotePattern, text: string, textPairs?: Set<string> | (() => Set<string>)): number {
  const { quote, words } = pattern;
  if (quote === '') return 0;
  if (containsWords(text, quote)) return 1;
  if (words.length < 3) return 0;
  // Cheap reject: a fuzzy match needs at least one of the quote's longer words in the text.
  let anyWord = false;
  for (const w of pattern.longWords) {
    if (text.includes(w)) {
      anyWord = true;
      break;
    }
  }
  if (!anyWord) return 0;
  const pairs = typeof textPairs === 'function' ? textPairs() : textPairs ?? wordPairs(text);
  const quotePairs = (pattern.pairs ??= words.slice(1).map((w, i) => `${words[i]} ${w}`));
  let hit = 0;
  for (const pair of quotePairs) if (pairs.has(pair)) hit++;
  return hit / (words.length - 1);
}

/** The adjacent word pairs of a folded text, for repeated fuzzy matching against it. */
export function wordPairs(text: string): Set<string> {
  const words = text.split(' ');
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

/** Whether `quote` occurs in `text` on word boundaries (both folded: words joined by single spaces). */
export function containsWords(text: string, quote: string): boolean {
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    if ((at === 0 || text.charCodeAt(at - 1) === 32) && (end === text.length || text.charCodeAt(end) === 32)) return true;
  }
  return false;
}
