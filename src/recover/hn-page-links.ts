import type { FlatTruth } from './truth-segments.ts';

/**
 * A copied page as Hacker News really renders it: `flatten-thread.mjs --hn-copy` writes every
 * header as `author age | parent | next [–]`; a real item page's headers carry `root` (two or
 * more levels deep), `parent` (not top-level), `prev` (an earlier sibling exists) and `next` (a
 * later comment sits at the same depth or above), as the saved page in ../shared/samples shows
 * for all of its 124 comments. Rewrites each header line of `lines` (its comment's first line in
 * `truth`) with the links its place in the true tree gives.
 */
export function addPageLinks(lines: readonly string[], truth: FlatTruth): string[] {
  const out = lines.slice();
  const comments = truth.comments;
  const index = new Map(comments.map((c, k) => [c.id, k]));
  // -1: the story; -2: a parent the dump does not hold (taken as a top-level comment).
  const parentIndex = comments.map((c) => (c.parent === null ? -1 : c.parent === 'missing' ? -2 : (index.get(c.parent) ?? -2)));
  const depth: number[] = [];
  comments.forEach((_, k) => {
    const p = parentIndex[k]!;
    depth.push(p === -1 ? 0 : p === -2 ? 1 : depth[p]! + 1);
  });
  // `next`: some later comment at this depth or above; one pass from the end.
  const next: boolean[] = new Array(comments.length).fill(false);
  let shallowestLater = Infinity;
  for (let k = comments.length - 1; k >= 0; k--) {
    next[k] = shallowestLater <= depth[k]!;
    shallowestLater = Math.min(shallowestLater, depth[k]!);
  }
  const seenChild = new Set<number>();
  comments.forEach((c, k) => {
    const p = parentIndex[k]!;
    const prev = seenChild.has(p);
    seenChild.add(p);
    const line = c.lines[0] - 1;
    const header = out[line];
    const cut = header?.indexOf(' | ') ?? -1;
    if (header === undefined || cut < 0) return;
    const links = [depth[k]! >= 2 ? 'root' : '', depth[k]! >= 1 ? 'parent' : '', prev ? 'prev' : '', next[k] ? 'next' : ''].filter(Boolean);
    out[line] = `${header.slice(0, cut)}${links.map((l) => ` | ${l}`).join('')} [–]`;
  });
  return out;
}
