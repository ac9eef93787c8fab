// Eleventy configuration for the reader (README, "The reader"). Templates are TypeScript
// `.11ty.ts` files under src/site/ that return HTML strings; the data is the parsed archive.
import { HtmlBasePlugin } from '@11ty/eleventy';
import { siteConfig } from './src/site/_lib/site-config.ts';
import { loadThreadSummaries } from './src/site/_lib/load-archive.ts';
import { prebuiltSummaries } from './src/site/_lib/prebuilt-pages.ts';
import { pruneThreadPageCache } from './src/site/_lib/thread-body-cache.ts';
import { layout } from './src/site/_lib/layout.ts';
import searchPlugin from './src/search/eleventy-plugin.ts';

const site = siteConfig();

export default function (eleventyConfig: any) {
  // TypeScript templates: `x.11ty.ts` is loaded like `x.11ty.js` (tsx compiles it).
  eleventyConfig.addExtension(['11ty.ts'], { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');

  // Data: the site's settings, and a summary of every archived thread (newest first).
  // Thread pages read their own thread from the archive when they render, so memory holds
  // one big thread at a time, not the whole archive.
  eleventyConfig.addGlobalData('site', site);
  eleventyConfig.addGlobalData('threads', () => prebuiltSummaries() ?? loadThreadSummaries(site.archiveDir, site.renderCacheDir));
  eleventyConfig.addWatchTarget(site.archiveDir);

  // Render cache: thread pages whose archive file and renderer are unchanged are not
  // rendered again (CACHE_DIR/render); entries this build did not use are removed after it.
  eleventyConfig.on('eleventy.after', () => pruneThreadPageCache(site.renderCacheDir));

  // Assets: the stylesheet and the reader's small script, copied as they are.
  eleventyConfig.addPassthroughCopy({ 'src/site/assets': 'assets' });

  // Search (src/search/): the page at /search/ and, after each build, the split index.
  eleventyConfig.addPlugin(searchPlugin, { archiveDir: site.archiveDir, layout: (data: any, page: { title: string; body: string; description?: string }) => layout({ site: data.site, ...page }) });

  // GitHub Pages project paths: every root-relative URL in HTML gets PATH_PREFIX. Thread
  // pages come with it applied (thread-body-cache.ts), so the plugin's full parse of each
  // page, most of a big build's time, is skipped for them.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.on('eleventy.before', () => skipUrlTransforms(eleventyConfig, (page) => /(^|\/)thread\.11ty\.ts$/.test(page?.inputPath ?? '')));

  // Dev server (npm start): live reload on port 8080.
  eleventyConfig.setServerOptions({ port: 8080, showAllHosts: false });
  eleventyConfig.setQuietMode(true);
}

/** Disables Eleventy's HTML URL transforms (the <base> plugin's) for the pages `skip` picks. */
function skipUrlTransforms(eleventyConfig: any, skip: (page: { inputPath?: string } | undefined) => boolean): void {
  for (const entry of eleventyConfig.htmlTransformer?.callbacks?.html ?? []) {
    if (entry.skipsPrefixedPages) continue;
    const enabled = entry.enabled;
    entry.enabled = (context: any) => !skip(context?.page) && enabled(context);
    entry.skipsPrefixedPages = true;
  }
}

export const config = {
  dir: { input: 'src/site', output: site.siteDir },
  pathPrefix: site.pathPrefix,
};
