// One LSP client for every server in the bench, so all of them are driven the same way: same
// capabilities, same messages, same timestamps. Unlike test/helpers/lsp-client.ts (which starts
// only our bundled server) it starts any stdio server, answers workspace/configuration from a
// per-section table, stamps every publishDiagnostics on arrival and reads the server's peak RSS.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';
import { serverNodeFlags } from '../../server/src/lsp/node-flags';

export const repoRoot = join(__dirname, '..', '..', '..');

export interface ServerSpec {
  /** Short name for tables and JSON. */
  name: string;
  /** Node script and its arguments; run with this Node so every server gets the same runtime. */
  script: string;
  args: string[];
  /** Node's own flags, as the server's editor client passes them. */
  nodeFlags?: readonly string[];
  /** The value for one workspace/configuration item, by section. */
  settings(section: string | undefined): unknown;
  /** A log line the server writes when its background work (indexing the folder) is done. */
  settledLog?: RegExp;
}

/** Settings every server gets; each reads only its own sections. */
function benchSettings(section: string | undefined): unknown {
  switch (section) {
    case 'windowsContainers':
      return { targetWindowsVersion: 'ltsc2022' };
    case 'yaml':
      // Offline: no schema store, no CRD store, no schemas; validation on, as in a default editor.
      return { validate: true, hover: false, completion: false, format: { enable: false }, schemas: {}, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false } };
    default:
      return {};
  }
}

export const ourServer: ServerSpec = {
  name: 'windows-containers',
  script: join(repoRoot, 'dist', 'server.js'),
  args: ['--stdio'],
  nodeFlags: serverNodeFlags,
  settings: benchSettings,
  settledLog: /windows-containers: indexed \d+ files/,
};
/** Not a checker: the floor of a Node language server (see bare-server.ts), run as ours is. */
export const bareServer: ServerSpec = {
  name: 'bare vscode-languageserver',
  script: join(__dirname, 'bare-server.js'),
  args: ['--stdio'],
  nodeFlags: serverNodeFlags,
  settings: benchSettings,
};
export const dockerServer: ServerSpec = {
  name: 'dockerfile-language-server-nodejs',
  script: join(repoRoot, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver'),
  args: ['--stdio'],
  settings: benchSettings,
};
export const yamlServer: ServerSpec = {
  name: 'yaml-language-server',
  script: join(repoRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'),
  args: ['--stdio'],
  settings: benchSettings,
};

export interface Publish {
  uri: string;
  version?: number;
  diagnostics: number;
  /** performance.now() when the notification reached the client. */
  at: number;
}

export class BenchClient {
  readonly publishes: Publish[] = [];
  readonly logs: string[] = [];
  private readonly waiters = new Set<() => void>();
  private stderrTail = '';
  private exited = false;

  private constructor(
    readonly spec: ServerSpec,
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly connection: MessageConnection,
    /** performance.now() just before the process was spawned. */
    readonly spawnedAt: number,
  ) {
    child.stderr.on('data', (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000)));
    child.once('exit', () => {
      this.exited = true;
      this.wake();
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publishes.push({ uri: params.uri, version: params.version, diagnostics: params.diagnostics.length, at: performance.now() });
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map((item) => spec.settings(item.section)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    // Log traffic is read and dropped: an unread pipe would stall a chatty server.
    connection.onNotification(() => undefined);
    connection.listen();
  }

  /** Spawns the server and completes initialize/initialized with `rootUri` as the only workspace folder. */
  static async start(spec: ServerSpec, rootUri: string): Promise<BenchClient> {
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, [...(spec.nodeFlags ?? []), spec.script, ...spec.args], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new BenchClient(spec, child, connection, spawnedAt);
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: false, willSave: false },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
        },
      },
      initializationOptions: {},
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  get pid(): number {
    return this.child.pid!;
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, version: number, range: Range, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /**
   * The first publish for `uri` at index >= `fromIndex` of the log that reflects `version`: one that
   * carries version >= `version`, or, from a server that sends no version, simply the next one
   * (the bench never has two changes in flight, so the next publish can only be for the latest).
   */
  waitForPublish(uri: string, fromIndex: number, version: number, timeoutMs: number): Promise<Publish> {
    const find = (): Publish | undefined => this.publishes.slice(fromIndex).find((p) => p.uri === uri && (p.version === undefined || p.version >= version));
    return this.waitFor(find, `diagnostics for ${uri} version ${version}`, timeoutMs);
  }

  /** Resolves once the server has logged a line matching `pattern` (at any time since it started). */
  async waitForLog(pattern: RegExp, timeoutMs: number): Promise<void> {
    await this.waitFor(() => this.logs.find((line) => pattern.test(line)), `a log line ${pattern}`, timeoutMs);
  }

  /** The first answer of `find`, asked again on every message; fails when the server exits or the time is up. */
  private waitFor<T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const match = find();
        if (match === undefined && !this.exited) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        if (match !== undefined) resolve(match);
        else reject(new Error(`${this.spec.name} exited before sending ${what}\n${this.stderrTail}`));
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`${this.spec.name}: no ${what} within ${timeoutMs} ms\n${this.stderrTail}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Peak resident set size so far, in KiB (Linux: VmHWM of /proc/<pid>/status). */
  peakRssKb(): number | undefined {
    try {
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return match ? Number(match[1]) : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    const exited = this.exited ? Promise.resolve() : new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 5000);
      await this.connection.sendNotification('exit');
      await withTimeout(exited, 5000);
    } catch {
      // A server that does not shut down cleanly is killed: the bench must not leave processes behind.
      this.child.kill('SIGKILL');
      await exited;
    }
    this.connection.dispose();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
