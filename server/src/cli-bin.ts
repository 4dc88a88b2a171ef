// The `wincontainers` command (dist/cli.js). Apart from cli.ts so that the GitHub Action's bundle,
// which imports cli.ts, does not also run it as the command.
import { main } from './cli';

const { exitCode, stdout, stderr } = main(process.argv.slice(2), process.cwd());
// Written whole and followed by exitCode (not process.exit) so a piped reader never gets half a document.
if (stdout) process.stdout.write(stdout);
if (stderr) process.stderr.write(stderr);
process.exitCode = exitCode;
