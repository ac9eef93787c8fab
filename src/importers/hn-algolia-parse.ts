import type { DumpInput } from './importer.ts';
import type { Comment, ThreadDraft } from '../thread/types.ts';
import { ParseError } from '../util/parse-error.ts';
import { htmlToMarkdown } from '../util/html-to-markdown.ts';
import { isoFromString, isoFromUnix } from '../util/iso-time.ts';
import { isAlgoliaItem, type AlgoliaItem } from './algolia-item.ts';

/** Reads an HN Algolia item dump into a thread (the format: `hnAlgolia` in hn-algolia.ts). */
export function parseHnAlgolia({ json, file }: DumpInput): ThreadDraft {
  const root = json as AlgoliaItem;
  const isStory = root.type !== 'comment';
  const draft: ThreadDraft = {
    title: isStory ? textOf(root.title) || `Hacker News item ${root.id}` : `Comment by ${root.author ?? 'unknown'} on Hacker News`,
    comments: [],
  };
  if (isStory) {
    const url = textOf(root.url);
    if (url) draft.url = url;
    if (root.author) draft.author = root.author;
    const time = timeOf(root);
    if (time) draft.time = time;
    if (root.text) draft.text = htmlToMarkdown(root.text);
    if (typeof root.points === 'number') draft.score = root.points;
  }

  // Pre-order walk with an explicit stack: replies can nest thousands deep.
  const items: { item: AlgoliaItem; parent: number }[] = [];
  const stack: { node: unknown; parent: number; path: string }[] = [];
  const pushChildren = (item: AlgoliaItem, index: number, path: string) => {
    if (!Array.isArray(item.children)) {
      throw new ParseError(file, `item ${item.id} (${path}) has "children" that is not a list`);
    }
    for (let i = item.children.length - 1; i >= 0; i--) {
      stack.push({ node: item.children[i], parent: index, path: `${path}.children[${i}]` });
    }
  };
  if (isStory) pushChildren(root, -1, '(root)');
  else stack.push({ node: root, parent: -1, path: '(root)' });
  while (stack.length > 0) {
    const { node, parent, path } = stack.pop()!;
    if (!isAlgoliaItem(node)) {
      throw new ParseError(file, `${path} is not an HN item (expected an object with a numeric "id", a "type" and "children")`);
    }
    items.push({ item: node, parent });
    pushChildren(node, items.length - 1, path);
  }

  // Which deleted comments carry replies? Children come after their parent in pre-order,
  // so one backward pass settles it.
  const keep = new Array<boolean>(items.length).fill(false);
  for (let i = items.length - 1; i >= 0; i--) {
    const { item, parent } = items[i]!;
    if (!isDeleted(item)) keep[i] = true;
    if (keep[i] && parent >= 0) keep[parent] = true;
  }
  const ids = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    if (!keep[i]) continue;
    const { item, parent } = items[i]!;
    const id = `hn-${item.id}`;
    if (ids.has(id)) throw new ParseError(file, `the item ${item.id} appears twice`);
    ids.add(id);
    const comment: Comment = { id, parent: parent >= 0 ? `hn-${items[parent]!.item.id}` : null, text: '' };
    if (isDeleted(item)) {
      comment.deleted = true;
    } else {
      comment.author = item.author!;
      comment.text = htmlToMarkdown(item.text!);
    }
    const time = timeOf(item);
    if (time) comment.time = time;
    if (typeof item.points === 'number') comment.score = item.points;
    draft.comments.push(comment);
  }
  return draft;
}

function isDeleted(item: AlgoliaItem): boolean {
  return item.author == null || item.text == null;
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function timeOf(item: AlgoliaItem): string | undefined {
  if (typeof item.created_at_i === 'number') return isoFromUnix(item.created_at_i);
  if (typeof item.created_at === 'string') return isoFromString(item.created_at);
  return undefined;
}
