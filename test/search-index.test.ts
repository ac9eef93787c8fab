import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import lunr from 'lunr';
import { generateThreads } from '../scripts/generate-archive.ts';
import { authorKey, createAnalyzer } from '../src/search/analyze.ts';
import { analyseThreadForSearch } from '../src/search/analyse-thread.ts';
import { buildTermParts, mergePostings } from '../src/search/build-term-parts.ts';
import { buildSearchIndex } from '../src/search/build-search-index.ts';
import { SearchEngine } from '../src/search/client/search-engine.ts';
import { collectSearchDocs } from '../src/search/collect-search-docs.ts';
import { containsPhrase } from '../src/search/phrase-match.ts';
import { ownText } from '../src/quotes/extract-quotes.ts';
import { parseDump } from '../src/parse/parse-dump.ts';
import { fieldBoosts } from '../src/search/search-config.ts';
import { listArchive, writeSearchIndex } from '../src/search/write-search-index.ts';
import { openIndexWorker } from '../src/search/index-worker.ts';
import type { Thread } from '../src/thread/types.ts';
import { filesUnder } from './helpers.ts';

const archiveDir = new URL('./search-archive/', import.meta.url);
const fixtureThreads = (): Thread[] =>
  readdirSync(archiveDir)
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, archiveDir), 'utf8')) as Thread)
    .sort((a, b) => (a.id < b.id ? -1 : 1));

function engineFor(threads: Thread[]) {
  const built = buildSearchIndex(threads, lunr);
  const fetched: string[] = [];
  const engine = new SearchEngine({
    lunr,
    fetchJson: async (path) => {
      const name = path.replace(/\?.*$/, '');
      fetched.push(name);
      const content = built.files.get(name);
      if (content === undefined) throw new Error(`no index file ${name}`);
      return JSON.parse(content);
    },
  });
  return { engine, built, fetched };
}

const ids = async (engine: SearchEngine, q: string) => (await engine.search(q, 0, 100)).hits.map((h) => h.id);

test('a pasted sentence puts the comment that wrote it first, then the replies quoting it in time order', async () => {
  const { engine } = engineFor(fixtureThreads());
  const sentence = 'The dough only rises properly when the kitchen stays above twenty degrees.';
  for (const q of [sentence, `"${sentence}"`]) {
    const r = await engine.search(q, 0, 10);
    assert.deepEqual(r.hits.map((h) => h.id), ['b1', 'b2', 'b7'], q);
    assert.deepEqual(r.hits.map((h) => h.where), ['own', 'quote', 'quote']);
  }
});

test('a pasted passage looks up only its rarest words, but every word is still required', async () => {
  const threads = fixtureThreads();
  const { engine, built } = engineFor(threads);
  const sentence = 'The dough only rises properly when the kitchen stays above twenty degrees.';
  // Not the sentence's words, nor its thread's title words (the title is a searched field).
  const own = new Set([...sentence.split(/\W+/), ...threads.find((t) => t.id === 'home-bread')!.title.split(/\W+/)].map((w) => engine.term(w)));
  // Swap in the archive's most frequent words: too common to be looked up, checked in the text.
  const surface = threads.flatMap((t) => [t.title, ...t.comments.map((c) => c.text)]).join(' ').split(/[^A-Za-z]+/);
  const common = built.manifest.common
    .filter((t) => !own.has(t))
    .map((t) => surface.find((w) => engine.term(w) === t))
    .filter((w): w is string => w !== undefined)
    .slice(0, 3);
  assert.equal(common.length, 3);
  for (const swapped of common) {
    for (const word of ['kitchen', 'dough', 'twenty']) {
      const q = sentence.replace(word, swapped);
      assert.deepEqual(await ids(engine, q), [], q);
    }
  }
});

test('a quoted phrase must appear verbatim; mixed with a word, both are required', async () => {
  const { engine } = engineFor(fixtureThreads());
  assert.deepEqual((await ids(engine, '"kitchen stays above"')).sort(), ['b1', 'b2', 'b7']);
  assert.deepEqual((await ids(engine, '"twenty degrees" myth')).sort(), ['b6', 'b7']);
  assert.deepEqual(await ids(engine, '"twenty degrees" myth -is:quote'), ['b6']);
  assert.deepEqual(await ids(engine, '"degrees twenty"'), [], 'word order matters');
});

