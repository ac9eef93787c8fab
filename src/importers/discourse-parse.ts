import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { DumpInput } from './importer.ts';
import type { Comment, ThreadDraft } from '../thread/types.ts';
import { ParseError } from '../util/parse-error.ts';
import { isoFromString } from '../util/iso-time.ts';
import { orderBreakingCycles } from '../parse/order-depth-first.ts';
import { cookedToMarkdown } from '../discourse/cooked-to-markdown.ts';
import { isRecord } from '../util/is-record.ts';

interface Post {
  id: number;
  post_number: number;
  post_type?: number;
  reply_to_post_number?: number | null;
  username?: string | null;
  created_at?: string | null;
  cooked?: string | null;
  deleted_at?: string | null;
}

/** Discourse post types: 1 regular, 2 moderator action, 3 small action ("closed the topic"), 4 whisper. */
const smallAction = 3;

/** Reads a Discourse topic dump (the format: `discourse` in discourse.ts). */
export function parseDiscourse({ json, file }: DumpInput): ThreadDraft {
  const topic = json as Record<string, unknown> & { post_stream: { posts: unknown[] } };
  const topicId = typeof topic.id === 'number' ? topic.id : undefined;
  const posts: Post[] = [];
  const seen = new Map<number, Post>();
  topic.post_stream.posts.forEach((value, i) => {
    if (!isRecord(value) || typeof value.id !== 'number' || typeof value.post_number !== 'number') {
      throw new ParseError(file, `post_stream.posts[${i}] is not a Discourse post (expected an object with a numeric "id" and "post_number")`);
    }
    const post = value as unknown as Post;
    const earlier = seen.get(post.id);
    if (earlier) {
      // Merged pages can repeat a post; the same post twice is one post.
      if (earlier.post_number === post.post_number) return;
      throw new ParseError(file, `post id ${post.id} is both post #${earlier.post_number} and post #${post.post_number}`);
    }
    seen.set(post.id, post);
    if (post.post_type !== smallAction) posts.push(post);
  });
  posts.sort((a, b) => a.post_number - b.post_number);
  const byNumber = new Map<number, Post>();
  for (const post of posts) if (!byNumber.has(post.post_number)) byNumber.set(post.post_number, post);
  const resolve = (postNumber: number, quotedTopic: number | undefined) => {
    if (quotedTopic !== undefined && topicId !== undefined && quotedTopic !== topicId) return null;
    const post = postNumber === 1 ? undefined : byNumber.get(postNumber);
    return post ? `#d-${post.id}` : null;
  };

  const draft: ThreadDraft = { title: titleOf(topic), comments: [] };
  const comments: Comment[] = [];
  for (const post of posts) {
    const text = typeof post.cooked === 'string' ? cookedToMarkdown(post.cooked, resolve) : '';
    const time = typeof post.created_at === 'string' ? isoFromString(post.created_at) : undefined;
    const author = typeof post.username === 'string' && post.username ? post.username : undefined;
    if (post.post_number === 1) {
      if (author) draft.author = author;
      if (time) draft.time = time;
      if (text) draft.text = text;
      continue;
    }
    const replyTo = typeof post.reply_to_post_number === 'number' ? post.reply_to_post_number : null;
    const parent = replyTo === null || replyTo === 1 ? null : byNumber.get(replyTo);
    const comment: Comment = { id: `d-${post.id}`, parent: parent ? `d-${parent.id}` : null, text };
    if (author) comment.author = author;
    if (time) comment.time = time;
    if (typeof post.deleted_at === 'string' && post.deleted_at) comment.deleted = true;
    if (replyTo !== null && replyTo !== 1 && !parent) comment.orphan = true;
    comments.push(comment);
  }
  draft.comments = orderBreakingCycles(comments);
  return draft;
}

/** The topic's title: `title`, else `fancy_title` (HTML entities and emoji markup) as text, else the slug. */
function titleOf(topic: Record<string, unknown>): string {
  if (typeof topic.title === 'string' && topic.title.trim()) return topic.title.trim();
  if (typeof topic.fancy_title === 'string' && topic.fancy_title.trim()) {
    return toText(fromHtml(topic.fancy_title, { fragment: true })).trim();
  }
  if (typeof topic.slug === 'string' && topic.slug) return topic.slug.replace(/-/g, ' ');
  return typeof topic.id === 'number' ? `Discourse topic ${topic.id}` : 'Discourse topic';
}
