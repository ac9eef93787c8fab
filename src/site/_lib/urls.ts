/**
 * Where things live in the built site, as root-relative paths: the HTML <base> plugin adds
 * PATH_PREFIX to every `/…` URL in HTML pages. A comment is `threadUrl(id) + '#' + commentId`.
 */
export const threadUrl = (threadId: string) => `/t/${threadId}/`;
export const threadJsonUrl = (threadId: string) => `/t/${threadId}/${threadId}.json`;
export const indexPageUrl = (pageNumber: number) => (pageNumber === 0 ? '/' : `/page/${pageNumber + 1}/`);
export const assetUrl = (name: string) => `/assets/${name}`;

/** Threads per archive index page: 1,000 threads make 20 light pages. */
export const threadsPerPage = 50;
