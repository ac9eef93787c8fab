import { escapeHtml } from '../render/escape-html.ts';
import { formatDate } from '../render/format-time.ts';
import { layout } from './_lib/layout.ts';
import { formatName, linkHost, type ThreadSummary } from './_lib/load-archive.ts';
import { indexPageUrl, threadUrl, threadsPerPage } from './_lib/urls.ts';

interface Data {
  site: { title: string };
  threads: ThreadSummary[];
  pagination: { items: ThreadSummary[]; pageNumber: number; pages: unknown[] };
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The archive index: every thread, newest first, paginated; no JavaScript. */
export default class ArchiveIndex {
  data() {
    return {
      pagination: { data: 'threads', size: threadsPerPage, generatePageOnEmptyData: true, addAllPagesToCollections: false },
      permalink: (data: Data) => `${indexPageUrl(data.pagination.pageNumber).slice(1)}index.html`,
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: Data) {
    const { pageNumber, pages } = data.pagination;
    const items = data.pagination.items ?? [];
    const total = data.threads.length;
    const comments = data.threads.reduce((n, t) => n + t.comments, 0);
    const list = items
      .map((t) => {
        const source = [formatName(t.format), linkHost(t.url)].filter(Boolean).map((s) => escapeHtml(s)).join(' · ');
        const when = t.time ? `<time datetime="${escapeHtml(t.time)}">${formatDate(t.time)}</time>` : '<span>undated</span>';
        return `<li><h2><a href="${threadUrl(t.id)}">${escapeHtml(t.title)}</a></h2><p class="meta">${when} · ${plural(t.comments, 'comment')}${t.participants ? ` · ${plural(t.participants, 'participant')}` : ''} · ${source}</p></li>`;
      })
      .join('\n');
    const pager = pages.length > 1 ? pagerNav(pageNumber, pages.length) : '';
    const heading = pageNumber === 0 ? escapeHtml(data.site.title) : `${escapeHtml(data.site.title)}, page ${pageNumber + 1}`;
    const body = `<h1>${heading}</h1>
<p class="facts">${plural(total, 'thread')}, ${plural(comments, 'comment')}, newest first.</p>
${data.threads.some((t) => t.format === 'mbox') ? '<p class="facts">Mailing-list messages: <a href="/mail/date/">by date</a> · <a href="/mail/author/">by author</a></p>\n' : ''}${total === 0 ? '<p class="none">No threads yet: put dumps in <code>threads/</code> and run <code>npm run build</code>.</p>' : `<ol class="threads">\n${list}\n</ol>`}
${pager}`;
    return layout({ site: data.site, title: pageNumber === 0 ? data.site.title : `Threads, page ${pageNumber + 1}`, description: `${plural(total, 'thread')} archived`, body });
  }
}

function pagerNav(current: number, count: number): string {
  const shown = new Set([0, count - 1, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 0 && n < count));
  const links: string[] = [];
  if (current > 0) links.push(`<a href="${indexPageUrl(current - 1)}" rel="prev">← Newer</a>`);
  let last = -1;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n > last + 1) links.push('<span class="gap">…</span>');
    links.push(n === current ? `<span aria-current="page">${n + 1}</span>` : `<a href="${indexPageUrl(n)}">${n + 1}</a>`);
    last = n;
  }
  if (current < count - 1) links.push(`<a href="${indexPageUrl(current + 1)}" rel="next">Older →</a>`);
  return `<nav class="pager" aria-label="Pages">${links.join(' ')}</nav>`;
}