test('-word, author:, thread:, is:quote and -is:quote', async () => {
  const { engine } = engineFor(fixtureThreads());
  assert.deepEqual((await ids(engine, 'dough')).sort(), ['b1', 'b2', 'b6', 'b7', 'w2']);
  assert.deepEqual((await ids(engine, 'dough -rye')).sort(), ['b1', 'b2', 'b6', 'w2']);
  assert.deepEqual((await ids(engine, 'author:crumbshot')).sort(), ['b2', 'b5']);
  assert.deepEqual(await ids(engine, 'author:CrumbShot rye'), ['b5']);
  assert.deepEqual((await ids(engine, 'dough -author:ovenmitt')).sort(), ['b2', 'b6', 'b7']);
  assert.deepEqual(await ids(engine, 'thread:winter-cycling degrees'), ['w2']);
  assert.deepEqual(await ids(engine, 'chains is:quote'), ['w5']);
  assert.deepEqual(await ids(engine, 'chains -is:quote'), ['w4']);
  assert.deepEqual(await ids(engine, 'breakfast -"salt eats chains"'), []);
  assert.equal((await engine.search('thread:no-such-thread dough')).message, 'No thread has the id “no-such-thread”.');
});

test('prefix*: any word starting with the prefix, mixed with words', async () => {
  const { engine } = engineFor(fixtureThreads());
  assert.deepEqual((await ids(engine, 'kitch*')).sort(), (await ids(engine, 'kitchen')).sort());
  assert.deepEqual((await ids(engine, 'degr* myth')).sort(), ['b6', 'b7']);
  assert.deepEqual((await ids(engine, 'cha* -is:quote')).sort(), ['b4', 'w4'], 'changes; chains, chain');
  assert.deepEqual((await ids(engine, 'cha*')).sort(), ['b4', 'w1', 'w3', 'w4', 'w5'], 'also the author chainlube and the quote');
  assert.deepEqual(await ids(engine, 'zzq*'), []);
  const r = await engine.search('kitch*');
  assert.ok(r.terms.includes('kitchen'), 'the matched terms are highlighted');
});

test('stemming: a word finds its other forms', async () => {
  const { engine } = engineFor(fixtureThreads());
  assert.deepEqual((await ids(engine, 'rising')).sort(), (await ids(engine, 'rises')).sort());
  assert.ok((await ids(engine, 'rising')).includes('b1'));
});

test('no results: suggestions say what to drop and how many results remain', async () => {
  const { engine } = engineFor(fixtureThreads());
  const r = await engine.search('dough bicycle');
  assert.equal(r.total, 0);
  const dropBicycle = r.suggestions.find((s) => s.dropped === 'bicycle');
  assert.ok(dropBicycle, JSON.stringify(r.suggestions));
  assert.equal(dropBicycle.query, 'dough');
  assert.equal(dropBicycle.count, 5);
});

test('a search fetches only the term parts it needs', async () => {
  const threads = generateThreads({ comments: 3000, threads: 12, seed: 5 });
  const { engine, built, fetched } = engineFor(threads);
  assert.ok(built.manifest.parts.length > 5, `several parts (${built.manifest.parts.length})`);
  const word = threads[3]!.comments[7]!.text.split(/\s+/).find((w) => w.length > 6)!;
  const r = await engine.search(word);
  assert.ok(r.total > 0);
  const parts = fetched.filter((f) => f.startsWith('t/'));
  assert.equal(parts.length, 1, `one term part for one word, got ${parts.join(', ')}`);
});

test('scores are Lunr’s: same documents and scores as lunr.Builder over the whole archive', async () => {
  const threads = [...fixtureThreads(), ...generateThreads({ comments: 400, threads: 4, seed: 9 })].sort((a, b) => (a.id < b.id ? -1 : 1));
  const { docs, threads: table } = collectSearchDocs(threads);
  const { engine } = engineFor(threads);
  // lunr.Builder with the same fields, boosts and pipeline; the author field is one unstemmed token.
  const stem = lunr.stemmer as unknown as lunr.PipelineFunction;
  const keepAuthor: lunr.PipelineFunction = (token, i, tokens) =>
    (token as unknown as { metadata: { fields?: string[] } }).metadata.fields?.includes('author') ? token : stem(token, i, tokens);
  lunr.Pipeline.registerFunction(keepAuthor, 'keepAuthor');
  const builder = new lunr.Builder();
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, keepAuthor);
  builder.ref('ref');
  for (const field of ['text', 'quote', 'author', 'title'] as const) builder.field(field, { boost: fieldBoosts[field] });
  docs.forEach((d, n) => builder.add({ ref: String(n), text: d.own, quote: d.quotes, author: d.author ? authorKey(d.author) : '', title: table[d.thread]!.title }));
  const index = builder.build();
  const generatedWords = threads.flatMap((t) => t.comments.slice(0, 6).map((c) => c.text.split(/\s+/).find((w) => w.length > 5) ?? 'salt'));
  const words = ['dough', 'crust', 'salt', 'latecomer', ...generatedWords.slice(0, 12)];
  let compared = 0;
  for (const word of words) {
    const term = engine.term(word);
    if (!term) continue;
    const expected = index.query((q) => q.term(term, { fields: ['text', 'quote', 'title', 'author'], presence: lunr.Query.presence.REQUIRED, usePipeline: false }));
    const got = await engine.search(word, 0, 1000);
    assert.equal(got.total, expected.length, word);
    const byDoc = new Map(got.hits.map((h) => [h.doc, h.score]));
    for (const e of expected) {
      const score = byDoc.get(Number(e.ref));
      assert.ok(score !== undefined, `${word}: doc ${e.ref} found`);
      // The part stores Lunr's tf factor to 1/1000: each field's weight is within idf × 0.0005 × boost (+ rounding).
      assert.ok(Math.abs(score - e.score) <= 0.0005 * 6 * 3.1 + 0.002, `${word}: doc ${e.ref} scores ${score}, Lunr ${e.score}`);
      compared++;
    }
  }
  assert.ok(compared > 20, `compared ${compared} scores`);
});

