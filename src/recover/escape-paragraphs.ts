import { plainTextToMarkdown } from '../util/plain-text-to-markdown.ts';

/**
 * Paragraph bodies made only of these characters, starting with a letter, are Markdown that
 * renders as typed: no `*`, `_`, `#`, `<`, `&`, `[`, `\`, backticks, `~`, `|`, `/`, `@` (and no
 * `w.x`, which GFM's autolink literals would read as the start of `www.`: the serializer escapes it).
 */
const inert = /^\p{L}[\p{L}\p{N} ,.;:'’‘“”"?!()%$—–-]*$/u;
/** Openers that would start a block quote or a list: escaped with one backslash. */
const blockOpener = /^(?:(?:> ?)+|- )/;

/**
 * `plainTextToMarkdown` with a fast path: most comment paragraphs need no escaping or only a
 * backslash before a leading `>` or `- `, and a large dump has tens of thousands of them (the
 * full serializer costs ~70 µs a comment). Anything else goes through `plainTextToMarkdown`.
 * `test/recover.test.ts` checks the two agree on random text.
 */
export function escapeParagraphs(paragraphs: readonly string[]): string {
  const out: string[] = [];
  for (const p of paragraphs) {
    const opener = blockOpener.exec(p)?.[0] ?? '';
    const body = p.slice(opener.length);
    if (!inert.test(body) || body.includes('  ') || body.endsWith(' ') || /[Ww]\.[-.\w]/.test(body)) return plainTextToMarkdown(paragraphs);
    out.push(opener ? `\\${opener}${body}` : body);
  }
  return out.join('\n\n');
}
