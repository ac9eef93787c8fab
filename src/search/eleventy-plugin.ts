import { searchAssets, writeSearchAssets } from './search-assets.ts';
import { searchPageBody, standaloneSearchPage } from './search-page-html.ts';
import { runIndexJob, takeEarlyIndexJob } from './index-job.ts';
import type { writeSearchIndex } from './write-search-index.ts';

export interface SearchPluginOptions {
  /** The folder of thread JSON files the site is built from. */
  archiveDir: string;
  /** Thread page URL relative to the search page (`{id}` = thread id); default `../t/{id}/`. */
  threadUrl?: string;
  /** Wraps the search page's content in the site's layout; default: a bare page. */
  layout?: (data: Record<string, unknown>, page: { title: string; body: string; description?: string }) => string;
  /** Called with index statistics after each build (e.g. for logs and benchmarks). */
  onIndex?: (result: Awaited<ReturnType<typeof writeSearchIndex>>) => void;
}

/**
 * Search for an Eleventy site: adds the search page (`search/index.html`) and builds the split
 * index from the archive into `<output>/search/index/`, with the search scripts beside the
 * page. The index is built while Eleventy renders the pages (started before Eleventy by
 * `npm run build`, else when Eleventy starts); the build ends once both are done.
 */
export default function searchPlugin(eleventyConfig: any, options: SearchPluginOptions): void {
  const version = searchAssets().version;
  const pageOptions = { threadUrl: options.threadUrl, version };
  eleventyConfig.addTemplate('search/index.11ty.js', {
    data: { permalink: 'search/index.html', eleventyExcludeFromCollections: true },
    render(data: Record<string, unknown>) {
      const body = searchPageBody(pageOptions);
      return options.layout ? options.layout(data, { title: 'Search', body, description: 'Search every comment of the archive' }) : standaloneSearchPage(pageOptions);
    },
  });
  let job: Promise<Awaited<ReturnType<typeof writeSearchIndex>>> | undefined;
  eleventyConfig.on('eleventy.before', ({ dir }: { dir: { output: string } }) => {
    job = takeEarlyIndexJob(options.archiveDir, dir.output) ?? runIndexJob({ archiveDir: options.archiveDir, outDir: dir.output });
    job.catch(() => undefined); // awaited (and reported) in eleventy.after
  });
  eleventyConfig.on('eleventy.after', async ({ dir }: { dir: { output: string } }) => {
    const result = await (job ?? runIndexJob({ archiveDir: options.archiveDir, outDir: dir.output }));
    job = undefined;
    writeSearchAssets(dir.output);
    options.onIndex?.(result);
  });
}

export { searchPlugin };
