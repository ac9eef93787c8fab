import { layout } from './_lib/layout.ts';
import type { ThreadSummary } from './_lib/load-archive.ts';
import { cachedThreadPageBody } from './_lib/thread-body-cache.ts';
import type { SiteConfig } from './_lib/site-config.ts';
import { threadUrl } from './_lib/urls.ts';

interface Data {
  thread: ThreadSummary;
  site: SiteConfig;
}

/** One page per thread, at /t/<id>/ (the thread is read from the archive here, not held in data). */
export default class ThreadPage {
  data() {
    return {
      pagination: { data: 'threads', size: 1, alias: 'thread', addAllPagesToCollections: false },
      permalink: (data: Data) => `${threadUrl(data.thread.id).slice(1)}index.html`,
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: Data) {
    const thread = data.thread;
    const description = `${thread.comments} comments${thread.author ? ` · story by ${thread.author}` : ''}`;
    const body = cachedThreadPageBody(thread.file, data.site.renderCacheDir);
    return layout({ site: data.site, title: thread.title, description, body, scripts: ['reader.js'], threadId: thread.id });
  }
}
