import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { escapeHtml } from '../../render/escape-html.ts';
import { assetUrl, indexPageUrl } from './urls.ts';
import { searchBox } from '../../search/search-box.ts';
import { searchAssets } from '../../search/search-assets.ts';

export interface PageOptions {
  site: { title: string };
  /** The page's own title (the site's name is added). */
  title: string;
  description?: string;
  /** The page's main content, as HTML. */
  body: string;
  /** Scripts the page needs (file names under assets/), loaded with `defer`. */
  scripts?: string[];
  /** The thread shown, for a search box that searches within it. */
  threadId?: string;
}

const version = (name: string) =>
  createHash('sha256')
    .update(readFileSync(new URL(`../assets/${name}`, import.meta.url)))
    .digest('hex')
    .slice(0, 10);
const versions = new Map<string, string>();
/** An asset's URL with a content hash, so a new build is never hidden by a browser cache. */
export function versionedAsset(name: string): string {
  let v = versions.get(name);
  if (v === undefined) versions.set(name, (v = version(name)));
  return `${assetUrl(name)}?v=${v}`;
}

// ── Search slot (src/search/) ────────────────────────────────────────────────────────────
// The header's search box. The search engineer replaces this function's body with their
// `searchBox(...)`; `threadId` is set on thread pages (to offer "search this thread").
function searchSlot(page: { threadId?: string }): string {
  const script = page.threadId ? `\n<script src="/search/thread-hit.js?v=${searchAssets().version}" defer></script>` : '';
  return searchBox('/', page.threadId) + script;
}
// ─────────────────────────────────────────────────────────────────────────────────────────

/** The page around every template's content: header (with the search slot), main, footer. */
export function layout(page: PageOptions): string {
  const title = page.title === page.site.title ? page.title : `${page.title} · ${page.site.title}`;
  const scripts = (page.scripts ?? []).map((name) => `<script src="${versionedAsset(name)}" defer></script>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${page.description ? `<meta name="description" content="${escapeHtml(page.description)}">\n` : ''}<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="${versionedAsset('style.css')}">
<link rel="alternate" type="application/atom+xml" href="/feed.xml" title="${escapeHtml(page.site.title)}">
${scripts}
</head>
<body>
<a class="skip" href="#_main">Skip to content</a>
<header class="site"><div class="bar">
<a class="home" href="${indexPageUrl(0)}">${escapeHtml(page.site.title)}</a>
${searchSlot({ threadId: page.threadId })}
</div></header>
<main id="_main">
${page.body}
</main>
<footer class="site"><p><a href="${indexPageUrl(0)}">All threads</a> · <a href="/feed.xml">Atom feed</a></p></footer>
</body>
</html>
`;
}
