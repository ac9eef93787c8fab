import { cueLines, type CuedLine } from './dump-line.ts';
import type { HeaderInfo } from './comment-unit.ts';
import { readHeader } from '../importers/hn-copy-text.ts';
import { isUiLine } from './drop-debris.ts';

/** The true tree `flatten-thread.mjs` writes beside a dump (the part the fitter and eval read). */
export interface FlatTruth {
  comments: { id: number; lines: [number, number]; parent: number | null | 'missing' }[];
}

/**
 * A dump cut exactly where the true tree says: each true comment's own lines (without a copied
 * page's header and `reply` lines) and its header, when the dump has them (`withHeaders`).
 * Used to fit the cue weights and to measure attachment apart from segmentation.
 */
export function truthSegments(
  lines: readonly string[],
  truth: FlatTruth,
  withHeaders: boolean,
): { segments: CuedLine[][]; headers: (HeaderInfo | undefined)[] } {
  const segments: CuedLine[][] = [];
  const headers: (HeaderInfo | undefined)[] = [];
  for (const c of truth.comments) {
    const own: { line: number; text: string }[] = [];
    let header: HeaderInfo | undefined;
    for (let n = c.lines[0]; n <= c.lines[1]; n++) {
      const text = lines[n - 1]!;
      const h = withHeaders && n === c.lines[0] ? readHeader(text, n) : undefined;
      if (h) header = h;
      else if (text.trim() !== '' && !(withHeaders && isUiLine(text))) own.push({ line: n, text });
    }
    segments.push(cueLines(own));
    headers.push(header);
  }
  return { segments, headers };
}

/** Each true comment's parent as an index into `truth.comments` (-1: the story; -2: missing). */
export function truthParents(truth: FlatTruth): number[] {
  const index = new Map(truth.comments.map((c, k) => [c.id, k]));
  return truth.comments.map((c) => (c.parent === null ? -1 : c.parent === 'missing' ? -2 : index.get(c.parent) ?? -2));
}
