import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** What a bundle was made of: its inputs (absolute paths) and the hash of their contents. */
interface BundleRecord {
  bundle: string;
  inputs: string[];
  hash: string;
}

function hashInputs(inputs: string[]): string | undefined {
  const hash = createHash('sha256');
  try {
    for (const input of inputs) hash.update(input).update('\0').update(readFileSync(input)).update('\0');
  } catch {
    return undefined; // an input is gone: bundle again
  }
  return hash.digest('hex');
}

/**
 * A worker thread's TypeScript entry bundled by esbuild into one plain JavaScript file (its
 * packages included, Node's built-ins left out), kept in `cacheDir`. Node 20 has no
 * TypeScript loader in workers: through tsx (ts-worker.mjs) a worker spends about a second
 * loading its modules; the bundle loads in a tenth of that. The bundle is reused while the
 * files it was made of are unchanged (checked by content); else esbuild makes it again, in
 * its own process.
 */
export async function bundledWorker(entry: URL, cacheDir: string): Promise<URL> {
  const name = basename(fileURLToPath(entry)).replace(/\.ts$/, '');
  const recordFile = join(cacheDir, `${name}.json`);
  try {
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as BundleRecord;
    if (record.hash === hashInputs(record.inputs)) return pathToFileURL(join(cacheDir, record.bundle));
  } catch {
    // no bundle yet, or its record is damaged
  }
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    metafile: true,
  });
  const code = result.outputFiles[0]!.text;
  const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(input));
  const bundle = `${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  mkdirSync(cacheDir, { recursive: true });
  for (const old of readdirSync(cacheDir)) if (old.startsWith(`${name}-`) && old !== bundle) rmSync(join(cacheDir, old), { force: true });
  const write = (file: string, content: string) => {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  };
  write(join(cacheDir, bundle), code);
  write(recordFile, JSON.stringify({ bundle, inputs, hash: hashInputs(inputs) ?? '' } satisfies BundleRecord));
  return pathToFileURL(join(cacheDir, bundle));
}
