import { layout } from './_lib/layout.ts';
import { readThread, type ThreadSummary } from './_lib/load-archive.ts';
import { threadPageBody } from './_lib/thread-page.ts';
import { threadUrl } from './_lib/urls.ts';

interface Data {
  thread: ThreadSummary;
  site: { title: string };
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
    const thread = readThread(data.thread.file);
    const description = `${thread.comments.length} comments${thread.author ? ` · story by ${thread.author}` : ''}`;
    return layout({ site: data.site, title: thread.title, description, body: threadPageBody(thread), scripts: ['reader.js'], threadId: thread.id });
  }
}
