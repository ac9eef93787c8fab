import { extname } from 'node:path';
import { ParseError } from '../util/parse-error.ts';

/**
 * Decides whether a dump is JSON (by content, with the extension as a hint) and parses it.
 * Returns `undefined` for text that is not meant as JSON. JSON Lines (one object a line)
 * comes back as an array. Invalid or truncated JSON is a ParseError with the line.
 */
export function readJson(text: string, file: string): unknown {
  const ext = extname(file).toLowerCase();
  const head = text.trimStart();
  const jsonLines = ext === '.jsonl' || ext === '.ndjson';
  const expected =
    jsonLines ||
    ext === '.json' ||
    head.startsWith('{') ||
    /^\[\s*([{["\d\]-]|true|false|null)/.test(head);
  if (!expected) return undefined;
  if (jsonLines || /^\{[^\n]*\}\s*\n\s*\{/.test(head)) {
    const items: unknown[] = [];
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      try {
        items.push(JSON.parse(line));
      } catch (error) {
        throw new ParseError(file, `invalid JSON Lines: ${(error as Error).message}`, i + 1);
      }
    }
    return items;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    const truncated =
      /Unexpected end of JSON input|Unterminated/.test(message) || (at !== null && Number(at[1]) >= text.trimEnd().length);
    throw new ParseError(
      file,
      truncated ? 'the JSON is truncated (it ends before its last value is closed)' : `invalid JSON: ${message.replace(/^.*?(Unexpected|Expected|Bad)/, '$1')}`,
      truncated ? text.split('\n').length : line,
    );
  }
}
