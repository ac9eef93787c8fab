// Runs every fixture folder: test/fixtures/<case>/input.<ext> must parse into
// test/fixtures/<case>/output.json byte for byte (or, with `error.txt` instead, fail with
// that one-line message). `UPDATE_FIXTURES=1 npm test` rewrites the expected files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDump } from '../src/parse/parse-dump.ts';
import { readOverrides } from '../src/parse/overrides.ts';
import { serializeThread } from '../src/thread/serialize-thread.ts';
import { isParseError } from '../src/util/parse-error.ts';

const root = new URL('./fixtures/', import.meta.url).pathname;
const update = process.env.UPDATE_FIXTURES === '1';

for (const name of readdirSync(root).sort()) {
  const dir = join(root, name);
  const input = readdirSync(dir).find((f) => f.startsWith('input.') && f !== 'input.fixes.json');
  if (!input) continue;
  test(`fixture ${name}`, async () => {
    const file = join(dir, input);
    const fixes = join(dir, 'input.fixes.json');
    const overrides = existsSync(fixes) ? readOverrides(readFileSync(fixes, 'utf8'), fixes) : undefined;
    let actual: string;
    let kind: 'output.json' | 'error.txt';
    try {
      const threads = await parseDump(readFileSync(file), `${name}/${input}`, { overrides, overridesFile: `${name}/input.fixes.json` });
      actual = threads.map(serializeThread).join('');
      kind = 'output.json';
    } catch (error) {
      if (!isParseError(error)) throw error;
      actual = `${error.message}\n`;
      kind = 'error.txt';
    }
    const expectedFile = join(dir, kind);
    if (update) writeFileSync(expectedFile, actual);
    assert.ok(existsSync(expectedFile), `${name}: got ${kind} but the fixture has no ${kind} (UPDATE_FIXTURES=1 writes it)`);
    assert.equal(actual, readFileSync(expectedFile, 'utf8'));
  });
}
