import { layout } from './layout.ts';
import type { ThreadSummary } from './load-archive.ts';
import { byAuthor, byDate, mailEntries, mailPerPage, type MailEntry } from './mail-messages.ts';
import { dayOf, groupedList, mailAuthorUrl, mailDateUrl, mailItem, mailNav } from './mail-index-page.ts';

interface Data {
  site: { title: string };
  pagination: { items: MailEntry[]; pageNumber: number; pages: unknown[] };
}

const kinds = {
  'by-date': {
    order: byDate,
    url: mailDateUrl,
    other: `<a href="${mailAuthorUrl(0)}">By author</a>`,
    name: 'Mail by date',
    group: dayOf,
    description: 'Every mailing-list message, oldest first',
  },
  'by-author': {
    order: byAuthor,
    url: mailAuthorUrl,
    other: `<a href="${mailDateUrl(0)}">By date</a>`,
    name: 'Mail by author',
    group: (e: MailEntry) => e.author,
    description: 'Every mailing-list message, by sender',
  },
} as const;

/**
 * The Eleventy template of a mail index (as Hypermail's and MHonArc's date and author
 * indexes): every mailing-list message in the archive, paginated, grouped by day or sender.
 */
export function mailIndexTemplate(kind: keyof typeof kinds) {
  const k = kinds[kind];
  return class MailIndex {
    data() {
      return {
        pagination: {
          data: 'threads',
          size: mailPerPage,
          before: (threads: ThreadSummary[]) => k.order(mailEntries(threads)),
          addAllPagesToCollections: false,
        },
        permalink: (data: Data) => `${k.url(data.pagination.pageNumber).slice(1)}index.html`,
        eleventyExcludeFromCollections: true,
      };
    }

    render(data: Data) {
      const { items, pageNumber, pages } = data.pagination;
      const nav = (label: string) => mailNav(pageNumber, pages.length, k.url, k.other, label);
      const title = pages.length > 1 ? `${k.name}, page ${pageNumber + 1}` : k.name;
      const body = `<h1>${title}</h1>
${nav('Mail index')}
${groupedList(items, k.group, (e) => mailItem(e, kind))}
${nav('Mail index, end of page')}`;
      return layout({ site: data.site, title, description: k.description, body });
    }
  };
}
