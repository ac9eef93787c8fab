import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../../parse/write-atomic.ts';
import type { Thread } from '../../thread/types.ts';
import { threadPageBody } from './thread-page.ts';

/** The files whose code decides a thread page's body: a change to any of them renders anew. */
const rendererFiles = [
  '../../render/escape-html.ts',
  '../../render/format-time.ts',
  '../../render/overview-svg.ts',
  '../../render/render-comment-tree.ts',
  '../../render/render-markdown.ts',
  '../../render/thread-shape.ts',
  '../../quotes/normalize-for-match.ts',
  './thread-page.ts',
  './load-archive.ts',
  './urls.ts',
  '../../../package-lock.json',
];

let version: string | undefined;
function rendererVersion(): string {
  if (version === undefined) {
    const hash = createHash('sha256');
    for (const file of rendererFiles) hash.update(readFileSync(new URL(file, import.meta.url)));
    version = hash.digest('hex');
  }
  return version;
}

/** Cache entries read or written by this process (the rest are pruned after a build). */
const used = new Set<string>();

/**
 * A thread page's body (story, overview, comment tree) for an archive file, from the render
 * cache when the file and the renderer are unchanged: rebuilding an archive after adding one
 * dump renders one thread. `cacheDir` may be deleted at any time.
 */
export function cachedThreadPageBody(archiveFile: string, cacheDir: string): string {
  const json = readFileSync(archiveFile, 'utf8');
  const key = createHash('sha256').update(rendererVersion()).update('\0').update(json).digest('hex');
  const file = join(cacheDir, `${key}.html`);
  used.add(`${key}.html`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const html = threadPageBody(JSON.parse(json) as Thread);
  writeAtomic(file, html);
  return html;
}

/** Removes cache entries this build did not use (old versions of threads and of the renderer). */
export function pruneThreadPageCache(cacheDir: string): void {
  if (used.size === 0 || !existsSync(cacheDir)) return;
  for (const name of readdirSync(cacheDir)) if (name.endsWith('.html') && !used.has(name)) rmSync(join(cacheDir, name), { force: true });
  used.clear();
}
