import { createHash } from 'node:crypto';

/**
 * A short id made from a comment's content, for dumps with no ids of their own: the same
 * text gives the same id, so editing one comment of a dump leaves the others' ids alone.
 * Ids already given out are passed in `taken`; a repeat gets `-2`, `-3`, … in page order.
 */
export function contentId(prefix: string, content: string, taken: Set<string>): string {
  const normal = content.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  const hash = createHash('sha1').update(normal).digest('hex').slice(0, 8);
  let id = `${prefix}${hash}`;
  for (let n = 2; taken.has(id); n++) id = `${prefix}${hash}-${n}`;
  taken.add(id);
  return id;
}
