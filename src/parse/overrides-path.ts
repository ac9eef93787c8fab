/** The suffix of a dump's corrections file (`NAME.fixes.json`, see overrides.ts). */
export const overridesSuffix = '.fixes.json';

/** `threads/foo.txt` → `threads/foo.fixes.json`. */
export function overridesPath(dump: string): string {
  return dump.replace(/(\.[^./]+)?$/, overridesSuffix);
}
