import { resolve } from 'node:path';

/** The settings a build takes from the environment (see README, "The reader"). */
export interface SiteConfig {
  title: string;
  /** Where the site is served: `/` or a GitHub Pages project path such as `/my-archive/`. */
  pathPrefix: string;
  /** The origin the site is published at (`https://you.github.io`), for the feed and sitemap; may be empty. */
  siteUrl: string;
  archiveDir: string;
  siteDir: string;
  /** Rendered thread pages by content hash (CACHE_DIR/render); deleting it is always safe. */
  renderCacheDir: string;
}

/** `name`, `/name`, `name/` → `/name/`; empty → `/`. */
export function normalizePathPrefix(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function siteConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): SiteConfig {
  return {
    title: env.SITE_TITLE?.trim() || 'Thread archive',
    pathPrefix: normalizePathPrefix(env.PATH_PREFIX),
    siteUrl: (env.SITE_URL ?? '').trim().replace(/\/+$/, ''),
    archiveDir: resolve(cwd, env.ARCHIVE_DIR || '_archive'),
    siteDir: resolve(cwd, env.SITE_DIR || '_site'),
    renderCacheDir: resolve(cwd, env.CACHE_DIR || '.cache', 'render'),
  };
}

/** A site path (`/t/x/`) as a full URL when the origin is known, else as a path under the prefix. */
export function absoluteUrl(site: Pick<SiteConfig, 'pathPrefix' | 'siteUrl'>, path: string): string {
  return `${site.siteUrl}${site.pathPrefix}${path.replace(/^\//, '')}`;
}
