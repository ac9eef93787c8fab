// The reader in a real browser (playwright-core + Debian's chromium), served under a path
// prefix by a tiny static server: index → thread → collapse → permalink → quote link →
// keyboard; axe-core on the index, a thread and the 404 page; a 5,000-deep chain; 360 px.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import axe from 'axe-core';
import { generateThread } from '../src/thread/generate-thread.ts';
import { serializeThread } from '../src/thread/serialize-thread.ts';
import { serveStatic, type StaticServer } from './serve-static.ts';

const chromiumPath = '/usr/bin/chromium';
const skip = existsSync(chromiumPath) ? false : `no ${chromiumPath}: install it with apt-get install chromium (.ci/run does)`;
const projectDir = fileURLToPath(new URL('..', import.meta.url));
const prefix = '/reader-test/';
let work: string;
let server: StaticServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'browser-reader-'));
  const threads = join(work, 'threads');
  cpSync(new URL('site-threads/', import.meta.url), threads, { recursive: true });
  // A recovered thread with a fixes file beside it (kept apart: the site-build test counts site-threads/).
  cpSync(new URL('fixer-threads/', import.meta.url), threads, { recursive: true });
  writeFileSync(join(threads, 'chain.json'), serializeThread(generateThread({ comments: 5000, shape: 'chain', seed: 5, id: 'chain' })));
  const env: NodeJS.ProcessEnv = { ...process.env, THREADS_DIR: threads, ARCHIVE_DIR: join(work, 'archive'), SITE_DIR: join(work, 'site'), CACHE_DIR: join(work, 'cache'), PATH_PREFIX: prefix };
  delete env.INIT_CWD;
  delete env.SITE_URL;
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: projectDir, env, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  server = await serveStatic(join(work, 'site'), prefix);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function newPage(options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1000, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

const focusedComment = (page: Page) => page.evaluate(() => (document.activeElement?.tagName === 'SUMMARY' ? document.activeElement.parentElement!.id : `not a summary: ${document.activeElement?.tagName}`));
const inViewport = (page: Page, id: string) =>
  page.evaluate((id) => {
    const r = document.getElementById(id)!.querySelector(':scope > summary')!.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.top < innerHeight;
  }, id);

test('index → thread → collapse a subtree → permalink → quote link → keyboard', { skip }, async () => {
  const page = await newPage();
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Ask: how do you plan paths in a small garden?' }).click();
  await page.waitForURL(`${server.url}t/garden-paths/`);
  assert.equal(await page.locator('h1').textContent(), 'Ask: how do you plan paths in a small garden?');

  // Collapse g1: its replies disappear and its summary says how many comments it hides.
  await page.locator('#g1 > summary').click();
  assert.equal(await page.locator('#g1').evaluate((d: HTMLDetailsElement) => d.open), false);
  assert.equal(await page.locator('#g2').isVisible(), false);
  assert.equal(await page.locator('#g1 > summary .hc').innerText(), '· 5 comments hidden');
  // A link into the collapsed subtree (a block of the overview picture) opens it again.
  await page.locator('.overview a[href="#g4"]').click();
  assert.equal(await page.locator('#g4').isVisible(), true);
  assert.ok(await inViewport(page, 'g4'), 'g4 scrolled into view');

  // Permalink.
  await page.locator('#g3 > .nav a', { hasText: 'link' }).click();
  assert.equal(new URL(page.url()).hash, '#g3');
  assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), 'g3');

  // A quote links to the comment it quotes (here one in another branch).
  assert.equal(await page.locator('#g10 > .t .qf').innerText(), 'quoted from tern');
  await page.locator('#g10 > .t .qf a').click();
  assert.equal(new URL(page.url()).hash, '#g6');
  assert.ok(await inViewport(page, 'g6'));
  // …and the quoted comment lists who quoted it.
  await page.locator('#g6 > .qb a', { hasText: 'late_comer' }).click();
  assert.equal(new URL(page.url()).hash, '#g10');

  // Keyboard: j/k/p move between comments, Enter collapses, ? lists the keys.
  await page.goto(`${server.url}t/garden-paths/`);
  await page.locator('h1').click();
  await page.keyboard.press('j');
  assert.equal(await focusedComment(page), 'g1');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await focusedComment(page), 'g3');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('k');
  assert.equal(await focusedComment(page), 'g2');
  await page.keyboard.press('p');
  assert.equal(await focusedComment(page), 'g1');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#g1').evaluate((d: HTMLDetailsElement) => d.open), false);
  await page.keyboard.press('j');
  assert.equal(await focusedComment(page), 'g6', 'j skips the collapsed subtree');
  await page.keyboard.press(' ');
  assert.equal(await page.locator('#g6').evaluate((d: HTMLDetailsElement) => d.open), false);
  await page.keyboard.press('?');
  assert.equal(await page.locator('#_keys').isVisible(), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#_keys').isVisible(), false);

  // Expand all / collapse all.
  await page.getByRole('button', { name: 'Collapse all' }).click();
  assert.equal(await page.locator('details.c[open]').count(), 0);
  await page.getByRole('button', { name: 'Expand all' }).click();
  assert.equal(await page.locator('details.c:not([open])').count(), 0);
  assert.deepEqual((page as Page & { errors: string[] }).errors, []);
  await page.close();
});

