import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: where .eleventy.ts and src/site/ are. */
export const projectDir = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

/**
 * Makes the folder settings absolute (relative to where the user ran npm, INIT_CWD) and moves
 * into the project folder, where Eleventy finds its config and templates.
 */
export function prepareEnv(env: NodeJS.ProcessEnv = process.env): void {
  const from = env.INIT_CWD ?? process.cwd();
  for (const key of ['THREADS_DIR', 'ARCHIVE_DIR', 'SITE_DIR', 'CACHE_DIR'] as const) {
    const value = env[key];
    if (value) env[key] = resolve(from, value);
  }
  process.chdir(projectDir);
}
