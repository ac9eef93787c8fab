// `npm run bench:parse`: how fast `parseDirectory` turns a folder of HN Algolia dumps into
// an archive, end to end (read, hash, import, quotes, validate, serialise, write), in
// comments per second. The dumps are generated here from an invented vocabulary, with the
// HTML that HN writes (paragraphs, italics, links with `&#x2F;`, quotes, code blocks).
//
//   npm run bench:parse                      ~30,000 comments, default worker pool
//   npm run bench:parse -- --comments 5000   a smaller run
//   npm run bench:parse -- --workers 0       without worker threads (this thread alone)
//   npm run bench:parse -- --compare         0 and (cores - 1) workers, each in a fresh process
//                                            (cold, as the CLI); the default picks by idle cores
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDirectory } from '../src/parse/parse-directory.ts';
import { compiledWorkerEntry } from '../src/parse/compile-worker-sources.ts';
import { seededRandom } from '../src/util/seeded-random.ts';

const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '30000' },
    compare: { type: 'boolean', default: false },
    workers: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const target = Number(values.comments);

if (values.compare) {
  // Each run in its own process, so neither gets the other's warmed-up code.
  for (const workers of ['0', String(availableParallelism() - 1)]) {
    const args = [...process.execArgv, process.argv[1]!, '--comments', String(target), ...(workers === undefined ? [] : ['--workers', workers])];
    const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
  process.exit(0);
}


const random = seededRandom(20260801);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const syllables = ['ka', 'lo', 'mer', 'vin', 'tas', 'pru', 'del', 'zo', 'fen', 'qua', 'rib', 'sel', 'tor', 'ux', 'nam', 'bri', 'gol', 'hest'];
const word = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(syllables)).join('');
const vocabulary = Array.from({ length: 600 }, word);
const users = Array.from({ length: 400 }, () => `${pick(vocabulary)}_${Math.floor(random() * 100)}`);

function sentence(): string {
  const words = Array.from({ length: 5 + Math.floor(random() * 16) }, () => pick(vocabulary));
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  const r = random();
  if (r < 0.15) words[2] = `<i>${words[2]}</i>`;
  else if (r < 0.3) words[3] = `&quot;${words[3]}&quot;`;
  else if (r < 0.4) words[1] = `${words[1]}&#x27;s`;
  // Now and then what real comments have that needs care: footnote marks, *stars*, &, _.
  const t = random();
  if (t < 0.015) words.push('[1]');
  else if (t < 0.025) words[1] = `*${words[1]}*`;
  else if (t < 0.03) words[2] = `${words[2]}&amp;${pick(vocabulary)}`;
  else if (t < 0.04) words[1] = `${words[1]}_${pick(vocabulary)}`; // snake_case names
  else if (t < 0.05) return `<i>&quot;${words.join(' ')}.&quot;</i>`; // a whole quote in italics
  return `${words.join(' ')}${pick(['.', '.', '.', '?', '!', ':'])}`;
}

function paragraph(): string {
  const r = random();
  if (r < 0.08) {
    const host = `${pick(vocabulary)}.example`;
    const url = `https:&#x2F;&#x2F;${host}&#x2F;${pick(vocabulary)}&#x2F;${pick(vocabulary)}?id=${Math.floor(random() * 1e5)}&amp;v=2`;
    return `See <a href="${url}" rel="nofollow">${url}</a> ${sentence()}`;
  }
  if (r < 0.11) {
    const lines = Array.from({ length: 2 + Math.floor(random() * 4) }, () => `  ${pick(vocabulary)}(${pick(vocabulary)}, &quot;${pick(vocabulary)}&quot;) &amp;&amp; x &lt; ${Math.floor(random() * 9)}`);
    return `<pre><code>${lines.join('\n')}\n</code></pre>`;
  }
  const text = Array.from({ length: 1 + Math.floor(random() * 4) }, sentence).join(' ');
  return r < 0.125 ? `- ${text}` : text; // a list written as text
}

const body = () => Array.from({ length: 1 + Math.floor(random() * 4) }, paragraph).join('<p>');

interface Item {
  author: string;
  children: Item[];
  created_at: string;
  created_at_i: number;
  id: number;
  options: never[];
  parent_id: number;
  points: number | null;
  story_id: number;
  text: string | null;
  title?: string;
  type: string;
  url?: string;
}

