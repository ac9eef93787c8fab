import { escapeHtml } from '../render/escape-html.ts';

export interface SearchPageOptions {
  /** Thread page URL relative to the search page, `{id}` standing for the thread id. */
  threadUrl?: string;
  /** The archive's front page, relative to the search page. */
  homeUrl?: string;
  /** Cache-busting version appended to the scripts' URLs. */
  version?: string;
}

/**
 * The search page's content (inside the site's layout), at `<prefix>/search/`. Every URL is
 * relative, so the page works under any PATH_PREFIX. With JavaScript off it says so.
 */
export function searchPageBody(options: SearchPageOptions = {}): string {
  const threadUrl = options.threadUrl ?? '../t/{id}/';
  const home = options.homeUrl ?? '../';
  const v = options.version ? `?v=${escapeHtml(options.version)}` : '';
  return `<link rel="stylesheet" href="search.css${v}">
<section class="search-page" aria-labelledby="_search-h">
<h1 id="_search-h">Search</h1>
<noscript><p class="search-nojs"><strong>Search needs JavaScript, and it is turned off in this browser.</strong> The search runs inside this page, on an index built with the site. Every thread can still be read from the <a href="${escapeHtml(home)}">list of threads</a>.</p></noscript>
<div id="search-app" data-index="index/" data-thread-url="${escapeHtml(threadUrl)}" hidden>
<form id="search-form" role="search" aria-label="Search query" action="./" method="get"><label for="search-q">Search the archive</label> <input id="search-q" name="q" type="search" autocomplete="off" enterkeyhint="search"> <button type="submit">Search</button></form>
<details class="search-help"><summary>How to search</summary><ul>
<li>Words: comments with all of them (<code>tokio runtime</code>; English endings are ignored: <code>run</code> finds <q>running</q>).</li>
<li><code>"an exact phrase"</code>: only comments containing it word for word (case, punctuation and spacing do not matter). Paste a sentence to find who wrote it first and who quoted it.</li>
<li><code>optim*</code>: any word starting with <q>optim</q>.</li>
<li><code>-word</code> leaves out comments with the word; <code>-"a phrase"</code> too.</li>
<li><code>author:name</code>, <code>thread:id</code>; <code>is:quote</code> searches only quoted text, <code>-is:quote</code> only what commenters wrote themselves.</li>
</ul></details>
<div id="search-status" role="status" aria-live="polite"></div>
<ol id="search-results" class="search-results"></ol>
<nav id="search-pager" class="search-pager" aria-label="Result pages"></nav>
<p id="search-offline" hidden><button type="button" id="search-offline-keep">Keep the whole index for offline use</button> <span id="search-offline-status"></span></p>
</div>
</section>
<script src="lunr.min.js${v}" defer></script>
<script src="search.js${v}" defer></script>`;
}

/** A whole page around the search page's content, for sites without a layout of their own. */
export function standaloneSearchPage(options: SearchPageOptions & { title?: string; stylesheet?: string } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Search · ${escapeHtml(options.title ?? 'Thread archive')}</title>
${options.stylesheet ? `<link rel="stylesheet" href="${escapeHtml(options.stylesheet)}">` : ''}
</head>
<body>
<main>
${searchPageBody(options)}
</main>
</body>
</html>
`;
}
