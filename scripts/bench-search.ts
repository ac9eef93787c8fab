// `npm run bench:search [-- --sizes 1000,10000,100000] [--index-only]`: generates archives,
// builds them with `npm run build` (reader + search index), indexes the same built site with
// Pagefind, and measures both in Chromium: index build time, index bytes, bytes transferred
// (gzip, from a local server) for a cold search, and query latency p50/p95. Prints a Markdown
// table and checks the budget (cold search ≤ 300 KB, first result ≤ 100 ms of computing).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateArchive } from './generate-archive.ts';
import { sampleQueries } from './sample-search-queries.ts';
import { serveStatic, type StaticServer } from '../src/search/serve-static.ts';
import { standaloneSearchPage } from '../src/search/search-page-html.ts';
import { readArchiveThreads, writeSearchIndex } from '../src/search/write-search-index.ts';
import type { Thread } from '../src/thread/types.ts';
import { filesUnder } from '../src/util/files-under.ts';
import { escapeHtml } from '../src/render/escape-html.ts';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    'index-only': { type: 'boolean', default: false },
    work: { type: 'string', default: join(tmpdir(), 'bench-search') },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

function folderBytes(dir: string): { raw: number; gzip: number; files: number } {
  let raw = 0;
  let gzip = 0;
  const files = filesUnder(dir);
  for (const file of files) {
    const data = readFileSync(file);
    raw += data.length;
    gzip += /\.(pf_|wasm)/.test(file) ? data.length : gzipSync(data, { level: 6 }).length;
  }
  return { raw, gzip, files: files.length };
}

/**
 * Opens `url` in a fresh context (empty cache) and counts, at the server, the bytes sent
 * (gzip bodies and headers) until `ready`: requests answered from the browser's cache or a
 * service worker's cache cost nothing, as on a real network.
 */
async function coldLoad(browser: Browser, server: StaticServer, url: string, ready: (page: Page) => Promise<void>): Promise<{ bytes: number; ms: number; requests: number; computeMs?: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  server.sent.reset();
  const started = performance.now();
  await page.goto(url);
  await ready(page);
  const ms = performance.now() - started;
  const bytes = server.sent.bytes;
  const requests = server.sent.responses;
  const computeMs = Number(await page.evaluate(() => document.getElementById('search-app')?.dataset.computeMs ?? 'NaN'));
  await context.close();
  return { bytes, ms, requests, computeMs };
}

const ourReady = async (page: Page) => {
  await page.waitForFunction(() => {
    const app = document.getElementById('search-app');
    const status = document.getElementById('search-status')?.textContent ?? '';
    return app && !app.hasAttribute('aria-busy') && status !== '' && status !== 'Searching…';
  });
};

/** Time from submitting a query in the loaded search page to its results on screen. */
async function ourLatency(page: Page, q: string): Promise<number> {
  return page.evaluate(async (query) => {
    const app = document.getElementById('search-app')!;
    const form = document.getElementById('search-form') as HTMLFormElement;
    (document.getElementById('search-q') as HTMLInputElement).value = query;
    const done = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!app.hasAttribute('aria-busy')) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(app, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    const started = performance.now();
    form.requestSubmit();
    return (await done) - started;
  }, q);
}

/** A page that runs Pagefind's own search API (search + the top 10 results' data). */
const pagefindPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind bench</title></head><body>
<ol id="pf-results"></ol>
<script type="module">
const pagefind = await import('../pagefind/pagefind.js');
await pagefind.options({ excerptLength: 30 });
window.pfSearch = async (q) => {
  const started = performance.now();
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  const list = document.getElementById('pf-results');
  list.replaceChildren(...data.map((d) => { const li = document.createElement('li'); li.innerHTML = d.excerpt; return li; }));
  return { ms: performance.now() - started, total: search.results.length };
};
const q = new URLSearchParams(location.search).get('q');
if (q) { const r = await window.pfSearch(q); document.body.dataset.done = String(r.total); } else document.body.dataset.done = '-';
</script></body></html>`;

/** When the full site build is not wanted: the index plus one plain page per thread (for Pagefind). */
function writePlainSite(threads: Thread[], siteDir: string): void {
  for (const t of threads) {
    const dir = join(siteDir, 't', t.id);
    mkdirSync(dir, { recursive: true });
    const comments = t.comments.map((c) => `<article id="${escapeHtml(c.id)}"><p>${escapeHtml(c.author ?? '')}</p><div class="t">${escapeHtml(c.text)}</div></article>`).join('\n');
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(t.title)}</title></head><body><main><h1>${escapeHtml(t.title)}</h1>${comments}</main></body></html>`);
  }
  mkdirSync(join(siteDir, 'search'), { recursive: true });
  writeFileSync(join(siteDir, 'search', 'index.html'), standaloneSearchPage({}));
}

