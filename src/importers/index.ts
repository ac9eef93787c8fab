import type { Importer } from './importer.ts';
import { threadJson } from './thread-json.ts';
import { hnAlgolia } from './hn-algolia.ts';
import { reddit } from './reddit.ts';
import { hnItemHtml } from './hn-item-html.ts';
import { discourse } from './discourse.ts';
import { hnFirebase } from './hn-firebase.ts';
import { mbox } from './mbox.ts';
import { hnCopyText } from './hn-copy-text.ts';
import { plainText } from './plain-text.ts';

export type { Importer, DumpInput, ImportOptions } from './importer.ts';

/**
 * Every importer, in the order their `detect` is tried: structured formats first (their
 * shapes are unambiguous), the bare plain-text dump last (it takes any text).
 */
export const importers: Importer[] = [threadJson, hnAlgolia, hnFirebase, reddit, discourse, hnItemHtml, mbox];

// Text dumps go last: a copied HN page (it has header lines), then any text at all.
importers.push(hnCopyText, plainText);
