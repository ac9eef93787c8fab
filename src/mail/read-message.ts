import { simpleParser, type HeaderLines } from 'mailparser';
import type { MboxMessage } from './split-mbox.ts';
import { envelopeDate } from './split-mbox.ts';
import { messageIds } from './message-ids.ts';

/** One mail, decoded: what threading and the thread format need. */
export interface MailMessage {
  /** Message-ID without brackets, or '' when the mail has none. */
  messageId: string;
  /** References, then In-Reply-To's id when References does not end with it (oldest first). */
  references: string[];
  /** The decoded subject (RFC 2047 words decoded), '' when absent. */
  subject: string;
  /** The sender's display name, else the address. */
  author?: string;
  date?: Date;
  /** The text/plain body, decoded (transfer encoding and charset). */
  text?: string;
  /** The text/html body, when there is one. */
  html?: string;
  /** Attachments, listed so that a reader knows they existed. */
  attachments: { filename: string; contentType: string; size: number }[];
  /** Messages forwarded as attachments (`message/rfc822`), shown after the body. */
  forwarded: { headers: string[]; text?: string; html?: string }[];
  lines: [number, number];
}

/**
 * Decodes one message with mailparser (MIME structure, quoted-printable, base64, charsets,
 * RFC 2047 encoded headers). References are read from the raw header lines so that a broken
 * header (a cut-off id, words between ids) keeps the ids it does hold, in order.
 */
export async function readMessage(message: MboxMessage): Promise<MailMessage> {
  const parsed = await simpleParser(message.raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const messageId = messageIds(rawHeader(parsed.headerLines, 'message-id'))[0] ?? '';
  const references = messageIds(rawHeader(parsed.headerLines, 'references'));
  const inReplyTo = messageIds(rawHeader(parsed.headerLines, 'in-reply-to'))[0];
  if (inReplyTo !== undefined && references[references.length - 1] !== inReplyTo) {
    const at = references.indexOf(inReplyTo);
    if (at >= 0) references.splice(at, 1);
    references.push(inReplyTo);
  }
  const sender = parsed.from?.value[0];
  const author = (sender?.name || sender?.address || '').trim() || undefined;
  // mailparser answers the current time for a Date it cannot read; that would change every parse.
  const date = headerDate(rawHeader(parsed.headerLines, 'date')) ?? envelopeDate(message.envelope);
  const forwarded: MailMessage['forwarded'] = [];
  for (const a of parsed.attachments) {
    if (a.contentType !== 'message/rfc822') continue;
    const inner = await simpleParser(a.content, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
    const headers: string[] = [];
    const from = inner.from?.text;
    if (from) headers.push(`From: ${from}`);
    if (inner.subject) headers.push(`Subject: ${inner.subject}`);
    const innerDate = headerDate(rawHeader(inner.headerLines, 'date'));
    if (innerDate) headers.push(`Date: ${innerDate.toISOString().replace('.000Z', 'Z')}`);
    forwarded.push({ headers, ...(inner.text ? { text: inner.text } : {}), ...(inner.html ? { html: inner.html } : {}) });
  }
  return {
    messageId,
    references: references.filter((id) => id !== messageId),
    subject: (parsed.subject ?? '').replace(/\s+/g, ' ').trim(),
    ...(author === undefined ? {} : { author }),
    ...(date === undefined ? {} : { date }),
    ...(parsed.text === undefined ? {} : { text: parsed.text }),
    ...(parsed.html === false ? {} : { html: parsed.html }),
    attachments: parsed.attachments
      .filter((a) => a.contentType !== 'message/rfc822' && (a.contentDisposition === 'attachment' || !a.related))
      .map((a) => ({ filename: a.filename ?? '(no name)', contentType: a.contentType, size: a.size })),
    forwarded,
    lines: message.lines,
  };
}

/** A Date header's time (RFC 5322, a trailing `(zone comment)` allowed), or `undefined`. */
function headerDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim());
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** A header's raw value (unfolded), the first occurrence. */
function rawHeader(lines: HeaderLines, key: string): string | undefined {
  const found = lines.find((h) => h.key === key);
  if (!found) return undefined;
  return found.line.slice(found.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
}
