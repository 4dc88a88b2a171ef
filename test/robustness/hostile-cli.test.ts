// Hostile input through the bundled CLI, as CI runs it: whatever the file holds, the CLI finishes,
// and either exits 0/1 with one complete JSON or SARIF document on stdout, or exits 2 with nothing
// on stdout and one line on stderr. Bad configuration files exit 2 likewise; an unreadable path
// exits 2 with one line on stderr and the document of the other paths (none here) on stdout.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from './checks';
import { hostileInputs, windowsDockerfile } from './hostile';

const cliPath = join(repoRoot, 'dist', 'cli.js');
/** Process start plus one analysis; the engine is allowed 1 s per file, the rest is slack for a busy machine. */
const deadlineMs = 5_000;

/**
 * Both formats are produced by serialising the whole result at once; alternating them over the
 * inputs exercises both without doubling the number of processes (the folder must run in < 60 s).
 */
const formatFor = (index: number): 'json' | 'sarif' => (index % 2 === 0 ? 'json' : 'sarif');

/** Known product failures, by test name: the test stays in place and reports as TODO until fixed. */
const todo: Record<string, string> = {};
const options = (name: string): { todo?: string } => (todo[name] ? { todo: todo[name] } : {});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously (tests run two at a time) and kills it at the deadline. */
function run(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`wincontainers ${args.join(' ')} did not finish within ${deadlineMs} ms`));
    }, deadlineMs);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Exit 0/1 with a whole document, or exit 2 with one line on stderr and nothing on stdout. */
function assertWellFormed(result: Run, format: 'json' | 'sarif'): void {
  if (result.status === 2) {
    assert.equal(result.stdout, '', 'exit 2 must not print a partial document');
    assert.match(result.stderr, /^wincontainers: [^\n]+\n$/, 'exit 2 prints exactly one line on stderr');
    return;
  }
  assert.ok(result.status === 0 || result.status === 1, `exit code ${result.status}, stderr: ${result.stderr}`);
  assertWholeDocument(result.stdout, format);
}

function assertWholeDocument(stdout: string, format: 'json' | 'sarif'): void {
  const document: unknown = JSON.parse(stdout);
  if (format === 'json') assert.ok(Array.isArray(document), 'JSON output is an array of findings');
  else assert.equal((document as { version?: string }).version, '2.1.0', 'SARIF 2.1.0 log');
}

/** Exit 2, one line on stderr that contains `mention`, and a whole document of what else was checked. */
function assertInputProblem(result: Run, format: 'json' | 'sarif', mention: RegExp): void {
  assert.equal(result.status, 2, `expected exit 2, got ${result.status}; stderr: ${result.stderr}`);
  assert.match(result.stderr, /^wincontainers: [^\n]+\n$/);
  assert.match(result.stderr, mention);
  assertWholeDocument(result.stdout, format);
}

/** Exit 2, nothing on stdout, one line on stderr that contains `mention`. */
function assertUsageError(result: Run, mention: RegExp): void {
  assert.equal(result.status, 2, `expected exit 2, got ${result.status}; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^wincontainers: [^\n]+\n$/);
  assert.match(result.stderr, mention);
}

describe('CLI on hostile input', { concurrency: 2 }, () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-hostile-cli-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  hostileInputs().forEach((input, index) => {
    const format = formatFor(index);
    const name = `${input.name} (--format ${format})`;
    it(name, options(name), async () => {
      // One folder per test: the file name stays what decides the language, and runs cannot see each other's files.
      const dir = mkdtempSync(join(root, 'case-'));
      writeFileSync(join(dir, input.fileName), input.bytes);
      assertWellFormed(await run(['check', input.fileName, '--format', format], dir), format);
    });
  });

  it('a path that does not exist exits 2 with one line', async () => {
    assertInputProblem(await run(['check', 'missing/Dockerfile', '--format', 'json'], root), 'json', /missing/);
  });

  it('a dangling symlink exits 2 with one line', async () => {
    const dir = mkdtempSync(join(root, 'case-'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'Dockerfile'));
    assertInputProblem(await run(['check', 'Dockerfile', '--format', 'sarif'], dir), 'sarif', /Dockerfile/);
  });

  it('a symlink loop exits 2 with one line', async () => {
    const dir = mkdtempSync(join(root, 'case-'));
    symlinkSync(join(dir, 'Dockerfile'), join(dir, 'Dockerfile'));
    assertInputProblem(await run(['check', 'Dockerfile', '--format', 'json'], dir), 'json', /Dockerfile/);
  });

  it('a folder given as --config exits 2 with one line', async () => {
    const dir = mkdtempSync(join(root, 'case-'));
    writeFileSync(join(dir, 'Dockerfile'), windowsDockerfile);
    mkdirSync(join(dir, 'config-folder'));
    assertUsageError(await run(['check', '.', '--config', 'config-folder', '--format', 'json'], dir), /config-folder/);
  });

  const badConfigs: Record<string, string | Buffer> = {
    'unparseable YAML': 'targetWindowsVersion: [ltsc2022\n',
    'an unknown setting': 'colour: blue\n',
    'a wrong value': 'targetWindowsVersion: windows-11\n',
    'binary data': Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 0x80, 0]),
    'an alias bomb': `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`).join('\n')}\n`,
  };
  Object.entries(badConfigs).forEach(([what, content], index) => {
    const format = formatFor(index);
    const name = `a config file with ${what} exits 2 with one line (--format ${format})`;
    it(name, options(name), async () => {
      const dir = mkdtempSync(join(root, 'case-'));
      writeFileSync(join(dir, 'Dockerfile'), windowsDockerfile);
      writeFileSync(join(dir, '.wincontainers.yaml'), content);
      assertUsageError(await run(['check', '.', '--format', format], dir), /\.wincontainers\.yaml/);
    });
  });
});
