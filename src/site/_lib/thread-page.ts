import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { leastSure, lineRange } from '../../recover/review-doubts.ts';
import type { Thread } from '../../thread/types.ts';
import { escapeHtml } from '../../render/escape-html.ts';
import { formatTime } from '../../render/format-time.ts';
import { overviewSvg } from '../../render/overview-svg.ts';
import { renderCommentTree } from '../../render/render-comment-tree.ts';
import { renderMarkdown, userLinkRel } from '../../render/render-markdown.ts';
import { threadShape } from '../../render/thread-shape.ts';
import { formatName, linkHost } from './load-archive.ts';
import { threadJsonUrl } from './urls.ts';
import { overridesPath } from '../../parse/overrides-path.ts';

/** The keys the reader answers to (the help dialog and README list them). */
export const readerKeys: [string, string][] = [
  ['j', 'next comment'],
  ['k', 'previous comment'],
  ['p', 'parent comment'],
  ['Enter or Space', 'collapse or expand the comment'],
  ['?', 'show or hide this list'],
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A thread page's content: the story, an overview picture of the tree, and the comment
 * tree. Page-level ids start with `_`, which comment ids never do, so they cannot clash.
 * Its one site link (the JSON download) carries `pathPrefix`: thread pages skip the <base>
 * plugin (see thread-body-cache.ts).
 */
export function threadPageBody(thread: Thread, pathPrefix = '/'): string {
  const shape = threadShape(thread.comments);
  const participants = new Set(thread.comments.map((c) => c.author).filter(Boolean));
  if (thread.author) participants.add(thread.author);
  const host = linkHost(thread.url);

  const meta: string[] = [];
  if (thread.url && host) meta.push(`<a href="${escapeHtml(thread.url)}" rel="${userLinkRel.join(' ')}">${escapeHtml(host)}</a>`);
  else if (thread.url) meta.push(`<span class="url">${escapeHtml(thread.url)}</span>`);
  if (thread.author) meta.push(`by <span class="au">${escapeHtml(thread.author)}</span>`);
  if (thread.time) meta.push(`<time datetime="${escapeHtml(thread.time)}">${formatTime(thread.time)} UTC</time>`);
  if (thread.score !== undefined) meta.push(plural(thread.score, 'point'));

  const facts: string[] = [plural(thread.comments.length, 'comment'), participants.size ? plural(participants.size, 'participant') : 'authors unknown'];
  facts.push(`from <code>${escapeHtml(thread.source.file)}</code> (${escapeHtml(formatName(thread.source.format))})`);
  if (thread.source.missing) facts.push(`${plural(thread.source.missing, 'comment')} listed by the source but not in the dump`);

  const story = thread.text ? `<div class="t story-text">${renderMarkdown(thread.text, { idPrefix: '_story.' })}</div>` : '';
  const overview = overviewSvg(thread.comments, shape);
  // Threads recovered from a text dump get the fixer (reader.js); the page reads fine without it.
  const fixable = thread.comments.some((c) => c.confidence && c.lines);
  // What to check first: the least sure cuts and parents, as `parse --review` lists them.
  const doubtItems = fixable ? leastSure(thread).map(({ kind, comment: c, sure }) => {
    const what = kind === 'cut' ? 'of where it starts and ends' : 'of what it answers';
    const opening = openingWords(c.text, 40);
    return `<li><a href="#${escapeHtml(c.id)}">${c.author ? `${escapeHtml(c.author)}, ` : ''}${lineRange(c.lines!)}</a> (“${escapeHtml(opening)}”): ${Math.round(sure * 100)}% sure ${what}</li>`;
  }) : [];
  const doubts = doubtItems.length ? `<p>Check these first, least sure first:</p><ol class="doubts">${doubtItems.join('')}</ol>` : '';
  const keys = readerKeys.map(([key, what]) => `<dt><kbd>${escapeHtml(key)}</kbd></dt><dd>${escapeHtml(what)}</dd>`).join('');

  return `<article class="story">
<h1>${escapeHtml(thread.title)}</h1>
${meta.length ? `<p class="meta">${meta.join(' · ')}</p>` : ''}
${story}
<p class="facts">${facts.join(' · ')}<span class="dl"> · <a href="${pathPrefix}${threadJsonUrl(thread.id).slice(1)}" download>Download JSON</a></span></p>
</article>
${overview ? `<section class="ov" aria-labelledby="_ov"><h2 id="_ov">Overview</h2>\n${overview}\n</section>` : ''}
<section class="comments" aria-labelledby="_cm">
<h2 id="_cm">Comments</h2>
<div class="tools" id="_tools" hidden><button type="button" data-act="expand">Expand all</button> <button type="button" data-act="collapse">Collapse all</button> <button type="button" data-act="keys" aria-haspopup="dialog">Keys <kbd>?</kbd></button>${fixable ? ' <button type="button" data-act="fix" aria-controls="_fix" aria-expanded="false">Fix the tree</button>' : ''}</div>
${fixable ? `<section class="fix" id="_fix" aria-labelledby="_fixh" data-file="${escapeHtml(overridesPath(thread.source.file))}" data-thread="${escapeHtml(thread.id)}" data-base="${escapeHtml(JSON.stringify(thread.source.fixes ?? {}))}"${thread.source.format === 'plain-text' ? ' data-story' : ''} hidden><h3 id="_fixh">Fixes</h3><p>Each inferred comment now has controls: it joins the comment before, it answers another comment or none (top level), or a new comment starts inside it${thread.source.format === 'plain-text' ? "; the first may be the story's text" : ''}. Below is the whole of <code>${escapeHtml(overridesPath(thread.source.file))}</code>: ${thread.source.fixes ? 'the fixes this page was built with and' : ''} your fixes, kept in this browser until the file has them. Save it beside the dump in place of that file; <code>npm run parse</code> applies it.</p>${doubts}<pre class="fix-json"></pre><p><button type="button" data-fix="download">Download</button> <button type="button" data-fix="copy">Copy</button> <button type="button" data-fix="clear">Clear</button></p></section>` : ''}
${thread.comments.length ? renderCommentTree(thread.comments, shape, { storyAuthor: thread.author }) : '<p class="none">No comments.</p>'}
</section>
<dialog id="_keys" aria-labelledby="_keys_h"><h2 id="_keys_h">Keyboard</h2><dl>${keys}</dl><form method="dialog"><button type="submit">Close</button></form></dialog>`;
}

/** A comment's first words as plain text (its Markdown read, markup and escapes gone), cut at a word near `max` characters. */
function openingWords(markdown: string, max: number): string {
  const words = fromMarkdown(markdown).children.map((block) => toString(block)).join(' ').replace(/\s+/g, ' ').trim();
  return words.length > max ? `${words.slice(0, max).replace(/\s+\S*$/, '')}…` : words;
}
