// Synthetic flat dumps for benchmarks and stress tests: invented words, quotes of the parent,
// lists, multi-paragraph comments, in depth-first order. Deterministic (seeded).

const syllables = ['ka', 'lo', 'mer', 'tin', 'sa', 'vo', 'rel', 'dun', 'pi', 'qua', 'zen', 'bo', 'tur', 'ni', 'ex', 'ar'];
const glue = ['the', 'a', 'is', 'and', 'but', 'of', 'to', 'in', 'that', 'it', 'was', 'for', 'you', 'I', 'not', 'with'];

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface GeneratedDump {
  text: string;
  comments: number;
  lines: number;
}

/**
 * A plain-text dump of `comments` comments. `shape: 'chain'` makes every comment answer the one
 * before (a chain as deep as the thread); `'bushy'` mixes replies, siblings and top-level ones.
 */
export function generateDump(comments: number, shape: 'bushy' | 'chain' = 'bushy', seed = 1): GeneratedDump {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const word = () => (rand() < 0.45 ? pick(glue) : pick(syllables) + pick(syllables) + (rand() < 0.5 ? pick(syllables) : ''));
  const sentence = () => {
    const n = 6 + Math.floor(rand() * 14);
    const words = Array.from({ length: n }, word);
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    return `${words.join(' ')}${rand() < 0.15 ? '?' : '.'}`;
  };
  const out: string[] = [];
  const firstSentence: string[] = [];
  const stack: number[] = [];
  for (let k = 0; k < comments; k++) {
    if (shape === 'chain') {
      if (k > 0) stack.push(k - 1);
    } else {
      const r = rand();
      if (k > 0 && r < 0.55) stack.push(k - 1);
      else if (r < 0.85) stack.splice(Math.max(0, stack.length - 1 - Math.floor(rand() * 3)));
      else stack.length = 0;
    }
    const parent = stack.at(-1);
    if (parent !== undefined && rand() < 0.25) out.push(`> ${firstSentence[parent]}`);
    const paragraphs = 1 + Math.floor(rand() * rand() * 4);
    const first = `${sentence()} ${sentence()}`;
    firstSentence.push(first.split(/(?<=[.?]) /)[0]!);
    out.push(first);
    for (let p = 1; p < paragraphs; p++) {
      if (rand() < 0.15) {
        out[out.length - 1] += ':';
        out.push(`- ${sentence()}`, `- ${sentence()}`);
      } else out.push(sentence());
    }
  }
  return { text: `${out.join('\n')}\n`, comments, lines: out.length };
}
