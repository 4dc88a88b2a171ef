// A minimal LSP client for tests: starts the bundled server over stdio, with the Node flags the
// VS Code client passes, and waits for what an editor would see. Every wait polls with a deadline;
// nothing sleeps a fixed time.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { serverNodeFlags } from '../../server/src/lsp/node-flags';

export const repoRoot = join(__dirname, '..', '..', '..');
export const serverPath = join(repoRoot, 'dist', 'server.js');

export interface TestServer {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  stderr: () => string;
  logs: string[];
  /** Resolves with the first log message that matches, logged after this call or before it. */
  logged(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the first diagnostics for `uri` that satisfy `accept`, published after this call or before it. */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  rootPath?: string;
  settings?: unknown;
  pullSettings?: Record<string, unknown>;
  /** The server is killed and the start fails when `initialize` is not answered by then. */
  initializeTimeoutMs?: number;
  /** False: a client that never answers workspace/configuration. */
  answerConfiguration?: boolean;
  /** False: a client that never answers client/registerCapability. */
  answerRegistration?: boolean;
  initializationOptions?: Record<string, unknown>;
  /** An installed server's command, started as an editor starts it; the checkout's bundle otherwise. */
  executable?: string;
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const child = options.executable ? spawn(options.executable, ['--stdio'], { stdio: 'pipe' }) : spawn(process.execPath, [...serverNodeFlags, serverPath, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiters = new Set<() => void>();
  const logs: string[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const wake of [...waiters]) wake();
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
    for (const wake of [...waiters]) wake();
  });
  connection.onRequest('client/registerCapability', (): Promise<null> => (options.answerRegistration === false ? new Promise<null>(() => undefined) : Promise.resolve(null)));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }): Promise<unknown[]> =>
    options.answerConfiguration === false ? new Promise<unknown[]>(() => undefined) : Promise.resolve(params.items.map(() => options.pullSettings ?? {})),
  );
  connection.listen();

  const rootUri = options.rootPath ? pathToFileURL(options.rootPath).href : null;
  const initialized = connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'test' }] : null,
    capabilities: { workspace: { configuration: options.pullSettings !== undefined }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions:
      options.settings !== undefined || options.initializationOptions !== undefined ? { ...options.initializationOptions, ...(options.settings !== undefined ? { settings: options.settings } : {}) } : undefined,
  });
  if (options.initializeTimeoutMs === undefined) await initialized;
  else {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), options.initializeTimeoutMs)));
    const outcome = await Promise.race([initialized, late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      child.kill('SIGKILL');
      connection.dispose();
      throw new Error(`the server did not answer initialize within ${options.initializeTimeoutMs} ms`);
    }
  }
  await connection.sendNotification('initialized', {});

  const diagnostics = (uri: string, accept: (params: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const match = [...published].reverse().find((params) => params.uri === uri && accept(params));
        if (!match) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(match);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(published.filter((p) => p.uri === uri))}\nserver stderr: ${stderr}`));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });

  const logged = (pattern: RegExp, timeoutMs = 10_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const match = logs.find((message) => pattern.test(message));
        if (match === undefined) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(match);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no log message matching ${pattern} within ${timeoutMs} ms; logged: ${JSON.stringify(logs)}\nserver stderr: ${stderr}`));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });

  return {
    connection,
    process: child,
    stderr: () => stderr,
    logs,
    logged,
    diagnostics,
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        child.kill();
      }
      await exited;
      connection.dispose();
    },
  };
}

export function ourDiagnostics(params: PublishDiagnosticsParams): Diagnostic[] {
  return params.diagnostics.filter((d) => d.source === 'windows-containers');
}

export type { CodeAction, Diagnostic, PublishDiagnosticsParams };
