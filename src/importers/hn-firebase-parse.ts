import type { DumpInput } from './importer.ts';
import type { Comment, ThreadDraft } from '../thread/types.ts';
import { ParseError } from '../util/parse-error.ts';
import { htmlToMarkdown } from '../util/html-to-markdown.ts';
import { isoFromUnix } from '../util/iso-time.ts';
import { orderBreakingCycles } from '../parse/order-depth-first.ts';
import { isRecord } from '../util/is-record.ts';

/** One item of HN's Firebase API (`/v0/item/ID.json`). */
interface Item {
  id: number;
  type?: string;
  by?: string;
  time?: number;
  text?: string;
  kids?: number[];
  parent?: number;
  deleted?: boolean;
  dead?: boolean;
  title?: string;
  url?: string;
  score?: number;
}

/** Reads a dump of HN Firebase items into one thread per story (the format: `hnFirebase` in hn-firebase.ts). */
export function parseHnFirebase({ json, file }: DumpInput): ThreadDraft | ThreadDraft[] {
  const list = Array.isArray(json) ? json : [json];
  const items = new Map<number, Item>();
  list.forEach((value, i) => {
    if (value === null) return; // Firebase answers null for an id it does not have.
    if (!isRecord(value) || typeof value.id !== 'number') {
      throw new ParseError(file, `item ${i + 1} is not an HN item (expected an object with a numeric "id")`);
    }
    if (value.kids !== undefined && !(Array.isArray(value.kids) && value.kids.every((k) => typeof k === 'number'))) {
      throw new ParseError(file, `item ${value.id} has "kids" that is not a list of ids`);
    }
    if (!items.has(value.id)) items.set(value.id, value as unknown as Item);
  });
  const isComment = (item: Item) => item.type === 'comment' || (item.type === undefined && item.parent !== undefined);
  const stories = [...items.values()].filter((item) => !isComment(item) && item.type !== 'pollopt');

  // The story each comment hangs from (walking up parents; a cycle or a gap gives none).
  const storyOf = new Map<number, number | undefined>();
  const topOf = new Map<number, number | undefined>();
  for (const item of items.values()) {
    if (!isComment(item) || storyOf.has(item.id)) continue;
    const path: number[] = [];
    const onPath = new Set<number>();
    let story: number | undefined;
    let top: number | undefined;
    for (let at: Item | undefined = item; ; ) {
      if (storyOf.has(at.id)) {
        story = storyOf.get(at.id);
        top = topOf.get(at.id);
        break;
      }
      path.push(at.id);
      onPath.add(at.id);
      const parent: number | undefined = at.parent;
      if (parent === undefined || onPath.has(parent)) break;
      const up = items.get(parent);
      if (!up) {
        top = parent;
        break;
      }
      if (!isComment(up)) {
        story = up.id;
        break;
      }
      at = up;
    }
    for (const id of path) {
      storyOf.set(id, story);
      topOf.set(id, top);
    }
  }

  // No story in the dump: the missing item most top-level comments answer stands for it.
  let standIn: number | undefined;
  if (stories.length === 0) {
    const counts = new Map<number, number>();
    for (const top of topOf.values()) if (top !== undefined) counts.set(top, (counts.get(top) ?? 0) + 1);
    standIn = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  }

  const rank = new Map<string, number>();
  for (const item of items.values()) item.kids?.forEach((kid, i) => rank.set(`${item.id}:${kid}`, i));
  const threads = new Map<number | undefined, Item[]>();
  const threadKeys = stories.length > 0 ? stories.map((s) => s.id) : [standIn];
  for (const key of threadKeys) threads.set(key, []);
  for (const item of items.values()) {
    if (!isComment(item)) continue;
    const story = storyOf.get(item.id);
    threads.get(threads.has(story) ? story : threadKeys[0])!.push(item);
  }

  const drafts: ThreadDraft[] = [];
  for (const key of threadKeys) {
    const story = key === undefined ? undefined : items.get(key);
    const draft: ThreadDraft = { title: '', comments: [] };
    if (story) {
      draft.title = (story.title ?? '').trim() || `Hacker News item ${story.id}`;
      if (story.url) draft.url = story.url;
      if (story.by) draft.author = story.by;
      const time = typeof story.time === 'number' ? isoFromUnix(story.time) : undefined;
      if (time) draft.time = time;
      const text = [story.text ? htmlToMarkdown(story.text) : '', pollOptions(story, items)].filter(Boolean).join('\n\n');
      if (text) draft.text = text;
      if (typeof story.score === 'number') draft.score = story.score;
    } else if (key !== undefined) {
      draft.title = `Hacker News item ${key}`;
      draft.url = `https://news.ycombinator.com/item?id=${key}`;
    } else {
      draft.title = 'Hacker News comments';
    }
    if (threadKeys.length > 1) draft.id = `hn-${key}`;
    const members = threads.get(key)!;
    const sortKey = (item: Item) => rank.get(`${item.parent}:${item.id}`) ?? Number.MAX_SAFE_INTEGER;
    members.sort((a, b) => sortKey(a) - sortKey(b) || (a.time ?? Infinity) - (b.time ?? Infinity) || a.id - b.id);
    const removable = new Set<string>();
    const comments: Comment[] = members.map((item) => {
      const id = `hn-${item.id}`;
      const comment: Comment = { id, parent: item.parent === undefined || item.parent === key ? null : `hn-${item.parent}`, text: '' };
      if (item.by) comment.author = item.by;
      const time = typeof item.time === 'number' ? isoFromUnix(item.time) : undefined;
      if (time) comment.time = time;
      if (item.text) comment.text = htmlToMarkdown(item.text);
      if (item.deleted || item.dead) {
        comment.deleted = true;
        removable.add(id);
      }
      return comment;
    });
    // Depth-first, then drop deleted/dead comments without kept replies (one backward pass).
    const ordered = orderBreakingCycles(comments);
    const hasKeptReply = new Set<string>();
    const kept: Comment[] = [];
    for (let i = ordered.length - 1; i >= 0; i--) {
      const c = ordered[i]!;
      if (removable.has(c.id) && !hasKeptReply.has(c.id)) continue;
      kept.push(c);
      if (c.parent !== null) hasKeptReply.add(c.parent);
    }
    draft.comments = kept.reverse();
    drafts.push(draft);
  }
  return drafts.length === 1 ? drafts[0]! : drafts;
}

/** A poll's options (`pollopt` items named in its `parts`) as a Markdown list with their points. */
function pollOptions(story: Item & { parts?: unknown }, items: Map<number, Item>): string {
  if (!Array.isArray(story.parts)) return '';
  const lines: string[] = [];
  for (const part of story.parts) {
    const option = typeof part === 'number' ? items.get(part) : undefined;
    if (!option || option.type !== 'pollopt') continue;
    const words = option.text ? htmlToMarkdown(option.text).replace(/\s*\n\s*/g, ' ') : '(no text)';
    lines.push(`- ${words}${typeof option.score === 'number' ? ` (${option.score} points)` : ''}`);
  }
  return lines.join('\n');
}