let nextId = 40_000_000;

/** One story with `count` comments, nested the way HN threads are (wide and shallow-ish). */
function dump(count: number): Item {
  const start = 1_700_000_000 + Math.floor(random() * 5e7);
  const storyId = nextId++;
  const item = (parent: number, offset: number, type = 'comment'): Item => {
    const t = start + offset;
    return { author: pick(users), children: [], created_at: new Date(t * 1000).toISOString(), created_at_i: t, id: nextId++, options: [], parent_id: parent, points: null, story_id: storyId, text: body(), type };
  };
  const story = { ...item(0, 0, 'story'), id: storyId, parent_id: 0, points: Math.floor(random() * 900), title: sentence().replace(/<[^>]+>|&[^;]+;/g, ''), url: `https://${pick(vocabulary)}.example/${pick(vocabulary)}`, text: null };
  const all: Item[] = [story];
  for (let i = 0; i < count; i++) {
    // Attach to the story, a recent comment (a conversation) or any earlier one.
    const r = random();
    const parent = r < 0.25 ? story : r < 0.75 ? all[Math.max(0, all.length - 1 - Math.floor(random() * 4))]! : all[Math.floor(random() * all.length)]!;
    const child = item(parent.id, 60 * (i + 1));
    // HN users quote the comment they answer: `&gt; ` and a sentence of it, as plain text.
    if (parent !== story && random() < 0.2) {
      const quotable = parent.text!.split('<p>').filter((p) => !p.startsWith('<pre>') && !p.startsWith('&gt;') && !p.startsWith('See '));
      const source = quotable.length > 0 ? pick(quotable).replace(/<[^>]+>/g, '') : '';
      const quoted = source.split(/(?<=[.?!:]) /)[0];
      if (quoted) child.text = `&gt; ${quoted}<p>${child.text}`;
    }
    parent.children.push(child);
    all.push(child);
  }
  return story;
}

const root = mkdtempSync(join(tmpdir(), 'bench-parse-'));
const threadsDir = join(root, 'threads');
const archiveDir = join(root, 'archive');
mkdirSync(threadsDir);
let generated = 0;
let bytes = 0;
for (let n = 0; generated < target; n++) {
  const count = Math.min(target - generated, 100 + Math.floor(random() * 900));
  const json = JSON.stringify(dump(count));
  writeFileSync(join(threadsDir, `hn-${String(n).padStart(3, '0')}.json`), json);
  generated += count;
  bytes += json.length;
}
process.stderr.write(`bench:parse: ${generated} comments in ${Math.round(bytes / 1e6)} MB of HN Algolia dumps under ${root}\n`);

async function run(): Promise<void> {
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  // The parser and the HN importer's libraries load on first use: load them first, so the
  // figure is the parsing (a build pays the loading once, whatever its size).
  const loading = performance.now();
  await import('../src/parse/parse-job.ts');
  await import('../src/importers/hn-algolia-parse.ts');
  process.stderr.write(`bench:parse: loading the parser took ${((performance.now() - loading) / 1000).toFixed(2)} s (not counted below)\n`);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await parseDirectory({ threadsDir, archiveDir, ...(workers === undefined ? {} : { workers }) });
  const seconds = (performance.now() - started) / 1000;
  // CPU time of every thread of the process: what the run costs, whatever else the machine runs.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (result.errors.length > 0) throw new Error(`bench:parse: ${result.errors[0]!.message}`);
  if (result.comments !== generated) throw new Error(`bench:parse: parsed ${result.comments} comments, generated ${generated}`);
  const how = `${workers === undefined ? 'default: ' : ''}${result.workers} worker thread${result.workers === 1 ? '' : 's'} beside the main one`;
  console.log(
    `parseDirectory (${how}): ${result.comments} comments in ${result.threads} threads, ${seconds.toFixed(2)} s: ${Math.round(result.comments / seconds)} comments/s` +
      ` (CPU ${cpuSeconds.toFixed(2)} s over all threads; machine load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
  );
}

try {
  // The workers' compiled sources are a cache like tsx's own (made once per change of the
  // sources, about half a second): make it before timing, as any second run finds it.
  compiledWorkerEntry('parse/parse-worker.ts');
  await run();
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}
