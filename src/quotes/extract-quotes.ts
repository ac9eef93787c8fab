import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

const quoteLine = /^ {0,3}(?:\\?>[ \t]?)+(.*)$/;

/**
 * The passages a comment quotes, as plain text: each run of `>` lines (a real Markdown
 * blockquote, or a `\>` line kept literally from a plain-text source) is one passage.
 */
export function extractQuotes(markdown: string): string[] {
  const quotes: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const text = run.join(' ').replace(/\s+/g, ' ').trim();
    if (text) quotes.push(text);
    run = [];
  };
  for (const line of markdown.split('\n')) {
    const match = quoteLine.exec(line);
    if (match) run.push(plain(match[1]!));
    else if (line.trim() === '' && run.length > 0) continue;
    else flush();
  }
  flush();
  return quotes;
}

/** A comment's own words: its text without the lines it quotes, as plain text. */
export function ownText(markdown: string): string {
  if (!markdown.includes('>')) return plain(markdown);
  return plain(
    markdown
      .split('\n')
      .filter((line) => !quoteLine.test(line))
      .join('\n'),
  );
}

function plain(markdown: string): string {
  if (!/[\\*_`[<&]/.test(markdown)) return markdown;
  return toString(fromMarkdown(markdown));
}
