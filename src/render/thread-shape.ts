import type { Comment } from '../thread/types.ts';

/** The tree a thread's comments form, as flat arrays indexed like `comments` (no recursion). */
export interface ThreadShape {
  /** Comment id → index. */
  index: Map<string, number>;
  /** Index of the parent, or -1 for an answer to the story. */
  parent: Int32Array;
  /** 0 for an answer to the story. */
  depth: Int32Array;
  /** Comments in the subtree, the comment itself included. */
  size: Int32Array;
  /** Index of the top-level comment the comment is under (itself when top-level). */
  root: Int32Array;
  /** Previous and next comment with the same parent, or -1. */
  prevSibling: Int32Array;
  nextSibling: Int32Array;
  maxDepth: number;
}

/**
 * Measures the tree of comments in depth-first page order (each reply after its parent, each
 * subtree contiguous). A parent that is missing, or that comes later (which the parser never
 * writes), makes the comment top-level, so the shape is always a tree.
 */
export function threadShape(comments: readonly Comment[]): ThreadShape {
  const n = comments.length;
  const index = new Map<string, number>();
  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  const root = new Int32Array(n);
  const prevSibling = new Int32Array(n).fill(-1);
  const nextSibling = new Int32Array(n).fill(-1);
  const lastChild = new Map<number, number>();
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    const c = comments[i]!;
    const p = c.parent === null ? -1 : (index.get(c.parent) ?? -1);
    parent[i] = p;
    depth[i] = p < 0 ? 0 : depth[p]! + 1;
    root[i] = p < 0 ? i : root[p]!;
    if (depth[i]! > maxDepth) maxDepth = depth[i]!;
    const before = lastChild.get(p);
    if (before !== undefined) {
      prevSibling[i] = before;
      nextSibling[before] = i;
    }
    lastChild.set(p, i);
    if (!index.has(c.id)) index.set(c.id, i);
  }
  for (let i = n - 1; i >= 0; i--) {
    const p = parent[i]!;
    if (p >= 0) size[p]! += size[i]!;
  }
  return { index, parent, depth, size, root, prevSibling, nextSibling, maxDepth };
}
