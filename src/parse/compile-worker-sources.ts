import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { filesUnder } from '../util/files-under.ts';

/** Where compiled copies live: inside the project, so their bare imports find node_modules. */
const cacheName = 'thread-archive-workers';

/**
 * The parser's sources compiled to plain JavaScript, for worker threads: a worker started
 * under tsx would otherwise load every module through tsx's loader hooks (on a hooks thread
 * of its own), which takes about a second of CPU before it parses anything; from compiled
 * files it starts in about a third of that. Each `.ts` file under `src/` (but the site's) is
 * compiled alone with esbuild, as tsx itself does, `.ts` import specifiers become `.js`, other
 * files are copied, so paths relative to a module (`import.meta.url`) still work. The copy is
 * kept in `node_modules/.cache/` under a hash of the sources and made again when they change.
 * Returns the URL of `entry` (a path under `src/`, e.g. `parse/parse-worker.ts`) in the copy,
 * or `undefined` when it cannot be made (the caller then falls back to tsx).
 */
export function compiledWorkerEntry(entry: string): URL | undefined {
  try {
    const srcDir = fileURLToPath(new URL('../', import.meta.url));
    const projectDir = join(srcDir, '..');
    if (!existsSync(join(projectDir, 'node_modules'))) return undefined;
    const files = sourceFiles(srcDir);
    const hash = createHash('sha256');
    for (const file of files) hash.update(relative(srcDir, file)).update('\0').update(readFileSync(file)).update('\0');
    const key = hash.digest('hex').slice(0, 16);
    const cacheDir = join(projectDir, 'node_modules', '.cache', cacheName);
    const outDir = join(cacheDir, key);
    const target = join(outDir, 'src', entry.replace(/\.ts$/, '.js'));
    if (existsSync(join(outDir, 'complete'))) return pathToFileURL(target);

    // Build beside, then rename: another process may be building the same copy.
    const building = `${outDir}.${process.pid}.${Date.now()}.tmp`;
    for (const file of files) {
      const out = join(building, 'src', relative(srcDir, file));
      mkdirSync(dirname(out), { recursive: true });
      if (file.endsWith('.ts')) {
        const { code } = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'node20', sourcefile: file });
        writeFileSync(out.replace(/\.ts$/, '.js'), code.replace(/((?:\bfrom|\bimport)\s*\(?\s*)(["'])(\.{1,2}\/[^"'\n]+?)\.ts\2/g, '$1$2$3.js$2'));
      } else {
        copyFileSync(file, out);
      }
    }
    writeFileSync(join(building, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(building, 'complete'), '');
    try {
      renameSync(building, outDir);
    } catch {
      rmSync(building, { recursive: true, force: true }); // someone else's copy won
    }
    // Copies of older sources go once they are a day old (a run started before an edit
    // may still be loading its own).
    for (const name of readdirSync(cacheDir)) {
      const path = join(cacheDir, name);
      if (name !== key && Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { recursive: true, force: true });
    }
    return existsSync(join(outDir, 'complete')) ? pathToFileURL(target) : undefined;
  } catch {
    return undefined;
  }
}

/** Every file under `src/` but the site's, in a stable order. */
function sourceFiles(srcDir: string): string[] {
  return filesUnder(srcDir, (folder) => folder === join(srcDir, 'site'));
}
