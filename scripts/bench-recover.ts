// `npm run bench:recover [-- COMMENTS]`: lines per second of tree recovery on a large generated
// plain-text dump (default 20,000 comments), bushy and as one long chain: the recovery alone
// (cues, segmentation, attachment) and the whole parse (decode, import, quote links, schema
// check). CPU time is reported beside wall time: the machine is shared, and CPU time is what
// the code costs.
import { parseDump } from '../src/parse/parse-dump.ts';
import { recoverPlainLines } from '../src/recover/recover-plain-lines.ts';
import { generateDump } from './generate-dump.ts';

const comments = Number(process.argv[2] ?? 20000);

function measure<T>(run: () => T): { result: T; wall: number; cpu: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(cpu);
  return { result, wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
}

const rate = (lines: number, seconds: number) => `${Math.round(lines / seconds).toLocaleString('en')} lines/s`;

for (const shape of ['bushy', 'chain'] as const) {
  const dump = generateDump(comments, shape);
  // A small warm-up so the figures are not mostly JIT start-up.
  await parseDump(new TextEncoder().encode(generateDump(3000, shape, 7).text), 'warmup.txt');
  const lines = dump.text.split('\n').flatMap((text, i) => (text.trim() ? [{ line: i + 1, text }] : []));
  const recovery = measure(() => {
    return recoverPlainLines(lines);
  });
  const bytes = new TextEncoder().encode(dump.text);
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const [thread] = await parseDump(bytes, `bench-${shape}.txt`);
  const used = process.cpuUsage(cpu);
  const whole = { wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
  console.log(`${shape}: ${dump.lines} lines, ${thread!.comments.length} comments found`);
  console.log(`  recovery:    ${recovery.cpu.toFixed(2)} s CPU (${rate(dump.lines, recovery.cpu)}), ${recovery.wall.toFixed(2)} s wall (${rate(dump.lines, recovery.wall)})`);
  console.log(`  whole parse: ${whole.cpu.toFixed(2)} s CPU (${rate(dump.lines, whole.cpu)}), ${whole.wall.toFixed(2)} s wall (${rate(dump.lines, whole.wall)})`);
}
