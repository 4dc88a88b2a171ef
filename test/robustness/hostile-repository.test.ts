// A hostile repository through the bundled CLI: what a cloned tree holds besides file contents
// (FIFOs, odd names, unreadable folders, huge ignore files, expensive globs) must neither hang the
// CLI nor cost it the rest of the run. Each bound is about ten times what the CLI needs here and far
// below what it took before the fix (noted per test).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { deepFolder, removeTree, windowsDockerfile } from './hostile';
import { runCli, type CliRun } from './run-cli';

/** Process start plus a handful of files: about 0.3 s here. */
const deadlineMs = 5_000;
const posix = process.platform !== 'win32';

function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

function mkfifo(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  execFileSync('mkfifo', [path]);
}

/** The files the JSON output has findings for. */
function reportedFiles(run: CliRun): string[] {
  return [...new Set((JSON.parse(run.stdout) as Array<{ file: string }>).map((finding) => finding.file))].sort();
}

/** Exit 2 with every other finding still printed, and exactly one line on stderr that matches. */
function assertOneNote(run: CliRun, mention: RegExp): void {
  assert.equal(run.status, 2, `expected exit 2, got ${run.status}; stderr: ${run.stderr}`);
  assert.match(run.stderr, /^wincontainers: [^\n]+\n$/, 'one line on stderr');
  assert.match(run.stderr, mention);
}

