// `npm start`: parse threads/, build the site and serve it at http://localhost:8080 with live
// reload. A change in threads/ is parsed again; the archive change rebuilds the site.
import { watch } from 'node:fs';
import { parseDirectory } from '../src/parse/parse-directory.ts';
import { parseFolders, projectDir } from '../src/build/build-site.ts';
import { prepareEnv } from '../src/build/prepare-env.ts';
import Eleventy from '@11ty/eleventy';

prepareEnv();
const folders = parseFolders(process.env, projectDir);
const port = Number(process.env.PORT || 8080);

async function parse(): Promise<void> {
  const started = performance.now();
  const result = await parseDirectory(folders);
  for (const error of result.errors) process.stderr.write(`start: ${error.message}\n`);
  process.stderr.write(`start: ${result.threads} threads, ${result.comments} comments (${result.parsed} parsed anew) in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
}

await parse();
// Eleventy watches ARCHIVE_DIR and the templates, rebuilds and reloads the browser.
const eleventy = new Eleventy('src/site', undefined, { configPath: '.eleventy.ts', quietMode: true, runMode: 'serve' });
await eleventy.init();
await eleventy.watch();
void eleventy.serve(port);

let timer: NodeJS.Timeout | undefined;
let running = Promise.resolve();
watch(folders.threadsDir, () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    running = running.then(parse).catch((error: Error) => {
      process.stderr.write(`start: ${error.message}\n`);
    });
  }, 200);
});
