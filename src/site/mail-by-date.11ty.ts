import { layout } from './_lib/layout.ts';
import type { ThreadSummary } from './_lib/load-archive.ts';
import { byDate, mailEntries, mailPerPage, type MailEntry } from './_lib/mail-messages.ts';
import { dayOf, groupedList, mailAuthorUrl, mailDateUrl, mailItem, mailNav } from './_lib/mail-index-page.ts';

interface Data {
  site: { title: string };
  pagination: { items: MailEntry[]; pageNumber: number; pages: unknown[] };
}

/** Mailing-list messages by date (as Hypermail's and MHonArc's date indexes), oldest first. */
export default class MailByDate {
  data() {
    return {
      pagination: {
        data: 'threads',
        size: mailPerPage,
        before: (threads: ThreadSummary[]) => byDate(mailEntries(threads)),
        addAllPagesToCollections: false,
      },
      permalink: (data: Data) => `${mailDateUrl(data.pagination.pageNumber).slice(1)}index.html`,
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: Data) {
    const { items, pageNumber, pages } = data.pagination;
    const nav = (label: string) => mailNav(pageNumber, pages.length, mailDateUrl, `<a href="${mailAuthorUrl(0)}">By author</a>`, label);
    const title = pages.length > 1 ? `Mail by date, page ${pageNumber + 1}` : 'Mail by date';
    const body = `<h1>${title}</h1>
${nav('Mail index')}
${groupedList(items, dayOf, (e) => mailItem(e, 'by-date'))}
${nav('Mail index, end of page')}`;
    return layout({ site: data.site, title, description: 'Every mailing-list message, oldest first', body });
  }
}
