// `npm run build`: parse threads/ into _archive/, then render the site into _site/.
// THREADS_DIR, ARCHIVE_DIR, SITE_DIR, PATH_PREFIX, SITE_URL and SITE_TITLE change the defaults.
import { prepareEnv, projectDir } from '../src/build/prepare-env.ts';
import { startBuildEarly } from '../src/build/start-build-early.ts';

prepareEnv();
// The search index's worker gets going while the rest of the build loads (see startBuildEarly).
startBuildEarly();
const { buildSite } = await import('../src/build/build-site.ts');
const progress = process.stderr.isTTY;
const result = await buildSite({
  cwd: projectDir,
  onProgress: progress ? (done, total) => process.stderr.write(`\rparse: ${done}/${total} dumps`) : undefined,
});
if (progress) process.stderr.write('\r');
const { parse } = result;
for (const error of parse.errors) process.stderr.write(`build: ${error.message}\n`);
process.stderr.write(
  `build: ${parse.threads} threads, ${parse.comments} comments parsed in ${result.seconds.parse.toFixed(2)} s (${parse.parsed} anew, the rest from cache)` +
    `${parse.errors.length ? `; ${parse.errors.length} dump${parse.errors.length === 1 ? '' : 's'} failed` : ''}\n` +
    `build: site written to ${result.siteDir}/ in ${result.seconds.site.toFixed(2)} s\n`,
);
process.exitCode = parse.errors.length > 0 ? 1 : 0;
