import type lunrType from 'lunr';
import { authorKey, createAnalyzer, type Analyzer } from '../analyze.ts';
import { blockPath, type BlockDoc, type SearchManifest, type StoredDoc, type StoredThread, type TermEntry } from '../index-format.ts';
import { containsPhrase, phraseWordCount } from '../phrase-match.ts';
import { formatQuery, parseQuery, type ParsedQuery } from '../parse-query.ts';

type Lunr = typeof lunrType;

export interface SearchHit {
  doc: number;
  threadId: string;
  threadTitle: string;
  /** Comment id, `''` for a thread's story. */
  id: string;
  author: string;
  time: string;
  own: string;
  quotes: string;
  score: number;
  /** Where the looked-up passage was found verbatim: in its own words or in a quote. */
  where?: 'own' | 'quote';
}

export interface SearchResponse {
  query: ParsedQuery;
  hits: SearchHit[];
  /** Results in all; when not `exact`, an upper bound: `unchecked` candidates are still to be checked for the phrase. */
  total: number;
  exact: boolean;
  unchecked: number;
  /** Index terms searched for (stemmed), for highlighting. */
  terms: string[];
  /** Phrases (and a pasted passage) to highlight. */
  phrases: string[];
  /** With no results: queries with one part dropped, and how many results each has (before phrase checks). */
  suggestions: { query: string; dropped: string; count: number }[];
  /** A sentence to show instead of results (e.g. an empty query). */
  message?: string;
  /** Milliseconds spent computing (not waiting for the network). */
  computeMs: number;
}

export interface EngineOptions {
  lunr: Lunr;
  /** Fetches and parses a JSON file of the index folder (path relative to it). */
  fetchJson: (path: string) => Promise<unknown>;
}

/** A passage of at least this many words is looked up as a quotation (origin first, then quoters). */
const lookupWords = 5;
/** Phrase checks fetch at most this many new text blocks per call ("check more" raises it). */
const blockBudget = 48;
/** A looked-up passage: this many best candidates are checked for it verbatim before ranking. */
const lookupCheck = 40;
/** Phrases and pasted passages find candidates with at most this many of their words (the rarest). */
const phraseTerms = 4;

interface Candidate {
  doc: number;
  score: number;
}

/** A required part of a query: any of `terms` in any of `fields` (one term unless `prefix`). */
interface Clause {
  terms: string[];
  fields: string[];
  /** Set for `prefix*`: the terms are the index terms starting with it. */
  prefix?: string;
}

/** A `prefix*` matches at most this many index terms (the first, in order). */
const maxExpansion = 200;

/**
 * Searches the split index: fetches the manifest and the thread table once, then per query
 * only the term parts holding its words and the text blocks of the documents it shows or
 * checks. Inside a part Lunr does the matching and scoring; across parts the scores of a
 * document are added and required words are intersected.
 */
export class SearchEngine {
  private readonly lunr: Lunr;
  private readonly fetchJson: EngineOptions['fetchJson'];
  private readonly analyzer: Analyzer;
  private manifestPromise?: Promise<SearchManifest>;
  private threadsPromise?: Promise<StoredThread[]>;
  private readonly parts = new Map<number, Promise<Map<string, TermEntry>>>();
  /** Text blocks fetched or being fetched, by blockKey. */
  private readonly blocks = new Map<string, Promise<BlockDoc[]>>();
  private computeMs = 0;

  constructor(options: EngineOptions) {
    this.lunr = options.lunr;
    this.fetchJson = options.fetchJson;
    this.analyzer = createAnalyzer(options.lunr);
  }

  /** Index term of a word (null for stop words and punctuation), as the index was built. */
  term(word: string): string | null {
    return this.analyzer.term(word) || null;
  }

  manifest(): Promise<SearchManifest> {
    this.manifestPromise ??= this.fetchJson('manifest.json').then((m) => {
      const manifest = m as SearchManifest;
      if (manifest.version !== 2) throw new Error(`search index version ${String(manifest.version)} is not supported (expected 2): rebuild the site`);
      return manifest;
    });
    return this.manifestPromise;
  }

