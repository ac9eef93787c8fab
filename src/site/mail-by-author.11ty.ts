import { layout } from './_lib/layout.ts';
import type { ThreadSummary } from './_lib/load-archive.ts';
import { byAuthor, mailEntries, mailPerPage, type MailEntry } from './_lib/mail-messages.ts';
import { groupedList, mailAuthorUrl, mailDateUrl, mailItem, mailNav } from './_lib/mail-index-page.ts';

interface Data {
  site: { title: string };
  pagination: { items: MailEntry[]; pageNumber: number; pages: unknown[] };
}

/** Mailing-list messages by author (as Hypermail's and MHonArc's author indexes), each oldest first. */
export default class MailByAuthor {
  data() {
    return {
      pagination: {
        data: 'threads',
        size: mailPerPage,
        before: (threads: ThreadSummary[]) => byAuthor(mailEntries(threads)),
        addAllPagesToCollections: false,
      },
      permalink: (data: Data) => `${mailAuthorUrl(data.pagination.pageNumber).slice(1)}index.html`,
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: Data) {
    const { items, pageNumber, pages } = data.pagination;
    const nav = (label: string) => mailNav(pageNumber, pages.length, mailAuthorUrl, `<a href="${mailDateUrl(0)}">By date</a>`, label);
    const title = pages.length > 1 ? `Mail by author, page ${pageNumber + 1}` : 'Mail by author';
    const body = `<h1>${title}</h1>
${nav('Mail index')}
${groupedList(items, (e) => e.author, (e) => mailItem(e, 'by-author'))}
${nav('Mail index, end of page')}`;
    return layout({ site: data.site, title, description: 'Every mailing-list message, by sender', body });
  }
}
