// `npm run generate -- --comments 100000 --threads 300 --out /tmp/archive`: writes a folder of
// invented threads in the project's thread JSON format (version 1), for benchmarks and tests.
// Deterministic for a given seed. The vocabulary is built here from syllables (no downloaded
// data) and drawn with a Zipf law, so term frequencies look like real discussion text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Comment, Thread } from '../src/thread/types.ts';
import { serializeThread } from '../src/thread/serialize-thread.ts';
import { seededRandom } from '../src/util/seeded-random.ts';

export { seededRandom };

export interface GenerateOptions {
  comments: number;
  threads: number;
  seed?: number;
  /** Deepest reply level (1 = only answers to the story). */
  maxDepth?: number;
  /** Content words in the vocabulary. */
  vocabulary?: number;
}

// The glue of English sentences, most frequent first (written here, not downloaded).
const functionWords = (
  'the of and to a in is that it for you was on are with as this be have not but at by ' +
  'or from they we what can an if there all would so my your more one about which when ' +
  'their will out up do just some no than them like then other only its also into how ' +
  'because most any could these our should those where after over very been much why ' +
  'same even here still such both each well every while though'
).split(' ');

const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cr', 'dr', 'fl', 'gr', 'pl', 'st', 'tr', 'sh', 'ch', 'th', 'sp'];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io', 'y'];
const codas = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'rt', 'x'];
const suffixes = ['', '', '', '', 's', 'ing', 'ed', 'er', 'ly', 'tion', 'ness', 'able'];

/** Invented content words: 1–3 syllables plus an English suffix (so the stemmer has work). */
export function buildVocabulary(size: number, random: () => number): string[] {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const words = new Set<string>();
  const reserved = new Set(functionWords);
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * random() * 3.5);
    let word = '';
    for (let s = 0; s < syllables; s++) word += pick(onsets) + pick(vowels) + (s === syllables - 1 ? pick(codas) : '');
    word += pick(suffixes);
    if (word.length >= 3 && !reserved.has(word)) words.add(word);
  }
  return [...words];
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1/(rank+1+offset)^s (Zipf–Mandelbrot), by binary
 * search on the cumulative sum. Content words use an offset: in real text the most frequent
 * ranks are taken by function words.
 */
