import type { Comment } from '../thread/types.ts';

export interface Ordered {
  comments: Comment[];
  /** Ids of comments whose parent links went round in a circle (not in `comments`). */
  cycles: string[];
}

/**
 * Puts comments in depth-first order from their `parent` links, keeping the given order
 * among siblings. A parent that is not in the list makes the comment a top-level orphan.
 * Iterative: a 100,000-deep chain is fine. Comments caught in a cycle are returned apart.
 */
export function orderDepthFirst(input: readonly Comment[]): Ordered {
  const byId = new Map<string, Comment>();
  for (const c of input) byId.set(c.id, c);
  const children = new Map<string | null, Comment[]>();
  for (let c of input) {
    let parent = c.parent;
    if (parent !== null && (!byId.has(parent) || parent === c.id)) {
      if (parent !== c.id) c = { ...c, parent: null, orphan: true };
      parent = parent === c.id ? c.id : null;
    }
    const list = children.get(parent);
    if (list) list.push(c);
    else children.set(parent, [c]);
  }
  const out: Comment[] = [];
  const stack: Comment[] = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const c = stack.pop()!;
    out.push(c);
    const kids = children.get(c.id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  const placed = new Set(out.map((c) => c.id));
  const cycles = input.filter((c) => !placed.has(c.id)).map((c) => c.id);
  return { comments: out, cycles };
}

/**
 * Breaks parent cycles from a source: the first comment (in input order) of each cycle is
 * attached to the story and flagged `orphan`, so nothing is lost. Returns the ordered list.
 */
export function orderBreakingCycles(input: readonly Comment[]): Comment[] {
  let comments = input;
  for (;;) {
    const { comments: ordered, cycles } = orderDepthFirst(comments);
    if (cycles.length === 0) return ordered;
    const cut = cycles[0]!;
    comments = comments.map((c) => (c.id === cut ? { ...c, parent: null, orphan: true as const } : c));
  }
}
