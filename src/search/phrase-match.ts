import { normalizeForMatch } from '../quotes/normalize-for-match.ts';

/**
 * Whether `text` contains `phrase` verbatim, ignoring case, punctuation and spacing: both are
 * folded to words separated by single spaces and the phrase must match whole words.
 */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = normalizeForMatch(phrase);
  if (needle === '') return false;
  return ` ${normalizeForMatch(text)} `.includes(` ${needle} `);
}

/** The number of words of a phrase, as phrase matching counts them. */
export function phraseWordCount(phrase: string): number {
  const n = normalizeForMatch(phrase);
  return n === '' ? 0 : n.split(' ').length;
}
