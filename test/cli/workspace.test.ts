// The CLI sees a folder as the editor sees a workspace: images link to the Dockerfiles that build them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const cliPath = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

describe('wincontainers check over a workspace', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-ws-'));
    const files: Record<string, string> = {
      'web/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nCOPY site/ C:/site/\n',
      'tools/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:latest\n',
      'docker-compose.yml': 'services:\n  web:\n    build: ./web\n    image: contoso/web\n',
      'k8s/web.yaml':
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      nodeSelector:\n        kubernetes.io/os: windows\n        node.kubernetes.io/windows-build: '10.0.20348'\n      containers:\n      - name: web\n        image: contoso/web:2\n      os:\n        name: windows\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('reports a build mismatch on both sides and infers the target from the manifests', () => {
    const result = spawnSync(process.execPath, [cliPath, 'check', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const findings = (JSON.parse(result.stdout) as Array<{ file: string; line: number; rule: string; fixable: boolean; message: string }>).map((f) => [f.file, f.line, f.rule, f.fixable]);
    // The target is inferred from the manifest (10.0.20348): the untagged image gets a preferred
    // fix, and the Dockerfile's mismatch is reported against the target, once.
    assert.deepEqual(findings, [
      ['k8s/web.yaml', 13, 'kubernetes/built-image-windows-build', false],
      ['tools/Dockerfile', 1, 'dockerfile/windows-base-image-tag', true],
      ['web/Dockerfile', 1, 'dockerfile/windows-version-mismatch', true],
    ]);
    assert.equal(result.status, 1);
  });
});
