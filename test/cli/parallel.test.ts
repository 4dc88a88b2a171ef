// The CLI's worker threads give what one thread gives: the same bytes on stdout and stderr, cross-file
// findings included, with inputs that could not be read or checked among the files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const cliPath = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

function run(args: string[], cwd: string, threads: number): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, WINCONTAINERS_THREADS: String(threads) } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const deployment = (name: string, image: string, build: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      nodeSelector:\n        kubernetes.io/os: windows\n        node.kubernetes.io/windows-build: '${build}'\n      containers:\n      - name: ${name}\n        image: ${image}\n        command: [cmd, /c, 'type C:\\\\app\\\\a.txt']\n`;

describe('wincontainers check in worker threads', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-parallel-'));
    const files: Record<string, string> = {
      // Linked by the config's images: map, deployed onto 10.0.20348 from the last manifest.
      '.wincontainers.yaml': 'images:\n  contoso/api: api/Dockerfile\n',
      'api/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN dir C:\\\n',
      // Linked by docker-compose, deployed from the first manifest.
      'web/Dockerfile': 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2019\nCOPY site/ C:/site/\n',
      'docker-compose.yml': 'services:\n  web:\n    build: ./web\n    image: contoso/web\n',
      'k8s/aaa-web.yaml': deployment('web', 'contoso/web:2', '10.0.20348'),
      'k8s/zzz-api.yaml': deployment('api', 'contoso/api:1', '10.0.20348'),
      'big/huge.yaml': `# ${'x'.repeat(600 * 1024)}\n`,
      'unreadable/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:1809\n',
    };
    // Enough files for several batches per worker, the linked ones among them.
    for (let i = 0; i < 60; i++) {
      files[`svc${i % 7}/app${i}.Dockerfile`] = `FROM mcr.microsoft.com/windows/servercore:${i % 3 === 0 ? 'latest' : 'ltsc2022'}\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem /tmp\n`;
      files[`svc${i % 7}/app${i}.yaml`] = deployment(`app${i}`, `contoso/app${i}:1`, i % 2 === 0 ? '10.0.20348' : '10.0.17763');
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    // Unreadable except for root, who reads it: either way both paths must say the same.
    chmodSync(join(root, 'unreadable/Dockerfile'), 0);
    symlinkSync('loop', join(root, 'loop'));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif']) {
    it(`prints the same ${format} in two worker threads as in one thread`, () => {
      const args = ['check', '.', 'missing.yaml', 'loop', '--format', format];
      const serial = run(args, root, 1);
      const parallel = run(args, root, 2);
      assert.deepEqual(parallel, serial);
      assert.equal(serial.status, 2);
      assert.match(serial.stderr, /^wincontainers: no such file or folder: missing\.yaml$/m);
      assert.match(serial.stderr, /^wincontainers: cannot read loop: ELOOP$/m);
      if (format === 'text') {
        // The cross-file findings, on both ends of each link.
        for (const finding of [
          'api/Dockerfile:1:43 error dockerfile/deployed-windows-build',
          'k8s/aaa-web.yaml:13:16 error kubernetes/built-image-windows-build',
          'k8s/zzz-api.yaml:13:16 error kubernetes/built-image-windows-build',
          'web/Dockerfile:1:43 error dockerfile/deployed-windows-build',
        ]) {
          assert.ok(serial.stdout.split('\n').some((line) => line.startsWith(`${finding} `)), finding);
        }
      }
      if (process.getuid?.() !== 0) assert.match(serial.stderr, /^wincontainers: cannot read unreadable\/Dockerfile: EACCES$/m);
      assert.ok(serial.stdout.includes('big/huge.yaml'));
    });
  }
});
