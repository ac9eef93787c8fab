/** One item of the HN Algolia API (`/api/v1/items/ID`), as far as the importer reads it. */
export interface AlgoliaItem {
  id: number;
  type: string;
  author?: string | null;
  created_at?: string | null;
  created_at_i?: number | null;
  text?: string | null;
  points?: number | null;
  title?: string | null;
  url?: string | null;
  parent_id?: number | null;
  story_id?: number | null;
  children: unknown[];
}

const itemTypes = new Set(['story', 'comment', 'poll', 'pollopt', 'job']);

/** An Algolia item: an object with a numeric `id`, one of HN's item types and a `children` list. */
export function isAlgoliaItem(value: unknown): value is AlgoliaItem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'number' && typeof v.type === 'string' && itemTypes.has(v.type) && Array.isArray(v.children);
}
