import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { rendererFiles } from '../src/site/_lib/thread-body-cache.ts';

test("the thread-page cache's renderer version covers the modules thread-page.ts runs, and only those", () => {
  const src = fileURLToPath(new URL('../src/', import.meta.url));
  const files = rendererFiles().map((url) => relative(src, fileURLToPath(url)));
  // Imported directly, one step away and several steps away.
  for (const file of ['site/_lib/thread-page.ts', 'recover/review-doubts.ts', 'render/render-markdown.ts', 'quotes/normalize-for-match.ts', 'parse/overrides-path.ts']) {
    assert.ok(files.includes(file), `${file} is missing from ${files.join(', ')}`);
  }
  // Type-only imports change no output.
  assert.ok(!files.includes('thread/types.ts'));
  assert.deepEqual(files, [...files].sort());
});
