import type { Importer } from './importer.ts';
import { threadJson } from './thread-json.ts';

export type { Importer, DumpInput, ImportOptions } from './importer.ts';

/**
 * Every importer, in the order their `detect` is tried: structured formats first (their
 * shapes are unambiguous), the bare plain-text dump last (it takes any text).
 */
export const importers: Importer[] = [threadJson];
