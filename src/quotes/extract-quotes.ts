import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';

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
    // A hard break's trailing backslash is markup, not quoted text.
    if (match) run.push(plain(match[1]!.replace(/(?<!\\)((?:\\\\)*)\\$/, '$1')));
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
  return textOf(fromMarkdown(markdown));
}

const blockParents = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow']);

/**
 * A Markdown tree's text, like mdast-util-to-string but with a new line for each hard break
 * and after each block, so that words on either side of one never run together.
 */
function textOf(tree: Root): string {
  const parts: string[] = [];
  const stack: (Nodes | '\n')[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === '\n' || node.type === 'break') parts.push('\n');
    else if ('value' in node) parts.push(node.value);
    else if ('children' in node) {
      const block = blockParents.has(node.type);
      for (let i = node.children.length - 1; i >= 0; i--) {
        if (block) stack.push('\n');
        stack.push(node.children[i]!);
      }
    } else if (node.type === 'image' || node.type === 'imageReference') parts.push(node.alt ?? '');
  }
  return parts.join('').trimEnd();
}
