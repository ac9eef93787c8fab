import type { DumpInput } from './importer.ts';
import type { Comment, ThreadDraft } from '../thread/types.ts';
import { ParseError } from '../util/parse-error.ts';
import { isoFromUnix } from '../util/iso-time.ts';
import { markdownWithoutHtml } from '../util/markdown-without-html.ts';
import { isListing, isThing, type Thing } from './reddit-thing.ts';

const removedBodies = new Set(['[deleted]', '[removed]']);

/** Reads a Reddit thread dump (the format: `reddit` in reddit.ts). */
export function parseReddit({ json, file }: DumpInput): ThreadDraft {
  const [postListing, commentListing] = json as Thing[];
  const post = ((postListing!.data.children as Thing[])[0]!).data;
  const title = decodeEntities(stringOf(post.title)).trim();
  const draft: ThreadDraft = { title: title || `Reddit post ${stringOf(post.name) || stringOf(post.id)}`, comments: [] };
  const url = decodeEntities(stringOf(post.url)).trim();
  if (url) draft.url = url;
  const author = authorOf(post);
  if (author) draft.author = author;
  const time = typeof post.created_utc === 'number' ? isoFromUnix(post.created_utc) : undefined;
  if (time) draft.time = time;
  const selftext = decodeEntities(stringOf(post.selftext));
  if (selftext.trim() !== '') draft.text = markdownWithoutHtml(selftext);
  if (typeof post.score === 'number') draft.score = post.score;

  // Pre-order walk with an explicit stack: replies can nest thousands deep.
  const found: { data: Record<string, unknown>; parent: number }[] = [];
  let missing = 0;
  const stack: { thing: unknown; parent: number; path: string }[] = [];
  const pushListing = (listing: unknown, parent: number, path: string) => {
    if (!isListing(listing)) {
      throw new ParseError(file, `${path} is not a Reddit listing (expected {"kind": "Listing", "data": {"children": [...]}})`);
    }
    const children = listing.data.children as unknown[];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ thing: children[i], parent, path: `${path}.data.children[${i}]` });
  };
  if (commentListing !== undefined) pushListing(commentListing, -1, '[1]');
  while (stack.length > 0) {
    const { thing, parent, path } = stack.pop()!;
    if (!isThing(thing)) throw new ParseError(file, `${path} is not a Reddit thing (expected {"kind": ..., "data": {...}})`);
    if (thing.kind === 'more') {
      const count = thing.data.count;
      const ids = thing.data.children;
      missing += typeof count === 'number' && count >= 0 ? count : Array.isArray(ids) ? ids.length : 0;
      continue;
    }
    if (thing.kind !== 't1') throw new ParseError(file, `${path} is a "${thing.kind}" where comments ("t1") or "more" stubs were expected`);
    if (typeof thing.data.id !== 'string' || !/^[a-z0-9]+$/i.test(thing.data.id)) {
      throw new ParseError(file, `${path} has no usable "id" (expected a base-36 string)`);
    }
    found.push({ data: thing.data, parent });
    const replies = thing.data.replies;
    if (replies !== '' && replies !== undefined && replies !== null) pushListing(replies, found.length - 1, `${path}.data.replies`);
  }

  // Which removed comments carry replies? Children follow their parent in pre-order.
  const keep = new Array<boolean>(found.length).fill(false);
  for (let i = found.length - 1; i >= 0; i--) {
    if (!isRemoved(found[i]!.data)) keep[i] = true;
    const parent = found[i]!.parent;
    if (keep[i] && parent >= 0) keep[parent] = true;
  }
  const idOf = (data: Record<string, unknown>) => `t1_${data.id as string}`;
  for (let i = 0; i < found.length; i++) {
    if (!keep[i]) continue;
    const { data, parent } = found[i]!;
    const comment: Comment = { id: idOf(data), parent: parent >= 0 ? idOf(found[parent]!.data) : null, text: '' };
    const author = authorOf(data);
    if (author) comment.author = author;
    const time = typeof data.created_utc === 'number' ? isoFromUnix(data.created_utc) : undefined;
    if (time) comment.time = time;
    if (typeof data.score === 'number') comment.score = data.score;
    if (isRemoved(data)) comment.deleted = true;
    else comment.text = markdownWithoutHtml(decodeEntities(stringOf(data.body)));
    draft.comments.push(comment);
  }
  if (missing > 0) draft.source = { missing };
  return draft;
}

function isRemoved(data: Record<string, unknown>): boolean {
  return typeof data.body !== 'string' || removedBodies.has(data.body.trim());
}

function authorOf(data: Record<string, unknown>): string | undefined {
  const author = data.author;
  return typeof author === 'string' && author !== '' && author !== '[deleted]' ? author : undefined;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Reddit's JSON escapes exactly `&`, `<` and `>` in text; one pass, so `&amp;lt;` stays `&lt;`. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}
