// The compiled schema checker is what `npm run compile:schema` makes of the current schema,
// and it checks what Ajv checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { checkerFile, checkerSource } from '../scripts/compile-schema.ts';
import { threadProblems } from '../src/thread/validate-thread.ts';
import { makeThread } from './helpers.ts';

test('src/thread/check-thread-schema.ts is up to date with thread.schema.json (else run npm run compile:schema)', () => {
  assert.equal(readFileSync(checkerFile, 'utf8'), checkerSource());
});

test('the compiled checker and Ajv agree on valid and broken threads', () => {
  const schema = JSON.parse(readFileSync(new URL('../src/thread/thread.schema.json', import.meta.url), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: false, strict: true }).compile(schema);
  const good = makeThread('t-1', [{ author: 'ann', time: '2024-01-02T03:04:05Z' }, { parent: 'c1', lines: [3, 4] }]);
  const cases: unknown[] = [
    good,
    { ...good, version: 2 },
    { ...good, id: 'Bad Id' },
    { ...good, extra: 1 },
    { ...good, time: 'yesterday' },
    { ...good, comments: [{ id: 'c1', parent: null }] },
    { ...good, comments: [{ ...good.comments[0]!, confidence: { boundary: 2, parent: 0 } }] },
    { ...good, source: { format: 'gopher', file: 'x' } },
    'not a thread',
  ];
  for (const c of cases) assert.equal(threadProblems(c).length === 0, ajv(c), JSON.stringify(c).slice(0, 80));
});
