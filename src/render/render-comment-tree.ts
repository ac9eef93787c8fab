import type { Comment } from '../thread/types.ts';
import { escapeHtml } from './escape-html.ts';
import { formatTime } from './format-time.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { ThreadShape } from './thread-shape.ts';

export interface CommentTreeOptions {
  /** The story's author, whose comments are marked "OP". */
  storyAuthor?: string;
}

/** Comments deeper than this (0-based) carry a "level N" label, shown once indentation stops. */
const labelDepth = 4;

/**
 * The deepest level (0-based) whose replies nest inside it. Browsers stop nesting elements
 * about 512 deep (Chromium's parser moves anything deeper up beside its parent, comment text
 * and all), so replies below this level are written one after another inside their level-450
 * ancestor, each with its level label and parent link: a 5,000-deep chain stays readable.
 */
export const maxNesting = 450;

/**
 * The comment tree as nested `<details>`: the element of comment X has `id="X"`, and each
 * reply's element sits inside its parent's (down to level `maxNesting`), so any subtree
 * collapses with no JavaScript and its summary says how many comments it hides. Built with
 * a stack: a 5,000-deep chain is no deeper for this code than a flat thread.
 */
export function renderCommentTree(comments: readonly Comment[], shape: ThreadShape, options: CommentTreeOptions = {}): string {
  const authorOf = (id: string) => {
    const i = shape.index.get(id);
    return i === undefined ? undefined : comments[i]!.author;
  };
  const quotedBy = new Map<number, number[]>();
  comments.forEach((c, i) => {
    for (const q of c.quotes ?? []) {
      const source = q.source === null ? undefined : shape.index.get(q.source);
      if (source === undefined || source === i) continue;
      const list = quotedBy.get(source) ?? [];
      if (!list.includes(i)) list.push(i);
      quotedBy.set(source, list);
    }
  });

  const out: string[] = [];
  const stack: number[] = [];
  // The level-`maxNesting` ancestor of each comment deeper than that (else -1).
  const capAncestor = new Int32Array(comments.length).fill(-1);
  for (let i = 0; i < comments.length; i++) {
    const p = shape.parent[i]!;
    const depth = shape.depth[i]!;
    if (depth === maxNesting) capAncestor[i] = i;
    else if (depth > maxNesting) capAncestor[i] = capAncestor[p]!;
    const nested = depth <= maxNesting;
    const container = nested ? p : capAncestor[p]!;
    while (stack.length > 0 && stack[stack.length - 1] !== container) {
      out.push('</details>\n');
      stack.pop();
    }
    out.push(openComment(comments, shape, i, options, authorOf, quotedBy.get(i), nested));
    if (nested) stack.push(i);
    else out.push('</details>\n');
  }
  for (let k = 0; k < stack.length; k++) out.push('</details>\n');
  return out.join('');
}

function openComment(
  comments: readonly Comment[],
  shape: ThreadShape,
  i: number,
  options: CommentTreeOptions,
  authorOf: (id: string) => string | undefined,
  quoters: number[] | undefined,
  nested: boolean,
): string {
  const c = comments[i]!;
  const id = escapeHtml(c.id);
  const depth = shape.depth[i]!;
  // Collapsing a comment hides its subtree, or only itself where replies no longer nest.
  const hidden = nested ? shape.size[i]! : 1;
  let summary = c.author ? `<span class="au">${escapeHtml(c.author)}</span>` : '<span class="au anon">unknown</span>';
  if (c.author && c.author === options.storyAuthor) summary += ' <span class="op">OP</span>';
  if (c.time) summary += ` <time datetime="${escapeHtml(c.time)}">${formatTime(c.time)}</time>`;
  if (c.score !== undefined) summary += ` <span class="sc">${escapeHtml(c.score)} pt${c.score === 1 ? '' : 's'}</span>`;
  if (depth >= labelDepth) summary += ` <span class="dp">level ${depth + 1}</span>`;
  if (c.confidence) {
    const cues = c.evidence?.length ? `; cues: ${c.evidence.join(', ')}` : '';
    // The dump lines and id are what a fix names (`split`/`merge` lines, `comments.ID.parent`).
    const where = c.lines ? `; dump lines ${c.lines[0]}–${c.lines[1]}, id ${c.id}` : '';
    const title = `Parent inferred from a text dump: ${Math.round(c.confidence.parent * 100)}% sure of the parent, ${Math.round(c.confidence.boundary * 100)}% of where the comment starts and ends${cues}${where}`;
    summary += ` <span class="inf" title="${escapeHtml(title)}">inferred ${Math.round(c.confidence.parent * 100)}%</span>`;
  }
  if (c.orphan) summary += ' <span class="orph">parent missing</span>';
  summary += `<span class="hc"> · ${hidden} comment${hidden === 1 ? '' : 's'} hidden</span>`;

  let body: string;
  if (c.deleted && c.text.trim() === '') body = '<p class="gone">[deleted]</p>';
  else body = renderMarkdown(c.text, { idPrefix: `${c.id}.`, quotes: c.quotes, authorOf });

  const p = shape.parent[i]!;
  const root = shape.root[i]!;
  const prev = shape.prevSibling[i]!;
  const next = shape.nextSibling[i]!;
  let nav = `<a href="#${id}">link</a>`;
  if (p >= 0) nav += ` <a href="#${escapeHtml(comments[p]!.id)}">parent</a>`;
  if (root !== i && root !== p) nav += ` <a href="#${escapeHtml(comments[root]!.id)}">root</a>`;
  if (prev >= 0) nav += ` <a href="#${escapeHtml(comments[prev]!.id)}">prev</a>`;
  if (next >= 0) nav += ` <a href="#${escapeHtml(comments[next]!.id)}">next</a>`;
  let quoted = '';
  if (quoters?.length) {
    const links = quoters.map((q) => `<a href="#${escapeHtml(comments[q]!.id)}">${escapeHtml(comments[q]!.author ?? 'a reply')}</a>`);
    quoted = `<p class="qb">Quoted by ${links.join(', ')}</p>`;
  }
  // An inferred comment carries its dump lines: the reader's fixer names them in `merge`/`split`.
  const line = c.confidence && c.lines ? ` data-l="${c.lines[0]}"${c.lines[1] > c.lines[0] ? ` data-last="${c.lines[1]}"` : ''}` : '';
  return `<details class="c${c.deleted ? ' del' : ''}" id="${id}"${line} open><summary>${summary}</summary><div class="t">${body}</div><p class="nav">${nav}</p>${quoted}\n`;
}
