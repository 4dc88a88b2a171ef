// Hostile input through the language server over stdio: malformed messages, bad parameters,
// requests and notifications for documents it never saw, and every hostile file opened in the
// editor. After each, the server must still be alive and check a normal document.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc';
import { startServer, type TestServer } from '../helpers/lsp-client';
import { hostileInputs, textOf, windowsDockerfile } from './hostile';

/** Server start plus one analysis (1 s allowed), with slack for a busy machine. */
const deadlineMs = 5_000;

/** Known product failures, by test name: the test stays in place and reports as TODO until fixed. */
const todo: Record<string, string> = {};
const options = (name: string): { todo?: string } => (todo[name] ? { todo: todo[name] } : {});

let healthyDocuments = 0;

/** Opens a new Windows Dockerfile and waits for its base-image finding: proof the server still serves. */
async function assertStillServing(server: TestServer): Promise<void> {
  assert.equal(server.process.exitCode, null, `the server exited; stderr: ${server.stderr()}`);
  const healthyUri = `file:///robustness/healthy/${++healthyDocuments}/Dockerfile`;
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: healthyUri, languageId: 'dockerfile', version: 1, text: windowsDockerfile } });
  const published = await server.diagnostics(healthyUri, (params) => params.diagnostics.some((d) => d.source === 'windows-containers'), deadlineMs);
  assert.ok(published.diagnostics.length > 0);
}

function kill(server: TestServer): void {
  server.process.kill('SIGKILL');
  server.connection.dispose();
}

function start(): Promise<TestServer> {
  return startServer({ settings: { targetWindowsVersion: 'ltsc2022' } });
}

/**
 * Starts a server, runs the test and stops it. After a failure the server may be stuck in an
 * analysis and never answer shutdown, so it is killed at once; a passing one is shut down
 * properly, and killed only if that does not finish by the deadline.
 */
async function withServer(body: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await start();
  try {
    await body(server);
  } catch (error) {
    kill(server);
    throw error;
  }
  await stop(server);
}

async function stop(server: TestServer): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)));
  const stopped = await Promise.race([server.stop().then(() => true), deadline.then(() => false)]);
  clearTimeout(timer);
  if (!stopped) kill(server);
}

/** Writes one framed message straight to the server's stdin, bypassing the JSON-RPC writer. */
function writeRaw(server: TestServer, body: string): void {
  server.process.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** Resolves when the server's raw output contains `pattern` (a response the JSON-RPC reader would not hand to us). */
function rawOutput(server: TestServer, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (!pattern.test(seen)) return;
      clearTimeout(timer);
      server.process.stdout.off('data', onData);
      resolve(seen);
    };
    const timer = setTimeout(() => {
      server.process.stdout.off('data', onData);
      reject(new Error(`no ${pattern} from the server within ${deadlineMs} ms; it wrote: ${seen.slice(0, 500)}`));
    }, deadlineMs);
    server.process.stdout.on('data', onData);
  });
}

async function assertErrorResponse(request: Promise<unknown>, what: string): Promise<void> {
  await assert.rejects(request, (error: unknown) => error instanceof ResponseError, `${what}: expected an error response`);
}

const position = { line: 0, character: 0 };
const unknownUri = 'file:///robustness/never-opened/Dockerfile';

