import { normalizeForMatch } from '../quotes/normalize-for-match.ts';

export interface SnippetSegment {
  text: string;
  /** A matched word, to highlight. */
  mark: boolean;
}

export interface Snippet {
  segments: SnippetSegment[];
  /** Every matched word of the whole text, lower-cased (for highlighting on the thread page). */
  words: string[];
  /** Whether anything matched. */
  matched: boolean;
}

const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * A window of about `maxWords` words of `text` around its first match: words whose index term
 * matches (`isMatch`) and every word of each phrase occurrence are marked. The text is only
 * cut, never rewritten, so the caller shows it with textContent (it is untrusted).
 */
export function makeSnippet(text: string, isMatch: (word: string) => boolean, phrases: string[], maxWords = 36): Snippet {
  const words: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(wordPattern)) words.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  const marked = new Array<boolean>(words.length).fill(false);
  words.forEach((w, i) => {
    if (isMatch(w.text)) marked[i] = true;
  });
  // Phrase occurrences, matched on the same folded words as the phrase check.
  const sub: string[] = [];
  const owner: number[] = [];
  words.forEach((w, i) => {
    for (const part of normalizeForMatch(w.text).split(' ')) {
      if (part === '') continue;
      sub.push(part);
      owner.push(i);
    }
  });
  let firstPhrase = -1;
  for (const phrase of phrases) {
    const needle = normalizeForMatch(phrase).split(' ').filter(Boolean);
    if (needle.length === 0) continue;
    for (let i = 0; i + needle.length <= sub.length; i++) {
      let ok = true;
      for (let j = 0; j < needle.length && ok; j++) ok = sub[i + j] === needle[j];
      if (!ok) continue;
      for (let j = 0; j < needle.length; j++) marked[owner[i + j]!] = true;
      if (firstPhrase < 0 || owner[i]! < firstPhrase) firstPhrase = owner[i]!;
    }
  }
  const first = firstPhrase >= 0 ? firstPhrase : marked.indexOf(true);
  const matched = first >= 0;
  const from = Math.max(0, (matched ? first : 0) - 8);
  const to = Math.min(words.length, from + maxWords);
  const segments: SnippetSegment[] = [];
  if (words.length === 0) return { segments: [{ text, mark: false }], words: [], matched: false };
  let cursor = from === 0 ? 0 : words[from]!.start;
  if (from > 0) segments.push({ text: '… ', mark: false });
  for (let i = from; i < to; i++) {
    const w = words[i]!;
    if (w.start > cursor) segments.push({ text: text.slice(cursor, w.start), mark: false });
    segments.push({ text: w.text, mark: marked[i]! });
    cursor = w.end;
  }
  if (to < words.length) segments.push({ text: ' …', mark: false });
  else if (cursor < text.length) segments.push({ text: text.slice(cursor), mark: false });
  const all = new Set<string>();
  words.forEach((w, i) => {
    if (marked[i]) all.add(w.text.toLowerCase());
  });
  return { segments: mergeSegments(segments), words: [...all], matched };
}

function mergeSegments(segments: SnippetSegment[]): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.mark === s.mark && !s.mark) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
