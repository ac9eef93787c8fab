/**
 * Times in the thread format: ISO 8601 in UTC, whole seconds without a fraction
 * (`2024-05-01T12:00:00Z`), so the same moment reads the same from every source.
 * Fractions of a second are kept when the source has them.
 */
export function isoFromUnix(seconds: number): string | undefined {
  if (!Number.isFinite(seconds)) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace('.000Z', 'Z');
}

/**
 * A date string → ISO UTC. A time without a zone (`2024-05-01T12:00:00`, as saved HN pages
 * show it) is read as UTC, not local time. Returns `undefined` for what is not a date.
 */
export function isoFromString(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed) ? `${trimmed}Z` : trimmed;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z');
}
