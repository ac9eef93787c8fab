/** An ISO 8601 UTC time as readers see it: `2026-08-03 18:07` (UTC, minutes). */
export function formatTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** Just the date part: `2026-08-03`. */
export function formatDate(iso: string): string {
  return iso.slice(0, 10);
}
