import { ParseError } from '../util/parse-error.ts';
import type { Overrides } from '../thread/types.ts';

/** A user's corrections to a parsed thread (`NAME.fixes.json`); the type lives with the thread format. */
export type { Overrides };

const commentKeys = new Set(['parent', 'author', 'text', 'time', 'deleted']);

/** Checks an overrides file's JSON and returns it typed, or throws a ParseError naming it. */
export function readOverrides(text: string, file: string): Overrides {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ParseError(file, `invalid JSON in overrides file: ${(error as Error).message}`);
  }
  const fail = (what: string): never => {
    throw new ParseError(file, `invalid overrides: ${what}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('expected a JSON object');
  const o = json as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!['title', 'url', 'comments', 'split', 'merge', 'story'].includes(key)) {
      fail(`unknown key "${key}" (expected title, url, comments, split, merge or story)`);
    }
  }
  for (const key of ['title', 'url'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'string') fail(`"${key}" must be a string`);
  }
  for (const key of ['split', 'merge', 'story'] as const) {
    const v = o[key];
    if (v !== undefined && !(Array.isArray(v) && v.every((n) => Number.isInteger(n) && n > 0))) {
      fail(`"${key}" must be a list of line numbers`);
    }
  }
  if (o.comments !== undefined) {
    if (typeof o.comments !== 'object' || o.comments === null || Array.isArray(o.comments)) {
      fail('"comments" must map comment ids to the fields to change');
    }
    for (const [id, edit] of Object.entries(o.comments as Record<string, unknown>)) {
      if (typeof edit !== 'object' || edit === null) fail(`comments["${id}"] must be an object`);
      for (const [key, value] of Object.entries(edit as Record<string, unknown>)) {
        if (!commentKeys.has(key)) fail(`comments["${id}"] has unknown key "${key}" (expected parent, author, text, time or deleted)`);
        if (key === 'parent' && value !== null && typeof value !== 'string') fail(`comments["${id}"].parent must be an id or null`);
        if (key === 'deleted' && typeof value !== 'boolean') fail(`comments["${id}"].deleted must be true or false`);
        if (key !== 'parent' && key !== 'deleted' && typeof value !== 'string') fail(`comments["${id}"].${key} must be a string`);
      }
    }
  }
  return o as Overrides;
}
