import type { Comment, Thread } from './types.ts';

const threadKeys = ['version', 'id', 'title', 'url', 'source', 'author', 'time', 'score', 'text', 'comments'] as const;
const sourceKeys = ['format', 'file', 'missing', 'fixes'] as const;
const commentKeys = ['id', 'parent', 'author', 'time', 'score', 'deleted', 'orphan', 'lines', 'confidence', 'evidence', 'text', 'quotes'] as const;

function pick<T extends object>(value: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as T;
}

/** A thread as the bytes the parser writes: keys in one fixed order, so re-runs are identical. */
export function serializeThread(thread: Thread): string {
  const ordered = pick(thread, threadKeys);
  ordered.source = pick(thread.source, sourceKeys);
  ordered.comments = thread.comments.map((c) => pick<Comment>(c, commentKeys));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
