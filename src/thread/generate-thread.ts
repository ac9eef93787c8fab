import type { Comment, Thread } from './types.ts';
import { seededRandom } from '../util/seeded-random.ts';

export interface GenerateOptions {
  comments: number;
  /** `bushy`: a discussion of many branches; `chain`: each comment answers the one before. */
  shape?: 'bushy' | 'chain';
  seed?: number;
  id?: string;
}


const words = (
  'the a of to and in that it is for on with as this was but be at by not or have from they you one all we can an ' +
  'build cache index thread reply parser tree depth render static page server browser query phrase search quote ' +
  'author comment archive format import dump markdown schema version release bug patch review latency memory ' +
  'disk network token stream worker queue lock file folder path prefix deploy pages feed sitemap keyboard focus ' +
  'collapse expand summary detail markup script style escape sanitize link anchor fragment scroll layout font ' +
  'colour contrast print mobile screen width height measure benchmark budget bytes gzip size time fast slow ' +
  'honest simple careful robust tidy clear noisy rare common early late often never always maybe perhaps really ' +
  'think agree doubt prefer suggest wonder measure notice expect remember forget explain argue answer ask'
).split(' ');

const names = (
  'ada basil cora dmitri elif farah gus hana ivo juno kai lena milo nadia otto pia quin rosa sami tove ' +
  'uma vlad wren xia yusuf zora arlo bea cyd dara'
).split(' ');

/**
 * An invented thread for tests and benchmarks, in thread format v1: prose with the odd
 * quote of the parent, link, list and code span; authors with a few regulars; times that
 * move forward. Depth-first page order, so it parses as is.
 */
export function generateThread(options: GenerateOptions): Thread {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const n = options.comments;
  const shape = options.shape ?? 'bushy';
  const author = () => (random() < 0.5 ? names[Math.floor(random() * random() * names.length)]! : `${pick(names)}_${Math.floor(random() * 400)}`);
  const sentence = () => {
    const length = 5 + Math.floor(random() * 16);
    const out: string[] = [];
    for (let i = 0; i < length; i++) out.push(pick(words));
    const s = out.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}${pick(['.', '.', '.', '?', '!'])}`;
  };
  const paragraph = () => Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(' ');

  // The tree: parents chosen among recent comments, so branches grow deep as real ones do.
  const parents = new Int32Array(n).fill(-1);
  if (shape === 'chain') {
    for (let i = 1; i < n; i++) parents[i] = i - 1;
  } else {
    for (let i = 1; i < n; i++) {
      if (random() < 0.12) continue;
      const back = Math.floor(random() * random() * Math.min(i, 60)) + 1;
      parents[i] = i - back;
    }
  }
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) (parents[i]! < 0 ? roots : children[parents[i]!]!).push(i);
  // Depth-first order with an explicit stack.
  const order: number[] = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const i = stack.pop()!;
    order.push(i);
    const kids = children[i]!;
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
  }

  const texts: string[] = new Array(n);
  let time = Date.UTC(2026, 0, 5, 9, 0, 0);
  const comments: Comment[] = order.map((i) => {
    time += Math.floor(random() * 240) * 1000;
    const p = parents[i]!;
    const parts: string[] = [];
    if (p >= 0 && random() < 0.2) {
      const first = texts[p]!.split('\n')[0]!.split(/(?<=[.?!]) /)[0]!;
      parts.push(`> ${first}`);
    }
    parts.push(paragraph());
    const r = random();
    if (r < 0.08) parts.push(`See https://example.com/${pick(words)}/${Math.floor(random() * 1000)} for the ${pick(words)}.`);
    else if (r < 0.14) parts.push(`- ${sentence()}\n- ${sentence()}`);
    else if (r < 0.2) parts.push(`Try \`${pick(words)} --${pick(words)}\` and *${pick(words)}* it.`);
    if (random() < 0.35) parts.push(paragraph());
    const text = parts.join('\n\n');
    texts[i] = text.replace(/^> .*\n\n/, '');
    const c: Comment = { id: `c${i + 1}`, parent: p >= 0 ? `c${p + 1}` : null, author: author(), time: new Date(time).toISOString().replace('.000Z', 'Z'), text };
    return c;
  });
  const id = options.id ?? `generated-${shape}-${n}`;
  return {
    version: 1,
    id,
    title: `${shape === 'chain' ? 'A chain' : 'A discussion'} of ${n.toLocaleString('en')} generated comments`,
    url: `https://example.com/${id}`,
    source: { format: 'thread-json', file: `${id}.json` },
    author: 'ada',
    time: new Date(Date.UTC(2026, 0, 5, 8, 55, 0)).toISOString().replace('.000Z', 'Z'),
    text: paragraph(),
    comments,
  };
}
