import { createHash } from 'node:crypto';

/**
 * A comment id from a Message-ID: `m-` + its readable part (letters and digits, other runs
 * turned into `-`, at most 40 characters) + `-` + 8 hex digits of its SHA-1. URL-safe, a valid
 * HTML id, the same for the same Message-ID in every parse, and distinct for distinct ids
 * even where the readable parts agree (`a.b@x` and `a-b@x`).
 */
export function messageAnchor(messageId: string): string {
  const readable = messageId
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const hash = createHash('sha1').update(messageId).digest('hex').slice(0, 8);
  return readable ? `m-${readable}-${hash}` : `m-${hash}`;
}
