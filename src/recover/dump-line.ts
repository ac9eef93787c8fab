import { lineCues, type LineCues } from './line-cues.ts';
import { normalizeForMatch } from '../quotes/normalize-for-match.ts';
import { styleFingerprint, type StyleFingerprint } from './style-fingerprint.ts';
import { contentWords } from './content-words.ts';

/** A non-blank line of a text dump that belongs to some comment. */
export interface DumpLine {
  /** 1-based line number in the original file. */
  line: number;
  text: string;
}

/** A dump line with its cues read once. */
export interface CuedLine extends DumpLine {
  cues: LineCues;
  /** The line's words (without `>` markers) folded for quote matching. */
  folded: string;
  /** Its content words (stemmed, no stop words), for word overlap. */
  words: string[];
  style: StyleFingerprint;
}

export function cueLines(lines: readonly DumpLine[]): CuedLine[] {
  return lines.map((l) => {
    const cues = lineCues(l.text);
    const folded = foldForMatch(cues.body);
    return { line: l.line, text: l.text, cues, folded, words: contentWords(folded), style: styleFingerprint(cues.body) };
  });
}

/** `normalizeForMatch`, with a fast path for plain ASCII (where NFKC changes nothing). */
export function foldForMatch(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) return normalizeForMatch(text);
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
