// Queries for the search benchmark, drawn (seeded) from an archive's own comments.
import type { Thread } from '../src/thread/types.ts';
import { seededRandom } from './generate-archive.ts';

export interface Query {
  kind: 'word' | 'two words' | 'phrase' | 'pasted sentence';
  q: string;
}

/** Queries drawn from the archive's own comments (seeded): words, pairs, phrases, sentences. */
export function sampleQueries(threads: Thread[], seed: number): Query[] {
  const random = seededRandom(seed);
  const comments = threads.flatMap((t) => t.comments);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const contentWords = (text: string) => (text.replace(/^>.*$/gm, '').match(/[A-Za-z]{5,}/g) ?? []).map((w) => w.toLowerCase());
  const queries: Query[] = [];
  while (queries.length < 40) {
    const c = pick(comments);
    const words = contentWords(c.text);
    if (words.length < 3) continue;
    const sentences = c.text.replace(/^>.*$/gm, '').match(/[^.?\n]+[.?]/g)?.map((s) => s.trim()).filter((s) => s.split(' ').length >= 6) ?? [];
    const n = queries.length % 4;
    if (n === 0) queries.push({ kind: 'word', q: pick(words) });
    else if (n === 1) queries.push({ kind: 'two words', q: `${pick(words)} ${pick(words)}` });
    else if (n === 2) {
      const plain = c.text.replace(/^>.*$/gm, '').split(/\s+/).filter(Boolean);
      if (plain.length < 5) continue;
      const start = Math.floor(random() * (plain.length - 3));
      queries.push({ kind: 'phrase', q: `"${plain.slice(start, start + 3).join(' ').replace(/[.,?"]/g, '')}"` });
    } else {
      if (sentences.length === 0) continue;
      queries.push({ kind: 'pasted sentence', q: pick(sentences) });
    }
  }
  return queries;
}

