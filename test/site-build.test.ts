// The reader's static build: builds invented thread-JSON dumps (test/site-threads/, plus a
// broken dump and many small generated threads) under PATH_PREFIX=/some/prefix/ and checks
// every page: valid HTML, no broken internal link, the comment-element contract, the
// hostile fixture inert and complete, quotes, markers, feed, sitemap and JSON download.
// A second build renders a 5,000-deep reply chain.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { filesUnder as files } from '../src/util/files-under.ts';
import type { Element, Root } from 'hast';
import { HtmlValidate } from 'html-validate';
import { generateThread } from '../src/thread/generate-thread.ts';
import { serializeThread } from '../src/thread/serialize-thread.ts';
import type { Thread } from '../src/thread/types.ts';
import { maxNesting } from '../src/render/render-comment-tree.ts';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const prefix = '/some/prefix/';
let work: string;
let site: string;
let archive: string;
let build: { status: number | null; stderr: string };

function runBuild(env: Record<string, string>) {
  const clean = { ...process.env };
  for (const key of ['PATH_PREFIX', 'SITE_URL', 'SITE_TITLE', 'THREADS_DIR', 'ARCHIVE_DIR', 'SITE_DIR', 'CACHE_DIR', 'INIT_CWD']) delete clean[key];
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: projectDir, env: { ...clean, ...env }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}


const pages = new Map<string, Root>();
/** A built page as a hast tree (cached). */
function page(path: string): Root {
  let tree = pages.get(path);
  if (!tree) pages.set(path, (tree = fromHtml(readFileSync(join(site, path), 'utf8'))));
  return tree;
}

/** Each element's parent element, by walking the tree with a stack. */
function parents(tree: Root): Map<Element, Element | undefined> {
  const map = new Map<Element, Element | undefined>();
  const stack: [Root | Element, Element | undefined][] = [[tree, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      map.set(child, parent === undefined && node.type === 'root' ? undefined : (node as Element));
      stack.push([child, child]);
    }
  }
  return map;
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'site-build-'));
  const threads = join(work, 'threads');
  cpSync(new URL('site-threads/', import.meta.url), threads, { recursive: true });
  writeFileSync(join(threads, 'broken-dump.json'), '{"version": 1, "id": "broken", "comments": [');
  // Enough small threads for three index pages.
  for (let i = 0; i < 105; i++) {
    const t = generateThread({ comments: 3, seed: 100 + i, id: `small-${String(i).padStart(3, '0')}` });
    writeFileSync(join(threads, `small-${String(i).padStart(3, '0')}.json`), serializeThread(t));
  }
  site = join(work, 'site');
  archive = join(work, 'archive');
  build = runBuild({ THREADS_DIR: threads, ARCHIVE_DIR: archive, SITE_DIR: site, CACHE_DIR: join(work, 'cache'), PATH_PREFIX: prefix });
});

after(() => rmSync(work, { recursive: true, force: true }));

test('a bad dump is reported by file name, the rest is built, and the build exits non-zero', () => {
  assert.equal(build.status, 1, build.stderr);
  assert.match(build.stderr, /broken-dump\.json/);
  assert.equal(build.stderr.match(/broken-dump/g)!.length, 1, 'reported once');
  for (const id of ['garden-paths', 'hostile-input', 'inferred-parents', 'small-000', 'small-104']) {
    assert.ok(existsSync(join(site, 't', id, 'index.html')), `${id} built`);
  }
  assert.ok(!existsSync(join(site, 't', 'broken-dump')));
});

