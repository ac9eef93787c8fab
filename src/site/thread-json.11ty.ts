import { readFileSync } from 'node:fs';
import type { ThreadSummary } from './_lib/load-archive.ts';
import { threadsToRender } from './_lib/prebuilt-pages.ts';
import { threadJsonUrl } from './_lib/urls.ts';

/** Each thread's archive JSON, copied beside its page for the "Download JSON" link. */
export default class ThreadJson {
  data() {
    return {
      pagination: { data: 'threads', size: 1, alias: 'thread', addAllPagesToCollections: false, before: (threads: ThreadSummary[]) => threadsToRender(threads) },
      permalink: (data: { thread: ThreadSummary }) => threadJsonUrl(data.thread.id).slice(1),
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: { thread: ThreadSummary }) {
    return readFileSync(data.thread.file, 'utf8');
  }
}
