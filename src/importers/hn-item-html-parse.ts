import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, ElementContent, Root } from 'hast';
import type { DumpInput } from './importer.ts';
import type { Comment, ThreadDraft } from '../thread/types.ts';
import { ParseError } from '../util/parse-error.ts';
import { hastToMarkdown } from '../util/html-to-markdown.ts';
import { isoFromString, isoFromUnix } from '../util/iso-time.ts';

const hnBase = 'https://news.ycombinator.com/';

/** Reads a saved HN item page (the format: `hnItemHtml` in hn-item-html.ts). */
export function parseHnItemHtml({ text, file }: DumpInput): ThreadDraft {
  const tree = fromHtml(text);
  const draft: ThreadDraft = { title: '', comments: [] };
  readStory(tree, draft);

  // Older pages mark comment rows only `athing`; a comment row is one with an indent cell.
  const rows = selectAll('tr.athing', tree).filter((row) => classes(row).includes('comtr') || select('td.ind', row) !== undefined);
  const found: { comment: Comment; depth: number; parent: number; deleted: boolean }[] = [];
  /** Indexes of the rows above whose subtrees are still open, shallowest first. */
  const open: number[] = [];
  for (const row of rows) {
    const rowId = String(row.properties.id ?? '');
    if (!/^\d+$/.test(rowId)) throw new ParseError(file, `a comment row (tr.athing) has id "${rowId}" where HN's numeric id was expected`);
    const depth = depthOf(row);
    if (depth === undefined) {
      throw new ParseError(file, `comment row ${rowId} has no depth (expected td.ind with an "indent" attribute or a spacer image whose width is a multiple of 40)`);
    }
    while (open.length > 0 && found[open[open.length - 1]!]!.depth >= depth) open.pop();
    const parent = open.length > 0 ? open[open.length - 1]! : -1;
    const comment: Comment = { id: `hn-${rowId}`, parent: null, text: '' };
    const user = select('a.hnuser', row) ?? select('.comhead a[href^="user?id="]', row);
    if (user) comment.author = textOf(user).trim();
    const time = timeOf(select('span.age', row));
    if (time) comment.time = time;
    const body = bodyOf(row);
    const deleted = body === undefined;
    if (!deleted) comment.text = hastToMarkdown(body);
    found.push({ comment, depth, parent, deleted });
    open.push(found.length - 1);
  }

  // Which deleted comments carry replies? Children follow their parent in page order.
  const keep = new Array<boolean>(found.length).fill(false);
  for (let i = found.length - 1; i >= 0; i--) {
    if (!found[i]!.deleted) keep[i] = true;
    const parent = found[i]!.parent;
    if (keep[i] && parent >= 0) keep[parent] = true;
  }
  for (let i = 0; i < found.length; i++) {
    if (!keep[i]) continue;
    const { comment, parent, deleted } = found[i]!;
    if (parent >= 0) comment.parent = found[parent]!.comment.id;
    if (deleted) comment.deleted = true;
    draft.comments.push(comment);
  }
  if (!draft.title) {
    const title = select('title', tree);
    draft.title = (title ? textOf(title).replace(/\s*\|\s*Hacker News\s*$/, '').trim() : '') || 'Hacker News discussion';
  }
  return draft;
}

/** The story: title and link, score, author, time and text, where the page has them. */
function readStory(tree: Root, draft: ThreadDraft): void {
  const row = select('tr.athing.submission', tree) ?? selectAll('tr.athing:not(.comtr)', tree).find((r) => !select('td.ind', r));
  if (!row) return;
  const link = select('.titleline > a', row) ?? select('td.title > a:not([href^="vote"])', row) ?? select('a.storylink', row);
  if (link) {
    draft.title = textOf(link).trim();
    const href = String(link.properties.href ?? '').trim();
    if (href) draft.url = absolute(href);
  }
  // Score, author and time sit in the row after the story's (the "subtext").
  const fatitem = select('table.fatitem', tree) ?? tree;
  const subtext = select('.subtext', fatitem);
  if (subtext) {
    const score = select('.score', subtext);
    const points = score ? parseInt(textOf(score), 10) : NaN;
    if (Number.isFinite(points)) draft.score = points;
    const user = select('a.hnuser', subtext) ?? select('a[href^="user?id="]', subtext);
    if (user) draft.author = textOf(user).trim();
    const time = timeOf(select('span.age', subtext));
    if (time) draft.time = time;
  }
  const toptext = select('div.toptext', fatitem);
  if (toptext && textOf(toptext).trim() !== '') draft.text = hastToMarkdown(toptext.children);
}

