/** A linear model's score for named features: the sum of value × weight (missing weights are 0). */
export function linearScore(names: readonly string[], values: ArrayLike<number>, weights: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (let i = 0; i < names.length; i++) {
    const v = values[i]!;
    if (v !== 0) sum += v * (weights[names[i]!] ?? 0);
  }
  return sum;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
