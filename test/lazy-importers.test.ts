// The importer registry loads no heavy parsing package: each importer's parse code
// (<name>-parse.ts, with the HTML, Markdown and mail parsers or the tree recovery it needs) is
// imported dynamically, the first time its format is parsed. Checked on the static import graph
// of the sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const srcDir = new URL('../src/', import.meta.url);

/** Packages that take tens of milliseconds or more to load. */
const heavy = ['mailparser', 'hast-util-from-html', 'hast-util-select', 'hast-util-to-mdast', 'mdast-util-from-markdown', 'micromark-extension-gfm', 'parse5'];

/** Static value imports (and re-exports) of a module: not `import type`, not dynamic `import()`. */
function staticImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?(['"])([^'"]+)\1/gm;
  for (const match of source.matchAll(statement)) found.push(match[2]!);
  return found;
}

/** Every source module (paths under src/) and bare package that `entry` loads statically. */
function staticGraph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const stack = [new URL(entry, srcDir).href];
  while (stack.length > 0) {
    const url = stack.pop()!;
    const path = url.slice(srcDir.href.length);
    if (modules.has(path)) continue;
    modules.add(path);
    for (const specifier of staticImports(readFileSync(fileURLToPath(url), 'utf8'))) {
      if (specifier.startsWith('.')) stack.push(new URL(specifier, url).href);
      else if (!specifier.startsWith('node:')) packages.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
    }
  }
  return { modules, packages };
}

const lazy = ['hn-algolia', 'hn-firebase', 'reddit', 'discourse', 'hn-item-html', 'mbox'];

/** The text importers: their parse code needs tree recovery (src/recover/) and the plain-text-to-Markdown converter. */
const lazyText = ['plain-text', 'hn-copy-text'];

/** Heavy source modules the text importers' parsers load (mdast-util-to-markdown; the tree recovery). */
const heavyModules = ['util/plain-text-to-markdown.ts', 'recover/recover-tree.ts'];

test('the walk finds the heavy packages where they are imported', () => {
  // Without this, a walker that found nothing would pass the test below.
  const needs: Record<string, string> = {
    'hn-algolia': 'hast-util-from-html',
    'hn-firebase': 'hast-util-from-html',
    reddit: 'mdast-util-from-markdown',
    discourse: 'hast-util-from-html',
    'hn-item-html': 'hast-util-select',
    mbox: 'mailparser',
  };
  for (const name of lazy) {
    const { packages } = staticGraph(`importers/${name}-parse.ts`);
    assert.ok(packages.has(needs[name]!), `${name}-parse.ts should load ${needs[name]} (found: ${[...packages].join(', ')})`);
  }
});

test('the walk finds the text importers\' heavy modules where they are imported', () => {
  // Without this, a walker that missed the recovery modules would pass the test below.
  for (const name of lazyText) {
    const { modules } = staticGraph(`importers/${name}-parse.ts`);
    assert.ok(modules.has('recover/recover-tree.ts'), `${name}-parse.ts should load recover/recover-tree.ts`);
  }
  assert.ok(staticGraph('importers/hn-copy-text-parse.ts').modules.has('util/plain-text-to-markdown.ts'), 'hn-copy-text-parse.ts should load util/plain-text-to-markdown.ts');
});

test('importing the registry loads no importer\'s parse code, no heavy package and no heavy module', () => {
  const { modules, packages } = staticGraph('importers/index.ts');
  for (const name of [...lazy, ...lazyText]) {
    assert.ok(modules.has(`importers/${name}.ts`), `the registry should import importers/${name}.ts`);
    assert.ok(!modules.has(`importers/${name}-parse.ts`), `importers/${name}-parse.ts is loaded with the registry; it should be imported when ${name} is first parsed`);
  }
  assert.deepEqual(heavy.filter((name) => packages.has(name)), [], 'heavy packages loaded with the registry');
  assert.deepEqual(heavyModules.filter((path) => modules.has(path)), [], 'heavy modules loaded with the registry');
});
