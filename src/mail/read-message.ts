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
  const date = parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : envelopeDate(message.envelope);
  return {
    messageId,
    references: references.filter((id) => id !== messageId),
    subject: (parsed.subject ?? '').replace(/\s+/g, ' ').trim(),
    ...(author === undefined ? {} : { author }),
    ...(date === undefined ? {} : { date }),
    ...(parsed.text === undefined ? {} : { text: parsed.text }),
    ...(parsed.html === false ? {} : { html: parsed.html }),
    attachments: parsed.attachments
      .filter((a) => a.contentDisposition === 'attachment' || !a.related)
      .map((a) => ({ filename: a.filename ?? '(no name)', contentType: a.contentType, size: a.size })),
    lines: message.lines,
  };
}

/** A header's raw value (unfolded), the first occurrence. */
function rawHeader(lines: HeaderLines, key: string): string | undefined {
  const found = lines.find((h) => h.key === key);
  if (!found) return undefined;
  return found.line.slice(found.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
}
