// A hostile workspace through the language server: what the cloned tree holds besides file contents
// (FIFOs, odd names, unreadable folders, expensive globs), and what a careless or hostile client
// sends, must neither block, kill nor blind the server. Each bound is about ten times what the
// server needs here and far below what it took before the fix (noted per test).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startServer, type ServerOptions, type TestServer } from '../helpers/lsp-client';
import { windowsDockerfile } from './hostile';

/** Server start plus a first check: well under a second here. */
const deadlineMs = 5_000;

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
