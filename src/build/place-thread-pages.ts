import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeAtomic } from '../parse/write-atomic.ts';
import type { ThreadSummary } from '../site/_lib/load-archive.ts';
import type { SiteConfig } from '../site/_lib/site-config.ts';
import { threadPageCacheName, useThreadPageCacheEntry } from '../site/_lib/thread-body-cache.ts';
import { threadJsonUrl, threadUrl } from '../site/_lib/urls.ts';

/**
 * What the last build placed in the site: each file's content key and the identity of the
 * file it wrote (inode, size, mtime). A file of the live site that still has that identity
 * holds those bytes, so the next build hard-links it into its staging folder instead of
 * writing it again. A file changed in place (e.g. by `npm start`, which writes into the site)
 * has another mtime and is copied afresh from the render cache or the archive.
 */
interface PlacedRecord {
  version: 1;
  siteDir: string;
  files: Record<string, [key: string, ino: number, size: number, mtimeMs: number]>;
}

const recordName = 'placed.json';

function readRecord(file: string, siteDir: string): PlacedRecord['files'] {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as PlacedRecord;
    if (record.version === 1 && record.siteDir === siteDir && record.files) return record.files;
  } catch {
    // none yet, or damaged: copy everything (deleting the cache is always safe)
  }
  return {};
}

export interface PlacedPages {
  /** Threads whose page and JSON are in the staging folder (Eleventy leaves them out). */
  ids: string[];
  /** Files linked from the live site, and files copied. */
  linked: number;
  copied: number;
  /** Writes the record of what was placed, once the staging folder is the live site. */
  commit(): void;
}

/**
 * Puts each thread's page (from the render cache) and its JSON (from the archive) into the
 * staging folder `outDir`: hard links to the live site's files where they are unchanged, else
 * copies. Threads whose page is not in the cache are left to Eleventy. The live site is never
 * written to: an interrupted build leaves it as it was.
 */
export function placeThreadPages(summaries: ThreadSummary[], site: SiteConfig, outDir: string): PlacedPages {
  const recordFile = join(site.renderCacheDir, recordName);
  const previous = readRecord(recordFile, site.siteDir);
  const next: PlacedRecord['files'] = {};
  const ids: string[] = [];
  let linked = 0;
  let copied = 0;
  const place = (rel: string, key: string, source: string) => {
    const target = join(outDir, rel);
    mkdirSync(dirname(target), { recursive: true });
    const before = previous[rel];
    const live = join(site.siteDir, rel);
    let done = false;
    if (before && before[0] === key && existsSync(live)) {
      const s = statSync(live);
      if (s.ino === before[1] && s.size === before[2] && s.mtimeMs === before[3]) {
        try {
          linkSync(live, target);
          linked++;
          done = true;
        } catch {
          // another file system, or no hard links: copy instead
        }
      }
    }
    if (!done) {
      copyFileSync(source, target, constants.COPYFILE_FICLONE);
      copied++;
    }
    const s = statSync(target);
    next[rel] = [key, s.ino, s.size, s.mtimeMs];
  };
  for (const summary of summaries) {
    if (!summary.sha256) continue;
    const name = threadPageCacheName(summary.sha256, { id: summary.id, title: summary.title, author: summary.author, comments: summary.comments }, site);
    const cached = join(site.renderCacheDir, name);
    if (!existsSync(cached)) continue;
    useThreadPageCacheEntry(name);
    place(`${threadUrl(summary.id).slice(1)}index.html`, name, cached);
    place(threadJsonUrl(summary.id).slice(1), `json:${summary.sha256}`, summary.file);
    ids.push(summary.id);
  }
  return {
    ids,
    linked,
    copied,
    commit: () => writeAtomic(recordFile, JSON.stringify({ version: 1, siteDir: site.siteDir, files: next } satisfies PlacedRecord)),
  };
}
