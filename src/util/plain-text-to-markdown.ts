import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { Paragraph, Root } from 'mdast';

/**
 * Plain text → Markdown that renders as exactly that text: nothing in it is interpreted
 * (`<b>`, `# `, `*`, `_`, `1.`, `\`, `>`, `&amp;`, `~~` all show as typed, also under GFM). Each item of
 * `paragraphs` becomes a paragraph; a `\n` inside one becomes a hard line break.
 */
export function plainTextToMarkdown(paragraphs: readonly string[]): string {
  const children: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    // A line break at either end of a paragraph shows nothing (and would print as a `\`).
    const lines = paragraph.replace(/^\n+|\n+$/g, '').split('\n');
    const phrasing: Paragraph['children'] = [];
    lines.forEach((line, i) => {
      if (i > 0) phrasing.push({ type: 'break' });
      phrasing.push({ type: 'text', value: line });
    });
    children.push({ type: 'paragraph', children: phrasing });
  }
  const tree: Root = { type: 'root', children };
  return toMarkdown(tree, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    fences: true,
    extensions: [gfmToMarkdown()],
  }).trimEnd();
}