test('an empty archive: searches answer with no results', async () => {
  const { engine, built } = engineFor([]);
  assert.equal(built.manifest.parts.length, 0);
  const r = await engine.search('anything');
  assert.equal(r.total, 0);
  assert.deepEqual(r.hits, []);
});

test('a short pasted sentence (five words) also finds its origin first, then its quoter', async () => {
  const { engine } = engineFor(fixtureThreads());
  const r = await engine.search('Salt eats chains for breakfast.');
  assert.deepEqual(r.hits.map((h) => [h.id, h.where]), [['w4', 'own'], ['w5', 'quote']]);
});

// The real samples (read here, never copied into the repo): a sentence pasted from a comment
// finds the comment that wrote it first (the earliest, if several wrote the same words).
const samples = fileURLToPath(new URL('../../shared/samples/', import.meta.url));
test('pasted sentences from the real samples find the comment that wrote them first', { skip: existsSync(samples) ? false : 'no ../shared/samples beside the project' }, async () => {
  const threads: Thread[] = [];
  for (const name of readdirSync(samples).filter((f) => /\.(json|html)$/.test(f)).sort()) {
    threads.push(...(await parseDump(readFileSync(join(samples, name)), join(samples, name))));
  }
  const { engine } = engineFor(threads);
  const all = threads.flatMap((t) => t.comments);
  let checked = 0;
  for (const [i, c] of all.entries()) {
    if (i % 5 !== 0) continue;
    const sentence = ownText(c.text)
      .split(/(?<=[.?!])\s+/)
      .find((s) => s.split(/\s+/).length >= 6 && s.split(/\s+/).length < 30 && s.split(/\s+/).some((w) => engine.term(w) !== null));
    if (!sentence) continue;
    const writers = all.filter((x) => containsPhrase(ownText(x.text), sentence));
    const first = writers.reduce((a, b) => ((b.time ?? '') < (a.time ?? '') ? b : a));
    const r = await engine.search(sentence);
    assert.equal(r.hits[0]?.id, first.id, `${c.id}: pasted sentence of ${sentence.split(/\s+/).length} words`);
    assert.equal(r.hits[0]?.where, "own", JSON.stringify(sentence));
    checked++;
  }
  assert.ok(checked >= 50, `checked ${checked} sentences`);
});