describe('language server on malformed messages', { concurrency: 2 }, () => {
  const malformed: Record<string, string> = {
    'a body that is not JSON': '{"jsonrpc": "2.0", "id": 1, "method": ',
    'JSON that is not a JSON-RPC message': '{"hello": "world"}',
    'a JSON array': '[1, 2, 3]',
    'a request without a method': '{"jsonrpc": "2.0", "id": 7}',
    'NUL bytes and invalid UTF-8 as a body': '\u0000\u0000\uFFFD\uD800',
  };
  for (const [what, body] of Object.entries(malformed)) {
    const name = `${what}: keeps serving`;
    it(name, options(name), () =>
      withServer(async (server) => {
        writeRaw(server, body);
        await assertStillServing(server);
      }),
    );
  }

  const parseError = 'a body that is not JSON: answered with a parse error (-32700)';
  it(parseError, options(parseError), () =>
    withServer(async (server) => {
      const answer = rawOutput(server, /"code":\s*-32700/);
      writeRaw(server, malformed['a body that is not JSON']!);
      await answer;
    }),
  );

  // Before the fix the header's escape sequence reached the editor's output (or a terminal) raw.
  it('a Content-Length that is not a number: exits with one line, the header escaped', async () => {
    const server = await start();
    try {
      const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
      // The header is read as ASCII: the override's UTF-8 bytes come through as `b`, NUL and `.`.
      server.process.stdin.write('Content-Length: \u001b]0;pwned\u0007\u202e\r\n\r\n{}');
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([exited, new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)))]);
      clearTimeout(timer);
      assert.equal(code, 1);
      assert.match(server.stderr(), /out of step \(Content-Length value must be a number\. Got \\u001b\]0;pwned\\u0007b\\u0000\.\); exiting/);
      assert.doesNotMatch(server.stderr(), /[\u001b\u0007\u0000]/);
    } finally {
      kill(server);
    }
  });

  it('an unknown request method: answered with an error, keeps serving', () =>
    withServer(async (server) => {
      await assertErrorResponse(server.connection.sendRequest('windowsContainers/noSuchMethod', {}), 'unknown method');
      await assertStillServing(server);
    }),
  );

  const badParams: Record<string, unknown> = { 'no parameters': null, 'an empty object': {}, 'a number': 42, 'a text document without a uri': { textDocument: {}, position } };
  for (const [what, params] of Object.entries(badParams)) {
    const name = `hover, completion and code actions with ${what} as parameters: answered with errors, keeps serving`;
    it(name, options(name), () =>
      withServer(async (server) => {
        for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction']) {
          await assertErrorResponse(server.connection.sendRequest(method, params), `${method} with ${what}`);
        }
        await assertStillServing(server);
      }),
    );
  }
});

describe('language server on documents it does not have', { concurrency: 2 }, () => {
  const requests: Record<string, unknown> = {
    'textDocument/hover': { textDocument: { uri: unknownUri }, position },
    'textDocument/completion': { textDocument: { uri: unknownUri }, position },
    'textDocument/codeAction': { textDocument: { uri: unknownUri }, range: { start: position, end: position }, context: { diagnostics: [] } },
  };
  for (const [method, params] of Object.entries(requests)) {
    const name = `${method} for a document never opened: answered with an error, keeps serving`;
    it(name, options(name), () =>
      withServer(async (server) => {
        await assertErrorResponse(server.connection.sendRequest(method, params), method);
        await assertStillServing(server);
      }),
    );
  }

  it('didChange and didClose for a document never opened: keeps serving', () =>
    withServer(async (server) => {
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: unknownUri, version: 2 }, contentChanges: [{ text: 'FROM x' }] });
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: unknownUri } });
      await assertStillServing(server);
    }),
  );

  it('an edit far outside the document: publishes for the new version, keeps serving', () =>
    withServer(async (server) => {
      const uri = 'file:///robustness/edited/Dockerfile';
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: windowsDockerfile } });
      const far = { line: 1_000_000, character: 1_000_000 };
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: far, end: far }, text: '\nRUN echo appended' }] });
      await server.diagnostics(uri, (params) => params.version === 2, deadlineMs);
      await assertStillServing(server);
    }),
  );
});

describe('language server on hostile documents', () => {
  // One server takes the documents in turn, as an editor session would; one that fails a test is
  // killed (it may be stuck) and the next test starts a fresh one.
  let shared: TestServer | undefined;
  after(async () => {
    if (shared) await stop(shared);
  });

  for (const input of hostileInputs()) {
    const name = `${input.name}: diagnostics within ${deadlineMs / 1000} s, keeps serving`;
    it(name, options(name), async () => {
      const server = (shared ??= await start());
      try {
        const uri = `file:///robustness/hostile/${input.fileName}`;
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: input.languageId, version: 1, text: textOf(input) } });
        const published = await server.diagnostics(uri, (params) => params.version === 1, deadlineMs);
        // Over the size limit the file is skipped with exactly one note instead of findings.
        if (input.name.startsWith('a 5 MB')) assert.equal(published.diagnostics.length, 1, `expected one note, got ${JSON.stringify(published.diagnostics)}`);
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await assertStillServing(server);
      } catch (error) {
        kill(server);
        shared = undefined;
        throw error;
      }
    });
  }
});
