// Runs the e2e suite inside a real VS Code on machines that cannot download one (CI here reaches
// only the npm registry and Debian's packages, so @vscode/test-electron's download fails).
// code-server, installed by scripts/e2e/install-code-server.sh, is the VS Code server plus the web
// workbench; with the smoke-test driver enabled the workbench honours the same
// extensionDevelopmentPath/extensionTestsPath pair as desktop VS Code and runs the suite in the
// server's Node extension host, exactly where the extension runs in a remote window. Chromium
// (Debian's, driven by playwright-core) only renders the workbench and relays the suite's console
// and exit code back here.
//
// Usage: node out/test/e2e/run-code-server.js   (after `npm run build` and `tsc -b`)
// Exit codes: 0 all tests passed, 1 some failed (both from the suite), 2 the harness could not run
// the suite, 3 the suite did not finish before the deadline.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { format } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';

// This file compiles to out/test/e2e/, three levels below the repository root.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const toolsDir = path.join(repoRoot, '.vscode-test');
const nodeBin = path.join(toolsDir, 'node24', 'bin', 'node');
const codeServerEntry = path.join(toolsDir, 'code-server', 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const workspaceDir = path.join(repoRoot, 'test', 'e2e', 'workspace');
const suiteIndex = path.join(__dirname, 'suite', 'index.js');
const chromiumBin = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const RUN_DEADLINE_MS = 5 * 60_000;
const SERVER_START_DEADLINE_MS = 60_000;
const SERVER_STOP_GRACE_MS = 5_000;

const EXIT_HARNESS = 2;
const EXIT_DEADLINE = 3;

// The closing line CI reads; the suite prints it, this launcher repeats it as the last line.
const SUMMARY_LINE = /^\d+ passed, \d+ failed(, \d+ skipped)?$/m;
const CANCELLED_ON_SHUTDOWN = /^Canceled: Canceled/;

class HarnessError extends Error {
  constructor(message: string, readonly exitCode = EXIT_HARNESS) {
    super(message);
  }
}

function log(message: string): void {
  console.log(`[e2e] ${message}`);
}

interface Resources {
  tempDir: string;
  server?: ChildProcess;
  context?: BrowserContext;
}

function requireFiles(): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main?: string };
  const needed: Array<[string, string]> = [
    [nodeBin, 'run scripts/e2e/install-code-server.sh'],
    [codeServerEntry, 'run scripts/e2e/install-code-server.sh'],
    [chromiumBin, 'apt-get install chromium, or set CHROMIUM_PATH'],
    [suiteIndex, 'compile the tests: npx tsc -b'],
    [path.resolve(repoRoot, manifest.main ?? 'extension.js'), 'build the extension: npm run build'],
    [workspaceDir, 'the fixture workspace is part of the repository'],
  ];
  for (const [file, remedy] of needed) {
    if (!fs.existsSync(file)) throw new HarnessError(`${file} is missing: ${remedy}`);
  }
}

function makeDir(parent: string, name: string): string {
  const dir = path.join(parent, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

// Settings of the fresh profile: what the suite does not exercise is switched off, so it neither
// competes for the two CPUs of CI machines nor floods the relayed log (the chat agent host alone
// logs dozens of sign-in messages).
const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
};

function userDataDir(tempDir: string): string {
  const dir = makeDir(tempDir, 'user-data');
  fs.writeFileSync(path.join(makeDir(dir, 'User'), 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return dir;
}

// Resolves with the server's base URL once it listens. Its own log goes to our stdout so that a
// failing run shows why the server side broke.
function startCodeServer(res: Resources): Promise<URL> {
  const { tempDir } = res;
  const server = spawn(
    nodeBin,
    [
      codeServerEntry,
      '--bind-addr', '127.0.0.1:0',
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir', userDataDir(tempDir),
      '--extensions-dir', makeDir(tempDir, 'extensions'),
      // Without the smoke-test driver the workbench ignores the test payload and just opens the folder.
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    {
      // Own process group: the extension host, the language server and the watchers are children
      // of code-server, and all of them must go when the run ends.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // An empty gallery keeps the server from trying to reach the marketplace.
        EXTENSIONS_GALLERY: '{}',
        // The suite's output ends up in a log, not a terminal; with CI set, picocolors (mocha's
        // pass/fail symbols) would colour it anyway.
        NO_COLOR: '1',
        XDG_CONFIG_HOME: makeDir(tempDir, 'xdg-config'),
        XDG_DATA_HOME: makeDir(tempDir, 'xdg-data'),
        XDG_CACHE_HOME: makeDir(tempDir, 'xdg-cache'),
      },
    },
  );
  res.server = server;
  readline.createInterface({ input: server.stderr! }).on('line', (line) => console.log(`[code-server] ${line}`));

  return new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new HarnessError(`code-server did not report a listening address within ${SERVER_START_DEADLINE_MS / 1000} s`)),
      SERVER_START_DEADLINE_MS,
    );
    readline.createInterface({ input: server.stdout! }).on('line', (line) => {
      console.log(`[code-server] ${line}`);
      const listening = /HTTP server listening on (http:\/\/\S+)/.exec(line);
      if (listening) {
        clearTimeout(timer);
        resolve(new URL(listening[1]!));
      }
    });
    server.once('error', (error) => {
      clearTimeout(timer);
      reject(new HarnessError(`code-server could not be started: ${error.message}`));
    });
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new HarnessError(`code-server exited during startup (code ${code}, signal ${signal})`));
    });
  });
}

