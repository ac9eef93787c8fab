import { createHash } from 'node:crypto';
import type { DumpInput } from './importer.ts';
import type { Comment, ThreadDraft } from '../thread/types.ts';
import { ParseError } from '../util/parse-error.ts';
import { htmlToMarkdown } from '../util/html-to-markdown.ts';
import { plainTextToMarkdown } from '../util/plain-text-to-markdown.ts';
import { threadSlug } from '../util/thread-slug.ts';
import { splitMbox } from '../mail/split-mbox.ts';
import { readMessage, type MailMessage } from '../mail/read-message.ts';
import { threadMessages, preOrder } from '../mail/thread-messages.ts';
import { cleanSubject, listTagsOf } from '../mail/clean-subject.ts';
import { messageAnchor } from '../mail/message-anchor.ts';
import { mailTextToMarkdown } from '../mail/mail-text-to-markdown.ts';

/** Reads a mailbox into one thread per conversation (the format: `mbox` in mbox.ts). */
export async function parseMbox({ text, bytes, file }: DumpInput): Promise<ThreadDraft[]> {
  const raw = bytes && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff) ? bytes : Buffer.from(text, 'utf8');
  const parts = splitMbox(raw);
  if (parts.length === 0) throw new ParseError(file, 'the mailbox holds no message');
  // mailparser waits on stream ticks, not the CPU: a few dozen messages at once is about twice as fast.
  const messages: MailMessage[] = [];
  const decode = (part: (typeof parts)[number]) =>
    readMessage(part).catch((error: unknown) => {
      throw new ParseError(file, `the message here could not be decoded: ${(error as Error).message.split('\n')[0]}`, part.lines[0]);
    });
  for (let i = 0; i < parts.length; i += 32) messages.push(...(await Promise.all(parts.slice(i, i + 32).map(decode))));
  const listTags = listTagsOf(messages.map((m) => m.subject));
  const roots = threadMessages(messages, listTags);
  const taken = new Set<string>();
  const drafts: ThreadDraft[] = [];
  for (const root of roots) {
    const nodes = preOrder(root);
    const first = nodes.find((n) => n.message)!.message!;
    const title = cleanSubject(first.subject, listTags).title || '(no subject)';
    const ids = new Map<object, string>();
    const comments: Comment[] = [];
    for (const node of nodes) {
      const message = node.message;
      if (!message) continue;
      const id = uniqueId(message, taken);
      ids.set(node, id);
      const parentId = node.parent ? ids.get(node.parent) : undefined;
      const comment: Comment = { id, parent: parentId ?? null, text: '' };
      if (message.author) comment.author = message.author;
      if (message.date) comment.time = message.date.toISOString().replace('.000Z', 'Z');
      comment.text = bodyOf(message);
      comment.lines = message.lines;
      if (parentId === undefined && message.references.length > 0) comment.orphan = true;
      comments.push(comment);
    }
    const draft: ThreadDraft = {
      id: `${threadSlug(title).slice(0, 30).replace(/-+$/, '')}-${createHash('sha1').update(root.id).digest('hex').slice(0, 8)}`,
      title,
      comments,
    };
    const time = comments.reduce<string | undefined>((min, c) => (c.time && (!min || c.time < min) ? c.time : min), undefined);
    if (time) draft.time = time;
    drafts.push(draft);
  }
  return drafts;
}

/** The comment id of a message: from its Message-ID, else from its content; repeats get `-2`, `-3`. */
function uniqueId(message: MailMessage, taken: Set<string>): string {
  const base = message.messageId
    ? messageAnchor(message.messageId)
    : `m-nomsgid-${createHash('sha1').update(`${message.date?.toISOString() ?? ''}\0${message.author ?? ''}\0${message.subject}\0${message.text ?? message.html ?? ''}`).digest('hex').slice(0, 8)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The body as Markdown: the text part (quotes, signature), else the HTML part; attachments
 * listed after; then any forwarded message, its headers and body.
 */
function bodyOf(message: MailMessage): string {
  const trailer = message.attachments.map((a) => `Attachment: ${a.filename} (${a.contentType}, ${a.size} bytes)`);
  const parts: string[] = [];
  if (message.text !== undefined && message.text.trim() !== '') parts.push(mailTextToMarkdown(message.text, trailer));
  else {
    if (message.html) parts.push(htmlToMarkdown(message.html));
    if (trailer.length > 0) parts.push(plainTextToMarkdown(trailer));
  }
  for (const f of message.forwarded) {
    parts.push(plainTextToMarkdown([['Forwarded message:', ...f.headers].join('\n')]));
    if (f.text !== undefined && f.text.trim() !== '') parts.push(mailTextToMarkdown(f.text));
    else if (f.html) parts.push(htmlToMarkdown(f.html));
  }
  return parts.filter((p) => p !== '').join('\n\n');
}
