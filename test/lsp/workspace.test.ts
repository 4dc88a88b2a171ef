// The server's workspace index: an edit in one file re-checks the open files that depend on it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ourDiagnostics, startServer, type TestServer } from '../helpers/lsp-client';

const files: Record<string, string> = {
  'web/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
  'docker-compose.yml': 'services:\n  web:\n    build: ./web\n    image: contoso/web\n',
  'k8s/web.yaml':
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeSelector:\n    kubernetes.io/os: windows\n    node.kubernetes.io/windows-build: '10.0.20348'\n  containers:\n  - name: web\n    image: contoso/web:1\n  os:\n    name: windows\n",
  'k8s/api.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n  - name: api\n    image: contoso/api:1\n',
};

describe('language server workspace index', () => {
  let server: TestServer;
  let root: string;
  const uri = (path: string): string => pathToFileURL(join(root, path)).href;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-lsp-ws-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    server = await startServer({ rootPath: root });
  });

  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('re-checks a manifest when the Dockerfile that builds its image is edited, before it is saved', async () => {
    const manifest = uri('k8s/web.yaml');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: manifest, languageId: 'yaml', version: 1, text: files['k8s/web.yaml'] } });
    await server.diagnostics(manifest, (p) => p.version === 1 && ourDiagnostics(p).length === 0);

    const dockerfile = uri('web/Dockerfile');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: dockerfile, languageId: 'dockerfile', version: 1, text: files['web/Dockerfile'] } });
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: dockerfile, version: 2 },
      contentChanges: [{ text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2025\n' }],
    });
    const republished = await server.diagnostics(manifest, (p) => ourDiagnostics(p).some((d) => d.code === 'kubernetes/built-image-windows-build'));
    const diagnostic = ourDiagnostics(republished).find((d) => d.code === 'kubernetes/built-image-windows-build')!;
    assert.deepEqual(diagnostic.range.start, { line: 10, character: 11 });
    assert.equal(diagnostic.relatedInformation?.[0]?.location.uri, dockerfile);

    // Closing the Dockerfile drops its unsaved edit: the index goes back to the file on disk.
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: dockerfile } });
    await server.diagnostics(manifest, (p) => p.version === 1 && ourDiagnostics(p).length === 0);
  });

  it('follows files changed on disk that are not open', async () => {
    const api = uri('k8s/api.yaml');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: api, languageId: 'yaml', version: 1, text: files['k8s/api.yaml'] } });
    await server.diagnostics(api, (p) => p.version === 1 && ourDiagnostics(p).length === 0);
    // A Windows Dockerfile now builds contoso/api: the pod becomes a Windows workload without a selector.
    writeFileSync(join(root, 'api.Dockerfile'), 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n');
    writeFileSync(join(root, 'docker-compose.yml'), readFileSync(join(root, 'docker-compose.yml'), 'utf8') + '  api:\n    build: {context: ., dockerfile: api.Dockerfile}\n    image: contoso/api\n');
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri('api.Dockerfile'), type: 1 },
        { uri: uri('docker-compose.yml'), type: 2 },
      ],
    });
    const published = await server.diagnostics(api, (p) => ourDiagnostics(p).some((d) => d.code === 'kubernetes/windows-node-selector'));
    assert.match(String(ourDiagnostics(published)[0]!.message), /built from api\.Dockerfile/);
  });
});