test('fixing a recovered tree: join, move, top-level and split fixes become NAME.fixes.json text, kept across reloads', { skip }, async () => {
  const page = await newPage();
  await page.goto(`${server.url}t/inferred-parents/`);
  const json = page.locator('#_fix .fix-json');
  assert.equal(await page.locator('#_fix').isVisible(), false, 'hidden until asked for');
  assert.equal(await page.locator('#p3 > .fixer').count(), 0);
  await page.getByRole('button', { name: 'Fix the tree' }).click();
  assert.equal(await page.locator('#_fix').isVisible(), true);
  assert.match((await page.locator('#_fix').innerText()), /inferred-parents\.fixes\.json/);
  assert.equal(await json.innerText(), '(no fixes yet)');
  // What to check first: the least sure cuts and parents, least sure first, each a link to its comment.
  const doubts = page.locator('#_fix .doubts a');
  assert.deepEqual(await doubts.evaluateAll((links) => links.map((a) => a.getAttribute('href'))), ['#p3', '#p3', '#p1', '#p2', '#p1', '#p2']);
  assert.equal(await page.locator('#_fix .doubts li').first().innerText(), 'wren, line 7 (“Which one do you use yourself?”): 55% sure of what it answers');
  assert.equal(await page.locator('#_fix .doubts li').nth(2).innerText(), 'wren, lines 1–2 (“I write long documents and want soft…”): 90% sure of what it answers');
  // The first comment has nothing before it to join.
  assert.equal(await page.locator('#p1 > .fixer [data-fix="join"]').count(), 0);

  // p3 (dump line 7) joins the comment before: a "merge" of line 7; pressing again undoes it.
  const join = page.locator('#p3 > .fixer [data-fix="join"]');
  await join.click();
  assert.deepEqual(JSON.parse(await json.innerText()), { merge: [7] });
  assert.equal(await join.getAttribute('aria-pressed'), 'true');
  await join.click();
  assert.equal(await json.innerText(), '(no fixes yet)');

  // p3 answers p1 instead of p2: the choices are the comment before and its ancestors, then the
  // story. Fixes name comments by their first dump line ("line 7"), which a join or split leaves alone.
  const select = page.locator('#p3 > .fixer [data-fix="parent"]');
  await select.focus();
  const choices = await select.locator('option').allInnerTexts();
  assert.deepEqual(choices.map((c) => c.replace(/:.*/, '')), ['answers… (as parsed)', 'answers osk', 'answers wren', 'is a top-level comment']);
  await select.selectOption('p1');
  assert.deepEqual(JSON.parse(await json.innerText()), { comments: { 'line 7': { parent: 'line 1' } } });
  // p2 becomes a top-level comment.
  await page.locator('#p2 > .fixer [data-fix="parent"]').focus();
  await page.locator('#p2 > .fixer [data-fix="parent"]').selectOption({ label: 'is a top-level comment' });
  // p2 (dump lines 3–6) is cut in two at line 5: a "split".
  const split = page.locator('#p2 > .fixer [data-fix="split"]');
  assert.deepEqual((await split.locator('option').allInnerTexts()).slice(1), [4, 5, 6].map((l) => `a new comment starts at line ${l}`));
  await split.selectOption('5');
  assert.deepEqual(JSON.parse(await json.innerText()), { comments: { 'line 7': { parent: 'line 1' }, 'line 3': { parent: null } }, split: [5] });
  assert.equal(await page.locator('#p3 > .fixer [data-fix="split"]').count(), 0, 'a one-line comment has nothing to split');
  // Joining p3 after all: a joined comment answers nothing of its own (its line would name p2).
  await join.click();
  const expected = { comments: { 'line 3': { parent: null } }, split: [5], merge: [7] };
  assert.deepEqual(JSON.parse(await json.innerText()), expected);

  // Kept in this browser across a reload, until cleared.
  await page.reload();
  await page.getByRole('button', { name: 'Fix the tree' }).click();
  assert.deepEqual(JSON.parse(await json.innerText()), expected);
  assert.equal(await page.locator('#p3 > .fixer [data-fix="join"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await split.inputValue(), '5');
  await page.getByRole('button', { name: 'Clear' }).click();
  assert.equal(await json.innerText(), '(no fixes yet)');
  // A thread given whole by its dump has no fixer.
  await page.goto(`${server.url}t/garden-paths/`);
  assert.equal(await page.getByRole('button', { name: 'Fix the tree' }).count(), 0);
  assert.deepEqual((page as Page & { errors: string[] }).errors, []);
});

test("fixing a plain dump: its first comment can be marked as the story's text, and the file that makes parses", { skip }, async () => {
  const page = await browser.newPage({ acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}t/plain-story/`);
  await page.getByRole('button', { name: 'Fix the tree' }).click();
  const json = page.locator('#_fix .fix-json');
  const first = page.locator('details.c').first();
  assert.deepEqual([await first.getAttribute('data-l'), await first.getAttribute('data-last')], ['1', null], 'the parser cuts line 1 on its own: the case this test needs');
  const story = first.locator(':scope > .fixer [data-fix="story"]');
  assert.equal(await page.locator('.fixer [data-fix="story"]').count(), 1, 'only the first comment can be the story');
  await story.click();
  assert.deepEqual(JSON.parse(await json.innerText()), { story: [1] });
  assert.equal(await story.getAttribute('aria-pressed'), 'true');
  await story.click();
  assert.equal(await json.innerText(), '(no fixes yet)');
  await story.click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  const again = join(work, 'story-again');
  cpSync(new URL('fixer-threads/', import.meta.url), again, { recursive: true });
  await download.saveAs(join(again, 'plain-story.fixes.json'));
  const parsed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', join(again, 'plain-story.txt'), '-o', join(again, 'out.json')], { cwd: projectDir, encoding: 'utf8' });
  assert.equal(parsed.status, 0, parsed.stderr);
  const out = JSON.parse(readFileSync(join(again, 'out.json'), 'utf8')) as { text?: string; comments: { lines: [number, number] }[] };
  assert.equal(out.text, 'The city council voted last night to close the old bridge to cars for good.');
  assert.equal(out.comments[0]!.lines[0], 3);
  // A thread from a copied page or a JSON dump has no such button.
  await page.goto(`${server.url}t/inferred-parents/`);
  await page.getByRole('button', { name: 'Fix the tree' }).click();
  assert.equal(await page.locator('.fixer [data-fix="story"]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('fixing a tree that has a fixes file: the whole file is offered, a join undoes its split, and it downloads', { skip }, async () => {
  const page = await browser.newPage({ acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}t/inferred-fixed/`);
  const json = page.locator('#_fix .fix-json');
  await page.getByRole('button', { name: 'Fix the tree' }).click();
  // inferred-fixed.fixes.json, as applied by the parse (its title and author are on the page),
  // its comment named by the first dump line instead of the id.
  const file = { title: 'Which editor for prose?', comments: { 'line 3': { author: 'osk' } }, split: [7] };
  assert.deepEqual(JSON.parse(await json.innerText()), file);
  assert.equal(await page.locator('h1').innerText(), file.title);
  // p3 starts at line 7 because of the file's split; joining it undoes the split.
  await page.locator('#p3 > .fixer [data-fix="join"]').click();
  await page.locator('#p2 > .fixer [data-fix="parent"]').focus();
  await page.locator('#p2 > .fixer [data-fix="parent"]').selectOption({ label: 'is a top-level comment' });
  const whole = { title: file.title, comments: { 'line 3': { author: 'osk', parent: null } }, merge: [7] };
  assert.deepEqual(JSON.parse(await json.innerText()), whole);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  assert.equal(download.suggestedFilename(), 'inferred-fixed.fixes.json');
  assert.equal(readFileSync((await download.path())!, 'utf8'), `${JSON.stringify(whole, null, 2)}\n`);
  // Saved beside the dump in place of the old file, it parses: p2 is now at top level.
  const again = join(work, 'fixed-again');
  cpSync(new URL('fixer-threads/', import.meta.url), again, { recursive: true });
  await download.saveAs(join(again, 'inferred-fixed.fixes.json'));
  const parsed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', join(again, 'inferred-fixed.json'), '-o', join(again, 'out.json')], { cwd: projectDir, encoding: 'utf8' });
  assert.equal(parsed.status, 0, parsed.stderr);
  const out = JSON.parse(readFileSync(join(again, 'out.json'), 'utf8')) as { comments: { id: string; parent: string | null; author?: string }[] };
  assert.deepEqual(out.comments.find((c) => c.id === 'p2'), { ...out.comments.find((c) => c.id === 'p2'), parent: null, author: 'osk' });
  // A fix the file already has is not kept in the browser: here, a stored split of line 7.
  await page.evaluate(() => localStorage.setItem('thread-archive:fixes:inferred-fixed', JSON.stringify({ merge: [], split: [7], comments: {} })));
  await page.reload();
  await page.getByRole('button', { name: 'Fix the tree' }).click();
  assert.deepEqual(JSON.parse(await json.innerText()), file);
  assert.deepEqual(JSON.parse((await page.evaluate(() => localStorage.getItem('thread-archive:fixes:inferred-fixed')))!), { merge: [], split: [], story: [], comments: {} });
  assert.equal(await page.locator('#_fix .fixed, .fixed').count(), 0);
  // Clear forgets the browser's fixes, not the file's.
  await page.locator('#p3 > .fixer [data-fix="join"]').click();
  await page.getByRole('button', { name: 'Clear' }).click();
  assert.deepEqual(JSON.parse(await json.innerText()), file);
  assert.deepEqual(errors, []);
  await page.close();
});

test('readable with JavaScript off: every comment shown, subtrees still collapse', { skip }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}t/garden-paths/`);
  assert.equal(await page.locator('details.c:visible').count(), 11);
  assert.equal(await page.locator('#_tools').isVisible(), false, 'no buttons that need a script');
  await page.locator('#g6 > summary').click();
  assert.equal(await page.locator('#g7').isVisible(), false);
  assert.equal(await page.locator('#g6 > summary .hc').innerText(), '· 4 comments hidden');
  await context.close();
});

test('axe-core: no serious or critical violation on the index, a thread (with the fixer open too) and the 404 page (light and dark)', { skip }, async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await newPage({ colorScheme });
    // `#fix`: the same thread with the fixer open (its list, controls and buttons).
    for (const path of ['', 't/garden-paths/', 't/inferred-parents/', 't/inferred-fixed/#fix', 't/hostile-input/', 'no/such/page/']) {
      const response = await page.goto(server.url + path.replace('#fix', ''));
      if (path.startsWith('no/')) assert.equal(response?.status(), 404);
      if (path.endsWith('#fix')) await page.getByRole('button', { name: 'Fix the tree' }).click();
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
      });
      assert.deepEqual(violations, [], `${colorScheme} /${path}`);
    }
    await page.close();
  }
});

