import { resolve } from 'node:path';
import { openIndexWorker, type IndexWorker } from '../search/index-worker.ts';
import { siteConfig } from '../site/_lib/site-config.ts';
import { prepareStaging } from './staging.ts';

export interface EarlyStart {
  staging: string;
  indexWorker: IndexWorker;
}

/** Started builds, by site folder; on globalThis so every copy of this module sees them. */
const started = ((globalThis as Record<symbol, unknown>)[Symbol.for('thread-archive.early-builds')] ??= new Map()) as Map<string, EarlyStart>;

/**
 * Prepares the staging folder and starts the search index's worker (it reads the analysis
 * cache and links the unchanged text blocks from the live site meanwhile). `npm run build`
 * calls this before it loads the rest of the build (over half a second of module loading,
 * while this thread mostly waits), and buildSite takes what it started (takeEarlyStart).
 * Settings come from the environment, as buildSite's do.
 */
export function startBuildEarly(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): void {
  const { siteDir } = siteConfig(env, cwd);
  if (!started.has(siteDir)) started.set(siteDir, startBuild(env, cwd));
}

/** Prepares the staging folder and starts the search index's worker (what startBuildEarly does, now). */
export function startBuild(env: Record<string, string | undefined>, cwd: string): EarlyStart {
  const { siteDir } = siteConfig(env, cwd);
  const staging = prepareStaging(siteDir);
  return { staging, indexWorker: openIndexWorker(resolve(cwd, env.CACHE_DIR || '.cache'), { outDir: staging, previousDir: siteDir }) };
}

/** What startBuildEarly started for this site, if anything (taken once). */
export function takeEarlyStart(siteDir: string): EarlyStart | undefined {
  const start = started.get(siteDir);
  started.delete(siteDir);
  return start;
}
