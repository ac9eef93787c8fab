import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseDirectory, type ParseDirectoryResult } from '../parse/parse-directory.ts';
import { loadThreadSummaries } from '../site/_lib/load-archive.ts';
import { setPrebuiltThreads } from '../site/_lib/prebuilt-pages.ts';
import { siteConfig } from '../site/_lib/site-config.ts';
import { threadPageCacheName } from '../site/_lib/thread-body-cache.ts';
import { startIndexEarly } from '../search/index-job.ts';
import { startBuild, takeEarlyStart } from './start-build-early.ts';
import { dropStaging, swapInStaging } from './staging.ts';
import { placeThreadPages, type PlacedPages } from './place-thread-pages.ts';
import { prerenderThreads } from './prerender-threads.ts';

export interface BuildOptions {
  /** Where relative THREADS_DIR, ARCHIVE_DIR and SITE_DIR start (default: the current folder). */
  cwd?: string;
  /** Called with each dump as it is parsed. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface BuildResult {
  parse: ParseDirectoryResult;
  siteDir: string;
  seconds: { parse: number; site: number };
  /** Seconds per step of the site build (printed with BUILD_TIMINGS=1). */
  steps: Record<string, number>;
}

export { projectDir } from './prepare-env.ts';

/** THREADS_DIR, ARCHIVE_DIR and the parse cache, from the environment. */
export function parseFolders(env: Record<string, string | undefined>, cwd: string) {
  const { archiveDir } = siteConfig(env, cwd);
  return {
    threadsDir: resolve(cwd, env.THREADS_DIR || 'threads'),
    archiveDir,
    cacheDir: resolve(cwd, env.CACHE_DIR || '.cache', 'parse'),
  };
}

/**
 * Parses every dump in THREADS_DIR into ARCHIVE_DIR (bad dumps are reported in the result,
 * the rest go on), then renders the archive with Eleventy into SITE_DIR. The site is built
 * in a sibling folder and swapped in at the end, so an interrupted build leaves the last
 * good site in place. Settings come from `process.env`, which .eleventy.ts reads too; the
 * process must run in the project folder (npm scripts do).
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const env = process.env;
  const cwd = options.cwd ?? process.cwd();
  const folders = parseFolders(env, cwd);
  const site = siteConfig(env, cwd);
  const { siteDir, renderCacheDir } = site;
  const started = performance.now();
  // The staging folder and the search index's worker (it reads the analysis cache and links
  // the unchanged text blocks while the dumps are parsed), unless `npm run build` started
  // them already; Eleventy loads meanwhile too.
  const { staging, indexWorker } = takeEarlyStart(siteDir) ?? startBuild(env, cwd);
  const eleventyModule = import('@11ty/eleventy');
  eleventyModule.catch(() => undefined); // awaited below
  let parse: ParseDirectoryResult | undefined;
  let parsed = started;
  const steps: Record<string, number> = {};
  let mark = started;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = (now - mark) / 1000;
    mark = now;
  };
  let placed: PlacedPages | undefined;
  let search: Promise<unknown> | undefined;
  let searchSteps = '';
  try {
    parse = await parseDirectory({ ...folders, onProgress: options.onProgress });
    parsed = mark = performance.now();
    // Summaries by content hash (every archive file is read and hashed once, here).
    const summaries = loadThreadSummaries(folders.archiveDir, renderCacheDir);
    step('summaries');
    // The search index needs only the archive: start it now, it goes on while pages render.
    const searchStarted = performance.now();
    const files = summaries.flatMap((t) => (t.sha256 ? [{ file: t.file, sha256: t.sha256 }] : []));
    search = startIndexEarly({ archiveDir: folders.archiveDir, outDir: staging, files, previousDir: siteDir }, indexWorker).then(
      (r) => {
        steps['search index'] = (performance.now() - searchStarted) / 1000;
        searchSteps = `; search index: ${Object.entries(r.steps).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')} (${r.cachedThreads} threads' analyses from cache, ${r.linkedBlocks} text blocks linked; in the ${r.ranIn ?? 'calling'} thread)`;
      },
      () => undefined,
    );
    // Then the pages missing from the render cache, on every core.
    const missing = summaries.filter((t) => !t.sha256 || !existsSync(join(renderCacheDir, threadPageCacheName(t.sha256, t, site))));
    await prerenderThreads(
      missing.map((t) => t.file),
      site,
    );
    step('render');
    // Thread pages and JSON go into the staging folder as files (linked from the live site when
    // unchanged); Eleventy writes the rest.
    placed = placeThreadPages(summaries, site, staging);
    step('place');
    setPrebuiltThreads(placed.ids, summaries);
    // .eleventy.ts reads SITE_DIR when Eleventy first loads it.
    env.SITE_DIR = staging;
    const { default: Eleventy } = await eleventyModule;
    const eleventy = new Eleventy('src/site', staging, { configPath: '.eleventy.ts', quietMode: true });
    await eleventy.write();
    step('eleventy + search');
    swapInStaging(siteDir);
    placed.commit();
    step('swap');
  } finally {
    setPrebuiltThreads(undefined);
    env.SITE_DIR = siteDir;
    // On failure, let the index worker finish writing (or stop it) before its folder goes.
    await search;
    await indexWorker.close();
    dropStaging(siteDir);
  }
  if (env.BUILD_TIMINGS) {
    process.stderr.write(`build timings: parse ${((parsed - started) / 1000).toFixed(2)} s, ${Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(', ')} (thread files linked ${placed?.linked}, copied ${placed?.copied})${searchSteps}\n`);
  }
  return { parse, siteDir: relative(cwd, siteDir) || '.', seconds: { parse: (parsed - started) / 1000, site: (performance.now() - parsed) / 1000 }, steps };
}
