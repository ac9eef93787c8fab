import type { Thread } from '../thread/types.ts';

/**
 * The least sure inferences of a thread recovered from a text dump, as lines a person can act
 * on: each names the comment (its dump lines and id), how sure the parser is, and the fix that
 * would change it in `NAME.fixes.json` (`merge`/`split` lines, `comments.ID.parent`). At most
 * `limit` lines, least sure first: half of them the least sure cuts and half the least sure
 * parents (either kind fills what the other lacks). Cut and parent confidences are not on one
 * scale: parents run lower, so a joint ranking listed only parents, while on the seed dump 6 of
 * the 10 least sure cuts start lines that both careful readers join to the comment before. Empty when nothing in the thread
 * was inferred (structured dumps; copied pages with headers give their cuts, so only their
 * parents can appear).
 */
export function reviewDoubts(thread: Thread, limit = 10): string[] {
  const byId = new Map(thread.comments.map((c) => [c.id, c]));
  type Doubt = { sure: number; order: number; text: string };
  const cuts: Doubt[] = [];
  const parents: Doubt[] = [];
  thread.comments.forEach((c, order) => {
    if (!c.confidence || !c.lines) return;
    const [first, last] = c.lines;
    const where = lineRange(c.lines);
    const { boundary, parent } = c.confidence;
    if (boundary < 1) {
      const inside = first < last ? `, or "split": [N] to cut it at line N (${first + 1}–${last})` : '';
      cuts.push({
        sure: boundary,
        order,
        text: `${where} (${c.id}): ${percent(boundary)} sure of where this comment starts and ends; "merge": [${first}] joins it to the comment before${inside}`,
      });
    }
    if (parent < 1) {
      const up = c.parent ? byId.get(c.parent) : undefined;
      const answers = up?.lines ? `the comment at ${lineRange(up.lines)} (${up.id})` : 'the story';
      const cues = c.evidence?.length ? ` (cues: ${c.evidence.join(', ')})` : '';
      parents.push({
        sure: parent,
        order,
        text: `${where} (${c.id}): ${percent(parent)} sure it answers ${answers}${cues}; "comments": {"${c.id}": {"parent": "ID"}} moves it (null: top level)`,
      });
    }
  });
  const leastSure = (a: Doubt, b: Doubt) => a.sure - b.sure || a.order - b.order;
  cuts.sort(leastSure);
  parents.sort(leastSure);
  const cutCount = Math.min(cuts.length, Math.max(Math.ceil(limit / 2), limit - parents.length));
  const chosen = [...cuts.slice(0, cutCount), ...parents.slice(0, limit - cutCount)];
  return chosen.sort(leastSure).map((d) => d.text);
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const lineRange = ([first, last]: readonly [number, number]) => (first === last ? `line ${first}` : `lines ${first}–${last}`);
