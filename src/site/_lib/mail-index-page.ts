import { escapeHtml } from '../../render/escape-html.ts';
import { formatDate, formatTime } from '../../render/format-time.ts';
import { threadUrl } from './urls.ts';
import type { MailEntry } from './mail-messages.ts';

export const mailDateUrl = (pageNumber: number) => (pageNumber === 0 ? '/mail/date/' : `/mail/date/${pageNumber + 1}/`);
export const mailAuthorUrl = (pageNumber: number) => (pageNumber === 0 ? '/mail/author/' : `/mail/author/${pageNumber + 1}/`);

/**
 * One message as a list item: its time (only the hour under a day heading), the thread's
 * subject linked to the message, and the sender (unless the list is grouped by sender).
 */
export function mailItem(e: MailEntry, index: 'by-date' | 'by-author'): string {
  const shown = e.time ? (index === 'by-date' ? formatTime(e.time).slice(11) : formatTime(e.time)) : '';
  const when = e.time ? `<time datetime="${escapeHtml(e.time)}">${escapeHtml(shown)}</time>` : '<span>undated</span>';
  const who = index === 'by-date' ? ` <span class="meta">${escapeHtml(e.author)}</span>` : '';
  const reply = e.inReplyTo ? ` <span class="meta">(answers ${escapeHtml(e.inReplyTo)})</span>` : '';
  return `<li>${when} <a href="${threadUrl(e.threadId)}#${escapeHtml(e.commentId)}">${escapeHtml(e.threadTitle)}</a>${who}${reply}</li>`;
}

/** Entries cut into groups where `key` changes, each under a heading. */
export function groupedList(entries: readonly MailEntry[], key: (e: MailEntry) => string, item: (e: MailEntry) => string): string {
  const out: string[] = [];
  let current: string | undefined;
  for (const e of entries) {
    const k = key(e);
    if (k !== current) {
      if (current !== undefined) out.push('</ul>');
      out.push(`<h2>${escapeHtml(k)}</h2>\n<ul class="mail">`);
      current = k;
    }
    out.push(item(e));
  }
  if (current !== undefined) out.push('</ul>');
  return out.join('\n');
}

/** The day heading of the by-date index. */
export const dayOf = (e: MailEntry) => (e.time ? formatDate(e.time) : 'Undated');

/** Links between the index's pages, and to the other index and the thread list. */
export function mailNav(current: number, count: number, url: (n: number) => string, other: string, label = 'Mail index'): string {
  const pages: string[] = [];
  if (count > 1) {
    for (let n = 0; n < count; n++) pages.push(n === current ? `<span aria-current="page">${n + 1}</span>` : `<a href="${url(n)}">${n + 1}</a>`);
  }
  return `<nav class="pager" aria-label="${label}">${pages.join(' ')}${pages.length ? ' · ' : ''}${other} · <a href="/">Threads</a></nav>`;
}
