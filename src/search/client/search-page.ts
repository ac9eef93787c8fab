// The search page's script (bundled into search/search.js at build time). Lunr comes from its
// own bundle (lunr.min.js, loaded before this script). The query lives in the URL (?q=, &page=)
// so searches can be shared and the back button works.
import type lunrType from 'lunr';
import { makeSnippet } from '../snippet.ts';
import { SearchEngine, type SearchHit, type SearchResponse } from './search-engine.ts';
import { hitStorageKey } from './hit-storage.ts';
import { blockPath } from '../index-format.ts';

declare const lunr: typeof lunrType;

const pageSize = 10;
const app = document.getElementById('search-app')!;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const status = document.getElementById('search-status')!;
const results = document.getElementById('search-results')!;
const pager = document.getElementById('search-pager')!;
const indexBase = new URL(app.dataset.index ?? 'index/', location.href);
const threadPattern = app.dataset.threadUrl ?? '../t/{id}/';

app.hidden = false;
document.getElementById('search-nojs')?.remove();

/** Files fetched before the service worker controlled the page, still to be fetched through it. */
const toKeep = new Set<string>();
let inFlight = 0;
let controlled = false;
function keep(url: string): void {
  if (!controlled) {
    toKeep.add(url);
    return;
  }
  keeping++;
  delete app.dataset.offlineReady;
  void fetch(url)
    .catch(() => undefined)
    .then(() => {
      keeping--;
      markOfflineReady();
    });
}
/** `data-offline-ready` tells (tests) that everything fetched so far is kept. */
let keeping = 0;

function markOfflineReady(): void {
  if (controlled && inFlight === 0 && keeping === 0) app.dataset.offlineReady = 'true';
}
const engine = new SearchEngine({
  lunr,
  fetchJson: async (path) => {
    const url = new URL(path, indexBase);
    // Fetched before the service worker controls the page: not kept by it; fetch it again later.
    const uncontrolled = 'serviceWorker' in navigator && !navigator.serviceWorker.controller;
    inFlight++;
    delete app.dataset.offlineReady;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`could not load the search index (${path}: HTTP ${response.status})`);
      return await response.json();
    } finally {
      inFlight--;
      if (uncontrolled) keep(url.href);
      else markOfflineReady();
    }
  },
});

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

function readUrl(): { q: string; page: number } {
  const params = new URLSearchParams(location.search);
  let q = params.get('q') ?? '';
  const thread = params.get('thread');
  if (thread && !/(^|\s)thread:/.test(q)) {
    q = `thread:${thread} ${q}`.trim();
    params.delete('thread');
    params.set('q', q);
    history.replaceState(null, '', `?${params}`);
  }
  const page = Math.max(0, (Number(params.get('page')) || 1) - 1);
  return { q, page };
}

function urlFor(q: string, page = 0): string {
  return `?q=${encodeURIComponent(q)}${page > 0 ? `&page=${page + 1}` : ''}`;
}

function go(q: string, page = 0): void {
  history.pushState(null, '', urlFor(q, page));
  void run();
}

