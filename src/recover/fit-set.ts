import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every structured thread with a known tree that tree recovery is measured on: the shared
 * samples (those present in `sharedDir`) and the project's test/eval-threads/*.json, in a
 * stable order. `usedForFitting` says which of them the weights are fitted on.
 */
export function evalThreads(sharedDir: string): string[] {
  const samples = ['hn-algolia.json', 'reddit.json', 'hn-item.html', 'discourse.json']
    .map((name) => join(sharedDir, 'samples', name))
    .filter((path) => existsSync(path));
  const own = fileURLToPath(new URL('../../test/eval-threads/', import.meta.url));
  return [...samples, ...readdirSync(own).filter((f) => f.endsWith('.json')).sort().map((f) => join(own, f))];
}

/**
 * Which evaluation threads the weights are fitted on (scripts/fit-recover.ts): the shared HN
 * Algolia and Reddit samples and the invented threads in test/eval-threads/ whose names do not
 * contain "heldout". Everything else `npm run eval` scores (the saved HN page and the Discourse
 * topic among the shared samples, the *heldout* threads) is never seen by the fitter.
 */
export function usedForFitting(file: string): boolean {
  const name = basename(file);
  if (name.includes('heldout')) return false;
  return name === 'hn-algolia.json' || name === 'reddit.json' || file.includes('eval-threads');
}

/**
 * Held-out threads that the confidence maps are also fitted on (scripts/fit-calibration.ts),
 * though never the weights: every other `hn-heldout-long-*` and `hn-heldout-shape-*` thread in
 * name order, so that the maps see comments of real length and threads of real shape, which the
 * weights' threads lack. Their raw confidences come from weights fitted without them.
 */
export function usedForCalibration(file: string, all: readonly string[]): boolean {
  const kind = /hn-heldout-(long|shape)-/.exec(basename(file))?.[1];
  if (!kind) return false;
  const same = all.filter((t) => basename(t).startsWith(`hn-heldout-${kind}-`)).map((t) => basename(t)).sort();
  return same.indexOf(basename(file)) % 2 === 0;
}
