import type { HeaderInfo } from '../recover/comment-unit.ts';

const age = String.raw`(\d+|an?|one)\s+(second|minute|hour|day|week|month|year)s?\s+ago`;
/**
 * `user 3 hours ago | parent | next [–]` (also `[–] user …`, `N points by user …`, `| on: Title`).
 * HN names are letters, digits, `_` and `-`; a dot inside one (`noor.a`, as forum names have) is
 * taken too.
 */
const commentHeader = new RegExp(
  String.raw`^\s*(?:\[[–+\-−]\]\s*)?(?:\d+\s+points?\s+by\s+)?([A-Za-z0-9_-](?:[A-Za-z0-9_.-]{0,30}[A-Za-z0-9_-])?|\[deleted\])\s+${age}((?:\s*\|.*?)?)\s*(?:\[[–+\-−]\]\s*(?:\d+\s+more\s*)?)?$`,
  'i',
);
/** The story's line: `120 points by user 3 hours ago | hide | past | favorite | 45 comments`. */
export const storyHeader = new RegExp(String.raw`^\s*(\d+)\s+points?\s+by\s+([A-Za-z0-9_-]{1,32})\s+${age}\s*(\|.*)?$`, 'i');
export const storyLinks = /\|\s*(?:hide|past|favorite|flag|web|discuss|\d+\s+comments?)\b/i;

const hoursPer: Record<string, number> = { second: 1 / 3600, minute: 1 / 60, hour: 1, day: 24, week: 168, month: 720, year: 8760 };

export function ageHours(n: string, unit: string): number {
  const count = /^\d+$/.test(n) ? Number(n) : 1;
  return count * hoursPer[unit.toLowerCase()]!;
}

interface Header extends HeaderInfo {
  line: number;
}

/**
 * The header line of a comment on a copied HN page (`user 3 hours ago | parent | next [–]`):
 * its author, age and links, or undefined for any other line (the story's line included).
 * Light (no tree recovery): hn-copy-text's `detect` and its parser both read headers with it.
 */
export function readHeader(text: string, line: number): Header | undefined {
  if (storyHeader.test(text) && storyLinks.test(text)) return undefined;
  const m = commentHeader.exec(text);
  if (!m) return undefined;
  const links = m[4] ?? '';
  return {
    line,
    author: m[1]!,
    ageHours: ageHours(m[2]!, m[3]!),
    hasParent: /\|\s*parent\b/i.test(links),
    hasRoot: /\|\s*root\b/i.test(links),
    hasPrev: /\|\s*prev\b/i.test(links),
    hasNext: /\|\s*next\b/i.test(links),
  };
}