const formatTime = (iso: string) => (iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC') : '');

function hitItem(hit: SearchHit, response: SearchResponse, termSet: Set<string>): HTMLLIElement {
  const isMatch = (word: string) => {
    const t = engine.term(word);
    return t !== null && termSet.has(t);
  };
  const inQuote = response.query.quote === true || hit.where === 'quote';
  let text = inQuote && hit.quotes ? hit.quotes : hit.own;
  let snippet = makeSnippet(text, isMatch, response.phrases);
  let quoting = inQuote;
  if (!snippet.matched && !inQuote && hit.quotes) {
    const q = makeSnippet(hit.quotes, isMatch, response.phrases);
    if (q.matched) {
      snippet = q;
      text = hit.quotes;
      quoting = true;
    }
  }
  const base = new URL(threadPattern.replace('{id}', encodeURIComponent(hit.threadId)), location.href);
  // A story has no comment id: its result links to the top of the thread page's content.
  const href = `${base.pathname}#${hit.id ? encodeURIComponent(hit.id) : '_main'}`;
  const link = el('a', { href, className: 'sr-link' }, el('span', { className: 'sr-title' }, hit.threadTitle || hit.threadId));
  link.addEventListener('click', () => {
    try {
      sessionStorage.setItem(hitStorageKey, JSON.stringify({ id: hit.id, words: snippet.words, phrases: response.phrases }));
    } catch {
      // storage may be off: the link still lands on the comment
    }
  });
  const meta = el('p', { className: 'sr-meta' });
  meta.append(hit.id ? 'comment' : 'story');
  if (hit.author) meta.append(' by ', el('span', { className: 'sr-author' }, hit.author));
  if (hit.time) meta.append(' · ', el('time', { dateTime: hit.time }, formatTime(hit.time)));
  if (hit.where === 'own') meta.append(' · ', el('strong', {}, 'wrote this first'));
  else if (quoting) meta.append(' · quoting');
  const body = el('p', { className: 'sr-snippet' });
  for (const s of snippet.segments) body.append(s.mark ? el('mark', {}, s.text) : s.text);
  return el('li', { className: 'sr' }, link, meta, body);
}

function render(q: string, page: number, r: SearchResponse): void {
  results.replaceChildren();
  pager.replaceChildren();
  if (r.message) {
    status.replaceChildren(el('p', {}, r.message));
    return;
  }
  if (r.total === 0) {
    const parts: (Node | string)[] = [el('p', {}, 'No results for ', el('q', {}, q), '.')];
    if (r.suggestions.length > 0) {
      const list = el('ul', { className: 'sr-suggest' });
      for (const s of r.suggestions) list.append(el('li', {}, 'Drop ', el('a', { href: urlFor(s.query) }, s.dropped), ` (${s.count} result${s.count === 1 ? '' : 's'} without it)`));
      parts.push(el('p', {}, 'Try a shorter query:'), list);
    } else {
      parts.push(el('p', {}, 'Check the spelling, or use fewer words.'));
    }
    status.replaceChildren(...parts);
    return;
  }
  const first = page * pageSize + 1;
  const last = page * pageSize + r.hits.length;
  const found = r.total - r.unchecked;
  const count = r.exact ? `${r.total} result${r.total === 1 ? '' : 's'}` : `${found} result${found === 1 ? '' : 's'} so far`;
  const lead = r.hits.length ? `${first}–${last} of ${count} for ` : page === 0 ? 'No results yet for ' : `No more results: ${count} for `;
  const line = el('p', {}, lead, el('q', {}, q), '.');
  status.replaceChildren(line);
  if (!r.exact) {
    // Phrase checks read the stored text of each candidate; they stop after a few dozen blocks.
    const button = el('button', { type: 'button', className: 'sr-more' }, 'Check more');
    button.addEventListener('click', () => {
      more++;
      void run(true);
    });
    status.append(el('p', {}, `${r.unchecked} more comment${r.unchecked === 1 ? '' : 's'} have all the words but are not yet checked for the exact phrase. `, button));
  }
  const termSet = new Set(r.terms);
  for (const hit of r.hits) results.append(hitItem(hit, r, termSet));
  const pages = r.exact ? Math.ceil(r.total / pageSize) : page + (r.hits.length === pageSize ? 2 : 1);
  if (page > 0) pager.append(el('a', { href: urlFor(q, page - 1), rel: 'prev' }, '← Previous'), ' ');
  if (page + 1 < pages) pager.append(el('a', { href: urlFor(q, page + 1), rel: 'next' }, 'Next →'));
}

const pageTitle = document.title;
let generation = 0;
/** Rounds of "check more" asked for the current query. */
let more = 0;
async function run(again = false): Promise<void> {
  const { q, page } = readUrl();
  if (!again) more = 0;
  input.value = q;
  const mine = ++generation;
  if (q.trim() === '') {
    results.replaceChildren();
    pager.replaceChildren();
    status.replaceChildren(el('p', {}, 'Type words to search for. Put "an exact phrase" in quotes; -word leaves a word out; author:name, thread:id, is:quote and -is:quote narrow the search.'));
    return;
  }
  document.title = `${q} – ${pageTitle}`;
  status.replaceChildren(el('p', {}, 'Searching…'));
  app.setAttribute('aria-busy', 'true');
  try {
    const response = await engine.search(q, page, pageSize, more);
    if (mine !== generation) return;
    render(q, page, response);
    if (response.query.unknown.length > 0) status.append(el('p', {}, `Not understood, so left out: ${response.query.unknown.join(' ')} (the operators are author:, thread:, is:quote).`));
    app.dataset.computeMs = response.computeMs.toFixed(1);
  } catch (error) {
    if (mine !== generation) return;
    status.replaceChildren(el('p', { className: 'sr-error' }, `Search failed: ${(error as Error).message}`));
  } finally {
    if (mine === generation) app.removeAttribute('aria-busy');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go(input.value.trim());
});
pager.addEventListener('click', (event) => {
  const a = (event.target as Element).closest('a');
  if (!a) return;
  event.preventDefault();
  history.pushState(null, '', a.getAttribute('href')!);
  void run().then(() => app.scrollIntoView());
});
status.addEventListener('click', (event) => {
  const a = (event.target as Element).closest('a');
  if (!a) return;
  event.preventDefault();
  history.pushState(null, '', a.getAttribute('href')!);
  void run();
});
addEventListener('popstate', () => void run());
void run();

// Offline: a service worker keeps every index file fetched; the button fetches them all.
if ('serviceWorker' in navigator && app.dataset.offline !== 'off') {
  navigator.serviceWorker.register('sw.js').then(
    () => {
      offline();
      void keepWhatWasFetched();
    },
    () => undefined,
  );
}

/**
 * Files fetched before the service worker took control were not kept: fetch them again
 * through it (from the HTTP cache), with the page and its scripts, so a reload works offline.
 */
async function keepWhatWasFetched(): Promise<void> {
  if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  controlled = true;
  const assets = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src);
  const styles = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => l.href);
  const page = new URL('./', location.href).href;
  keeping++;
  await Promise.all([page, ...assets, ...styles, ...toKeep].map((url) => fetch(url).catch(() => undefined)));
  toKeep.clear();
  keeping--;
  markOfflineReady();
}

