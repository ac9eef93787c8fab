import type { Comment, Thread } from '../thread/types.ts';
import type { Overrides } from './overrides.ts';
import { orderDepthFirst } from './order-depth-first.ts';
import { ParseError } from '../util/parse-error.ts';

/**
 * Applies a user's overrides (title, url, per-comment edits) to a parsed thread and puts the
 * comments back in depth-first order. A moved comment takes its replies with it; a moved
 * comment gets confidence 1 and evidence "override". An unknown id, or a move that makes a
 * comment its own ancestor, is a ParseError naming the overrides file.
 */
export function applyOverrides(thread: Thread, overrides: Overrides, file: string): Thread {
  const out: Thread = { ...thread };
  if (overrides.title !== undefined) out.title = overrides.title;
  if (overrides.url !== undefined) out.url = overrides.url;
  const edits = overrides.comments;
  if (!edits || Object.keys(edits).length === 0) return out;

  const ids = new Set(thread.comments.map((c) => c.id));
  for (const [id, edit] of Object.entries(edits)) {
    if (!ids.has(id)) throw new ParseError(file, `overrides name comment "${id}", which is not in the thread`);
    if (edit.parent != null && !ids.has(edit.parent)) {
      throw new ParseError(file, `overrides move "${id}" under "${edit.parent}", which is not in the thread`);
    }
  }
  const comments: Comment[] = thread.comments.map((c) => {
    const edit = edits[c.id];
    if (!edit) return c;
    const next: Comment = { ...c };
    if (edit.author !== undefined) next.author = edit.author;
    if (edit.text !== undefined) next.text = edit.text;
    if (edit.time !== undefined) next.time = edit.time;
    if (edit.deleted === true) next.deleted = true;
    if (edit.deleted === false) delete next.deleted;
    if (edit.parent !== undefined) {
      next.parent = edit.parent;
      delete next.orphan;
      if (next.confidence) next.confidence = { ...next.confidence, parent: 1 };
      if (next.evidence) next.evidence = ['override'];
    }
    return next;
  });
  const { comments: ordered, cycles } = orderDepthFirst(comments);
  if (cycles.length > 0) {
    throw new ParseError(file, `overrides make a cycle: "${cycles[0]}" would be its own ancestor`);
  }
  out.comments = ordered;
  return out;
}
