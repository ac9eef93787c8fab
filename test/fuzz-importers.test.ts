// Bounded fuzzing of every importer: random mutations of every fixture input (a fixed seed and
// a fixed number of cases, so CI is repeatable) must give either valid threads or the one-line
// ParseError — never a crash, a hang, or an invalid thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDump } from '../src/parse/parse-dump.ts';
import { threadProblems } from '../src/thread/validate-thread.ts';
import { isParseError } from '../src/util/parse-error.ts';

const root = new URL('./fixtures/', import.meta.url).pathname;
const runs = Number(process.env.FUZZ_RUNS ?? 60);

type Mutation = { kind: 'truncate' | 'delete' | 'duplicate' | 'flip' | 'insert'; at: number; length: number; byte: number };

function mutate(input: Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = Buffer.from(input);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length;
    const end = Math.min(bytes.length, at + m.length);
    if (m.kind === 'truncate') bytes = bytes.subarray(0, at);
    else if (m.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(end)]);
    else if (m.kind === 'duplicate') bytes = Buffer.concat([bytes.subarray(0, end), bytes.subarray(at, end), bytes.subarray(end)]);
    else if (m.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from('<>{}[]",\n> &#x27;'.slice(m.byte % 16)), bytes.subarray(at)]);
    else if (bytes.length > 0) bytes[at] = m.byte;
  }
  return bytes;
}

const mutation = fc.record({
  kind: fc.constantFrom('truncate', 'delete', 'duplicate', 'flip', 'insert'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 400 }),
  byte: fc.integer({ min: 0, max: 255 }),
}) as fc.Arbitrary<Mutation>;

const cases = readdirSync(root)
  .sort()
  .flatMap((name) => {
    const input = readdirSync(join(root, name)).find((f) => f.startsWith('input.') && !f.endsWith('.fixes.json'));
    return input ? [{ name, file: join(root, name, input), input }] : [];
  });

for (const { name, file, input } of cases) {
  test(`fuzz ${name} (${runs} mutations)`, async () => {
    const original = readFileSync(file);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const bytes = mutate(original, mutations);
        try {
          const threads = await parseDump(bytes, `${name}/${input}`);
          for (const thread of threads) assert.deepEqual(threadProblems(thread), []);
        } catch (error) {
          if (!isParseError(error)) throw error;
          assert.ok(!error.message.includes('(a bug)'), error.message);
          assert.ok(!error.message.includes('\n'), 'one line');
          assert.ok(error.message.startsWith(`${name}/${input}`), 'names the file');
        }
      }),
      { seed: 20261126, numRuns: runs },
    );
  });
}
