import { lineCues, type LineCues } from './line-cues.ts';
import { normalizeForMatch } from '../quotes/normalize-for-match.ts';

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
}

export function cueLines(lines: readonly DumpLine[]): CuedLine[] {
  return lines.map((l) => {
    const cues = lineCues(l.text);
    return { ...l, cues, folded: normalizeForMatch(cues.body) };
  });
}
