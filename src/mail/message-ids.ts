/**
 * The Message-IDs in a header value (`References`, `In-Reply-To`, `Message-ID`), in order,
 * without their angle brackets. Only complete `<…>` ids count, so comments (`(sent by …)`),
 * stray words and an id cut off at the end of a broken header are left out. A value with no
 * brackets at all (some old mailers) falls back to its words that look like `local@domain`.
 */
export function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const ids: string[] = [];
  for (const match of value.matchAll(/<\s*([^<>\s]+)\s*>/g)) ids.push(match[1]!);
  if (ids.length > 0) return ids;
  for (const word of value.split(/\s+/)) if (/^[^@\s()"]+@[^@\s()"]+$/.test(word)) ids.push(word);
  return ids;
}
