// `npm run bench:recover [-- COMMENTS]`: lines per second of tree recovery on a large generated
// plain-text dump (default 20,000 comments), bushy and as one long chain: the recovery alone
// (cues, segmentation, attachment) and the whole parse (decode, import, quote links, schema
// check). CPU time is reported beside wall time: the machine is shared, and CPU time is what
// the code costs. Each is run RUNS times (default 5; env BENCH_RUNS): the best run is what the
// code costs on this machine, the median what a user on a busy machine may see.
import { parseDump } from '../src/parse/parse-dump.ts';
import { recoverPlainLines } from '../src/recover/recover-plain-lines.ts';
import { generateDump } from './generate-dump.ts';

const comments = Number(process.argv[2] ?? 20000);

/** Wall and CPU seconds of one run (nothing of its result is kept: it would weigh on the next runs). */
async function measure(run: () => unknown): Promise<{ wall: number; cpu: number }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
}

const rate = (lines: number, seconds: number) => `${Math.round(lines / seconds).toLocaleString('en')} lines/s`;
const runs = Number(process.env.BENCH_RUNS ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench:recover: BENCH_RUNS must be a whole number of at least 1, got ${process.env.BENCH_RUNS}`);
  process.exit(1);
}

/** The best and the median of several runs' wall and CPU seconds. */
function summary(times: { wall: number; cpu: number }[]): { best: { wall: number; cpu: number }; median: { wall: number; cpu: number } } {
  const pick = (key: 'wall' | 'cpu') => {
    const sorted = times.map((t) => t[key]).sort((a, b) => a - b);
    return { best: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]! };
  };
  const wall = pick('wall');
  const cpu = pick('cpu');
  return { best: { wall: wall.best, cpu: cpu.best }, median: { wall: wall.median, cpu: cpu.median } };
}

const line = (label: string, lines: number, t: { wall: number; cpu: number }) =>
  `  ${label} ${t.cpu.toFixed(2)} s CPU (${rate(lines, t.cpu)}), ${t.wall.toFixed(2)} s wall (${rate(lines, t.wall)})`;

for (const shape of ['bushy', 'chain'] as const) {
  const dump = generateDump(comments, shape);
  // A small warm-up so the figures are not mostly JIT start-up.
  await parseDump(new TextEncoder().encode(generateDump(3000, shape, 7).text), 'warmup.txt');
  const lines = dump.text.split('\n').flatMap((text, i) => (text.trim() ? [{ line: i + 1, text }] : []));
  const bytes = new TextEncoder().encode(dump.text);
  const recoveries: { wall: number; cpu: number }[] = [];
  const parses: { wall: number; cpu: number }[] = [];
  let found = 0;
  for (let r = 0; r < runs; r++) recoveries.push(await measure(() => recoverPlainLines(lines)));
  for (let r = 0; r < runs; r++) {
    parses.push(await measure(async () => {
      found = (await parseDump(bytes, `bench-${shape}.txt`))[0]!.comments.length;
    }));
  }
  const recovery = summary(recoveries);
  const whole = summary(parses);
  console.log(`${shape}: ${dump.lines} lines, ${found} comments found; best and median of ${runs} runs`);
  console.log(line('recovery, best:     ', dump.lines, recovery.best));
  console.log(line('recovery, median:   ', dump.lines, recovery.median));
  console.log(line('whole parse, best:  ', dump.lines, whole.best));
  console.log(line('whole parse, median:', dump.lines, whole.median));
}
