// `npm run bench:reader`: builds a generated 5,000-comment thread (and a 5,000-deep chain) and
// reports build time, page bytes (gzip), markup bytes per comment beyond the text, and the
// JavaScript a thread page loads (gzip; the budget is 10 KB).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateThread } from '../src/thread/generate-thread.ts';
import { serializeThread } from '../src/thread/serialize-thread.ts';
import { projectDir } from '../src/build/build-site.ts';

const jsBudget = 10 * 1024;
const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Figures {
  name: string;
  comments: number;
  buildSeconds: number;
  siteSeconds: number;
  pageBytes: number;
  pageGzip: number;
  textBytes: number;
  renderedTextBytes: number;
  wrapperPerComment: number;
  beyondTextPerComment: number;
  jsGzip: number;
  renderSeconds: number;
}

function bench(name: string, shape: 'bushy' | 'chain', comments: number): Figures {
  const work = mkdtempSync(join(tmpdir(), 'bench-reader-'));
  try {
    const threadsDir = join(work, 'threads');
    mkdirSync(threadsDir);
    const thread = generateThread({ comments, shape, seed: 7, id: name });
    writeFileSync(join(threadsDir, `${name}.json`), serializeThread(thread));
    const env = { ...process.env, THREADS_DIR: threadsDir, ARCHIVE_DIR: join(work, 'archive'), SITE_DIR: join(work, 'site'), CACHE_DIR: join(work, 'cache') };
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: projectDir, env, encoding: 'utf8' });
    const buildSeconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`build failed:\n${run.stderr}`);
    const siteSeconds = Number(/site written to .* in ([\d.]+) s/.exec(run.stderr)?.[1] ?? NaN);
    const html = readFileSync(join(work, 'site', 't', name, 'index.html'), 'utf8');
    // The reader's own share: rendering the page body from the archive JSON, in a fresh process.
    const timing = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', `import { threadPageBody } from './src/site/_lib/thread-page.ts'; import { readFileSync } from 'node:fs'; const t = JSON.parse(readFileSync(${JSON.stringify(join(work, 'archive', `${name}.json`))}, 'utf8')); const s = performance.now(); threadPageBody(t); console.log((performance.now() - s) / 1000);`],
      { cwd: projectDir, encoding: 'utf8' },
    );
    const renderSeconds = Number(timing.stdout.trim());

    // Text: the comments' Markdown as written, and the HTML it renders to (inside .t).
    const textBytes = thread.comments.reduce((n, c) => n + Buffer.byteLength(c.text), 0);
    let renderedTextBytes = 0;
    for (const m of html.matchAll(/<div class="t">([\s\S]*?)<\/div><p class="nav">/g)) renderedTextBytes += Buffer.byteLength(m[1]!);
    const start = html.indexOf('<section class="comments"');
    const end = html.indexOf('</section>', html.lastIndexOf('</details>'));
    const treeBytes = Buffer.byteLength(html.slice(start, end));

    // JavaScript the thread page loads: external scripts plus inline ones.
    let js = '';
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const src = /\bsrc="([^"]+)"/.exec(m[1]!)?.[1];
      if (src) js += readFileSync(join(work, 'site', src.replace(/^\//, '').replace(/\?.*$/, '')), 'utf8');
      else js += m[2];
    }
    return {
      name,
      comments: thread.comments.length,
      buildSeconds,
      siteSeconds,
      pageBytes: Buffer.byteLength(html),
      pageGzip: gz(html),
      textBytes,
      renderedTextBytes,
      wrapperPerComment: (treeBytes - renderedTextBytes) / thread.comments.length,
      beyondTextPerComment: (Buffer.byteLength(html) - textBytes) / thread.comments.length,
      jsGzip: gz(js),
      renderSeconds,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const results = [bench('bench-5000', 'bushy', 5000), bench('bench-chain-5000', 'chain', 5000)];
const rows = [
  ['', ...results.map((r) => r.name)],
  ['comments', ...results.map((r) => String(r.comments))],
  ['build, parse + site (wall)', ...results.map((r) => `${r.buildSeconds.toFixed(2)} s`)],
  ['  of which Eleventy (all pages, search index)', ...results.map((r) => `${r.siteSeconds.toFixed(2)} s`)],
  ['  rendering the thread page alone (cold process)', ...results.map((r) => `${r.renderSeconds.toFixed(2)} s`)],
  ['thread page', ...results.map((r) => `${kb(r.pageBytes)} (${kb(r.pageGzip)} gzip)`)],
  ['comment text (Markdown source)', ...results.map((r) => kb(r.textBytes))],
  ['markup per comment beyond its rendered text', ...results.map((r) => `${Math.round(r.wrapperPerComment)} B`)],
  ['page bytes per comment beyond the source text', ...results.map((r) => `${Math.round(r.beyondTextPerComment)} B`)],
  ['JavaScript on the page (gzip)', ...results.map((r) => `${(r.jsGzip / 1024).toFixed(2)} KB`)],
];
const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
const line = (r: string[]) => `| ${r.map((cell, k) => cell.padEnd(widths[k]!)).join(' | ')} |`;
console.log(line(rows[0]!));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows.slice(1)) console.log(line(r));
const over = results.filter((r) => r.jsGzip > jsBudget);
if (over.length) {
  console.error(`bench:reader: JavaScript on a thread page is over the 10 KB budget: ${over.map((r) => `${r.name} ${kb(r.jsGzip)}`).join(', ')}`);
  process.exitCode = 1;
}