function workbenchUrl(base: URL): string {
  // vscode-remote:// URIs make the workbench load the extension and the suite on the server side,
  // i.e. in the Node extension host instead of the browser's web worker host.
  const remote = (file: string): string => `vscode-remote://${base.host}${file}`;
  const url = new URL(base);
  url.searchParams.set('folder', workspaceDir);
  url.searchParams.set(
    'payload',
    JSON.stringify([
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(suiteIndex)],
      ['skipWelcome', 'true'],
    ]),
  );
  return url.toString();
}

// Resolves with the suite's exit code; rejects when anything it depends on goes away or the
// deadline passes, so a broken run fails fast instead of waiting out the deadline.
async function runSuite(res: Resources, base: URL, onSummary: (line: string) => void): Promise<number> {
  const context = await chromium.launchPersistentContext(makeDir(res.tempDir, 'chromium-profile'), {
    executablePath: chromiumBin,
    headless: true,
    // Signals are handled in main(): Playwright's own handlers would exit the process before the
    // server group is stopped and the temporary folder removed.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  res.context = context;

  return new Promise<number>((resolve, reject) => {
    const deadline = setTimeout(
      () => reject(new HarnessError(`the suite did not finish within ${RUN_DEADLINE_MS / 1000} s`, EXIT_DEADLINE)),
      RUN_DEADLINE_MS,
    );
    const settle = (outcome: () => void): void => {
      clearTimeout(deadline);
      outcome();
    };

    res.server!.once('exit', (code, signal) =>
      settle(() => reject(new HarnessError(`code-server exited during the run (code ${code}, signal ${signal})`))),
    );
    context.once('close', () => settle(() => reject(new HarnessError('the browser closed during the run'))));

    // The workbench hands every log message of its own and of the extension host (where mocha's
    // reporter writes with console.log) to this function when the smoke-test driver is on.
    const relayLog = (type: string, args: unknown[]): void => {
      const text = format(...args);
      // The workbench logs its own in-flight requests as cancelled when the extension host stops
      // after the suite; the stack traces would read like a failure of a run that passed.
      if (CANCELLED_ON_SHUTDOWN.test(text)) return;
      if (type === 'error') console.error(text);
      else console.log(text);
      const summary = SUMMARY_LINE.exec(text);
      if (summary) onSummary(summary[0]);
    };
    const exposed = Promise.all([
      context.exposeFunction('codeAutomationLog', relayLog),
      context.exposeFunction('codeAutomationExit', (code: number) => settle(() => resolve(code))),
    ]);

    exposed
      .then(() => context.newPage())
      .then((page) => {
        page.once('crash', () => settle(() => reject(new HarnessError('the workbench page crashed'))));
        page.on('pageerror', (error) => console.error(`[workbench] ${error.message}`));
        log(`opening the workbench at ${base.origin}`);
        return page.goto(workbenchUrl(base));
      })
      .catch((error: unknown) => settle(() => reject(new HarnessError(`could not open the workbench: ${String(error)}`))));
  });
}

function killServerGroup(server: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.pid!, signal);
  } catch (error) {
    // ESRCH: the whole group is already gone.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
    killServerGroup(server, 'SIGTERM');
    const grace = new Promise<void>((resolve) => setTimeout(resolve, SERVER_STOP_GRACE_MS).unref());
    await Promise.race([exited, grace]);
  }
  // Children that ignored SIGTERM or outlived code-server itself still belong to the group.
  killServerGroup(server, 'SIGKILL');
}

let cleanup: Promise<void> | undefined;
function release(res: Resources): Promise<void> {
  cleanup ??= (async () => {
    await res.context?.close().catch((error: unknown) => log(`closing the browser failed: ${String(error)}`));
    if (res.server?.pid !== undefined) await stopServer(res.server);
    // Only after context.close() has resolved: Chromium writes its profile until it has exited.
    // maxRetries makes rm retry on ENOTEMPTY/EBUSY from a late writer.
    await fs.promises.rm(res.tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  })();
  return cleanup;
}

async function main(): Promise<number> {
  requireFiles();
  const res: Resources = { tempDir: fs.mkdtempSync(path.join(os.tmpdir(), 'wc-e2e-')) };

  // A last resort for exits that bypass release(): never leave code-server's group behind.
  process.once('exit', () => {
    if (res.server?.pid !== undefined) killServerGroup(res.server, 'SIGKILL');
  });
  for (const [signal, code] of [['SIGHUP', 129], ['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void release(res).finally(() => process.exit(code));
    });
  }

  let summary: string | undefined;
  const started = Date.now();
  let exitCode: number;
  try {
    const base = await startCodeServer(res);
    log(`code-server is listening at ${base.origin} after ${Date.now() - started} ms`);
    exitCode = await runSuite(res, base, (line) => (summary = line));
    log(`the suite exited with code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    if (!(error instanceof HarnessError)) throw error;
    console.error(`[e2e] ${error.message}`);
    exitCode = error.exitCode;
  } finally {
    await release(res);
  }

  if (summary === undefined) {
    // A run that never reported its counts is one failure as far as CI's parser is concerned,
    // even if the workbench claimed success.
    if (exitCode === 0) {
      console.error('[e2e] the suite exited without printing its summary line');
      exitCode = EXIT_HARNESS;
    }
    summary = '0 passed, 1 failed';
  }
  console.log(summary);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof HarnessError ? `[e2e] ${error.message}` : error);
    console.log('0 passed, 1 failed');
    process.exit(error instanceof HarnessError ? error.exitCode : EXIT_HARNESS);
  },
);
