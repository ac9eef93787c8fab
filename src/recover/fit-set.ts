import { basename } from 'node:path';

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
