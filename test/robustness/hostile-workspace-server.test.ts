// A hostile workspace through the language server: what the cloned tree holds besides file contents
// (FIFOs, odd names, unreadable folders, expensive globs), and what a careless or hostile client
// sends, must neither block, kill nor blind the server. Each bound is about ten times what the
// server needs here and far below what it took before the fix (noted per test).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ourDiagnostics, startServer, type ServerOptions, type TestServer } from '../helpers/lsp-client';
import { deepFolder, removeTree, windowsDockerfile } from './hostile';

/** Server start plus a first check: well under a second here. */
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

let documents = 0;

/** Opens a Windows Dockerfile and waits for its base-image finding: proof the server still serves. */
async function assertStillServing(server: TestServer, uri = `file:///robustness/serving/${++documents}/Dockerfile`, timeoutMs = deadlineMs): Promise<void> {
  assert.equal(server.process.exitCode, null, `the server exited; stderr: ${server.stderr()}`);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: windowsDockerfile } });
  const published = await server.diagnostics(uri, (params) => ourDiagnostics(params).length > 0, timeoutMs);
  assert.ok(published.diagnostics.some((d) => d.code === 'dockerfile/windows-base-image-tag'));
}

/** Runs the body against a fresh server; a server that failed is killed, as it may be stuck. */
async function withServer(options: ServerOptions, body: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await startServer({ initializeTimeoutMs: deadlineMs, settings: { targetWindowsVersion: 'ltsc2022' }, ...options });
  try {
    await body(server);
  } catch (error) {
    server.process.kill('SIGKILL');
    server.connection.dispose();
    throw error;
  }
  let timer: NodeJS.Timeout | undefined;
  const stopped = await Promise.race([server.stop().then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), deadlineMs)))]);
  clearTimeout(timer);
  if (!stopped) server.process.kill('SIGKILL');
}