/** Runs `fn` in a temporary folder whose `archive/` holds these threads (one file each); removes the folder after. */
async function withArchive(threads: Thread[], fn: (work: string, archive: string) => Promise<void>): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'search-index-'));
  try {
    const archive = join(work, 'archive');
    mkdirSync(archive);
    for (const t of threads) writeFileSync(join(archive, `${t.id}.json`), JSON.stringify(t));
    await fn(work, archive);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

test('the analysis cache: cached, partly cached and uncached builds write the same index; only changed threads are analysed', async () => {
  const threads = generateThreads({ comments: 300, threads: 6, seed: 5 });
  await withArchive(threads, async (work, archive) => {
    const build = async (out: string, cacheDir?: string) => {
      const result = await writeSearchIndex({ files: listArchive(archive), cacheDir, outDir: join(work, out) });
      return { result, files: filesUnder(join(work, out, 'search')) };
    };
    const cache = join(work, 'cache');
    const plain = await build('plain');
    const cold = await build('cold', cache);
    const warm = await build('warm', cache);
    assert.equal(cold.result.cachedThreads, 0);
    assert.equal(warm.result.cachedThreads, threads.length);
    assert.deepEqual(cold.files, plain.files);
    assert.deepEqual(warm.files, plain.files);
    // One thread edited: only it is analysed again, and the index equals an uncached build's.
    const edited = { ...threads[2]!, title: `${threads[2]!.title} revisited` };
    writeFileSync(join(archive, `${edited.id}.json`), JSON.stringify(edited));
    const again = await build('again', cache);
    const fresh = await build('fresh');
    assert.equal(again.result.cachedThreads, threads.length - 1);
    assert.deepEqual(again.files, fresh.files);
    assert.notDeepEqual(again.files, plain.files);
    assert.equal(readdirSync(cache).length, threads.length, 'the stale entry is pruned');
  });
});

test('text blocks of unchanged threads are hard-linked from the previous index; the files equal a fresh build', async () => {
  const threads = generateThreads({ comments: 200, threads: 4, seed: 11 });
  await withArchive(threads, async (work, archive) => {
    const cache = join(work, 'cache');
    const build = (out: string, previous?: string) => writeSearchIndex({ files: listArchive(archive), cacheDir: cache, outDir: join(work, out), previousDir: previous && join(work, previous) });
    const first = await build('one');
    assert.equal(first.linkedBlocks, 0);
    // A thread added: the others' blocks are linked, the new one's written.
    const added = { ...generateThreads({ comments: 60, threads: 1, seed: 12 })[0]!, id: 'aaa-added' };
    writeFileSync(join(archive, 'aaa-added.json'), JSON.stringify(added));
    const second = await build('two', 'one');
    const blocksOf = (t: Thread) => Math.ceil((t.comments.length + 1) / 8);
    assert.equal(second.linkedBlocks, threads.reduce((n, t) => n + blocksOf(t), 0));
    assert.equal(second.stats.blocks, second.linkedBlocks + blocksOf(added));
    const index = (out: string) => join(work, out, 'search', 'index');
    const oneBlock = join('d', threads[0]!.id, '0.json');
    assert.equal(statSync(join(index('two'), oneBlock)).ino, statSync(join(index('one'), oneBlock)).ino, 'linked, not copied');
    // A damaged block in the previous site is not linked: its thread's blocks are written anew.
    writeFileSync(join(index('two'), oneBlock), '[]');
    const third = await build('three', 'two');
    assert.equal(third.linkedBlocks, second.stats.blocks - blocksOf(threads[0]!));
    const fresh = await writeSearchIndex({ files: listArchive(archive), outDir: join(work, 'fresh') });
    assert.equal(fresh.linkedBlocks, 0);
    assert.deepEqual(filesUnder(join(work, 'three', 'search')), filesUnder(join(work, 'fresh', 'search')));
  });
});

test('a search index worker that cannot start leaves the job to this thread, with the same index', async () => {
  await withArchive(generateThreads({ comments: 120, threads: 3, seed: 21 }), async (work, archive) => {
    // The worker's bundle cannot be written under a file: openIndexWorker falls back.
    writeFileSync(join(work, 'not-a-folder'), '');
    const fallback = await openIndexWorker(join(work, 'not-a-folder')).run({ archiveDir: archive, outDir: join(work, 'here') });
    const inWorker = await openIndexWorker(join(work, 'cache')).run({ archiveDir: archive, outDir: join(work, 'there') });
    assert.equal(fallback.ranIn, 'caller');
    assert.equal(inWorker.ranIn, 'worker');
    assert.equal(fallback.stats.docs, 123);
    const read = (out: string) => readFileSync(join(work, out, 'search', 'index', 'manifest.json'), 'utf8');
    assert.equal(read('here'), read('there'));
  });
});

test('term parts merged onto postings made ahead (threads added, changed and gone) equal those merged from scratch', () => {
  const analyzer = createAnalyzer(lunr);
  const threads = generateThreads({ comments: 400, threads: 8, seed: 31 }).sort((a, b) => (a.id < b.id ? -1 : 1));
  const entries = threads.map((t) => analyseThreadForSearch(t, analyzer).entry);
  const changed = analyseThreadForSearch({ ...threads[3]!, title: `${threads[3]!.title} again` }, analyzer).entry;
  const finalEntries = [entries[0]!, entries[1]!, entries[2]!, changed, entries[5]!, entries[6]!, entries[7]!];
  const scratch = buildTermParts(finalEntries);
  // Ahead of time: the last build's threads (one since changed, one since removed), but not the new ones.
  for (const ahead of [entries.slice(1), [entries[4]!, entries[2]!, entries[6]!].sort((a, b) => (a.id < b.id ? -1 : 1)), entries, []]) {
    const merged = buildTermParts(finalEntries, mergePostings(ahead));
    assert.deepEqual([...merged.files], [...scratch.files]);
    assert.deepEqual(merged.common, scratch.common);
    assert.deepEqual([merged.docs, merged.terms, merged.postings], [scratch.docs, scratch.terms, scratch.postings]);
  }
});
