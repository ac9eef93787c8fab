import { escapeHtml } from '../render/escape-html.ts';
import { absoluteUrl, type SiteConfig } from './_lib/site-config.ts';
import type { ThreadSummary } from './_lib/load-archive.ts';
import { indexPageUrl, threadUrl, threadsPerPage } from './_lib/urls.ts';

/** sitemap.xml: the index pages and every thread (full URLs need SITE_URL). */
export default class Sitemap {
  data() {
    return { permalink: 'sitemap.xml', eleventyExcludeFromCollections: true };
  }

  render(data: { site: SiteConfig; threads: ThreadSummary[] }) {
    const { site, threads } = data;
    const pages = Math.max(1, Math.ceil(threads.length / threadsPerPage));
    const urls: string[] = [];
    for (let n = 0; n < pages; n++) urls.push(`<url><loc>${escapeHtml(absoluteUrl(site, indexPageUrl(n)))}</loc></url>`);
    for (const t of threads) {
      const lastmod = t.updated ? `<lastmod>${escapeHtml(t.updated)}</lastmod>` : '';
      urls.push(`<url><loc>${escapeHtml(absoluteUrl(site, threadUrl(t.id)))}</loc>${lastmod}</url>`);
    }
    return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
  }
}