describe('CLI on a hostile repository', { concurrency: 2 }, () => {
  let root: string;
  let cases = 0;
  const fresh = (): string => {
    const dir = join(root, `case-${++cases}`);
    mkdirSync(dir);
    return dir;
  };
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-hostile-repo-'));
  });
  after(() => removeTree(root));

  // Before the fix each of these hung until killed (a blocking read of a FIFO with no writer).
  it('a FIFO named .gitignore in a subfolder: one line, exit 2, the other files still checked', { skip: !posix }, async () => {
    const dir = fresh();
    write(dir, { Dockerfile: windowsDockerfile, 'sub/Dockerfile': windowsDockerfile });
    mkfifo(join(dir, 'sub', '.gitignore'));
    const run = await runCli(['check', '.', '--format', 'json'], dir, deadlineMs);
    assertOneNote(run, /sub\/\.gitignore.*not a regular file/);
    assert.deepEqual(reportedFiles(run), ['Dockerfile', 'sub/Dockerfile']);
  });

  // 3 s here; before the fix over 3 minutes (168 ms per path, each of the 100,000 rules tried).
  it('a .gitignore of 100,000 wildcard rules (0.9 MB): the rules before the 1,001st apply, one line, exit 2', async () => {
    const dir = fresh();
    const files: Record<string, string> = { 'xq0/Dockerfile': windowsDockerfile, 'late/Dockerfile': windowsDockerfile };
    for (let i = 0; i < 500; i++) files[`svc-${i}/Dockerfile`] = windowsDockerfile;
    write(dir, files);
    // The last rule, a literal name, is past the cut: what applies is a prefix of the file.
    writeFileSync(join(dir, '.gitignore'), [...Array.from({ length: 100_000 }, (_, i) => `*q*${i}`), 'late/'].join('\n'));
    const started = performance.now();
    const run = await runCli(['check', '.', '--format', 'json'], dir, 60_000);
    const ms = performance.now() - started;
    assertOneNote(run, /\.gitignore: over 1000 rules with wildcards; only its first 1000 of 100001 rules apply/);
    const reported = reportedFiles(run);
    assert.equal(reported.length, 501);
    assert.ok(!reported.includes('xq0/Dockerfile') && reported.includes('late/Dockerfile'));
    assert.ok(ms < 30_000, `took ${Math.round(ms)} ms`);
  });

  it('a FIFO named .wincontainers.yaml at the root: one line, exit 2', { skip: !posix }, async () => {
    const dir = fresh();
    write(dir, { Dockerfile: windowsDockerfile });
    mkfifo(join(dir, '.wincontainers.yaml'));
    const run = await runCli(['check', '.', '--format', 'json'], dir, deadlineMs);
    assertOneNote(run, /\.wincontainers\.yaml.*not a regular file/);
  });

  it('a FIFO given as --config: one line, exit 2', { skip: !posix }, async () => {
    const dir = fresh();
    write(dir, { Dockerfile: windowsDockerfile });
    mkfifo(join(dir, 'pipe.yaml'));
    const run = await runCli(['check', '.', '--config', 'pipe.yaml'], dir, deadlineMs);
    assertOneNote(run, /pipe\.yaml.*not a regular file/);
  });

  it('a FIFO given as a path: one line, exit 2', { skip: !posix }, async () => {
    const dir = fresh();
    mkfifo(join(dir, 'Dockerfile'));
    const run = await runCli(['check', 'Dockerfile', '--format', 'json'], dir, deadlineMs);
    assertOneNote(run, /Dockerfile.*not a regular file/);
  });

  // Before the fix the CLI and the editor checked this file (262,145 characters) while the index
  // left it out (over 512 KiB on disk).
  // 0.1 s here; before the fix the content test backtracked exponentially: 4.6 s for 25 lines, hours for 35.
  it('a file named on the command line with 40 CRLF comment lines is classified in linear time', async () => {
    const dir = fresh();
    write(dir, { notes: '#x\r\n'.repeat(40) + 'x\r\n' });
    const run = await runCli(['check', 'notes'], dir, deadlineMs);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /notes: not a Dockerfile or YAML file/);
  });

  it('the size limit counts bytes: a file of 2-byte characters under the limit in characters is skipped', async () => {
    const dir = fresh();
    write(dir, { Dockerfile: windowsDockerfile + `# ${'é'.repeat(300_000)}\n` });
    const run = await runCli(['check', '.', '--format', 'json'], dir, deadlineMs);
    assert.equal(run.status, 0, run.stderr);
    const entries = JSON.parse(run.stdout) as Array<{ kind: string; file: string; message: string }>;
    assert.deepEqual(entries.map(({ kind, file, message }) => ({ kind, file, message })), [{ kind: 'not-checked', file: 'Dockerfile', message: 'Not checked for Windows container problems: the file is 0.6 MB, over the 0.5 MB limit.' }]);
    assert.equal(run.stderr, '');
  });

  // Before the fix one folder the walk could not list made the whole run exit 2 with no findings.
  it('a folder whose path is over PATH_MAX: one line, exit 2, the other files still checked', { skip: !posix }, async () => {
    const dir = fresh();
    write(dir, { 'a/Dockerfile': windowsDockerfile, 'z/Dockerfile': windowsDockerfile });
    deepFolder(join(dir, 'm'), { Dockerfile: windowsDockerfile });
    const run = await runCli(['check', '.', '--format', 'json'], dir, deadlineMs);
    assertOneNote(run, /^wincontainers: skipped m\/.*: cannot read folder: ENAMETOOLONG\n$/);
    assert.deepEqual(reportedFiles(run), ['a/Dockerfile', 'z/Dockerfile']);
  });

  const root0 = process.getuid?.() === 0;
  it('a folder without read permission: one line, exit 2, the other files still checked', { skip: !posix || root0 ? 'needs POSIX and a user other than root' : false }, async () => {
    const dir = fresh();
    write(dir, { 'a/Dockerfile': windowsDockerfile, 'locked/Dockerfile': windowsDockerfile, 'z/Dockerfile': windowsDockerfile });
    chmodSync(join(dir, 'locked'), 0);
    try {
      const run = await runCli(['check', '.', '--format', 'json'], dir, deadlineMs);
      assertOneNote(run, /^wincontainers: skipped locked: cannot read folder: EACCES\n$/);
      assert.deepEqual(reportedFiles(run), ['a/Dockerfile', 'z/Dockerfile']);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });

  // Before the fix the whole run exited 2 with no findings (the lossy name named no file).
  it('names that are not valid UTF-8: one line each, exit 2, the other files still checked', { skip: process.platform !== 'linux' }, async () => {
    const dir = fresh();
    write(dir, { 'a/Dockerfile': windowsDockerfile, 'z/Dockerfile': windowsDockerfile });
    const badFolder = Buffer.concat([Buffer.from(join(dir, 'bad-')), Buffer.from([0xff])]);
    mkdirSync(badFolder);
    writeFileSync(Buffer.concat([badFolder, Buffer.from('/Dockerfile')]), windowsDockerfile);
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'a', 'Dockerfile.')), Buffer.from([0xc3, 0x28])]), windowsDockerfile);
    const run = await runCli(['check', '.', '--format', 'json'], dir, deadlineMs);
    assert.equal(run.status, 2, run.stderr);
    assert.deepEqual(run.stderr.split('\n'), ['wincontainers: skipped bad-\uFFFD: the name is not valid UTF-8', 'wincontainers: skipped a/Dockerfile.\uFFFD(: the name is not valid UTF-8', '']);
    assert.deepEqual(reportedFiles(run), ['a/Dockerfile', 'z/Dockerfile']);
  });

  // Before the fix: 18 s for this config on 20 files (killed at the deadline); each {a,b} doubled it.
  it('an ignore glob with 17 brace sets: refused with one config error, at once', async () => {
    const dir = fresh();
    write(dir, Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`app${i}/Dockerfile`, windowsDockerfile])));
    write(dir, { '.wincontainers.yaml': `ignore:\n  - src/${'{a,b}'.repeat(17)}/x\n` });
    const run = await runCli(['check', '.', '--format', 'json'], dir, deadlineMs);
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^wincontainers: \.wincontainers\.yaml:2:5: invalid config: the ignore glob "src\/\{a,b\}.*" expands to more than 64 patterns \(each \{a,b\} doubles them\)\.\n$/);
  });

  it('a config with a duplicate key deep in a long map: still refused, naming the line', async () => {
    const dir = fresh();
    const keys = Array.from({ length: 1000 }, (_, i) => `  i${i}: d${i}/Dockerfile\n`);
    write(dir, { Dockerfile: windowsDockerfile, '.wincontainers.yaml': 'images:\n' + keys.join('') + '  i500: again/Dockerfile\n' });
    const run = await runCli(['check', '.', '--format', 'json'], dir, deadlineMs);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'wincontainers: .wincontainers.yaml:1002:3: invalid config: Map keys must be unique.\n');
  });

  // Before the fix an 11 MB config did not finish in 120 s.
  it('a config over 1 MiB: one clear error, at once', async () => {
    const dir = fresh();
    write(dir, { Dockerfile: windowsDockerfile, '.wincontainers.yaml': 'images:\n' + Array.from({ length: 100_000 }, (_, i) => `  i${i}: d${i}/Dockerfile\n`).join('') });
    const run = await runCli(['check', '.', '--format', 'json'], dir, deadlineMs);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^wincontainers: \.wincontainers\.yaml:1:1: invalid config: the file is 2\.\d MiB, over the 1 MiB limit\.\n$/);
  });

  // Before the fix the message spanned two lines (and the NUL went out raw).
  for (const [what, key, shown] of [
    ['a line break', 'colour\\nshade', 'colour\\nshade'],
    ['a NUL', 'colour\\0shade', 'colour\\u0000shade'],
  ] as const) {
    it(`a config key holding ${what}: exit 2 with one line, the character escaped`, async () => {
      const dir = fresh();
      write(dir, { Dockerfile: windowsDockerfile, '.wincontainers.yaml': `"${key}": blue\n` });
      const run = await runCli(['check', '.'], dir, deadlineMs);
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `wincontainers: .wincontainers.yaml:1:1: invalid config: unknown setting "${shown}" (known: targetWindowsVersion, isolation, rules, ignore, windowsNodeTaint, docsUrl, images).\n`);
    });
  }

  it('an argument holding a line break: exit 2 with one line', async () => {
    const run = await runCli(['check', '--fast\nerror: forged'], fresh(), deadlineMs);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'wincontainers: unknown option "--fast\\nerror: forged"\n');
  });

  it('a file name holding a line break: each finding stays one line', { skip: !posix }, async () => {
    const dir = fresh();
    write(dir, { 'web\n.Dockerfile': windowsDockerfile });
    const run = await runCli(['check', '.'], dir, deadlineMs);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(lines.length > 1);
    for (const line of lines.slice(0, -1)) assert.match(line, /^web\\n\.Dockerfile:\d+:\d+ /);
  });

  // Before the fix a symlinked Dockerfile was silently not checked, nor anything in a linked folder.
  it('symbolic links inside the tree are followed, loops and links out of it are not', { skip: !posix }, async () => {
    const dir = fresh();
    const outside = fresh();
    write(outside, { 'Dockerfile': windowsDockerfile });
    write(dir, { 'base/Dockerfile.windows': windowsDockerfile, 'shared/k8s/Dockerfile': windowsDockerfile });
    mkdirSync(join(dir, 'app'));
    symlinkSync('../base/Dockerfile.windows', join(dir, 'app', 'Dockerfile'));
    symlinkSync('../shared', join(dir, 'app', 'shared'));
    symlinkSync('..', join(dir, 'shared', 'k8s', 'loop'));
    symlinkSync(outside, join(dir, 'elsewhere'));
    const run = await runCli(['check', '.', '--format', 'json'], dir, deadlineMs);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(reportedFiles(run), ['app/Dockerfile', 'base/Dockerfile.windows', 'shared/k8s/Dockerfile']);
  });
});