function zipf(n: number, s: number, random: () => number, offset = 0): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1 + offset) ** s;
    cumulative[i] = sum;
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Generates the threads (in memory): `comments` comments spread over `threads` threads. */
export function generateThreads(options: GenerateOptions): Thread[] {
  const { comments: total, threads: threadCount, seed = 1, maxDepth = 12 } = options;
  if (!(threadCount >= 1) || !(total >= 0)) throw new Error(`generate: need --threads ≥ 1 and --comments ≥ 0, got ${threadCount} and ${total}`);
  const random = seededRandom(seed);
  const vocabulary = buildVocabulary(options.vocabulary ?? 20000, random);
  const contentWord = zipf(vocabulary.length, 1.05, random, 30);
  const functionWord = zipf(functionWords.length, 0.9, random);
  const authorNames = buildVocabulary(Math.max(20, Math.ceil(total / 25)), seededRandom(seed + 7)).map((w, i) =>
    i % 3 === 0 ? `${w}${i % 97}` : i % 3 === 1 ? `${w}_${vocabulary[i % vocabulary.length]}` : w,
  );
  const author = zipf(authorNames.length, 0.8, random);

  const sentence = (): string => {
    const length = 5 + Math.floor(random() * 14);
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(random() < 0.45 ? functionWords[functionWord()]! : vocabulary[contentWord()]!);
    const first = words[0]!;
    words[0] = first[0]!.toUpperCase() + first.slice(1);
    if (length > 9 && random() < 0.3) words[Math.floor(length / 2)] += ',';
    return words.join(' ') + (random() < 0.12 ? '?' : '.');
  };
  const paragraph = () => Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(' ');

  // Comments per thread: a skewed split (a few big threads, many small), summing to `total`.
  const weights = Array.from({ length: threadCount }, () => 0.2 + random() ** 2.5 * 4);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((w / weightSum) * total));
  let left = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % threadCount, left--) sizes[i]!++;

  const start = Date.UTC(2023, 0, 1);
  const threads: Thread[] = [];
  for (let t = 0; t < threadCount; t++) {
    const titleWords = Array.from({ length: 3 + Math.floor(random() * 5) }, () => vocabulary[contentWord()]!);
    titleWords[0] = titleWords[0]![0]!.toUpperCase() + titleWords[0]!.slice(1);
    const id = `gen-${String(t + 1).padStart(4, '0')}-${titleWords.slice(0, 2).join('-').toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
    const threadTime = start + Math.floor(random() * 730 * 86400_000);
    const n = sizes[t]!;
    // Build the tree: each comment answers the story or one of the recent comments.
    const nodes: { id: string; parent: number; depth: number; time: number; children: number[] }[] = [];
    const roots: number[] = [];
    for (let i = 0; i < n; i++) {
      let parent = -1;
      if (i > 0 && random() > 0.18) {
        const back = Math.min(i, 1 + Math.floor(random() ** 3 * Math.min(i, 200)));
        parent = i - back;
        while (parent >= 0 && nodes[parent]!.depth >= maxDepth - 1) parent = nodes[parent]!.parent;
      }
      const depth = parent < 0 ? 0 : nodes[parent]!.depth + 1;
      const base = parent < 0 ? threadTime : nodes[parent]!.time;
      const node = { id: `c${t + 1}-${i + 1}`, parent, depth, time: base + 60_000 + Math.floor(random() * 6 * 3600_000), children: [] };
      nodes.push(node);
      if (parent < 0) roots.push(i);
      else nodes[parent]!.children.push(i);
    }
    // Depth-first order (with an explicit stack: trees can be deep).
    const order: number[] = [];
    const stack = [...roots].reverse();
    while (stack.length > 0) {
      const i = stack.pop()!;
      order.push(i);
      const children = nodes[i]!.children;
      for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]!);
    }
    const ownSentences = new Map<number, string[]>();
    const comments: Comment[] = [];
    for (const i of order) {
      const node = nodes[i]!;
      const paragraphs = Array.from({ length: 1 + Math.floor(random() * random() * 4) }, paragraph);
      ownSentences.set(i, paragraphs.join(' ').match(/[^.?]+[.?]/g)!.map((s) => s.trim()));
      const comment: Comment = {
        id: node.id,
        parent: node.parent < 0 ? null : nodes[node.parent]!.id,
        author: authorNames[author()]!,
        time: new Date(node.time).toISOString().replace(/\.\d+Z$/, 'Z'),
        text: paragraphs.join('\n\n'),
      };
      // Some replies quote a sentence of the parent (or of a grandparent) before answering.
      if (node.parent >= 0 && random() < 0.15) {
        let source = node.parent;
        if (random() < 0.2 && nodes[source]!.parent >= 0) source = nodes[source]!.parent;
        const candidates = ownSentences.get(source)!;
        const quoted = candidates[Math.floor(random() * candidates.length)]!;
        comment.text = `> ${quoted}\n\n${comment.text}`;
        comment.quotes = [{ text: quoted, source: nodes[source]!.id }];
      }
      comments.push(comment);
    }
    const thread: Thread = {
      version: 1,
      id,
      title: titleWords.join(' '),
      source: { format: 'thread-json', file: `${id}.json` },
      author: authorNames[author()]!,
      time: new Date(threadTime).toISOString().replace(/\.\d+Z$/, 'Z'),
      comments,
    };
    if (random() < 0.5) thread.url = `https://example.invalid/${id}`;
    else thread.text = paragraph();
    threads.push(thread);
  }
  return threads;
}

/** Writes the generated threads into `out`, one `<id>.json` per thread. */
export function generateArchive(options: GenerateOptions & { out: string }): { threads: number; comments: number; files: string[] } {
  mkdirSync(options.out, { recursive: true });
  const files: string[] = [];
  let comments = 0;
  for (const thread of generateThreads(options)) {
    const file = join(options.out, `${thread.id}.json`);
    writeFileSync(file, serializeThread(thread));
    files.push(file);
    comments += thread.comments.length;
  }
  return { threads: files.length, comments, files };
}

const usage = `Usage: npm run generate -- --out DIR [--comments N] [--threads M] [--seed S] [--max-depth D]

Writes M invented threads with N comments in all (thread JSON, version 1) into DIR.
Defaults: --comments 1000 --threads 10 --seed 1 --max-depth 12.
`;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      comments: { type: 'string', default: '1000' },
      threads: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      'max-depth': { type: 'string', default: '12' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.out) {
    process.stdout.write(usage);
    process.exitCode = values.help ? 0 : 2;
  } else {
    const started = performance.now();
    const result = generateArchive({
      out: resolve(process.env.INIT_CWD ?? process.cwd(), values.out),
      comments: Number(values.comments),
      threads: Number(values.threads),
      seed: Number(values.seed),
      maxDepth: Number(values['max-depth']),
    });
    process.stderr.write(`generate: ${result.comments} comments in ${result.threads} threads → ${values.out} (${Math.round(performance.now() - started)} ms)\n`);
  }
}