test('every HTML page is valid (html-validate, recommended rules)', async () => {
  // Ids: HTML5 allows any id without spaces; page-level ids start with `_` so that they can
  // never clash with comment ids (which start with a letter), hence `relaxed`. Titles are the
  // source's own words, however long. With a PATH_PREFIX, Eleventy's <base> plugin writes
  // boolean attributes as `open=""`, which HTML allows: the two attribute-style rules are off.
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: { 'valid-id': ['error', { relaxed: true }], 'long-title': 'off', 'attribute-boolean-style': 'off', 'attribute-empty-style': 'off' },
  });
  const htmlFiles = files(site).filter((f) => f.endsWith('.html'));
  assert.ok(htmlFiles.length > 110, `${htmlFiles.length} pages`);
  const problems: string[] = [];
  for (const file of htmlFiles) {
    const report = await validator.validateString(readFileSync(file, 'utf8'), relative(site, file));
    for (const result of report.results) for (const m of result.messages) problems.push(`${result.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  assert.deepEqual(problems, []);
});

test('no broken internal link under PATH_PREFIX: every URL resolves to a built file and every fragment to an element', () => {
  const origin = 'http://archive.test';
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) ids.set(file, (set = new Set(selectAll('[id]', page(relative(site, file))).map((e) => String(e.properties.id)))));
    return set;
  };
  const broken: string[] = [];
  let checked = 0;
  const check = (from: string, raw: string) => {
    const pageUrl = `${origin}${prefix}${from.replace(/(^|\/)index\.html$/, '$1')}`;
    const url = new URL(raw, pageUrl);
    if (url.origin !== origin) return;
    checked++;
    if (!url.pathname.startsWith(prefix)) return broken.push(`${from}: ${raw} is outside ${prefix}`);
    let file = join(site, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return broken.push(`${from}: ${raw} → no file`);
    if (url.hash && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${from}: ${raw} → no element with that id`);
  };
  for (const file of files(site)) {
    const from = relative(site, file);
    if (file.endsWith('.html')) {
      for (const el of selectAll('[href], [src], form[action]', page(from))) {
        for (const key of ['href', 'src', 'action'] as const) {
          const value = el.properties[key];
          if (typeof value === 'string') check(from, value);
        }
      }
    } else if (file.endsWith('.xml')) {
      const xml = readFileSync(file, 'utf8');
      for (const m of xml.matchAll(/<link[^>]* href="([^"]+)"|<loc>([^<]+)<\/loc>/g)) check(from, (m[1] ?? m[2]!).replace(/&amp;/g, '&'));
    }
  }
  assert.ok(checked > 1000, `${checked} links checked`);
  assert.deepEqual(broken, []);
});

test('contract: the element of comment X has id X and sits inside its parent comment\'s element', () => {
  for (const id of ['garden-paths', 'hostile-input', 'inferred-parents', 'small-007']) {
    const thread = JSON.parse(readFileSync(join(archive, `${id}.json`), 'utf8')) as Thread;
    const tree = page(`t/${id}/index.html`);
    const up = parents(tree);
    const byId = new Map(selectAll('[id]', tree).map((e) => [String(e.properties.id), e]));
    for (const c of thread.comments) {
      const el = byId.get(c.id);
      assert.ok(el, `${id}: element for ${c.id}`);
      if (c.parent === null) continue;
      const parentEl = byId.get(c.parent)!;
      let p = up.get(el);
      while (p && p !== parentEl) p = up.get(p);
      assert.equal(p, parentEl, `${id}: ${c.id} inside ${c.parent}`);
    }
  }
});

