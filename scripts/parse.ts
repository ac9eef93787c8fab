// `npm run parse`: a thin shell over src/cli/parse-cli.ts.
import { run } from '../src/cli/parse-cli.ts';

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
  isTty: process.stderr.isTTY,
});
