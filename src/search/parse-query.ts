/** A search query, as typed, split into what each part asks for. */
export interface ParsedQuery {
  /** Words that must appear (in any searched field). */
  words: string[];
  /** `-word`: comments with this word are left out. */
  excluded: string[];
  /** `"an exact phrase"`: must appear verbatim (ignoring case, punctuation and spacing). */
  phrases: string[];
  /** `-"a phrase"`: comments containing it verbatim are left out. */
  excludedPhrases: string[];
  /** `author:name` (several: any of them). */
  authors: string[];
  /** `-author:name`: their comments are left out. */
  excludedAuthors: string[];
  /** `thread:<id>` (several: any of them). */
  threads: string[];
  /** `is:quote` → true (only quoted text), `-is:quote` → false (only the comment's own words). */
  quote?: boolean;
  /** Operators that were not understood, e.g. `is:pinned`; kept as words too. */
  unknown: string[];
}

const operators = new Set(['author', 'thread', 'is']);

/**
 * Parses the query language: words, `"phrases"`, `-word`, `-"phrase"`, `author:name`,
 * `author:"two words"`, `-author:name`, `thread:<id>`, `is:quote`, `-is:quote`. A leading `+` is ignored
 * (every word is required anyway); an unterminated quote runs to the end of the query.
 */
export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { words: [], excluded: [], phrases: [], excludedPhrases: [], authors: [], excludedAuthors: [], threads: [], unknown: [] };
  let i = 0;
  const s = input.replace(/[“”„]/g, '"');
  const readQuoted = (): string => {
    // s[i] is the opening quote
    const end = s.indexOf('"', i + 1);
    const text = s.slice(i + 1, end < 0 ? s.length : end);
    i = end < 0 ? s.length : end + 1;
    return text;
  };
  while (i < s.length) {
    if (/\s/.test(s[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    if ((s[i] === '-' || s[i] === '+') && i + 1 < s.length && !/\s/.test(s[i + 1]!)) {
      negated = s[i] === '-';
      i++;
    }
    if (s[i] === '"') {
      const phrase = readQuoted().replace(/\s+/g, ' ').trim();
      if (phrase) (negated ? q.excludedPhrases : q.phrases).push(phrase);
      continue;
    }
    const start = i;
    while (i < s.length && !/\s/.test(s[i]!) && s[i] !== '"') i++;
    let token = s.slice(start, i);
    const colon = token.indexOf(':');
    const key = colon > 0 ? token.slice(0, colon).toLowerCase() : '';
    if (colon > 0 && operators.has(key)) {
      let value = token.slice(colon + 1);
      if (value === '' && s[i] === '"') value = readQuoted().trim();
      if (value === '') continue;
      if (key === 'author') {
        (negated ? q.excludedAuthors : q.authors).push(value);
      } else if (key === 'thread') {
        if (!negated) q.threads.push(value);
        else q.unknown.push(`-thread:${value}`);
      } else if (value.toLowerCase() === 'quote') {
        q.quote = !negated;
      } else {
        q.unknown.push(`${negated ? '-' : ''}${token}`);
      }
      continue;
    }
    token = token.trim();
    if (token === '') continue;
    (negated ? q.excluded : q.words).push(token);
  }
  return q;
}

/** The query back as text (canonical order), e.g. to build "drop this" suggestions. */
export function formatQuery(q: ParsedQuery): string {
  const quoteIfSpaced = (v: string) => (/\s/.test(v) ? `"${v}"` : v);
  return [
    ...q.words,
    ...q.phrases.map((p) => `"${p}"`),
    ...q.excluded.map((w) => `-${w}`),
    ...q.excludedPhrases.map((p) => `-"${p}"`),
    ...q.authors.map((a) => `author:${quoteIfSpaced(a)}`),
    ...q.excludedAuthors.map((a) => `-author:${quoteIfSpaced(a)}`),
    ...q.threads.map((t) => `thread:${t}`),
    ...(q.quote === true ? ['is:quote'] : q.quote === false ? ['-is:quote'] : []),
  ].join(' ');
}