describe('language server on a hostile workspace', { concurrency: 2 }, () => {
  let root: string;
  let cases = 0;
  const fresh = (): string => {
    const dir = join(root, `case-${++cases}`);
    mkdirSync(dir);
    return dir;
  };
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-hostile-ws-'));
  });
  after(() => removeTree(root));

  // Before the fix the server never answered initialize (a blocking read of a FIFO with no writer).
  it('a FIFO named .wincontainers.yaml at the root: answers, logs the skip, checks documents', { skip: !posix }, async () => {
    const dir = fresh();
    write(dir, { 'app/Dockerfile': windowsDockerfile });
    mkfifo(join(dir, '.wincontainers.yaml'));
    await withServer({ rootPath: dir }, async (server) => {
      await server.logged(/\.wincontainers\.yaml.*not a regular file/, deadlineMs);
      await assertStillServing(server);
    });
  });

  // Before the fix the scan blocked the server for good: no diagnostics, no index.
  it('a FIFO named .gitignore in a subfolder: indexes the rest, logs the skip, checks documents', { skip: !posix }, async () => {
    const dir = fresh();
    write(dir, { 'a/Dockerfile': windowsDockerfile, 'b/Dockerfile': windowsDockerfile });
    mkfifo(join(dir, 'b', '.gitignore'));
    await withServer({ rootPath: dir }, async (server) => {
      await server.logged(/indexed 2 files/, deadlineMs);
      assert.ok(server.logs.some((message) => /b\/\.gitignore.*not a regular file/.test(message)), JSON.stringify(server.logs));
      await assertStillServing(server);
    });
  });

  // Before the fix one folder the walk could not list emptied the whole index ("indexed 0 files").
  it('a folder whose path is over PATH_MAX: indexes the rest, logs the skip', { skip: !posix }, async () => {
    const dir = fresh();
    write(dir, { 'a/Dockerfile': windowsDockerfile, 'z/Dockerfile': windowsDockerfile });
    deepFolder(join(dir, 'm'), { Dockerfile: windowsDockerfile });
    await withServer({ rootPath: dir }, async (server) => {
      await server.logged(/indexed \d+ files/, deadlineMs);
      assert.ok(server.logs.some((message) => /indexed 2 files/.test(message)), JSON.stringify(server.logs));
      assert.ok(server.logs.some((message) => /ENAMETOOLONG/.test(message)), JSON.stringify(server.logs));
    });
  });

  // Before the fix the lossy name made the whole scan fail: "indexed 0 files".
  it('names that are not valid UTF-8: indexes the rest, logs the skip', { skip: process.platform !== 'linux' }, async () => {
    const dir = fresh();
    write(dir, { 'a/Dockerfile': windowsDockerfile, 'z/Dockerfile': windowsDockerfile });
    const badFolder = Buffer.concat([Buffer.from(join(dir, 'bad-')), Buffer.from([0xff])]);
    mkdirSync(badFolder);
    writeFileSync(Buffer.concat([badFolder, Buffer.from('/Dockerfile')]), windowsDockerfile);
    await withServer({ rootPath: dir }, async (server) => {
      await server.logged(/indexed \d+ files/, deadlineMs);
      assert.ok(server.logs.some((message) => /indexed 2 files/.test(message)), JSON.stringify(server.logs));
      assert.ok(server.logs.some((message) => /bad-\uFFFD: the name is not valid UTF-8/.test(message)), JSON.stringify(server.logs));
    });
  });

  // Before the fix: the scan blocked the server for 18 s on these 20 files (past the deadline).
  it('an ignore glob with 17 brace sets: one config error on the file, the scan at once', async () => {
    const dir = fresh();
    write(dir, Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`app${i}/Dockerfile`, windowsDockerfile])));
    write(dir, { '.wincontainers.yaml': `ignore:\n  - src/${'{a,b}'.repeat(17)}/x\n` });
    await withServer({ rootPath: dir }, async (server) => {
      const configUri = pathToFileURL(join(dir, '.wincontainers.yaml')).href;
      const published = await server.diagnostics(configUri, (params) => params.diagnostics.length > 0, deadlineMs);
      assert.match(String(published.diagnostics[0]!.message), /the ignore glob "src\/\{a,b\}.*" expands to more than 64 patterns/);
      await server.logged(/indexed 20 files/, deadlineMs);
      await assertStillServing(server);
    });
  });

  // Before the fix the symlinked Dockerfile was left out of the index (and the loop was harmless only because no link was followed).
  it('symbolic links inside the workspace are indexed, a loop is walked once', { skip: !posix }, async () => {
    const dir = fresh();
    write(dir, { 'base/Dockerfile.windows': windowsDockerfile });
    mkdirSync(join(dir, 'app'));
    symlinkSync('../base/Dockerfile.windows', join(dir, 'app', 'Dockerfile'));
    symlinkSync('..', join(dir, 'app', 'loop'));
    await withServer({ rootPath: dir }, async (server) => {
      await server.logged(/indexed \d+ files/, deadlineMs);
      assert.ok(server.logs.some((message) => /indexed 2 files/.test(message)), JSON.stringify(server.logs));
    });
  });

  // Before the fix the editor checked this file (262,145 characters) while the index left it out.
  it('the size limit counts bytes: a document of 2-byte characters under the limit in characters gets the one note', async () => {
    await withServer({}, async (server) => {
      const uri = 'file:///robustness/size/Dockerfile';
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: windowsDockerfile + `# ${'é'.repeat(300_000)}\n` } });
      const published = await server.diagnostics(uri, (params) => params.version === 1, deadlineMs);
      assert.deepEqual(
        published.diagnostics.map((d) => d.message),
        ['Not checked for Windows container problems: the file is 0.6 MB, over the 0.5 MB limit.'],
      );
    });
  });
});

describe('language server on file URIs it cannot turn into paths', { concurrency: 2 }, () => {
  const oddUris: Record<string, string> = {
    'a host': 'file://host/share/Dockerfile',
    'an encoded slash': 'file:///robustness/a%2Fb/Dockerfile',
    'bad percent-encoding': 'file:///robustness/a%ZZ/Dockerfile',
  };

  // Before the fix the server exited at once: the conversion threw in a promise nobody awaited.
  it('watched-file events for them: logged and skipped, keeps serving', () =>
    withServer({}, async (server) => {
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: Object.values(oddUris).map((uri) => ({ uri, type: 2 })) });
      await assertStillServing(server);
      await server.logged(/skipped file:\/\/host\/share\/Dockerfile/, deadlineMs);
    }),
  );

  for (const [what, uri] of Object.entries(oddUris)) {
    // Before the fix: no diagnostics ever (the %2F and %ZZ cases), then an exit on didClose (all three).
    it(`a document whose URI has ${what}: diagnostics from its text, and a close keeps serving`, () =>
      withServer({}, async (server) => {
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: windowsDockerfile } });
        const published = await server.diagnostics(uri, (params) => ourDiagnostics(params).length > 0, deadlineMs);
        assert.ok(published.diagnostics.some((d) => d.code === 'dockerfile/windows-base-image-tag'));
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await server.diagnostics(uri, (params) => params.diagnostics.length === 0, deadlineMs);
        await assertStillServing(server);
      }),
    );
  }
});

