import type { Comment, Thread } from '../thread/types.ts';
import type { Overrides } from './overrides.ts';
import { orderDepthFirst } from './order-depth-first.ts';
import { ParseError } from '../util/parse-error.ts';

type Edit = NonNullable<Overrides['comments']>[string];

/**
 * `"line N"` → the id of the comment whose dump lines hold line N (text dumps), so that a fix
 * still names the same comment after a `split` or `merge` has changed the ids (an id is a hash of
 * the comment's words). Anything else is taken as an id.
 */
function commentAtLine(comments: readonly Comment[], file: string): (ref: string) => string {
  let ranges: Comment[] | undefined;
  return (ref) => {
    const match = /^line ([1-9][0-9]*)$/.exec(ref);
    if (!match) return ref;
    const line = Number(match[1]);
    ranges ??= comments.filter((c) => c.lines).sort((a, b) => a.lines![0] - b.lines![0]);
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [first, last] = ranges[mid]!.lines!;
      if (line < first) hi = mid - 1;
      else if (line > last) lo = mid + 1;
      else return ranges[mid]!.id;
    }
    throw new ParseError(file, `overrides name "${ref}", which is in no comment's lines (only a text dump's comments have lines)`);
  };
}

/**
 * Applies a user's overrides (title, url, per-comment edits) to a parsed thread and puts the
 * comments back in depth-first order. A moved comment takes its replies with it; a moved
 * comment gets confidence 1 and evidence "override". Comments are named by id or, in text
 * dumps, by `"line N"` (the comment holding dump line N). An unknown id, or a move that makes a
 * comment its own ancestor, is a ParseError naming the overrides file.
 */
export function applyOverrides(thread: Thread, overrides: Overrides, file: string): Thread {
  const out: Thread = { ...thread };
  if (overrides.title !== undefined) out.title = overrides.title;
  if (overrides.url !== undefined) out.url = overrides.url;
  const edits = overrides.comments;
  if (!edits || Object.keys(edits).length === 0) return out;

  const ids = new Set(thread.comments.map((c) => c.id));
  const resolve = commentAtLine(thread.comments, file);
  const byId = new Map<string, Edit>();
  const named = new Map<string, string>();
  for (const [key, given] of Object.entries(edits)) {
    const id = resolve(key);
    if (!ids.has(id)) throw new ParseError(file, `overrides name comment "${key}", which is not in the thread`);
    if (named.has(id)) throw new ParseError(file, `overrides name one comment twice: "${named.get(id)}" and "${key}" are both ${id}`);
    named.set(id, key);
    const edit = given.parent == null ? given : { ...given, parent: resolve(given.parent) };
    if (edit.parent != null && !ids.has(edit.parent)) {
      throw new ParseError(file, `overrides move "${key}" under "${given.parent}", which is not in the thread`);
    }
    byId.set(id, edit);
  }
  const comments: Comment[] = thread.comments.map((c) => {
    const edit = byId.get(c.id);
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
