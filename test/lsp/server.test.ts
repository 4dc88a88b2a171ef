// The real bundled server over stdio: what any LSP editor sees.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { applyEdits } from '../../server/src/core/text';
import { ourDiagnostics, startServer, type CodeAction, type TestServer } from '../helpers/lsp-client';

const windowsDockerfile = 'FROM mcr.microsoft.com/windows/servercore:latest\nRUN dir\n';
const windowsPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n';

describe('language server over stdio', () => {
  let server: TestServer;
  let root: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-lsp-'));
    writeFileSync(join(root, '.wincontainers.yaml'), 'targetWindowsVersion: ltsc2022\n');
    server = await startServer({ rootPath: root });
  });

  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes diagnostics for the opened version, with rule id, source and docs link', async () => {
    const uri = pathToFileURL(join(root, 'Dockerfile')).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: windowsDockerfile } });
    const published = await server.diagnostics(uri, (p) => p.version === 1);
    const [diagnostic, ...rest] = ourDiagnostics(published);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic!.code, 'dockerfile/windows-base-image-tag');
    assert.deepEqual(diagnostic!.range, { start: { line: 0, character: 42 }, end: { line: 0, character: 48 } });
    assert.equal(diagnostic!.severity, 1);
    assert.equal(diagnostic!.codeDescription, undefined, 'no link into the server\'s install: the client did not say where the pages are');
  });

  it('re-publishes for every version, also when nothing changed, and applies a quick fix', async () => {
    const uri = pathToFileURL(join(root, 'app.Dockerfile')).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: windowsDockerfile } });
    await server.diagnostics(uri, (p) => p.version === 1 && ourDiagnostics(p).length === 1);
    // An edit elsewhere (incremental sync): the finding stays and is published for version 2.
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 7 } }, text: ' /b' }],
    });
    const v2 = await server.diagnostics(uri, (p) => p.version === 2);
    const diagnostic = ourDiagnostics(v2)[0]!;
    assert.ok(diagnostic, 'the finding is still there after an unrelated edit');

    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    const preferred = actions.find((action) => action.isPreferred);
    assert.equal(preferred?.title, 'Use tag ltsc2022', `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(actions.some((action) => action.title === 'Ignore dockerfile/windows-base-image-tag here'));

    const edits = preferred!.edit!.changes![uri]!;
    const fixed = applyEdits('FROM mcr.microsoft.com/windows/servercore:latest\nRUN dir /b\n', edits);
    assert.equal(fixed, 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir /b\n');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: fixed }] });
    const v3 = await server.diagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(ourDiagnostics(v3), []);
  });

  it('offers fix-all as a source action', async () => {
    const uri = pathToFileURL(join(root, 'k8s', 'pod.yaml')).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 7, text: windowsPod } });
    const published = await server.diagnostics(uri, (p) => p.version === 7 && ourDiagnostics(p).length === 1);
    assert.equal(ourDiagnostics(published)[0]!.code, 'kubernetes/windows-node-selector');
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.windowsContainers');
    const fixed = applyEdits(windowsPod, actions[0]!.edit!.changes![uri]!);
    assert.equal(fixed, windowsPod + '  nodeSelector:\n    kubernetes.io/os: windows\n');
  });

  it('clears diagnostics on close and answers requests for unknown documents', async () => {
    const uri = pathToFileURL(join(root, 'closing.Dockerfile')).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: windowsDockerfile } });
    await server.diagnostics(uri, (p) => p.version === 1 && ourDiagnostics(p).length === 1);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await server.diagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
    await assert.rejects(
      server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: 'file:///nowhere/Dockerfile' },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      }),
      /unknown document file:\/\/\/nowhere\/Dockerfile/,
    );
  });

  it('reports a broken config file once, on the file, and keeps the defaults', async () => {
    const uri = pathToFileURL(join(root, '.wincontainers.yaml')).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: 'targetWindowsVersion: ltsc2030\n' } });
    const published = await server.diagnostics(uri, (p) => p.version === 1);
    assert.equal(published.diagnostics.length, 1);
    assert.match(String(published.diagnostics[0]!.message), /targetWindowsVersion must be ltsc2019, ltsc2022, ltsc2025/);
    assert.deepEqual(published.diagnostics[0]!.range.start, { line: 0, character: 22 });
  });

  it('ignores files that are neither Dockerfiles nor Kubernetes objects', async () => {
    const uri = pathToFileURL(join(root, 'compose.yaml')).href;
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:latest\n' },
    });
    const published = await server.diagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(published.diagnostics, []);
  });
});

describe('language server settings', () => {
  it('applies severities from pulled settings', async () => {
    const server = await startServer({ pullSettings: { rules: { 'dockerfile/windows-base-image-tag': 'hint' } } });
    try {
      const uri = 'untitled:Untitled-1';
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: windowsDockerfile } });
      const published = await server.diagnostics(uri, (p) => p.version === 1 && ourDiagnostics(p).length === 1);
      assert.equal(ourDiagnostics(published)[0]!.severity, 4);
    } finally {
      await server.stop();
    }
  });

  it('turns a rule off from initialization options (editors without workspace/configuration)', async () => {
    const server = await startServer({ settings: { rules: { 'dockerfile/windows-base-image-tag': 'off' } } });
    try {
      const uri = 'untitled:Untitled-2';
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: windowsDockerfile } });
      const published = await server.diagnostics(uri, (p) => p.version === 1);
      assert.deepEqual(ourDiagnostics(published), []);
    } finally {
      await server.stop();
    }
  });
});

describe('YAML syntax errors in the editor', () => {
  // A broken document and a Windows pod without a node selector in one stream: the pod is still checked.
  const stream = `apiVersion: v1\nkind: Pod\nmetadata:\n\tname: broken\n---\n${windowsPod}`;
  const codes = (published: Parameters<typeof ourDiagnostics>[0]): Array<[string | number | undefined, number | undefined]> =>
    ourDiagnostics(published).map((d) => [d.code, d.severity]);

  it('are one warning while no other extension shows them, and the rest of the stream is checked', async () => {
    const server = await startServer();
    try {
      const uri = 'untitled:Untitled-3';
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: stream } });
      const published = await server.diagnostics(uri, (p) => p.version === 1);
      assert.deepEqual(codes(published), [
        ['yaml/syntax', 2],
        ['kubernetes/windows-node-selector', 2],
      ]);
      assert.deepEqual(ourDiagnostics(published)[0]!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } });
    } finally {
      await server.stop();
    }
  });

  it('are left out while the YAML extension validates, and come back when it stops', async () => {
    const server = await startServer({ initializationOptions: { yamlValidatedElsewhere: true } });
    try {
      const uri = 'untitled:Untitled-4';
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: stream } });
      const published = await server.diagnostics(uri, (p) => p.version === 1);
      assert.deepEqual(codes(published), [['kubernetes/windows-node-selector', 2]]);
      await server.connection.sendNotification('windowsContainers/didChangeYamlValidation', { validatedElsewhere: false });
      const republished = await server.diagnostics(uri, (p) => p.version === 1 && ourDiagnostics(p).length === 2);
      assert.deepEqual(codes(republished), [
        ['yaml/syntax', 2],
        ['kubernetes/windows-node-selector', 2],
      ]);
    } finally {
      await server.stop();
    }
  });
});

describe('language server: where a rule code links to', () => {
  const linkFor = async (initializationOptions: Record<string, unknown>): Promise<string | undefined> => {
    const root = mkdtempSync(join(tmpdir(), 'wincontainers-lsp-links-'));
    const server = await startServer({ rootPath: root, initializationOptions });
    try {
      const uri = pathToFileURL(join(root, 'Dockerfile')).href;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: windowsDockerfile } });
      return ourDiagnostics(await server.diagnostics(uri, (p) => p.version === 1))[0]!.codeDescription?.href;
    } finally {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    }
  };

  it('VS Code (ruleLinks: "command"): the command that opens the shipped page, with the rule id', async () => {
    const href = (await linkFor({ ruleLinks: 'command' }))!;
    const [scheme, query] = href.split('?');
    assert.equal(scheme, 'command:windowsContainers.openRuleDocumentation');
    assert.deepEqual(JSON.parse(decodeURIComponent(query!)), ['dockerfile/windows-base-image-tag']);
  });

  it('another client with docsBaseUrl: the hosted page; a docsBaseUrl that is not http(s) gives no link', async () => {
    assert.equal(await linkFor({ docsBaseUrl: 'https://example.com/docs/rules' }), 'https://example.com/docs/rules/dockerfile/windows-base-image-tag.md');
    assert.equal(await linkFor({ docsBaseUrl: pathToFileURL(join(tmpdir(), 'rules')).href }), undefined);
  });
});