describe('language server on documents hostile in size', () => {
  // Before the fix 11.6 s to the first diagnostics and 11.4 s per keystroke; now about 0.1 s each.
  it('a Helm manifest with 60,000 templates on one line: diagnostics on open and after a keystroke', () =>
    withServer({}, async (server) => {
      const uri = 'file:///robustness/scale/templates.yaml';
      const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: ${'{{ .a }}'.repeat(60_000)}\n`;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await server.diagnostics(uri, (params) => params.version === 1, deadlineMs);
      const end = { line: 5, character: 5 };
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: end, end }, text: 'x' }] });
      await server.diagnostics(uri, (params) => params.version === 2, deadlineMs);
    }));
});

/** Resolves with the exit code, or rejects when the server is still running at the deadline. */
function exited(server: TestServer, timeoutMs: number): Promise<number | null> {
  if (server.process.exitCode !== null) return Promise.resolve(server.process.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server was still running after ${timeoutMs} ms; stderr: ${server.stderr()}`)), timeoutMs);
    server.process.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('language server on a broken message stream', { concurrency: 2 }, () => {
  const frame = (body: string, length = Buffer.byteLength(body)): string => `Content-Length: ${length}\r\n\r\n${body}`;
  const open = (n: number): string =>
    JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: `file:///robustness/framing/${n}/Dockerfile`, languageId: 'dockerfile', version: 1, text: windowsDockerfile } } });

  // Before the fix the server stayed alive and deaf: it never answered again, and never exited.
  for (const [what, wrong] of [
    ['too small', (body: string) => Buffer.byteLength(body) - 10],
    ['too large', (body: string) => Buffer.byteLength(body) + 300],
  ] as const) {
    it(`a Content-Length ${what}: the server exits (so that the editor restarts it)`, async () => {
      const server = await startServer({ initializeTimeoutMs: deadlineMs, settings: { targetWindowsVersion: 'ltsc2022' } });
      try {
        const body = open(0);
        server.process.stdin.write(frame(body, wrong(body)) + frame(open(1)) + frame(open(2)) + frame(open(3)));
        const code = await exited(server, deadlineMs);
        assert.notEqual(code, 0);
        assert.match(server.stderr(), /out of step/);
      } finally {
        server.process.kill('SIGKILL');
        server.connection.dispose();
      }
    });
  }
});

describe('language server with a careless client', () => {
  // Before the fix every event started its own read of the file at once (200,000 reads, the
  // document below waited behind them); now they are coalesced: each file is read once.
  it('a storm of 200,000 watched-file events: documents are still checked at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wincontainers-storm-'));
    try {
      write(dir, Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`app${i}/Dockerfile`, windowsDockerfile])));
      await withServer({ rootPath: dir }, async (server) => {
        await server.logged(/indexed 20 files/, deadlineMs);
        const changes = Array.from({ length: 200_000 }, (_, i) => ({ uri: pathToFileURL(join(dir, `app${i % 20}`, 'Dockerfile')).href, type: 2 }));
        await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
        await assertStillServing(server, undefined, 2_000);
      });
    } finally {
      removeTree(dir);
    }
  });

  // Before the fix no diagnostics ever; now after the 3 s the server waits for the answer.
  it('a client that never answers workspace/configuration: diagnostics with the defaults, logged', () =>
    withServer({ pullSettings: {}, answerConfiguration: false }, async (server) => {
      await assertStillServing(server, 'file:///robustness/careless/Dockerfile', 8_000);
      assert.ok(server.logs.some((message) => /did not answer workspace\/configuration/.test(message)), JSON.stringify(server.logs));
    }));

  // Before the fix no diagnostics ever: the registrations were awaited before the settings timeout.
  it('a client that answers no request at all: diagnostics with the defaults, logged', () =>
    withServer({ pullSettings: {}, answerConfiguration: false, answerRegistration: false }, async (server) => {
      await assertStillServing(server, 'file:///robustness/silent/Dockerfile', 8_000);
      assert.ok(server.logs.some((message) => /did not answer workspace\/configuration/.test(message)), JSON.stringify(server.logs));
    }));
});
