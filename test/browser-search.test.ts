// Search in a real browser (Debian's chromium through playwright-core), on the site built by
// `npm run build` from the invented archive in test/search-archive/ plus generated threads,
// served gzipped under a PATH_PREFIX. One browser launch for the whole file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateArchive } from '../scripts/generate-archive.ts';
import { serveStatic, type StaticServer } from '../src/search/serve-static.ts';
import type { Thread } from '../src/thread/types.ts';

const chromiumPath = '/usr/bin/chromium';
const skip = existsSync(chromiumPath) ? false : 'Debian chromium is not installed (.ci/run installs it)';
const projectDir = fileURLToPath(new URL('..', import.meta.url));
const prefix = '/some/prefix/';

let work: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
/** A word many generated comments use (for pagination). */
let commonWord = '';

before(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'search-browser-'));
  const threads = join(work, 'threads');
  const generated = generateArchive({ out: threads, comments: 800, threads: 6, seed: 11 });
  const counts = new Map<string, number>();
  for (const file of generated.files) {
    for (const c of (JSON.parse(readFileSync(file, 'utf8')) as Thread).comments) {
      for (const w of new Set(c.text.toLowerCase().match(/[a-z]{6,}/g) ?? [])) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  commonWord = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const fixtures = fileURLToPath(new URL('./search-archive/', import.meta.url));
  for (const f of readdirSync(fixtures)) copyFileSync(join(fixtures, f), join(threads, f));
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: projectDir,
    env: { ...process.env, THREADS_DIR: threads, ARCHIVE_DIR: join(work, 'archive'), SITE_DIR: join(work, 'site'), CACHE_DIR: join(work, 'cache'), PATH_PREFIX: prefix },
    stdio: 'pipe',
  });
  server = await serveStatic(join(work, 'site'), prefix);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Opens the search page for a query and waits for the outcome. */
async function search(q: string): Promise<string[]> {
  await page.goto(`${server.url}search/?q=${encodeURIComponent(q)}`);
  await waitForSearch();
  return resultIds();
}

async function waitForSearch(): Promise<void> {
  await page.waitForFunction(() => {
    const app = document.getElementById('search-app');
    const status = document.getElementById('search-status');
    return app && !app.hasAttribute('aria-busy') && status && status.textContent !== '' && status.textContent !== 'Searching…';
  });
}

/** The comment ids the result links point to, in order (each link must end with #<id>). */
async function resultIds(): Promise<string[]> {
  const hrefs = await page.locator('#search-results a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map((href) => {
    const url = new URL(href);
    assert.ok(url.pathname.startsWith(prefix), `${href} stays under the prefix`);
    // A comment: #<comment id>; a thread's story: the top of the page's content (#_main).
    assert.match(url.hash, /^#([A-Za-z][\w-]*|_main)$/, `${href} ends with #<comment id>`);
    return url.hash === '#_main' ? `story:${url.pathname}` : decodeURIComponent(url.hash.slice(1));
  });
}

test('a sentence pasted from a comment finds it first, and its link lands on it, highlighted', { skip }, async () => {
  const ids = await search('The dough only rises properly when the kitchen stays above twenty degrees.');
  assert.deepEqual(ids, ['b1', 'b2', 'b7'], 'the comment that wrote it, then the replies quoting it');
  assert.ok(await page.locator('#search-results li').first().locator('mark').count(), 'matched words highlighted in the snippet');
  await page.locator('#search-results a').first().click();
  await page.waitForURL(/\/t\/home-bread\/#b1$/);
  const target = page.locator('[id="b1"]');
  assert.ok(await target.isVisible());
  const closedAround = await target.evaluate((el) => {
    let closed = 0;
    for (let d: Element | null = el; d; d = d.parentElement) if (d instanceof HTMLDetailsElement && !d.open) closed++;
    return closed;
  });
  assert.equal(closedAround, 0, 'the comment and its ancestors are expanded');
  const marks = await target.locator(':scope > .t mark.search-hit').allTextContents();
  assert.ok(marks.map((m) => m.toLowerCase()).includes('dough'), `highlighted on the thread page: ${marks.join(', ')}`);
});

test('a quoted phrase mixed with a word', { skip }, async () => {
  assert.deepEqual((await search('"twenty degrees" myth')).sort(), ['b6', 'b7']);
  assert.deepEqual(await search('"twenty degrees" myth -is:quote'), ['b6']);
  assert.deepEqual((await search('degr* myth')).sort(), ['b6', 'b7'], 'a prefix* with a word');
});

test('author:, thread:, -word, is:quote and -is:quote', { skip }, async () => {
  assert.deepEqual((await search('author:crumbshot')).sort(), ['b2', 'b5']);
  assert.deepEqual(await search('thread:winter-cycling degrees'), ['w2']);
  assert.deepEqual((await search('dough -rye')).sort(), ['b1', 'b2', 'b6', 'w2']);
  assert.deepEqual(await search('breakfast is:quote'), ['w5']);
  assert.deepEqual(await search('breakfast -is:quote'), ['w4']);
});

test('no results: says so and suggests what to drop; the suggestion and the back button work', { skip }, async () => {
  assert.deepEqual(await search('dough bicycle'), []);
  assert.match(await page.locator('#search-status').innerText(), /No results/);
  const suggestion = page.locator('#search-status a', { hasText: 'bicycle' });
  assert.equal(await suggestion.count(), 1);
  await suggestion.click();
  await page.waitForURL(/\?q=dough$/);
  await waitForSearch();
  assert.equal((await resultIds()).length, 5);
  await page.goBack();
  await page.waitForURL(/\?q=dough%20bicycle$/);
  await waitForSearch();
  assert.equal(await page.inputValue('#search-q'), 'dough bicycle');
  assert.deepEqual(await resultIds(), []);
});

test('the search box of a thread page searches within the thread', { skip }, async () => {
  await page.goto(`${server.url}t/winter-cycling/`);
  await page.fill('#_sb-tq', 'degrees');
  await page.press('#_sb-tq', 'Enter');
  await page.waitForURL(/\/search\/\?q=thread%3Awinter-cycling/);
  await waitForSearch();
  assert.deepEqual(await resultIds(), ['w2']);
});

test('results are paginated', { skip }, async () => {
  await search(commonWord);
  const firstPage = await resultIds();
  assert.equal(firstPage.length, 10);
  await page.locator('#search-pager a[rel="next"]').click();
  await page.waitForURL(/page=2/);
  await waitForSearch();
  const second = await resultIds();
  assert.ok(second.length > 0);
  assert.ok(second.every((id) => !firstPage.includes(id)), 'page 2 shows other comments');
});

test('once loaded, the search page works offline', { skip }, async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${server.url}search/?q=${encodeURIComponent('"twenty degrees" myth')}`);
  // The service worker keeps every file fetched so far (the page says so with data-offline-ready).
  await tab.waitForFunction(() => document.getElementById('search-app')?.dataset.offlineReady === 'true');
  await context.setOffline(true);
  await tab.reload();
  await tab.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0);
  const ids = await tab.locator('#search-results a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash).sort());
  assert.deepEqual(ids, ['#b6', '#b7']);
  await context.close();
});

test('with JavaScript off the search page says so plainly', { skip }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const off = await context.newPage();
  await off.goto(`${server.url}search/?q=dough`);
  const text = await off.locator('main').innerText();
  assert.match(text, /Search needs JavaScript, and it is turned off/);
  await context.close();
});
