/** One message cut out of an mbox: its raw bytes and where it sat in the file. */
export interface MboxMessage {
  /** The message (headers and body) without its `From ` separator line, `>From ` unescaped. */
  raw: Buffer;
  /** The `From ` separator line's text after `From ` (sender and date), or '' for a bare message. */
  envelope: string;
  /** 1-based inclusive lines of the dump: the separator line through the message's last line. */
  lines: [number, number];
}

/** A separator: `From ` at a line start, then a sender and (usually) an asctime date. */
const separator = /^From (\S*)(?: +(.*))?$/;

/**
 * Cuts an mbox into messages. A `From ` line starts a message when it opens the file or follows
 * a blank line (mboxo and mboxrd both write a blank line before it); body lines that merely start
 * with `From ` were escaped as `>From ` by the writer, and one `>` is taken off every
 * `>From `/`>>From ` line (mboxrd's rule; for mboxo it undoes the escaping as well as can be done).
 * Works on the bytes, as a Latin-1 string, so that every message keeps its own charset.
 * A file with no separator at all is one bare message (a saved `.eml`).
 */
export function splitMbox(bytes: Uint8Array): MboxMessage[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const messages: MboxMessage[] = [];
  let body: string[] | undefined;
  let envelope = '';
  let first = 0;
  const flush = () => {
    if (body === undefined) return;
    // The blank line before the next separator belongs to the mbox, not to the message.
    let end = body.length;
    if (end > 0 && body[end - 1]!.replace(/\r$/, '') === '') end--;
    const raw = body.slice(0, end).join('\n');
    if (raw.trim() !== '') {
      messages.push({ raw: Buffer.from(`${raw}\n`, 'latin1'), envelope, lines: [first + 1, first + end + (hasSeparator ? 1 : 0)] });
    }
  };
  let hasSeparator = false;
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const bare = line.replace(/\r$/, '');
    const match = previousBlank && bare.startsWith('From ') ? separator.exec(bare) : null;
    if (match) {
      flush();
      hasSeparator = true;
      body = [];
      envelope = bare.slice(5).trim();
      first = i;
    } else {
      if (body === undefined) {
        // No separator before the first line: a bare message (or leading junk before the first one).
        body = [];
        hasSeparator = false;
        envelope = '';
        first = i;
      }
      body.push(/^>+From /.test(line) ? line.slice(1) : line);
    }
    previousBlank = bare.trim() === '';
  }
  flush();
  return messages;
}

/** The date of an mbox separator line (`sender Thu Nov 26 06:14:26 2026`), or `undefined`. */
export function envelopeDate(envelope: string): Date | undefined {
  const rest = envelope.replace(/^\S+\s+/, '');
  const m = /^(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+(?:([A-Z]{2,5}|[+-]\d{4})\s+)?(\d{4})/.exec(rest);
  if (!m) return undefined;
  const ms = Date.parse(`${m[2]} ${m[1]} ${m[5]} ${m[3]} ${m[4] && /^[+-]/.test(m[4]) ? m[4] : '+0000'}`);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
