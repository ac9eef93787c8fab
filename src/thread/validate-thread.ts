import type { ErrorObject } from 'ajv';
import { validate } from './check-thread-schema.ts';
import type { Thread } from './types.ts';

/** thread.schema.json (draft-07), compiled ahead by Ajv (`npm run compile:schema`). */
const checkSchema = validate as ((data: unknown) => data is Thread) & { errors?: ErrorObject[] | null };

function describe(error: ErrorObject, value: unknown): string {
  const where = error.instancePath || '(thread)';
  let detail = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') {
    detail = `has unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  }
  const shown = error.keyword === 'additionalProperties' ? '' : ` (got ${JSON.stringify(value)?.slice(0, 60)})`;
  return `${where} ${detail}${shown}`;
}

function valueAt(thread: unknown, pointer: string): unknown {
  let node: unknown = thread;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/**
 * Checks a thread against the schema and the rules a schema cannot say: ids are unique,
 * every parent exists, and comments are in depth-first order (each subtree contiguous,
 * every reply after its parent). Returns a list of problems; empty means valid.
 */
export function threadProblems(thread: unknown): string[] {
  if (!checkSchema(thread)) {
    const errors = checkSchema.errors ?? [];
    return errors.slice(0, 5).map((e) => describe(e, valueAt(thread, e.instancePath)));
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const [index, comment] of thread.comments.entries()) {
    if (seen.has(comment.id)) {
      problems.push(`comment ${index} has duplicate id "${comment.id}"`);
      break;
    }
    if (comment.parent === null) {
      stack.length = 0;
    } else {
      if (!seen.has(comment.parent)) {
        problems.push(`comment "${comment.id}" names parent "${comment.parent}", which does not come before it`);
        break;
      }
      while (stack.length > 0 && stack[stack.length - 1] !== comment.parent) stack.pop();
      if (stack.length === 0) {
        problems.push(`comment "${comment.id}" is not in depth-first order: its parent "${comment.parent}" ended before it`);
        break;
      }
    }
    seen.add(comment.id);
    stack.push(comment.id);
  }
  return problems;
}

/** Throws an Error listing the problems when the thread is not valid. */
export function assertValidThread(thread: unknown): asserts thread is Thread {
  const problems = threadProblems(thread);
  if (problems.length > 0) throw new Error(`not a valid thread: ${problems.join('; ')}`);
}
