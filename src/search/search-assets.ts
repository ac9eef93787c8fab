import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchDir } from './search-config.ts';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';

const require = createRequire(import.meta.url);

/**
 * The search scripts, built at site build time: `search.js` (the search page; TypeScript
 * bundled and minified by esbuild), `thread-hit.js` (thread pages) and Lunr's own minified
 * bundle, copied from node_modules, so the site needs nothing from the network. `version` is
 * their hash, for cache-busting URLs.
 */
let cached: { files: Map<string, string>; version: string } | undefined;

export function searchAssets(): { files: Map<string, string>; version: string } {
  if (cached) return cached;
  const entry = (name: string) => fileURLToPath(new URL(`./client/${name}`, import.meta.url));
  const out = new Map<string, string>();
  for (const [file, source] of [
    ['search.js', 'search-page.ts'],
    ['thread-hit.js', 'thread-hit.ts'],
    ['sw.js', 'search-sw.ts'],
  ] as const) {
    const result = buildSync({
      entryPoints: [entry(source)],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    out.set(file, result.outputFiles[0]!.text);
  }
  out.set('lunr.min.js', readFileSync(require.resolve('lunr/lunr.min.js'), 'utf8'));
  out.set('search.css', readFileSync(entry('search.css'), 'utf8'));
  const hash = createHash('sha256');
  for (const [name, content] of out) hash.update(name).update('\0').update(content);
  cached = { files: out, version: hash.digest('hex').slice(0, 10) };
  return cached;
}

/** Writes the search scripts into `<outDir>/search/`. */
export function writeSearchAssets(outDir: string): void {
  const dir = join(outDir, searchDir);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of searchAssets().files) writeFileSync(join(dir, name), content);
}