test('hostile input: nothing in a comment, title or author is active, and every word shows as typed', () => {
  const tree = page('t/hostile-input/index.html');
  const html = readFileSync(join(site, 't/hostile-input/index.html'), 'utf8');
  const scripts = selectAll('script', tree).map((s) => String(s.properties.src ?? 'inline'));
  assert.ok(scripts.every((src) => src.startsWith(prefix)), `only our scripts: ${scripts.join(' ')}`);
  const active = ['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'img', 'svg', 'meta', 'base', 'link'];
  const where = ['.story', 'details.c'];
  const found = selectAll(where.flatMap((w) => active.map((tag) => `${w} ${tag}`)).join(', '), tree);
  assert.deepEqual(found.map((e) => e.tagName), []);
  const attrs: string[] = [];
  for (const el of selectAll('*', tree)) {
    for (const [key, value] of Object.entries(el.properties)) {
      if (/^on/i.test(key)) attrs.push(`${el.tagName} ${key}`);
      if ((key === 'href' || key === 'src' || key === 'action') && /^\s*(javascript|data|vbscript):/i.test(String(value))) attrs.push(`${el.tagName} ${key}=${value}`);
      if (key === 'style') attrs.push(`${el.tagName} style`);
    }
  }
  assert.deepEqual(attrs, []);
  // Only the reader's own <details>: one per comment.
  assert.equal(selectAll('main details', tree).length, 9);
  const text = toText(select('main', tree)!);
  for (let n = 1; n <= 26; n++) assert.ok(text.includes(`zebra${String(n).padStart(2, '0')}`), `zebra${String(n).padStart(2, '0')} shown`);
  for (const typed of [
    "<script>alert('zebra02')</script>",
    '<style>body { display: none }</style>',
    '<iframe src="https://evil.example/zebra11"></iframe>',
    '1 < 2 && 3 > 2',
    '</details></details></main>',
    "<details open ontoggle=alert('zebra22')>",
    "<script>alert('title')</script> & friends",
    '"><svg onload=alert(2)>',
    "javascript:alert('story-url')",
  ]) {
    assert.ok(text.includes(typed), `shown as typed: ${typed}`);
  }
  assert.ok(!/<script>alert/.test(html.replace(/&lt;script&gt;|&#x3C;script>/g, '')), 'no raw script tag in the bytes');
});

test('quotes link to their source, quoted comments list who quoted them; markers and counts', () => {
  const tree = page('t/garden-paths/index.html');
  const from = (id: string) => selectAll(`[id="${id}"] > .t .qf a`, tree).map((a) => String(a.properties.href));
  assert.deepEqual(from('g2'), ['#g1']);
  assert.deepEqual(from('g4'), ['#g3']);
  assert.deepEqual(from('g10'), ['#g6'], 'a quote of a comment in another branch');
  assert.equal(toText(select('[id="g2"] > .t .qf a', tree)!), 'quill_and_rake');
  assert.deepEqual(selectAll('[id="g1"] > .qb a', tree).map((a) => String(a.properties.href)), ['#g2']);
  assert.deepEqual(selectAll('[id="g6"] > .qb a', tree).map((a) => String(a.properties.href)), ['#g10']);
  assert.match(toText(select('[id="g1"] > summary .hc', tree)!), /5 comments hidden/);
  assert.match(toText(select('[id="g4"] > summary .hc', tree)!), /1 comment hidden/);
  assert.match(toText(select('[id="g8"] > .t', tree)!), /\[deleted\]/);
  assert.match(toText(select('[id="g11"] > summary', tree)!), /parent missing/);
  assert.match(toText(select('main .facts', tree)!), /2 comments listed by the source but not in the dump/);
  assert.deepEqual(
    selectAll('[id="g3"] > .nav a', tree).map((a) => `${toText(a)} ${a.properties.href}`),
    ['link #g3', 'parent #g2', 'root #g1'],
  );
  assert.deepEqual(
    selectAll('[id="g5"] > .nav a', tree).map((a) => `${toText(a)} ${a.properties.href}`),
    ['link #g5', 'parent #g1', 'prev #g2'],
  );
  for (const a of selectAll('main .t a[href^="http"]', tree)) assert.deepEqual(a.properties.rel, ['nofollow', 'ugc', 'noopener']);
  const inferred = page('t/inferred-parents/index.html');
  const marker = select('[id="p3"] > summary .inf', inferred)!;
  assert.match(toText(marker), /inferred 55%/);
  // What a fix names: the dump lines and the id.
  assert.match(String(marker.properties.title), /cues: adjacency; dump lines 7–7, id p3$/);
  assert.equal(select('[id="g3"] > summary .inf', tree), undefined, 'no marker on links the source gave');
});

test('the overview picture links every block into the page', () => {
  const tree = page('t/garden-paths/index.html');
  const links = selectAll('.overview svg a', tree);
  assert.ok(links.length >= 5, `${links.length} blocks`);
  for (const a of links) assert.ok(select(`[id="${String(a.properties.href).slice(1)}"]`, tree), `${a.properties.href} exists`);
  assert.match(toText(select('.overview figcaption', tree)!), /11 comments from 7 commenters/);
});

test('index: newest first, paginated, with counts; thread JSON downloadable; feed and sitemap', () => {
  const first = page('index.html');
  const items = selectAll('ol.threads > li', first);
  assert.equal(items.length, 50);
  assert.ok(existsSync(join(site, 'page/3/index.html')) && !existsSync(join(site, 'page/4/index.html')), '108 threads make 3 pages');
  const dates = items.map((li) => String(select('time', li)?.properties.dateTime ?? ''));
  assert.deepEqual([...dates].sort().reverse(), dates, 'newest first');
  const all = [1, 2, 3].flatMap((n) => selectAll('ol.threads > li', page(n === 1 ? 'index.html' : `page/${n}/index.html`)));
  const garden = all.find((li) => toText(li).includes('how do you plan paths'));
  assert.ok(garden);
  assert.match(toText(garden), /11 comments · 7 participants · Hacker News|11 comments · 7 participants · thread JSON · garden\.example\.org/);
  assert.equal(readFileSync(join(site, 't/garden-paths/garden-paths.json'), 'utf8'), readFileSync(join(archive, 'garden-paths.json'), 'utf8'));
  const feed = readFileSync(join(site, 'feed.xml'), 'utf8');
  assert.match(feed, /^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
  assert.equal(feed.match(/<entry>/g)!.length, 50);
  assert.ok(!feed.includes('<script'), 'feed escapes titles');
  const sitemap = readFileSync(join(site, 'sitemap.xml'), 'utf8');
  assert.equal(sitemap.match(/<url>/g)!.length, 108 + 3);
  assert.ok(existsSync(join(site, '404.html')));
});

test('a 5,000-deep reply chain builds: replies nest in the one they answer down to level 451, deeper ones follow inside it', () => {
  const deep = join(work, 'deep');
  mkdirSync(join(deep, 'threads'), { recursive: true });
  writeFileSync(join(deep, 'threads', 'chain.json'), serializeThread(generateThread({ comments: 5000, shape: 'chain', seed: 3, id: 'chain' })));
  const result = runBuild({ THREADS_DIR: join(deep, 'threads'), ARCHIVE_DIR: join(deep, 'archive'), SITE_DIR: join(deep, 'site'), CACHE_DIR: join(deep, 'cache') });
  assert.equal(result.status, 0, result.stderr);
  const html = readFileSync(join(deep, 'site/t/chain/index.html'), 'utf8');
  // Comment text is escaped, so the only <details> tags are the reader's: follow them with a stack.
  const stack: string[] = [];
  let deepest = 0;
  let opened = 0;
  for (const m of html.matchAll(/<details class="c[^"]*" id="([^"]+)"|<\/details>/g)) {
    if (m[1]) {
      // c1 is level 1; c451 is at maxNesting (450, 0-based), the last level that holds its replies.
      const expectedParent = opened === 0 ? undefined : opened <= maxNesting + 1 ? `c${opened}` : `c${maxNesting + 1}`;
      assert.equal(stack[stack.length - 1], expectedParent, `c${opened + 1} opens inside ${expectedParent}`);
      stack.push(m[1]);
      opened++;
      deepest = Math.max(deepest, stack.length);
    } else {
      stack.pop();
    }
  }
  assert.equal(opened, 5000);
  assert.equal(deepest, maxNesting + 2);
  assert.equal(stack.length, 0);
});
