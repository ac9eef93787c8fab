import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Blockquote, BlockContent, Code, Paragraph, Root } from 'mdast';

const markdownOptions: Options = { bullet: '-', emphasis: '_', strong: '*', fences: true, extensions: [gfmToMarkdown()] };

/** `>` markers at a line start (`>`, `> >`, `>>`), and what follows them. */
const quoteMarker = /^((?:>[ \t]?)+)(.*)$/;

/**
 * A plain-text mail body → Markdown that shows it as written: every line break kept (a hard
 * break), every character escaped (nothing is read as Markdown or HTML), `>` quoted lines as
 * (nested) Markdown blockquotes so that the pipeline can link them to the message they quote,
 * and the signature (after the last `-- ` line that is not quoted) folded into a trailing code
 * block marked `signature`, every character kept.
 */
export function mailTextToMarkdown(text: string, trailer: readonly string[] = []): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  let signature: string[] | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line === '-- ' || (line === '--' && lines.length - i <= 10)) {
      signature = lines.slice(i + 1);
      lines.length = i;
      break;
    }
  }
  const root: Root = { type: 'root', children: [] };
  // stack[d] holds blocks at quote depth d.
  const stack: (Root | Blockquote)[] = [root];
  let paragraph: Paragraph | undefined;
  for (const raw of lines) {
    const line = raw.replace(/[ \t]+$/, '');
    const match = quoteMarker.exec(line);
    const depth = match ? match[1]!.replace(/[ \t]/g, '').length : 0;
    const content = match ? match[2]! : line;
    if (depth !== stack.length - 1) {
      paragraph = undefined;
      while (stack.length - 1 > depth) stack.pop();
      while (stack.length - 1 < depth) {
        const quote: Blockquote = { type: 'blockquote', children: [] };
        stack[stack.length - 1]!.children.push(quote);
        stack.push(quote);
      }
    }
    if (content.trim() === '') {
      paragraph = undefined;
      continue;
    }
    if (paragraph) paragraph.children.push({ type: 'break' }, { type: 'text', value: content });
    else {
      paragraph = { type: 'paragraph', children: [{ type: 'text', value: content }] };
      (stack[stack.length - 1]!.children as BlockContent[]).push(paragraph);
    }
  }
  dropEmptyQuotes(root);
  for (const line of trailer) root.children.push({ type: 'paragraph', children: [{ type: 'text', value: line }] });
  if (signature && signature.some((l) => l.trim() !== '')) {
    const code: Code = { type: 'code', lang: 'signature', value: signature.join('\n').replace(/\n+$/, '') };
    root.children.push(code);
  }
  return toMarkdown(root, markdownOptions).trimEnd();
}

/** A quote of only blank `>` lines says nothing: it is left out rather than shown as an empty box. */
function dropEmptyQuotes(root: Root): void {
  const stack: (Root | Blockquote)[] = [root];
  const all: (Root | Blockquote)[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    all.push(node);
    for (const child of node.children) if (child.type === 'blockquote') stack.push(child);
  }
  for (let i = all.length - 1; i >= 0; i--) {
    const node = all[i]!;
    node.children = node.children.filter((c) => c.type !== 'blockquote' || c.children.length > 0) as typeof node.children;
  }
}
