import type { HeaderInfo } from './comment-unit.ts';

/**
 * Whether a copied page's ages can be trusted as a cue: every reply is younger than the
 * top-level comment its subtree hangs from, so a reply older than the latest top-level
 * comment above it is a contradiction. More than 5% contradictions (a page pieced together
 * by hand, or ages that were never real) and the ages are ignored.
 */
export function agesAreConsistent(headers: readonly (HeaderInfo | undefined)[]): boolean {
  let rootAge: number | undefined;
  let checked = 0;
  let bad = 0;
  for (const h of headers) {
    if (h?.ageHours === undefined || h.hasParent === undefined) continue;
    if (!h.hasParent) {
      rootAge = h.ageHours;
      continue;
    }
    if (rootAge === undefined) continue;
    checked++;
    if (h.ageHours > rootAge + 1e-9) bad++;
  }
  return bad <= checked * 0.05;
}

/** The headers as the cues may read them: without their ages when those contradict each other. */
export function trustedAges<T extends HeaderInfo | undefined>(headers: readonly T[]): readonly T[] {
  if (agesAreConsistent(headers)) return headers;
  return headers.map((h) => (h ? { ...h, ageHours: undefined } : h));
}