test('a 5,000-deep chain renders and scrolls; depth 50 is nested in the DOM', { skip, timeout: 240_000 }, async () => {
  const page = await newPage();
  await page.goto(`${server.url}t/chain/#c5000`, { timeout: 120_000 });
  assert.equal(await page.locator('details.c').count(), 5000);
  assert.ok(await inViewport(page, 'c5000'), 'the last reply is on screen');
  assert.ok(await page.evaluate(() => document.documentElement.scrollHeight > 100 * innerHeight), 'the page scrolls');
  assert.equal(await page.evaluate(() => document.getElementById('c50')!.parentElement!.closest('details.c')!.id), 'c49');
  // Below level 451 replies follow one another inside it (browsers cannot nest ~512 deep).
  assert.equal(await page.evaluate(() => document.getElementById('c5000')!.parentElement!.id), 'c451');
  assert.equal(await page.locator('#c4000 > .t').isVisible(), true);
  await page.locator('#c5000 > summary').focus();
  await page.keyboard.press('k');
  assert.equal(await focusedComment(page), 'c4999');
  await page.keyboard.press('p');
  assert.equal(await focusedComment(page), 'c4998', 'p goes to the parent even where the browser flattens deep nesting');
  await page.close();
});

test('comfortable at 360 px: no sideways scrolling on the index and thread pages', { skip }, async () => {
  const page = await newPage({ width: 360 });
  for (const path of ['', 't/garden-paths/', 't/hostile-input/', 't/chain/']) {
    await page.goto(server.url + path, { timeout: 120_000 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `/${path} is ${width}px wide`);
  }
  await page.close();
});
