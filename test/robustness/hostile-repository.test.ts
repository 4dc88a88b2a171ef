// A hostile repository through the bundled CLI: what a cloned tree holds besides file contents
// (FIFOs, odd names, unreadable folders, huge ignore files, expensive globs) must neither hang the
// CLI nor cost it the rest of the run. Each bound is about ten times what the CLI needs here and far
// below what it took before the fix (noted per test).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { windowsDockerfile } from './hostile';
import { runCli } from './run-cli';

/** Process start plus a handful of files: about 0.3 s here. */
const deadlineMs = 5_000;

function write(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
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
  after(() => rmSync(root, { recursive: true, force: true }));

  // Before the fix the CLI and the editor checked this file (262,145 characters) while the index
  // left it out (over 512 KiB on disk).
  it('the size limit counts bytes: a file of 2-byte characters under the limit in characters is skipped', async () => {
    const dir = fresh();
    write(dir, { Dockerfile: windowsDockerfile + `# ${'é'.repeat(300_000)}\n` });
    const run = await runCli(['check', '.', '--format', 'json'], dir, deadlineMs);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
    assert.match(run.stderr, /^wincontainers: note: Dockerfile: Not checked for Windows container problems: the file is 0\.6 MB, over the 0\.5 MB limit\.\n$/);
  });
});