function offline(): void {
  const box = document.getElementById('search-offline');
  const button = document.getElementById('search-offline-keep') as HTMLButtonElement | null;
  const note = document.getElementById('search-offline-status');
  if (!box || !button || !note) return;
  void Promise.all([engine.manifest(), engine.threads()]).then(([m, threads]) => {
    box.hidden = false;
    const mb = (m.bytes.parts + m.bytes.blocks) / 1048576;
    note.textContent = `(${mb.toFixed(mb < 10 ? 1 : 0)} MB before compression)`;
    button.addEventListener('click', async () => {
      button.disabled = true;
      // Each file with the version its URL is fetched with (what the service worker caches).
      const files = [
        ...m.parts.map((_, k) => `t/${k}.json?v=${m.build}`),
        ...threads.flatMap((t) => Array.from({ length: Math.ceil(t[3] / m.blockSize) }, (_, k) => `${blockPath(t[0], k)}?v=${t[4]}`)),
        `threads.json?v=${m.build}`,
      ];
      let done = 0;
      try {
        for (let i = 0; i < files.length; i += 8) {
          await Promise.all(
            files.slice(i, i + 8).map(async (f) => {
              const r = await fetch(new URL(f, indexBase));
              if (!r.ok) throw new Error(`${f.replace(/\?.*/, '')}: HTTP ${r.status}`);
              await r.arrayBuffer();
              done++;
            }),
          );
          note.textContent = `${done} of ${files.length} files kept…`;
        }
        note.textContent = `Kept: search works offline in this browser (${files.length} files).`;
      } catch (error) {
        note.textContent = `Stopped: ${(error as Error).message}`;
        button.disabled = false;
      }
    });
  });
}
