import type { ThreadSummary } from './_lib/load-archive.ts';
import { threadsToRender } from './_lib/prebuilt-pages.ts';
import { cachedThreadPage } from './_lib/thread-body-cache.ts';
import type { SiteConfig } from './_lib/site-config.ts';
import { threadUrl } from './_lib/urls.ts';

interface Data {
  thread: ThreadSummary;
  site: SiteConfig;
}

/**
 * One page per thread, at /t/<id>/ (the thread is read from the archive here, not held in
 * data). The whole page comes from the render cache with PATH_PREFIX applied, so the <base>
 * plugin skips it; pages `npm run build` already placed in the output are left out.
 */
export default class ThreadPage {
  data() {
    return {
      pagination: { data: 'threads', size: 1, alias: 'thread', addAllPagesToCollections: false, before: (threads: ThreadSummary[]) => threadsToRender(threads) },
      permalink: (data: Data) => `${threadUrl(data.thread.id).slice(1)}index.html`,
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: Data) {
    const thread = data.thread;
    return cachedThreadPage(thread.file, data.site, { id: thread.id, title: thread.title, author: thread.author, comments: thread.comments }).html;
  }
}
