import { runCli } from './cli.ts';
import { nodeIO } from './io.ts';

try {
  process.exitCode = await runCli(process.argv.slice(2), nodeIO());
} catch (error) {
  process.stderr.write(`parley: internal error: ${(error as Error).stack ?? String(error)}\nPlease report this with the command you ran.\n`);
  process.exitCode = 2;
}
