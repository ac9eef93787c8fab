import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usedForCalibration, usedForFitting } from '../src/recover/fit-set.ts';

test('the confidence maps see every other long and shape thread, and never a thread the weights are fitted on', () => {
  const all = ['hn-heldout-long-b.json', 'hn-heldout-long-a.json', 'hn-heldout-long-c.json', 'hn-heldout-shape-x.json', 'hn-heldout-why-zig.json', 'eval-threads/hn-printers.json'];
  assert.deepEqual(all.filter((t) => usedForCalibration(t, all)), ['hn-heldout-long-a.json', 'hn-heldout-long-c.json', 'hn-heldout-shape-x.json']);
  for (const t of all) assert.ok(!(usedForCalibration(t, all) && usedForFitting(t)), t);
});