/** The text of a node as the page shows it (elements: their text content). */
function textOf(node: ElementContent | Element): string {
  return node.type === 'element' ? toText(node, { whitespace: 'pre' }) : node.type === 'text' ? node.value : '';
}

function classes(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function absolute(href: string): string {
  try {
    return new URL(href, hnBase).href;
  } catch {
    return href;
  }
}

/** `indent="3"`, or (older pages) a spacer image 120 pixels wide. */
function depthOf(row: Element): number | undefined {
  const ind = select('td.ind', row);
  const indent = ind?.properties.indent;
  if (indent !== undefined && /^\d+$/.test(String(indent))) return Number(indent);
  const spacer = (ind && select('img', ind)) ?? select('img[src$="s.gif"]', row);
  const width = Number(spacer?.properties.width);
  if (Number.isInteger(width) && width >= 0 && width % 40 === 0) return width / 40;
  return undefined;
}

/** `title="2024-05-01T12:00:00 1714564800"` (or without the unix time) → ISO, UTC. */
function timeOf(age: Element | undefined): string | undefined {
  const title = age ? String(age.properties.title ?? '').trim() : '';
  if (!title) return undefined;
  const [iso, unix] = title.split(/\s+/);
  if (unix && /^\d+$/.test(unix)) return isoFromUnix(Number(unix));
  return isoFromString(iso!);
}

/**
 * The comment's body without the page's UI (the `reply` link and its wrappers), or
 * `undefined` when the row shows no text (a deleted or hidden flagged comment).
 */
function bodyOf(row: Element): ElementContent[] | undefined {
  const container = select('.commtext', row) ?? select('.comment', row);
  if (!container) return undefined;
  const nodes = withoutReplyUi(container.children);
  const shown = nodes.map((n) => textOf(n)).join('').trim();
  if (/^\[(deleted|flagged|dead)\]$/.test(shown)) return undefined;
  if (shown === '' && !nodes.some((n) => n.type === 'element' && select('img, a', n))) return undefined;
  return nodes;
}

/** Drops `div.reply` and the `reply` link (with the `p`/`font`/`u` around it) anywhere inside. */
function withoutReplyUi(nodes: ElementContent[]): ElementContent[] {
  const isUi = (node: ElementContent): boolean => {
    if (node.type !== 'element') return false;
    if (node.tagName === 'div' && classes(node).includes('reply')) return true;
    if (node.tagName === 'a' && /^reply\?/.test(String(node.properties.href ?? ''))) return true;
    if (['p', 'font', 'u'].includes(node.tagName)) {
      const link = select('a[href^="reply?"]', node);
      return link !== undefined && textOf(node).trim() === textOf(link).trim();
    }
    return false;
  };
  const root: { children: ElementContent[] } = { children: nodes };
  const out = { children: [] as ElementContent[] };
  // Copy the tree without the UI, with a stack of [source, copy] pairs (no recursion).
  const stack: [{ children: ElementContent[] }, { children: ElementContent[] }][] = [[root, out]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    for (const node of from.children) {
      if (isUi(node)) continue;
      if (node.type === 'element') {
        const copy: Element = { ...node, children: [] };
        to.children.push(copy);
        stack.push([node, copy]);
      } else {
        to.children.push(node);
      }
    }
  }
  return out.children;
}