interface Row {
  comments: number;
  engine: string;
  buildSeconds: number;
  indexBytes: number;
  indexFiles: number;
  coldKB: { median: number; max: number };
  coldRequests: number;
  coldMs: number;
  computeMs?: { median: number; max: number };
  latency: { p50: number; p95: number };
  note?: string;
}

async function main(): Promise<void> {
  const work = values.work;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const rows: Row[] = [];
  try {
    for (const comments of sizes) {
      const dir = join(work, String(comments));
      const threadCount = Math.max(3, Math.round(comments / 333));
      const threadsDir = join(dir, 'threads');
      generateArchive({ out: threadsDir, comments, threads: threadCount, seed: 42 });
      const siteDir = join(dir, 'site');
      const archiveDir = join(dir, 'archive');
      let siteSeconds = NaN;
      let note: string | undefined;
      if (!values['index-only']) {
        const started = performance.now();
        execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
          cwd: projectDir,
          env: { ...process.env, THREADS_DIR: threadsDir, ARCHIVE_DIR: archiveDir, SITE_DIR: siteDir, CACHE_DIR: join(dir, 'cache'), PATH_PREFIX: '' },
          stdio: ['ignore', 'ignore', 'inherit'],
          maxBuffer: 1 << 26,
        });
        siteSeconds = (performance.now() - started) / 1000;
      }
      const threads = values['index-only'] ? readArchiveThreads(threadsDir) : readArchiveThreads(archiveDir);
      if (values['index-only']) {
        writePlainSite(threads, siteDir);
        note = 'index only: thread pages are plain HTML, not the reader';
      }
      // Index build time, measured in this process (the site build wrote the same files).
      const indexed = await writeSearchIndex({ threads, outDir: siteDir });
      const ours = folderBytes(join(siteDir, 'search', 'index'));
      process.stderr.write(`bench: ${comments} comments: site ${siteSeconds.toFixed(1)} s, index ${(indexed.ms / 1000).toFixed(1)} s, ${indexed.stats.parts} parts, ${indexed.stats.blocks} blocks\n`);

      const pfStarted = performance.now();
      execFileSync(join(projectDir, 'node_modules', '.bin', 'pagefind'), ['--site', siteDir, '--glob', 't/**/*.html', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
      const pfSeconds = (performance.now() - pfStarted) / 1000;
      mkdirSync(join(siteDir, 'pf-bench'), { recursive: true });
      writeFileSync(join(siteDir, 'pf-bench', 'index.html'), pagefindPage);
      const pf = folderBytes(join(siteDir, 'pagefind'));

      const server = await serveStatic(siteDir, '/');
      try {
        const queries = sampleQueries(threads, comments);
        // Cold searches: two of each kind, each in a fresh browser context.
        const coldQueries = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => queries[i]!);
        const oursCold = [];
        const pfCold = [];
        for (const { q } of coldQueries) {
          oursCold.push(await coldLoad(browser, server, `${server.url}search/?q=${encodeURIComponent(q)}`, ourReady));
          pfCold.push(await coldLoad(browser, server, `${server.url}pf-bench/?q=${encodeURIComponent(q)}`, (page) => page.waitForFunction(() => document.body.dataset.done !== undefined, null, { timeout: 120_000 }).then(() => undefined)));
        }
        // Latency: every query in one loaded page (parts already fetched stay in memory).
        const page = await browser.newPage();
        await page.goto(`${server.url}search/`);
        await ourReady(page);
        const oursLatency: number[] = [];
        for (const { q } of queries) oursLatency.push(await ourLatency(page, q));
        await page.goto(`${server.url}pf-bench/`);
        await page.waitForFunction(() => document.body.dataset.done !== undefined);
        const pfLatency: number[] = [];
        for (const { q } of queries) pfLatency.push(((await page.evaluate((query) => (window as unknown as { pfSearch(q: string): Promise<{ ms: number }> }).pfSearch(query), q)) as { ms: number }).ms);
        await page.close();
        const kb = (list: { bytes: number }[]) => ({ median: percentile(list.map((x) => x.bytes / 1024), 50), max: Math.max(...list.map((x) => x.bytes / 1024)) });
        rows.push({
          comments,
          engine: 'split Lunr (ours)',
          buildSeconds: indexed.ms / 1000,
          indexBytes: ours.gzip,
          indexFiles: ours.files,
          coldKB: kb(oursCold),
          coldRequests: percentile(oursCold.map((x) => x.requests), 50),
          coldMs: percentile(oursCold.map((x) => x.ms), 50),
          computeMs: { median: percentile(oursCold.map((x) => x.computeMs ?? NaN), 50), max: Math.max(...oursCold.map((x) => x.computeMs ?? NaN)) },
          latency: { p50: percentile(oursLatency, 50), p95: percentile(oursLatency, 95) },
          note: note ?? `site build (reader + index) ${siteSeconds.toFixed(1)} s`,
        });
        rows.push({
          comments,
          engine: 'Pagefind',
          buildSeconds: pfSeconds,
          indexBytes: pf.gzip,
          indexFiles: pf.files,
          coldKB: kb(pfCold),
          coldRequests: percentile(pfCold.map((x) => x.requests), 50),
          coldMs: percentile(pfCold.map((x) => x.ms), 50),
          latency: { p50: percentile(pfLatency, 50), p95: percentile(pfLatency, 95) },
        });
      } finally {
        await server.close();
      }
      if (!values.keep) rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }

  const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  const lines = [
    '| comments | engine | index build | index size (gzip, files) | cold search: transferred (median / max) | cold search: requests | cold search: time to results | compute for the first result (median / max) | query latency p50 / p95 |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.comments.toLocaleString('en')} | ${r.engine} | ${f(r.buildSeconds, 1)} s | ${f(r.indexBytes / 1024 / 1024, 1)} MB, ${r.indexFiles} | ${f(r.coldKB.median)} KB / ${f(r.coldKB.max)} KB | ${f(r.coldRequests)} | ${f(r.coldMs)} ms | ${r.computeMs ? `${f(r.computeMs.median, 1)} / ${f(r.computeMs.max, 1)} ms` : '–'} | ${f(r.latency.p50, 1)} / ${f(r.latency.p95, 1)} ms |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n\n`);
  for (const r of rows) if (r.note && r.engine.startsWith('split')) process.stdout.write(`- ${r.comments.toLocaleString('en')} comments: ${r.note}\n`);
  const big = rows.find((r) => r.engine.startsWith('split') && r.comments === Math.max(...sizes));
  if (big) {
    const bytesOk = big.coldKB.max <= 300;
    const msOk = (big.computeMs?.max ?? Infinity) <= 100;
    process.stdout.write(`\nBudget at ${big.comments.toLocaleString('en')} comments: cold search ≤ 300 KB: ${bytesOk ? 'PASS' : 'FAIL'} (max ${f(big.coldKB.max)} KB; aim 150 KB: ${big.coldKB.median <= 150 ? 'met' : 'missed'} at the median); first result ≤ 100 ms of computing: ${msOk ? 'PASS' : 'FAIL'} (max ${f(big.computeMs?.max ?? NaN, 1)} ms)\n`);
    if (!bytesOk || !msOk) process.exitCode = 1;
  }
}

await main();
