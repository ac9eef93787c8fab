/** Metadata a text dump may carry in a front-matter block at its top. */
export interface FrontMatter {
  title?: string;
  url?: string;
  /** When the page was saved (ISO 8601): the anchor for relative times such as "3 hours ago". */
  saved?: string;
}

export interface FrontMatterResult {
  meta: FrontMatter;
  /** How many lines the block takes (0 when there is none): the body starts after them. */
  lineCount: number;
}

const keyLine = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/;

/**
 * Reads an optional front-matter block (`---`, `key: value` lines, `---`) from the first lines
 * of a text dump. Known keys are `title`, `url` and `saved`; other keys are ignored. Values may
 * be wrapped in single or double quotes. A block that is not closed, or holds a line that is
 * not `key: value`, is not front matter: `lineCount` is then 0 and the lines are left alone.
 */
export function readFrontMatter(lines: readonly string[]): FrontMatterResult {
  if (lines[0]?.trim() !== '---') return { meta: {}, lineCount: 0 };
  const meta: FrontMatter = {};
  for (let i = 1; i < lines.length && i < 50; i++) {
    const line = lines[i]!.trim();
    if (line === '---') return { meta, lineCount: i + 1 };
    if (line === '') continue;
    const match = keyLine.exec(line);
    if (!match) return { meta: {}, lineCount: 0 };
    const key = match[1]!.toLowerCase();
    const value = unquote(match[2]!.trim());
    if (value === '') continue;
    if (key === 'title') meta.title = value;
    else if (key === 'url') meta.url = value;
    else if (key === 'saved' || key === 'date') {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) meta.saved = new Date(time).toISOString();
    }
  }
  return { meta: {}, lineCount: 0 };
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) {
    return value.slice(1, -1);
  }
  return value;
}
