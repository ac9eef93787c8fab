import { escapeHtml } from '../render/escape-html.ts';
import { absoluteUrl, type SiteConfig } from './_lib/site-config.ts';
import type { ThreadSummary } from './_lib/load-archive.ts';
import { threadUrl } from './_lib/urls.ts';

/** Entries in the feed: the newest threads. */
const feedSize = 50;

/**
 * An Atom feed of the newest threads. Links are absolute when SITE_URL is set (the Pages
 * workflow sets it), else paths under PATH_PREFIX, which Atom resolves against the feed's URL.
 */
export default class Feed {
  data() {
    return { permalink: 'feed.xml', eleventyExcludeFromCollections: true };
  }

  render(data: { site: SiteConfig; threads: ThreadSummary[] }) {
    const { site } = data;
    const threads = data.threads.slice(0, feedSize);
    const epoch = '1970-01-01T00:00:00Z';
    const updated = threads.reduce((max, t) => ((t.updated ?? t.time ?? epoch) > max ? (t.updated ?? t.time ?? epoch) : max), epoch);
    const feedId = site.siteUrl ? absoluteUrl(site, '/') : 'urn:thread-archive:feed';
    const entries = threads
      .map((t) => {
        const url = absoluteUrl(site, threadUrl(t.id));
        const summary = `${t.comments} comments from ${t.participants} participants.${t.text ? ` ${t.text}` : ''}`;
        return `<entry>
<title>${escapeHtml(t.title)}</title>
<link href="${escapeHtml(url)}"/>
<id>${escapeHtml(site.siteUrl ? url : `urn:thread-archive:${t.id}`)}</id>
<updated>${escapeHtml(t.updated ?? t.time ?? epoch)}</updated>
${t.time ? `<published>${escapeHtml(t.time)}</published>\n` : ''}${t.author ? `<author><name>${escapeHtml(t.author)}</name></author>\n` : ''}<summary>${escapeHtml(summary.slice(0, 600))}</summary>
</entry>`;
      })
      .join('\n');
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${escapeHtml(site.title)}</title>
<link href="${escapeHtml(absoluteUrl(site, '/'))}"/>
<link rel="self" href="${escapeHtml(absoluteUrl(site, '/feed.xml'))}"/>
<id>${escapeHtml(feedId)}</id>
<updated>${updated}</updated>
<author><name>${escapeHtml(site.title)}</name></author>
${entries}
</feed>
`;
  }
}
