import { layout } from './_lib/layout.ts';
import { indexPageUrl } from './_lib/urls.ts';

/** The page a static host shows for a missing URL (GitHub Pages looks for /404.html). */
export default class NotFound {
  data() {
    return { permalink: '404.html', eleventyExcludeFromCollections: true };
  }

  render(data: { site: { title: string } }) {
    const body = `<h1>Page not found</h1>
<p>There is no page at this address. The thread may have been renamed, or the link was cut short.</p>
<p><a href="${indexPageUrl(0)}">See every thread in the archive</a>.</p>`;
    return layout({ site: data.site, title: 'Page not found', body });
  }
}
