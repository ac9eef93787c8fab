import type { Importer } from './importer.ts';
import type { ThreadDraft } from '../thread/types.ts';
import { ParseError } from '../util/parse-error.ts';
import { threadProblems } from '../thread/validate-thread.ts';

/** The project's own thread JSON: validated, then passed through. */
export const threadJson: Importer = {
  format: 'thread-json',
  detect({ json }) {
    return isRecord(json) && json.version === 1 && Array.isArray(json.comments) && isRecord(json.source);
  },
  parse({ json, file }) {
    const problems = threadProblems(json);
    if (problems.length > 0) throw new ParseError(file, `not a valid thread: ${problems[0]}`);
    const thread = json as ThreadDraft & { version?: number };
    const { version: _version, ...draft } = thread;
    return draft;
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
