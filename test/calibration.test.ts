import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCalibration, fitCalibration } from '../src/recover/calibrate.ts';
import { calibration, weightsHash } from '../src/recover/calibration.ts';

test('the confidence maps were fitted for the weights in weights.ts (else run npm run fit:calibration)', () => {
  assert.equal(calibration.forWeights, weightsHash());
  assert.deepEqual(calibration.parentHeader, [], "copied pages' parent confidences stay raw");
  for (const kind of ['boundaryPlain', 'parentPlain'] as const) {
    const knots = calibration[kind];
    assert.ok(knots.length >= 2, `${kind} has a map`);
    for (let i = 1; i < knots.length; i++) assert.ok(knots[i]![0] > knots[i - 1]![0] && knots[i]![1] > knots[i - 1]![1], `${kind} rises strictly`);
  }
});

test('isotonic calibration recovers a known curve and keeps the order of confidences', () => {
  // Right with probability raw², from a fixed pseudo-random sequence.
  let s = 7;
  const random = () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
  const examples = Array.from({ length: 20000 }, () => {
    const raw = random();
    return { raw, right: random() < raw * raw };
  });
  const knots = fitCalibration(examples);
  for (const x of [0.3, 0.5, 0.7, 0.9]) assert.ok(Math.abs(applyCalibration(knots, x) - x * x) < 0.05, `at ${x}: ${applyCalibration(knots, x)}`);
  let last = -1;
  for (let x = 0; x <= 1; x += 0.01) {
    const y = applyCalibration(knots, x);
    assert.ok(y >= last, 'never falls');
    last = y;
  }
  // Flat beyond the ends; no knots, no change.
  assert.equal(applyCalibration(knots, -1), knots[0]![1]);
  assert.equal(applyCalibration(knots, 2), knots.at(-1)![1]);
  assert.equal(applyCalibration([], 0.42), 0.42);
  // A falling run is pooled: the map does not follow noise downwards.
  const pooled = fitCalibration([...Array(50).fill({ raw: 0.2, right: true }), ...Array(50).fill({ raw: 0.8, right: false })], 2);
  assert.deepEqual(pooled, [[0.5, 0.5]]);
});
