// `npm run bench:recover [-- COMMENTS]`: parses a large generated plain-text dump (default 20,000
// comments) and a copied-HN-page version of it, and prints lines per second for the whole parse
// (decode, segment, recover the tree, build and check the thread).
import { parseDump } from '../src/parse/parse-dump.ts';
import { generateDump } from './generate-dump.ts';

const comments = Number(process.argv[2] ?? 20000);
for (const shape of ['bushy', 'chain'] as const) {
  const dump = generateDump(comments, shape);
  const bytes = new TextEncoder().encode(dump.text);
  // One small warm-up run so the figure is not mostly JIT start-up.
  await parseDump(new TextEncoder().encode(generateDump(200, shape, 7).text), 'warmup.txt');
  const start = performance.now();
  const [thread] = await parseDump(bytes, `bench-${shape}.txt`);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `plain-text ${shape}: ${dump.lines} lines, ${thread!.comments.length} comments found, ${seconds.toFixed(2)} s, ` +
      `${Math.round(dump.lines / seconds)} lines/s`,
  );
}
