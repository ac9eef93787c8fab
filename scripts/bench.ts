// `npm run bench`: the scale benchmark. Generates an archive of 100,000 comments in about 300
// threads, then measures, in one run:
//   - a cold full build (`npm run build`: parse + site + search index), with no cache;
//   - an incremental build after adding one dump (the cache in CACHE_DIR is kept);
//   - a bare Eleventy project with the same text (one Markdown page per thread, the comments as
//     paragraphs), for scale;
// and reports wall time, peak memory (max RSS of the process tree, from GNU time) and output
// bytes for each, and the ratios. Options: --comments N (default 100000), --threads N (300),
// --keep (leave the temporary folder).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Thread } from '../src/thread/types.ts';
import { filesUnder } from '../src/util/files-under.ts';

const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '100000' },
    threads: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
  },
});
const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'thread-archive-bench-'));
const threadsDir = join(work, 'threads');
const tsx = join(root, 'node_modules/.bin/tsx');

interface Measure {
  seconds: number;
  peakMb: number;
  bytes?: number;
}

function timed(label: string, command: string[], env: Record<string, string> = {}, cwd = root): Measure {
  const result = spawnSync('/usr/bin/time', ['-f', '@@time %e %M', ...command], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const line = /@@time ([\d.]+) (\d+)/.exec(result.stderr);
  for (const timing of result.stderr.match(/^build timings: .*$/gm) ?? []) console.log(`${label}: ${timing}`);
  if (result.status !== 0 || !line) {
    process.stderr.write(result.stdout.slice(-3000) + result.stderr.slice(-3000));
    throw new Error(`${label} failed (exit ${result.status})`);
  }
  return { seconds: Number(line[1]), peakMb: Math.round(Number(line[2]) / 1024) };
}

function folderBytes(dir: string): number {
  return filesUnder(dir).reduce((total, file) => total + statSync(file).size, 0);
}

const comments = Number(values.comments);
const threads = Number(values.threads);
const load = () => loadavg().map((n) => n.toFixed(2)).join(', ');
const loadBefore = load();
console.log(`bench: ${comments} comments in ${threads} threads, in ${work}; load average ${loadBefore}`);
timed('generate', [tsx, 'scripts/generate-archive.ts', '--comments', String(comments), '--threads', String(threads), '--out', threadsDir, '--seed', '1']);

const env = {
  THREADS_DIR: threadsDir,
  ARCHIVE_DIR: join(work, 'archive'),
  SITE_DIR: join(work, 'site'),
  CACHE_DIR: join(work, 'cache'),
  PATH_PREFIX: '/bench/',
};
const cold = timed('cold build', ['npm', 'run', '-s', 'build'], { ...env, BUILD_TIMINGS: '1' });
cold.bytes = folderBytes(env.SITE_DIR);

// One more dump: a thread from another seed, under a new name.
const extra = join(work, 'extra');
timed('generate extra', [tsx, 'scripts/generate-archive.ts', '--comments', String(Math.round(comments / threads)), '--threads', '1', '--out', extra, '--seed', '99']);
for (const name of readdirSync(extra)) writeFileSync(join(threadsDir, `added-${name}`), readFileSync(join(extra, name)));
const incremental = timed('incremental build', ['npm', 'run', '-s', 'build'], { ...env, BUILD_TIMINGS: '1' });
incremental.bytes = folderBytes(env.SITE_DIR);

// The bare Eleventy project: the same text, one Markdown page per thread.
const bare = join(work, 'bare');
mkdirSync(bare, { recursive: true });
for (const name of readdirSync(join(work, 'archive'))) {
  if (name === 'manifest.json') continue;
  const thread = JSON.parse(readFileSync(join(work, 'archive', name), 'utf8')) as Thread;
  const body = thread.comments.map((c) => c.text).join('\n\n');
  writeFileSync(join(bare, `${thread.id}.md`), `---\ntitle: ${JSON.stringify(thread.title)}\n---\n# ${thread.title}\n\n${body}\n`);
}
const bareBuild = timed('bare eleventy', [join(root, 'node_modules/.bin/eleventy'), `--input=${bare}`, `--output=${join(work, 'bare-site')}`, '--quiet'], {}, work);
bareBuild.bytes = folderBytes(join(work, 'bare-site'));

const mb = (n?: number) => (n === undefined ? '' : `${(n / 1024 / 1024).toFixed(1)} MB`);
const rows = [
  ['cold full build (parse + site + search)', cold],
  ['incremental build (one dump added)', incremental],
  ['bare Eleventy, same text', bareBuild],
] as const;
console.log('\n| run | wall time | peak memory | output |\n| --- | --- | --- | --- |');
for (const [label, m] of rows) console.log(`| ${label} | ${m.seconds.toFixed(1)} s | ${m.peakMb} MB | ${mb(m.bytes)} |`);
console.log(`\nload average (1, 5, 15 min): ${loadBefore} before, ${load()} after (2 cores)`);
console.log(`cold / bare: ${(cold.seconds / bareBuild.seconds).toFixed(1)}×; incremental / cold: ${((incremental.seconds / cold.seconds) * 100).toFixed(0)}%`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
