import type { Comment } from '../thread/types.ts';
import { contentId } from '../util/content-id.ts';
import { escapeParagraphs } from './escape-paragraphs.ts';
import type { RecoveredComment } from './recover-tree.ts';

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

/**
 * Turns recovered comments into the thread format: ids from each comment's author and words
 * (so editing one comment of the dump keeps the others' ids), text as escaped Markdown (one
 * paragraph per dump line), the dump lines it came from, and how sure each inference is.
 * `extra(k)` adds importer-specific fields (author, time).
 */
export function buildComments(recovered: readonly RecoveredComment[], extra?: (k: number) => Partial<Comment>): Comment[] {
  const taken = new Set<string>();
  const ids = recovered.map((r) => {
    const author = r.header?.author ?? '';
    return contentId('c-', `${author}\n${r.items.map((l) => l.text).join('\n')}`, taken);
  });
  return recovered.map((r, k) => ({
    id: ids[k]!,
    parent: r.parent < 0 ? null : ids[r.parent]!,
    ...extra?.(k),
    text: escapeParagraphs(r.items.map((l) => l.text.trim())),
    lines: [r.first, r.last] as [number, number],
    confidence: { boundary: round(r.boundary), parent: round(r.parentConfidence) },
    evidence: r.evidence,
  }));
}
