import type { Importer } from './importer.ts';
import { loadOnce } from '../util/load-once.ts';

const parser = loadOnce(() => import('./mbox-parse.ts'));

const headerLine = /^[!-9;-~]+:/;
const mailHeader = /^(from|to|cc|subject|date|message-id|received|return-path|delivered-to|in-reply-to|references|mime-version|content-type|x-[a-z-]+):/i;

/**
 * A mailbox: mbox (mboxo or mboxrd, `From ` separator lines) or one bare message (`.eml`).
 * Every message is MIME-decoded by mailparser, threaded with JWZ's algorithm, and each thread
 * (one per root) becomes a ThreadDraft whose comments are the messages, ids made from their
 * Message-IDs (`m-…`), depth-first with replies sorted by date.
 */
export const mbox: Importer = {
  format: 'mbox',
  detect({ text, json }) {
    if (json !== undefined) return false;
    const lines = text.slice(0, 8192).replace(/^\s*\n/, '').split('\n', 40);
    let i = 0;
    const separated = /^From \S/.test(lines[0] ?? '');
    if (separated) i = 1;
    let headers = 0;
    let known = 0;
    for (; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '') break;
      if (/^[ \t]/.test(line) && headers > 0) continue;
      if (!headerLine.test(line)) return false;
      headers++;
      if (mailHeader.test(line)) known++;
    }
    return separated ? headers >= 2 && known >= 1 : headers >= 3 && known >= 3 && /^(from|message-id):/im.test(lines.slice(0, i).join('\n'));
  },
  // The parser needs mailparser (and the HTML-to-Markdown converter): loaded on first use.
  parse: async (input) => (await parser()).parseMbox(input),
};
