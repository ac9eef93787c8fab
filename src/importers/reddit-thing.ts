/** A Reddit "thing": `{kind, data}`. */
export interface Thing {
  kind: string;
  data: Record<string, unknown>;
}

/** A Reddit thing: `{kind, data}` with a string `kind` and an object `data`. */
export function isThing(value: unknown): value is Thing {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === 'string' && typeof v.data === 'object' && v.data !== null && !Array.isArray(v.data);
}

/** A Reddit listing: a thing of kind `Listing` whose `data.children` is a list. */
export function isListing(value: unknown): value is Thing {
  return isThing(value) && value.kind === 'Listing' && Array.isArray(value.data.children);
}
