import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * A hash of the parser's own source (every file under src/ but the site's), so that the
 * parse cache is invalidated by any change to the code that produced it.
 */
export function parserHash(): string {
  if (cached) return cached;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  const stack = [root];
  const files: string[] = [];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'site') stack.push(path);
      } else if (/\.(ts|json)$/.test(entry.name)) files.push(path);
    }
  }
  for (const file of files.sort()) hash.update(file.slice(root.length)).update(readFileSync(file));
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}
