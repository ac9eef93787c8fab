/**
 * How much of a quoted passage appears in a text, both already folded with
 * `normalizeForMatch`: 1 for an exact match; otherwise the share of the quote's word pairs
 * found in the text (a fuzzy match survives a changed word, a dropped comma or a typo fix).
 * Quotes shorter than two words only match exactly.
 */
export function quoteMatch(quote: string, text: string, textPairs?: Set<string> | (() => Set<string>)): number {
  if (quote === '') return 0;
  if (containsWords(text, quote)) return 1;
  const words = quote.split(' ');
  if (words.length < 3) return 0;
  // Cheap reject: a fuzzy match needs at least one of the quote's longer words in the text.
  let anyWord = false;
  for (const w of words) {
    if (w.length >= 4 && text.includes(w)) {
      anyWord = true;
      break;
    }
  }
  if (!anyWord) return 0;
  const pairs = typeof textPairs === 'function' ? textPairs() : textPairs ?? wordPairs(text);
  let hit = 0;
  for (let i = 1; i < words.length; i++) if (pairs.has(`${words[i - 1]} ${words[i]}`)) hit++;
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
