// The GitHub Action (action.yml, dist/action.js): `wincontainers check` with the step's inputs,
// which GitHub passes as INPUT_<NAME> environment variables. It prints the findings in the chosen
// format, writes SARIF for github/codeql-action/upload-sarif and names that file in the step's
// `sarif` output (appended to the file GITHUB_OUTPUT names). The exit code is the CLI's, with the
// fail level mapped onto its options.
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { main } from './cli';

/** An input as GitHub passes it: the name upper-cased, spaces as underscores, hyphens kept. */
function input(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

const failLevelOptions: Record<string, string[]> = {
  error: [],
  warning: ['--max-warnings', '0'],
  none: ['--exit-zero'],
};

/** A workflow command GitHub shows as an error annotation on the run. */
function annotateError(message: string): void {
  process.stdout.write(`::error title=wincontainers::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
}

/** Sets a step output, with the delimiter form GitHub documents so that no value can end it early. */
function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

function run(): number {
  const failLevel = input('fail-level') || 'error';
  const failOptions = failLevelOptions[failLevel];
  if (!failOptions) {
    annotateError(`fail-level must be error, warning or none; got "${failLevel}"`);
    return 2;
  }
  // One path per line, as actions/upload-artifact takes its paths: a line may hold spaces.
  const paths = input('paths').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const valued = (flag: string, value: string): string[] => (value ? [flag, value] : []);
  const argv = [
    'check',
    ...paths,
    ...valued('--format', input('format') || 'text'),
    ...valued('--target', input('target')),
    ...valued('--config', input('config')),
    ...valued('--docs-url', input('docs-url')),
    ...failOptions,
  ];
  const cwd = process.cwd();
  const { exitCode, stdout, stderr, sarif } = main(argv, cwd, { sarifToo: true });
  if (stdout) process.stdout.write(stdout);
  if (stderr) process.stderr.write(stderr);
  // A usage or input problem (a bad target or config, a path it cannot read): the CLI's lines, on the run's summary too.
  if (exitCode === 2) annotateError(stderr.trim());
  // None after a usage problem: nothing was checked.
  if (sarif === undefined) return exitCode;
  const sarifFile = resolve(cwd, input('sarif-file') || 'wincontainers.sarif');
  mkdirSync(dirname(sarifFile), { recursive: true });
  writeFileSync(sarifFile, sarif);
  setOutput('sarif', sarifFile);
  return exitCode;
}

process.exitCode = run();
