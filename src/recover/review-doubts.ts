import type { Comment, Thread } from '../thread/types.ts';

/**
 * The least sure inferences of a thread recovered from a text dump, as lines a person can act
 * on: each names the comment (its dump lines and id), how sure the parser is, and the fix that
 * would change it in `NAME.fixes.json` (`merge`/`split` lines, `comments["line N"].parent`). At most
 * `limit` lines, least sure first: half of them the least sure cuts and half the least sure
 * parents (either kind fills what the other lacks). Cut and parent confidences are not on one
 * scale: parents run lower, so a joint ranking listed only parents, while on the seed dump 6 of
 * the 10 least sure cuts start lines that both careful readers join to the comment before. Empty when nothing in the thread
 * was inferred (structured dumps; copied pages with headers give their cuts, so only their
 * parents can appear).
 */
export function reviewDoubts(thread: Thread, limit = 10): string[] {
  const byId = new Map(thread.comments.map((c) => [c.id, c]));
  return leastSure(thread, limit).map(({ kind, comment: c, sure }) => {
    const [first, last] = c.lines!;
    const where = lineRange(c.lines!);
    if (kind === 'cut') {
      const inside = first < last ? `, or "split": [N] to cut it at line N (${first + 1}–${last})` : '';
      return `${where} (${c.id}): ${percent(sure)} sure of where this comment starts and ends; "merge": [${first}] joins it to the comment before${inside}`;
    }
    const up = c.parent ? byId.get(c.parent) : undefined;
    const answers = up?.lines ? `the comment at ${lineRange(up.lines)} (${up.id})` : 'the story';
    const cues = c.evidence?.length ? ` (cues: ${c.evidence.join(', ')})` : '';
    return `${where} (${c.id}): ${percent(sure)} sure it answers ${answers}${cues}; "comments": {"line ${first}": {"parent": "line N"}} moves it under the comment holding line N (null: top level)`;
  });
}

/** One doubt: a recovered comment's cut or parent, and how sure the parser is of it. */
export interface Doubt {
  kind: 'cut' | 'parent';
  comment: Comment;
  sure: number;
}

/**
 * The least sure cuts and parents of a recovered thread, least sure first (see `reviewDoubts`).
 * Checking comments in this order helps: on the held-out eval threads, checking a quarter of the
 * comments' cuts and then their parents this way takes parents from 0.29 to 0.52, against 0.45
 * in a random order (`npm run review-gain`).
 */
export function leastSure(thread: Thread, limit = 10): Doubt[] {
  const cuts: (Doubt & { order: number })[] = [];
  const parents: (Doubt & { order: number })[] = [];
  thread.comments.forEach((comment, order) => {
    if (!comment.confidence || !comment.lines) return;
    const { boundary, parent } = comment.confidence;
    if (boundary < 1) cuts.push({ kind: 'cut', comment, sure: boundary, order });
    if (parent < 1) parents.push({ kind: 'parent', comment, sure: parent, order });
  });
  const bySure = (a: { sure: number; order: number }, b: { sure: number; order: number }) => a.sure - b.sure || a.order - b.order;
  cuts.sort(bySure);
  parents.sort(bySure);
  const cutCount = Math.min(cuts.length, Math.max(Math.ceil(limit / 2), limit - parents.length));
  const chosen = [...cuts.slice(0, cutCount), ...parents.slice(0, limit - cutCount)];
  return chosen.sort(bySure).map(({ kind, comment, sure }) => ({ kind, comment, sure }));
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
export const lineRange = ([first, last]: readonly [number, number]) => (first === last ? `line ${first}` : `lines ${first}–${last}`);
