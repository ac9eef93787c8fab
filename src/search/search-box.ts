import { escapeHtml } from '../render/escape-html.ts';

/**
 * The header's search form(s): one over the whole archive, and on a thread page one that
 * searches within the thread (`thread:<id>`, passed as `&thread=` and folded into the query).
 * `prefix` is the site root as seen from the page (`/`, `/my-archive/`, or a relative `../`).
 * Ids start with `_`, which comment ids never do.
 */
export function searchBox(prefix: string, threadId?: string): string {
  const action = `${escapeHtml(prefix)}search/`;
  const all = `<form class="search-box" role="search" aria-label="Site search" action="${action}" method="get"><input id="_sb-q" type="search" name="q" placeholder="Search the archive" aria-label="Search the archive" enterkeyhint="search"> <button type="submit">Search</button></form>`;
  if (!threadId) return all;
  return `${all}
<form class="search-box search-thread" role="search" aria-label="Thread search" action="${action}" method="get"><input type="hidden" name="thread" value="${escapeHtml(threadId)}"><input id="_sb-tq" type="search" name="q" placeholder="Search this thread" aria-label="Search this thread" enterkeyhint="search"> <button type="submit">Search thread</button></form>`;
}
