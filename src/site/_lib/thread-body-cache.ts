import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../../parse/write-atomic.ts';
import type { Thread } from '../../thread/types.ts';
import { layout } from './layout.ts';
import type { SiteConfig } from './site-config.ts';
import { threadPageBody } from './thread-page.ts';

/**
 * The renderer's version: a hash of the code that decides a thread page's body (thread-page.ts
 * and every module of ours it imports, followed import by import; type-only imports change
 * nothing) and of package-lock.json (the libraries'). A change to any of them renders anew.
 */
let version: string | undefined;
function rendererVersion(): string {
  if (version === undefined) {
    const hash = createHash('sha256');
    for (const file of [...rendererFiles(), new URL('../../../package-lock.json', import.meta.url)]) hash.update(readFileSync(file));
    version = hash.digest('hex');
  }
  return version;
}

/** thread-page.ts, this file and the modules of ours they import at run time, in a stable order. */
export function rendererFiles(): URL[] {
  const seen = new Map<string, URL>();
  const todo = [new URL('./thread-page.ts', import.meta.url), new URL('./thread-body-cache.ts', import.meta.url)];
  while (todo.length > 0) {
    const url = todo.pop()!;
    if (seen.has(url.href)) continue;
    seen.set(url.href, url);
    const source = readFileSync(url, 'utf8');
    for (const [, spec] of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm)) todo.push(new URL(spec!, url));
  }
  return [...seen.keys()].sort().map((href) => seen.get(href)!);
}

/** What a thread page needs of the site. */
export type ThreadPageSite = Pick<SiteConfig, 'title' | 'pathPrefix' | 'renderCacheDir'>;

/** What the layout around a thread page shows of the thread. */
export type ThreadPageInfo = Pick<Thread, 'id' | 'title' | 'author'> & { comments: number };

const bodyMark = '\u0000body\u0000';

/**
 * The layout around a thread page, split where the body goes, with PATH_PREFIX applied to
 * its root-relative `href`, `src` and `action` URLs. Thread pages skip the <base> plugin
 * (.eleventy.ts): its posthtml pass over every page was most of a big build's time. The
 * layout is our own markup, its user text escaped (`"` included), so the pattern cannot
 * match inside a title or a name.
 */
export function threadPageShell(info: ThreadPageInfo, site: Pick<SiteConfig, 'title' | 'pathPrefix'>): [string, string] {
  const description = `${info.comments} comments${info.author ? ` · story by ${info.author}` : ''}`;
  const shell = layout({ site, title: info.title, description, body: bodyMark, scripts: ['reader.js'], threadId: info.id });
  const prefixed = site.pathPrefix === '/' ? shell : shell.replace(/(\s(?:href|src|action)=")\/(?!\/)/g, `$1${site.pathPrefix}`);
  const at = prefixed.indexOf(bodyMark);
  return [prefixed.slice(0, at), prefixed.slice(at + bodyMark.length)];
}

/** The cache entry (a whole page) for a thread file's bytes (by hash) on this site. */
export function threadPageCacheName(jsonSha256: string, info: ThreadPageInfo, site: ThreadPageSite): string {
  const [head, tail] = threadPageShell(info, site);
  const key = createHash('sha256').update(rendererVersion()).update('\0').update(head).update('\0').update(tail).update('\0').update(jsonSha256).digest('hex');
  return `${key}.html`;
}

/** Cache entries read or written by this process (the rest are pruned after a build). */
const used = new Set<string>();

/** Marks a cache entry as used by this build (kept by the next prune). */
export function useThreadPageCacheEntry(name: string): void {
  used.add(name);
}

/**
 * A thread's whole page (layout, story, overview, comment tree), from the render cache when
 * the archive file, the renderer and the layout are unchanged: rebuilding an archive after
 * adding one dump renders one thread. `known` (from the thread's summary) saves parsing the
 * file on a hit; a miss names the entry after what the file holds. Returns the page and its
 * cache file. `renderCacheDir` may be deleted at any time.
 */
export function cachedThreadPage(archiveFile: string, site: ThreadPageSite, known?: ThreadPageInfo): { html: string; file: string } {
  const bytes = readFileSync(archiveFile);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (known) {
    const name = threadPageCacheName(sha, known, site);
    const file = join(site.renderCacheDir, name);
    if (existsSync(file)) {
      used.add(name);
      return { html: readFileSync(file, 'utf8'), file };
    }
  }
  const thread = JSON.parse(bytes.toString('utf8')) as Thread;
  const info: ThreadPageInfo = { id: thread.id, title: thread.title, author: thread.author, comments: thread.comments.length };
  const name = threadPageCacheName(sha, info, site);
  const file = join(site.renderCacheDir, name);
  used.add(name);
  if (existsSync(file)) return { html: readFileSync(file, 'utf8'), file };
  const [head, tail] = threadPageShell(info, site);
  const html = `${head}${threadPageBody(thread, site.pathPrefix)}${tail}`;
  writeAtomic(file, html);
  return { html, file };
}

/** Removes cache entries this build did not use (old versions of threads and of the renderer). */
export function pruneThreadPageCache(cacheDir: string): void {
  if (used.size === 0 || !existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) if (name.endsWith('.html') && !used.has(name)) rmSync(join(cacheDir, name), { force: true });
  used.clear();
}
