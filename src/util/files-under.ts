import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every regular file below a folder, as paths, sorted; folders for which `skip` says so are
 * left out. Walked with a stack, not recursion: folders can be deep.
 */
export function filesUnder(dir: string, skip: (folder: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) {
        if (!skip(path)) stack.push(path);
      } else if (e.isFile()) out.push(path);
    }
  }
  return out.sort();
}