  private versioned(path: string, manifest: SearchManifest): string {
    return `${path}?v=${manifest.build}`;
  }

  threads(): Promise<StoredThread[]> {
    this.threadsPromise ??= this.manifest().then((m) => this.fetchJson(this.versioned('threads.json', m)) as Promise<StoredThread[]>);
    return this.threadsPromise;
  }

  /** The part that holds a term: the last part whose first term is ≤ it. */
  partOf(term: string, manifest: SearchManifest): number {
    const parts = manifest.parts;
    let lo = 0;
    let hi = parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (parts[mid]! <= term) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private part(k: number, manifest: SearchManifest): Promise<Map<string, TermEntry>> {
    if (k >= manifest.parts.length) return Promise.resolve(new Map()); // an empty archive has no parts
    let p = this.parts.get(k);
    if (!p) {
      p = (this.fetchJson(this.versioned(`t/${k}.json`, manifest)) as Promise<TermEntry[]>).then((entries) => new Map(entries.map((e) => [e[0], e])));
      this.parts.set(k, p);
    }
    return p;
  }

  /** The thread (its number in the thread table) that holds a document. */
  threadOf(doc: number, threads: StoredThread[]): number {
    let lo = 0;
    let hi = threads.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (threads[mid]![2] <= doc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text block that holds a document: its key (thread number and block), and the document's place in it. */
  private blockOf(doc: number, manifest: SearchManifest, threads: StoredThread[]): { key: string; thread: number; k: number; at: number } {
    const thread = this.threadOf(doc, threads);
    const local = doc - threads[thread]![2];
    const k = Math.floor(local / manifest.blockSize);
    return { key: `${thread}/${k}`, thread, k, at: local % manifest.blockSize };
  }

  private block(thread: number, k: number, threads: StoredThread[]): Promise<BlockDoc[]> {
    const key = `${thread}/${k}`;
    let p = this.blocks.get(key);
    if (!p) {
      const t = threads[thread]!;
      p = this.fetchJson(`${blockPath(t[0], k)}?v=${t[4]}`) as Promise<BlockDoc[]>;
      this.blocks.set(key, p);
    }
    return p;
  }

  /** The stored documents (fetching the blocks that hold them). */
  async docs(numbers: number[]): Promise<Map<number, StoredDoc>> {
    const [manifest, threads] = await Promise.all([this.manifest(), this.threads()]);
    const places = numbers.map((d) => this.blockOf(d, manifest, threads));
    const blocks = await Promise.all(places.map((p) => this.block(p.thread, p.k, threads)));
    const out = new Map<number, StoredDoc>();
    numbers.forEach((d, i) => {
      const doc = blocks[i]![places[i]!.at];
      if (doc) out.set(d, [places[i]!.thread, ...doc]);
    });
    return out;
  }

  /** Runs `fn` and adds its duration to the compute time of the current search. */
  private timed<T>(fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.computeMs += performance.now() - start;
    }
  }

  /**
   * Calls `visit` for each posting of a term in the given fields, with Lunr's weight for it
   * (idf × BM25 tf factor × field boost, rounded as lunr.Builder rounds). Title postings are per
   * thread and stand for every document of the thread.
   */
  private postings(entry: TermEntry, fields: string[], manifest: SearchManifest, threads: StoredThread[], visit: (doc: number, field: string, weight: number) => void): void {
    const idf = entry[1];
    manifest.fields.forEach((field, f) => {
      if (!fields.includes(field)) return;
      const list = entry[2 + f] as number[] | 0;
      if (!list) return;
      const boost = manifest.boosts[field] ?? 1;
      let unit = 0;
      for (let i = 0; i < list.length; i += 2) {
        unit += list[i]!;
        const weight = Math.round(idf * (list[i + 1]! / 1000) * boost * 1000) / 1000;
        if (field === 'title') {
          const t = threads[unit]!;
          for (let d = t[2]; d < t[2] + t[3]; d++) visit(d, field, weight);
        } else visit(unit, field, weight);
      }
    });
  }

  /**
   * A Lunr index over some terms of one part, restricted to some documents: Lunr's inverted
   * index and field vectors rebuilt from the part's compact postings.
   */
  private lunrIndex(entries: TermEntry[], keep: Set<number>, manifest: SearchManifest, threads: StoredThread[]): lunrType.Index {
    const lunr = this.lunr;
    const fields = manifest.fields as string[];
    const invertedIndex: Record<string, Record<string, unknown>> = Object.create(null);
    const vectors: Record<string, number[]> = Object.create(null);
    const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    sorted.forEach((entry, termIndex) => {
      const posting: Record<string, unknown> = { _index: termIndex };
      for (const field of fields) posting[field] = Object.create(null);
      this.postings(entry, fields, manifest, threads, (doc, field, weight) => {
        if (!keep.has(doc)) return;
        (posting[field] as Record<string, object>)[doc] = {};
        (vectors[`${field}/${doc}`] ??= []).push(termIndex, weight);
      });
      invertedIndex[entry[0]] = posting;
    });
    const fieldVectors: Record<string, lunrType.Vector> = Object.create(null);
    // Terms were added in ascending term index, so each element list is already sorted.
    for (const ref in vectors) fieldVectors[ref] = new lunr.Vector(vectors[ref]!);
    // @types/lunr omits fieldVectors from the constructor's attributes and TokenSet.fromArray.
    const TokenSet = lunr.TokenSet as unknown as { fromArray(terms: string[]): lunrType.TokenSet };
    return new lunr.Index({
      invertedIndex: invertedIndex as never,
      fieldVectors,
      tokenSet: TokenSet.fromArray(sorted.map((e) => e[0])),
      fields,
      pipeline: new lunr.Pipeline(),
    } as unknown as lunrType.Index.Attributes);
  }

  /**
   * Documents matching every required clause (a clause: any of its terms — one for a word,
   * several for a `prefix*`), best first. A fast pass adds up the Lunr weights of every match
   * to find all matching documents and pick the best `rescore`; Lunr then queries each part
   * over those documents and their Lunr scores, added across parts, order them. The others
   * follow in the fast pass's order.
   */
  private async match(
    required: Clause[],
    manifest: SearchManifest,
    threads: StoredThread[],
    rescore = 300,
    accept: (doc: number) => boolean = () => true,
  ): Promise<Candidate[] | null> {
    if (required.length === 0) return null;
    const keys = [...new Set(required.flatMap((c) => c.terms.map((t) => this.partOf(t, manifest))))];
    const loaded = await Promise.all(keys.map((k) => this.part(k, manifest)));
    const parts = new Map(keys.map((k, i) => [k, loaded[i]!]));
    const entryOf = (term: string) => parts.get(this.partOf(term, manifest))!.get(term);
    return this.timed(() => {
      // Fast pass: per clause, document → summed weight; then intersect, smallest first.
      const perClause: Map<number, number>[] = required.map((c) => {
        const sums = new Map<number, number>();
        for (const term of c.terms) {
          const entry = entryOf(term);
          if (entry) this.postings(entry, c.fields, manifest, threads, (doc, _f, w) => sums.set(doc, (sums.get(doc) ?? 0) + w));
        }
        return sums;
      });
      perClause.sort((a, b) => a.size - b.size);
      const [first, ...others] = perClause;
      const all: Candidate[] = [];
      for (const [doc, w] of first!) {
        let score = w;
        let ok = true;
        for (const o of others) {
          const x = o.get(doc);
          if (x === undefined) {
            ok = false;
            break;
          }
          score += x;
        }
        if (ok && accept(doc)) all.push({ doc, score });
      }
      all.sort((x, y) => y.score - x.score || x.doc - y.doc);
      if (all.length === 0) return all;
      // Lunr pass over the best documents, part by part: a word is a required term; the terms
      // of a `prefix*` are optional ones, as Lunr expands a wildcard (the fast pass already
      // made sure each document has one of them).
      const top = all.slice(0, rescore);
      const keep = new Set(top.map((c) => c.doc));
      const lunrScores = new Map<number, number>();
      for (const k of keys) {
        const here = required
          .map((c) => ({ ...c, terms: c.terms.filter((t) => this.partOf(t, manifest) === k && entryOf(t) !== undefined) }))
          .filter((c) => c.terms.length > 0);
        if (here.length === 0) continue;
        const entries = [...new Set(here.flatMap((c) => c.terms.map((t) => entryOf(t)!)))];
        const index = this.lunrIndex(entries, keep, manifest, threads);
        const { REQUIRED, OPTIONAL } = this.lunr.Query.presence;
        const results = index.query((q) => {
          for (const c of here) for (const term of c.terms) q.term(term, { fields: c.fields, presence: c.prefix ? OPTIONAL : REQUIRED, usePipeline: false });
        });
        for (const r of results) lunrScores.set(Number(r.ref), (lunrScores.get(Number(r.ref)) ?? 0) + r.score);
      }
      const ranked = top.map((c) => ({ doc: c.doc, score: lunrScores.get(c.doc) ?? 0 })).sort((x, y) => y.score - x.score || x.doc - y.doc);
      return [...ranked, ...all.slice(rescore)];
    });
  }

  /** The index terms that start with `prefix` (at most `maxExpansion`), for `prefix*`. */
  private async expand(prefix: string, manifest: SearchManifest): Promise<string[]> {
    if (manifest.parts.length === 0) return [];
    const first = this.partOf(prefix, manifest);
    const last = Math.min(this.partOf(`${prefix}\uffff`, manifest), first + 3);
    const out: string[] = [];
    for (let k = first; k <= last; k++) for (const term of (await this.part(k, manifest)).keys()) if (term.startsWith(prefix)) out.push(term);
    return out.sort().slice(0, maxExpansion);
  }

  /** Documents holding any of the terms (in the given fields): postings only. */
  private async anyOf(terms: string[], fields: string[], manifest: SearchManifest, threads: StoredThread[]): Promise<Set<number>> {
    const parts = await Promise.all(terms.map((t) => this.part(this.partOf(t, manifest), manifest)));
    return this.timed(() => {
      const out = new Set<number>();
      terms.forEach((term, i) => {
        const entry = parts[i]!.get(term);
        if (entry) this.postings(entry, fields, manifest, threads, (doc) => out.add(doc));
      });
      return out;
    });
  }

  /**
   * The `n` rarest of some terms, judged without fetching anything: terms outside the
   * manifest's list of most frequent terms first (longest first), then the listed ones, least
   * frequent first.
   */
  private rarest(terms: string[], manifest: SearchManifest, n: number): string[] {
    const rank = new Map(manifest.common.map((t, i) => [t, i]));
    const key = (t: string) => (rank.has(t) ? rank.get(t)! : 1e9 + t.length);
    return [...terms].sort((a, b) => key(b) - key(a) || (a < b ? -1 : 1)).slice(0, n);
  }

  /**
   * Runs a query and returns one page of results. `more` (0, 1, 2…) lets phrase checks fetch
   * that many more rounds of text blocks, for the "check more" button.
   */
  async search(input: string, page = 0, pageSize = 10, more = 0): Promise<SearchResponse> {
    this.computeMs = 0;
    const query = parseQuery(input);
    const [manifest, threads] = await Promise.all([this.manifest(), this.threads()]);
    const respond = (r: Partial<SearchResponse>): SearchResponse => ({
      query,
      hits: [],
      total: 0,
      exact: true,
      unchecked: 0,
      terms: [],
      phrases: [],
      suggestions: [],
      computeMs: this.computeMs,
      ...r,
    });
    const searchedFields = query.quote === true ? ['quote'] : query.quote === false ? ['text'] : ['text', 'quote', 'title', 'author'];
    const termsOf = (words: string[]) => [...new Set(words.flatMap((w) => this.analyzer.terms(w)).filter(Boolean))];
    // `prefix*` (at least three letters): any index term starting with the prefix, as in Lunr.
    const wildcards = query.words.filter((w) => /^[\p{L}\p{N}]{3,}\*$/u.test(w));
    const words = query.words.filter((w) => !wildcards.includes(w));
    // A passage pasted without quote marks is looked up like a quotation, words still required.
    const pasted = query.phrases.length === 0 && wildcards.length === 0 && words.length >= lookupWords ? words.join(' ') : undefined;
    const positive = termsOf([...words, ...query.phrases]);
    // Words of phrases (and of a pasted passage) are checked in the text anyway, so the index
    // only needs the rarest few of them to find candidates: fewer parts to fetch.
    const plainWords = pasted ? [] : termsOf(words);
    const passageTerms = termsOf(pasted ? words : query.phrases).filter((t) => !plainWords.includes(t));
    const indexed = [...plainWords, ...this.rarest(passageTerms, manifest, phraseTerms)];
    const unindexed = positive.filter((t) => !indexed.includes(t));
    const negative = termsOf(query.excluded).filter((t) => !positive.includes(t));
    // The passage looked up as a quotation: the query as typed, without its operators and
    // exclusions (quote marks and punctuation do not count in the comparison).
    const passage = input
      .replace(/(^|\s)-?(author|thread|is):("[^"]*"|\S*)/gi, ' ')
      .replace(/(^|\s)-\S+/g, ' ')
      .trim();
    const lookup = wildcards.length === 0 && phraseWordCount(passage) >= lookupWords ? passage : undefined;
    const highlightPhrases = [...query.phrases, ...(lookup ? [lookup] : [])];

    const threadRanges: [number, number][] = [];
    for (const id of query.threads) {
      const t = threads.find((x) => x[0] === id);
      if (!t) return respond({ message: `No thread has the id “${id}”.` });
      threadRanges.push([t[2], t[2] + t[3]]);
    }
    const inThreads = (doc: number) => threadRanges.length === 0 || threadRanges.some(([a, b]) => doc >= a && doc < b);

    const prefixed: Clause[] = [];
    for (const w of wildcards) {
      const prefix = w.slice(0, -1).toLowerCase();
      const terms = await this.expand(prefix, manifest);
      prefixed.push({ terms: terms.length > 0 ? terms : [w], fields: searchedFields, prefix });
    }
    const required: Clause[] = [
      ...indexed.map((term) => ({ terms: [term], fields: searchedFields })),
      ...prefixed,
      ...query.authors.map((a) => ({ terms: [authorKey(a)], fields: ['author'] })),
    ];
    if (query.authors.length > 1) required.splice(indexed.length + prefixed.length); // several authors: any of them (below)
    const excludedDocs = negative.length > 0 ? await this.anyOf(negative, searchedFields, manifest, threads) : new Set<number>();
    if (query.excludedAuthors.length > 0) for (const doc of await this.anyOf(query.excludedAuthors.map(authorKey), ['author'], manifest, threads)) excludedDocs.add(doc);
    const accept = (doc: number) => inThreads(doc) && !excludedDocs.has(doc);
    let matched = await this.match(required, manifest, threads, Math.max(300, (page + 1) * pageSize), accept);
    if (query.authors.length > 1) {
      const byAuthor = await this.anyOf(query.authors.map(authorKey), ['author'], manifest, threads);
      if (matched === null) matched = [...byAuthor].sort((a, b) => a - b).map((doc) => ({ doc, score: 0 }));
      else matched = matched.filter((c) => byAuthor.has(c.doc));
    }
    if (matched === null) {
      if (threadRanges.length === 0) {
        if (query.phrases.length > 0) return respond({ message: 'That phrase has only very common words, which the index leaves out: add a less common word, or search within a thread (thread:<id>).' });
        if (query.excluded.length > 0 || query.excludedPhrases.length > 0 || query.excludedAuthors.length > 0 || query.quote !== undefined) return respond({ message: 'Add a word to search for: a query cannot only exclude.' });
        return respond({ message: input.trim() === '' ? 'Type words to search for.' : 'Those words are too common to search for alone: add another word.' });
      }
      matched = [];
      for (const [a, b] of threadRanges) for (let d = a; d < b; d++) matched.push({ doc: d, score: 0 });
    }
    const candidates: Candidate[] = this.timed(() => matched!.filter((c) => accept(c.doc)));

    const base = { terms: [...positive, ...prefixed.flatMap((c) => c.terms)], phrases: highlightPhrases };
    const needsCheck = query.phrases.length > 0 || query.excludedPhrases.length > 0 || lookup !== undefined || unindexed.length > 0;
    let hits: SearchHit[];
    let total: number;
    let exact = true;
    let unchecked = 0;
    const toHit = (c: Candidate, d: StoredDoc, where?: 'own' | 'quote'): SearchHit => ({
      doc: c.doc,
      threadId: threads[d[0]]?.[0] ?? '',
      threadTitle: threads[d[0]]?.[1] ?? '',
      id: d[1],
      author: d[2],
      time: d[3],
      own: d[4],
      quotes: d[5],
      score: c.score,
      ...(where ? { where } : {}),
    });
    if (!needsCheck) {
      total = candidates.length;
      const slice = candidates.slice(page * pageSize, (page + 1) * pageSize);
      const docs = await this.docs(slice.map((c) => c.doc));
      hits = slice.map((c) => toHit(c, docs.get(c.doc)!));
    } else {
      const scopes = (d: StoredDoc): string[] => (query.quote === true ? [d[5]] : query.quote === false ? [d[4]] : [d[4], d[5]]);
      // Words left out of the index query must still all be there (in a searched field).
      const hasAllWords = (d: StoredDoc): boolean => {
        if (unindexed.length === 0) return true;
        const text = [...scopes(d), query.quote === undefined ? (threads[d[0]]?.[1] ?? '') : ''].join('\n');
        const present = new Set(this.analyzer.terms(text));
        return unindexed.every((t) => present.has(t));
      };
      const passes = (d: StoredDoc): boolean =>
        query.phrases.every((p) => scopes(d).some((text) => containsPhrase(text, p))) &&
        !query.excludedPhrases.some((p) => containsPhrase(d[4], p) || containsPhrase(d[5], p)) &&
        hasAllWords(d);
      // Check in rank order until the page is full (a looked-up passage: at least the best
      // `lookupCheck`, to put its origin first), fetching at most `blockBudget` new blocks.
      const want = (page + 1) * pageSize;
      const budget = blockBudget * (1 + more);
      const verified: SearchHit[] = [];
      let checked = 0;
      let newBlocks = 0;
      let batch = Math.max(pageSize * 2, 16);
      while (checked < candidates.length && (verified.length < want || (lookup !== undefined && checked < lookupCheck))) {
        const slice: Candidate[] = [];
        const fresh = new Set<string>();
        let j = checked;
        while (j < candidates.length && slice.length < batch) {
          const block = this.blockOf(candidates[j]!.doc, manifest, threads).key;
          if (!this.blocks.has(block) && !fresh.has(block)) {
            if (newBlocks + fresh.size >= budget) break;
            fresh.add(block);
          }
          slice.push(candidates[j]!);
          j++;
        }
        if (slice.length === 0) break;
        newBlocks += fresh.size;
        const docs = await this.docs(slice.map((c) => c.doc));
        this.timed(() => {
          for (const c of slice) {
            const d = docs.get(c.doc)!;
            if (!passes(d)) continue;
            let where: 'own' | 'quote' | undefined;
            if (lookup) where = containsPhrase(d[4], lookup) ? 'own' : containsPhrase(d[5], lookup) ? 'quote' : undefined;
            verified.push(toHit(c, d, where));
          }
        });
        checked = j;
        batch *= 2;
      }
      unchecked = candidates.length - checked;
      exact = checked >= candidates.length;
      if (lookup) {
        const rank = (h: SearchHit) => (h.where === 'own' ? 0 : h.where === 'quote' ? 1 : 2);
        const time = (h: SearchHit) => h.time || '9999';
        verified.sort((a, b) => rank(a) - rank(b) || (rank(a) < 2 ? time(a).localeCompare(time(b)) || a.doc - b.doc : b.score - a.score || a.doc - b.doc));
      }
      hits = verified.slice(page * pageSize, (page + 1) * pageSize);
      total = verified.length + unchecked;
    }

    let suggestions: SearchResponse['suggestions'] = [];
    if (total === 0) suggestions = await this.suggest(query, manifest, threads);
    return respond({ ...base, hits, total, exact, unchecked, suggestions });
  }

  /** For a query without results: the same query without one of its parts, with its result count. */
  private async suggest(query: ParsedQuery, manifest: SearchManifest, threads: StoredThread[]): Promise<SearchResponse['suggestions']> {
    const options: { dropped: string; rest: ParsedQuery }[] = [];
    const without = <K extends keyof ParsedQuery>(key: K, i: number): ParsedQuery => {
      const copy = { ...query, [key]: (query[key] as string[]).filter((_, j) => j !== i) };
      return copy;
    };
    query.words.forEach((w, i) => options.push({ dropped: w, rest: without('words', i) }));
    query.phrases.forEach((p, i) => {
      options.push({ dropped: `the quote marks around “${p}”`, rest: { ...without('phrases', i), words: [...query.words, ...p.split(/\s+/)] } });
    });
    query.authors.forEach((a, i) => options.push({ dropped: `author:${a}`, rest: without('authors', i) }));
    query.threads.forEach((t, i) => options.push({ dropped: `thread:${t}`, rest: without('threads', i) }));
    query.excluded.forEach((w, i) => options.push({ dropped: `-${w}`, rest: without('excluded', i) }));
    query.excludedAuthors.forEach((a, i) => options.push({ dropped: `-author:${a}`, rest: without('excludedAuthors', i) }));
    if (query.quote !== undefined) options.push({ dropped: query.quote ? 'is:quote' : '-is:quote', rest: { ...query, quote: undefined } });
    const out: SearchResponse['suggestions'] = [];
    for (const { dropped, rest } of options.slice(0, 8)) {
      const text = formatQuery(rest);
      if (text.trim() === '') continue;
      const count = await this.countWithoutChecks(rest, manifest, threads);
      if (count > 0) out.push({ query: text, dropped, count });
    }
    return out.sort((a, b) => b.count - a.count);
  }

  /** How many documents the index matches for a query (phrases counted as words, no text checks). */
  private async countWithoutChecks(query: ParsedQuery, manifest: SearchManifest, threads: StoredThread[]): Promise<number> {
    const fields = query.quote === true ? ['quote'] : query.quote === false ? ['text'] : ['text', 'quote', 'title', 'author'];
    const positive = [...new Set([...query.words, ...query.phrases].flatMap((w) => this.analyzer.terms(w)).filter(Boolean))];
    const required: Clause[] = [...positive.map((term) => ({ terms: [term], fields })), ...query.authors.slice(0, 1).map((a) => ({ terms: [authorKey(a)], fields: ['author'] }))];
    const matched = await this.match(required, manifest, threads, 0);
    const ranges = query.threads.map((id) => threads.find((t) => t[0] === id)).filter((t): t is StoredThread => t !== undefined);
    if (matched === null) return ranges.reduce((n, t) => n + t[3], 0);
    let n = 0;
    for (const { doc } of matched) if (ranges.length === 0 || ranges.some((t) => doc >= t[2] && doc < t[2] + t[3])) n++;
    return n;
  }
}
