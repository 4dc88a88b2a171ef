// `npm run bench`: our checker against the servers people use today for the same files, in one run,
// on the same generated files, through the same LSP client. Prints a table with ratios and the
// issue's goals, and writes every sample summary as JSON.
//
// Usage: node out/test/bench/run.js [--quick] [--out <file>] [--node-flags <flags>]
//   --out: default out/bench/results.json
//   --node-flags: comma-separated Node flags for our server instead of the editor's
//     (server/src/lsp/node-flags.ts), or `none`: to compare them in A/B runs.
//
// Definitions (also written into the JSON):
// - engine: analyze() on the whole file, in this process, after warm-up runs.
// - keystroke: a new line is typed into the middle of the file, one character per didChange
//   (incremental sync). Latency = from just before sending didChange version v to the arrival of the
//   first publishDiagnostics that reflects v: one carrying version >= v, or, for a server that sends
//   no version (both reference servers), the next publish for the file. The next character is typed
//   only after that, so there is never more than one change in flight and a debouncing server
//   (yaml-language-server waits a fixed 200 ms; ours adapts its wait to the analysis time) is
//   measured with its debounce included: the time a user waits to see the result of a keystroke.
// - cold start: from spawn to the first publishDiagnostics for a file opened right after
//   initialize/initialized; a new process per run.
// - peak RSS: VmHWM of the server process after opening the file and typing into it, and, for our
//   server, once it has indexed the workspace folder (work it holds back while the user types).
//   A bare vscode-languageserver server (bare-server.ts) typed into the same way gives the floor:
//   a memory goal below it cannot be met by any server on Node and vscode-languageserver.
// - CLI: wall time and peak RSS (getrusage, all threads) of `node dist/cli.js check <workspace> --format json --exit-zero`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/runner';
import { allRules } from '../../server/src/rules';
import { benchFiles, writeWorkspace, type BenchFile } from './inputs';
import { bareServer, BenchClient, dockerServer, ourServer, repoRoot, yamlServer, type ServerSpec } from './lsp';
import { summarize, type Summary } from './stats';

interface Mode {
  name: 'full' | 'quick';
  engineWarmup: number;
  engineRuns: number;
  keystrokes: number;
  coldRuns: number;
  cliRuns: number;
  workspaceFiles: number;
}

const modes: Record<Mode['name'], Mode> = {
  full: { name: 'full', engineWarmup: 5, engineRuns: 30, keystrokes: 60, coldRuns: 5, cliRuns: 3, workspaceFiles: 5000 },
  quick: { name: 'quick', engineWarmup: 2, engineRuns: 8, keystrokes: 15, coldRuns: 2, cliRuns: 1, workspaceFiles: 1000 },
};

/** No publish within this long counts as a failure of that server on that file. */
const publishTimeoutMs = 30_000;

function parseArgs(argv: string[]): { mode: Mode; out: string; ours: ServerSpec } {
  let mode = modes.full;
  let out = join(repoRoot, 'out', 'bench', 'results.json');
  let ours = ourServer;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') mode = modes.quick;
    else if (arg === '--out' && argv[i + 1]) out = resolve(argv[++i]!);
    else if (arg.startsWith('--out=')) out = resolve(arg.slice('--out='.length));
    else if (arg === '--node-flags' && argv[i + 1] !== undefined) {
      const flags = argv[++i]!;
      ours = { ...ourServer, nodeFlags: flags === 'none' ? [] : flags.split(',') };
    } else throw new Error(`unknown argument ${arg} (usage: run.js [--quick] [--out <file>] [--node-flags <flags>|none])`);
  }
  return { mode, out, ours };
}

const config = resolveConfig([{ config: { targetWindowsVersion: 'ltsc2022' }, origin: 'bench' }]);
const today = new Date('2026-11-23T12:00:00Z');

function lineCount(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

function engineTimes(file: BenchFile, mode: Mode): { summary: Summary; findings: number } {
  const source = { uri: `file:///bench/${file.fileName}`, text: file.text, languageId: file.languageId };
  let findings = 0;
  for (let i = 0; i < mode.engineWarmup; i++) findings = analyze(source, { rules: allRules, config, today }).findings.length;
  const samples: number[] = [];
  for (let i = 0; i < mode.engineRuns; i++) {
    const started = performance.now();
    analyze(source, { rules: allRules, config, today });
    samples.push(performance.now() - started);
  }
  return { summary: summarize(samples), findings };
}

interface Session {
  server: string;
  latency?: Summary;
  /** Publishes received for the file during typing; equals the keystrokes when each got one. */
  publishes: number;
  /** VmHWM once the first diagnostics for the file arrived, before any typing. */
  openPeakRssKb?: number;
  peakRssKb?: number;
  error?: string;
}

/** Opens the file, types `keystrokes` characters one at a time and measures each one's latency. */
async function typingSession(spec: ServerSpec, file: BenchFile, folder: string, keystrokes: number): Promise<Session> {
  const uri = pathToFileURL(join(folder, file.fileName)).href;
  const client = await BenchClient.start(spec, pathToFileURL(folder).href);
  try {
    await client.open(uri, file.languageId, file.text);
    await client.waitForPublish(uri, 0, 1, publishTimeoutMs);
    const openPeakRssKb = client.peakRssKb();
    const typed = ('\n' + file.typed).slice(0, keystrokes);
    let line = file.typeAfterLine;
    let character = file.text.split('\n')[line]!.length;
    const samples: number[] = [];
    const firstIndex = client.publishes.length;
    for (let k = 0; k < typed.length; k++) {
      const version = k + 2;
      const char = typed[k]!;
      const from = client.publishes.length;
      const sentAt = performance.now();
      await client.change(uri, version, { start: { line, character }, end: { line, character } }, char);
      const publish = await client.waitForPublish(uri, from, version, publishTimeoutMs);
      samples.push(publish.at - sentAt);
      if (char === '\n') {
        line++;
        character = 0;
      } else character++;
    }
    const publishes = client.publishes.slice(firstIndex).filter((p) => p.uri === uri).length;
    // Our server indexes the folder in the background and holds that back while the user types:
    // the peak counts once that work is done too.
    if (spec.settledLog) await client.waitForLog(spec.settledLog, publishTimeoutMs);
    return { server: spec.name, latency: summarize(samples), publishes, openPeakRssKb, peakRssKb: client.peakRssKb() };
  } catch (error) {
    return { server: spec.name, publishes: 0, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.stop();
  }
}

async function coldStart(spec: ServerSpec, file: BenchFile, folder: string): Promise<number> {
  const uri = pathToFileURL(join(folder, file.fileName)).href;
  const client = await BenchClient.start(spec, pathToFileURL(folder).href);
  try {
    await client.open(uri, file.languageId, file.text);
    const publish = await client.waitForPublish(uri, 0, 1, publishTimeoutMs);
    return publish.at - client.spawnedAt;
  } finally {
    await client.stop();
  }
}

function referenceFor(file: BenchFile): ServerSpec {
  return file.languageId === 'dockerfile' ? dockerServer : yamlServer;
}

interface FileResult {
  name: string;
  fileName: string;
  lines: number;
  bytes: number;
  reference: string;
  engine: { ms: Summary; findings: number };
  keystroke: { ours: Session; reference: Session; floor: Session };
  coldStartMs: { ours?: Summary; reference?: Summary; error?: string };
}

interface Goal {
  goal: string;
  measured: string;
  ratio?: number;
  limit: number;
  met: boolean;
  /** For memory goals: the bare server's ratio, when it is over the limit too. */
  floor?: number;
}

function ratio(ours: number | undefined, theirs: number | undefined): number | undefined {
  return ours === undefined || theirs === undefined || theirs === 0 ? undefined : ours / theirs;
}

function goals(results: FileResult[], cli: CliResult): Goal[] {
  const byName = (fileName: string): FileResult => results.find((r) => r.fileName === fileName)!;
  const keystrokeRatio = (r: FileResult): number | undefined => ratio(r.keystroke.ours.latency?.median, r.keystroke.reference.latency?.median);
  const list: Goal[] = [];
  const add = (goal: string, measured: string, value: number | undefined, limit: number, floor?: number): void => {
    list.push({ goal, measured, ratio: value, limit, met: value !== undefined && value <= limit, ...(floor !== undefined && floor > limit ? { floor } : {}) });
  };
  add('keystroke latency vs Dockerfile server, 100-line Dockerfile', 'median ratio', keystrokeRatio(byName('small.Dockerfile')), 1);
  add('keystroke latency vs Dockerfile server, 2,000-line Dockerfile', 'median ratio', keystrokeRatio(byName('large.Dockerfile')), 0.5);
  add('keystroke latency vs YAML server, 150-line manifest', 'median ratio', keystrokeRatio(byName('small.yaml')), 0.1);
  add('keystroke latency vs YAML server, 10,000-line manifest', 'median ratio', keystrokeRatio(byName('large.yaml')), 0.1);
  const large = byName('large.yaml');
  add('cold open of the 10,000-line manifest vs YAML server', 'median ratio', ratio(large.coldStartMs.ours?.median, large.coldStartMs.reference?.median), 0.5);
  for (const r of results) {
    const { ours, reference, floor } = r.keystroke;
    add(`peak RSS vs ${r.reference}, ${r.name}`, 'VmHWM ratio', ratio(ours.peakRssKb, reference.peakRssKb), 0.6, ratio(floor.peakRssKb, reference.peakRssKb));
  }
  add('p95 keystroke latency, 10,000-line manifest (ms, absolute)', 'p95 ms', large.keystroke.ours.latency?.p95, 50);
  add(`CLI check over ${cli.files} files (s, absolute)`, 'median s', cli.wallMs && cli.wallMs.median / 1000, 5);
  add(`CLI check peak RSS over ${cli.files} files (MiB, absolute)`, 'median MiB', cli.peakRssKb && cli.peakRssKb.median / 1024, 300);
  return list;
}

function fmt(value: number | undefined, digits = 1): string {
  return value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

function pair(summary: Summary | undefined): string {
  return summary ? `${fmt(summary.median)} / ${fmt(summary.p95)}` : 'failed';
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]): string => '| ' + row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(rows[0]!), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}

function mb(kb: number | undefined): string {
  return kb === undefined ? '—' : `${(kb / 1024).toFixed(1)} MB`;
}

function report(results: FileResult[], cli: CliResult, workspaceCold: Summary | undefined, goalList: Goal[], mode: Mode, nodeFlags: readonly string[]): string {
  const rows: string[][] = [['measure (ms: median / p95)', 'file', 'windows-containers', 'reference server', 'ratio (median)']];
  for (const r of results) rows.push(['engine analyze()', r.name, pair(r.engine.ms), '', '']);
  for (const r of results) {
    const ours = r.keystroke.ours;
    const theirs = r.keystroke.reference;
    rows.push([`keystroke -> diagnostics`, r.name, pair(ours.latency), `${pair(theirs.latency)} (${r.reference})`, fmt(ratio(ours.latency?.median, theirs.latency?.median), 3)]);
  }
  for (const r of results) {
    rows.push(['cold start -> first diagnostics', r.name, pair(r.coldStartMs.ours), pair(r.coldStartMs.reference), fmt(ratio(r.coldStartMs.ours?.median, r.coldStartMs.reference?.median), 3)]);
  }
  for (const r of results) {
    rows.push(['peak RSS (VmHWM)', r.name, mb(r.keystroke.ours.peakRssKb), mb(r.keystroke.reference.peakRssKb), fmt(ratio(r.keystroke.ours.peakRssKb, r.keystroke.reference.peakRssKb), 3)]);
  }
  for (const r of results) {
    const { ours, reference } = r.keystroke;
    rows.push(['peak RSS once open, before typing', r.name, mb(ours.openPeakRssKb), mb(reference.openPeakRssKb), fmt(ratio(ours.openPeakRssKb, reference.openPeakRssKb), 3)]);
  }
  for (const r of results) {
    rows.push([`peak RSS, ${bareServer.name} (floor)`, r.name, mb(r.keystroke.floor.peakRssKb), mb(r.keystroke.reference.peakRssKb), fmt(ratio(r.keystroke.floor.peakRssKb, r.keystroke.reference.peakRssKb), 3)]);
  }
  rows.push(['cold start, workspace folder open', `${cli.files} files`, pair(workspaceCold), '', '']);
  rows.push(['CLI check wall time', `${cli.files} files, ${cli.lines} lines`, cli.wallMs ? pair(cli.wallMs) : `failed: ${cli.error}`, '', '']);
  rows.push(['CLI check peak RSS', `${cli.files} files, ${cli.lines} lines`, cli.peakRssKb ? `${mb(cli.peakRssKb.median)} / ${mb(cli.peakRssKb.p95)}` : `failed: ${cli.error}`, '', '']);
  const goalRows: string[][] = [['goal', 'measured', 'value', 'limit', 'met']];
  for (const g of goalList) goalRows.push([g.goal, g.measured, fmt(g.ratio, 3), String(g.limit), g.met ? 'yes' : g.floor !== undefined ? `NO (floor ${fmt(g.floor, 3)})` : 'NO']);
  const failures = results.flatMap((r) => [r.keystroke.ours, r.keystroke.reference, r.keystroke.floor].filter((s) => s.error).map((s) => `${s.server} on ${r.name}: ${s.error}`));
  const coldFailures = results.filter((r) => r.coldStartMs.error).map((r) => `cold start on ${r.name}: ${r.coldStartMs.error}`);
  return [
    `Bench (${mode.name}): ${mode.keystrokes} keystrokes per file and server, ${mode.engineRuns} engine runs, ${mode.coldRuns} cold starts, ${mode.cliRuns} CLI runs; node ${process.version}, ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; our server's Node flags: ${nodeFlags.join(' ') || 'none'}`,
    '',
    table(rows),
    '',
    table(goalRows),
    ...(failures.length + coldFailures.length > 0 ? ['', 'Failures:', ...failures, ...coldFailures] : []),
  ].join('\n');
}

interface CliResult {
  files: number;
  lines: number;
  wallMs?: Summary;
  /** Peak RSS of each run, in KiB. */
  peakRssKb?: Summary;
  findings?: number;
  error?: string;
}

function cliBench(mode: Mode): { cli: CliResult; workspace: string } {
  const workspace = mkdtempSync(join(tmpdir(), 'wincontainers-bench-ws-'));
  const lines = writeWorkspace(workspace, mode.workspaceFiles);
  const samples: number[] = [];
  const peaks: number[] = [];
  const rssFile = join(workspace, '..', `${basename(workspace)}.rss`);
  let findings: number | undefined;
  for (let run = 0; run < mode.cliRuns; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--require', join(__dirname, 'peak-rss.js'), join(repoRoot, 'dist', 'cli.js'), 'check', '.', '--format', 'json', '--exit-zero'], {
      cwd: workspace,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, BENCH_PEAK_RSS_FILE: rssFile },
    });
    const took = performance.now() - started;
    if (result.status !== 0) return { cli: { files: mode.workspaceFiles, lines, error: `exit ${result.status}: ${result.stderr.trim()}` }, workspace };
    findings = (JSON.parse(result.stdout) as unknown[]).length;
    samples.push(took);
    peaks.push(Number(readFileSync(rssFile, 'utf8')));
  }
  rmSync(rssFile, { force: true });
  return { cli: { files: mode.workspaceFiles, lines, wallMs: summarize(samples), peakRssKb: summarize(peaks), findings }, workspace };
}

async function main(): Promise<void> {
  const { mode, out, ours: ourSpec } = parseArgs(process.argv.slice(2));
  const files = benchFiles();
  const folder = mkdtempSync(join(tmpdir(), 'wincontainers-bench-'));
  let workspace: string | undefined;
  try {
    for (const file of files) writeFileSync(join(folder, file.fileName), file.text);
    const results: FileResult[] = [];
    for (const file of files) {
      const reference = referenceFor(file);
      process.stderr.write(`bench: ${file.name}: engine, typing, cold starts...\n`);
      const engine = engineTimes(file, mode);
      const ours = await typingSession(ourSpec, file, folder, mode.keystrokes);
      const theirs = await typingSession(reference, file, folder, mode.keystrokes);
      const floor = await typingSession(bareServer, file, folder, mode.keystrokes);
      // Cold starts alternate between the servers so drifting machine load hits both alike.
      const coldOurs: number[] = [];
      const coldTheirs: number[] = [];
      let coldError: string | undefined;
      try {
        for (let run = 0; run < mode.coldRuns; run++) {
          coldOurs.push(await coldStart(ourSpec, file, folder));
          coldTheirs.push(await coldStart(reference, file, folder));
        }
      } catch (error) {
        coldError = error instanceof Error ? error.message : String(error);
      }
      results.push({
        name: file.name,
        fileName: file.fileName,
        lines: lineCount(file.text),
        bytes: Buffer.byteLength(file.text),
        reference: reference.name,
        engine: { ms: engine.summary, findings: engine.findings },
        keystroke: { ours, reference: theirs, floor },
        coldStartMs: { ours: coldOurs.length ? summarize(coldOurs) : undefined, reference: coldTheirs.length ? summarize(coldTheirs) : undefined, error: coldError },
      });
    }
    process.stderr.write(`bench: CLI over a ${mode.workspaceFiles}-file workspace...\n`);
    const cliRun = cliBench(mode);
    workspace = cliRun.workspace;
    // Our server opening one file with the whole generated workspace as its folder: what a
    // workspace-wide index costs before the first diagnostics.
    const workspaceFileName = join('team1', 'service0', 'part0', 'app1.yaml');
    const workspaceFile: BenchFile = { ...files[3]!, fileName: workspaceFileName, text: readFileSync(join(workspace, workspaceFileName), 'utf8') };
    const workspaceCold: number[] = [];
    for (let run = 0; run < mode.coldRuns; run++) workspaceCold.push(await coldStart(ourSpec, workspaceFile, workspace));
    const goalList = goals(results, cliRun.cli);
    const text = report(results, cliRun.cli, summarize(workspaceCold), goalList, mode, ourSpec.nodeFlags ?? []);
    process.stdout.write(text + '\n');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          mode,
          node: process.version,
          serverNodeFlags: ourSpec.nodeFlags ?? [],
          cpus: cpus().length,
          loadavg: loadavg(),
          definitions: {
            engine: 'analyze() on the whole file in-process, after warm-up runs; ms',
            keystroke: 'ms from just before didChange v to the first publishDiagnostics with version >= v (or, for servers that send no version, the next publish); one change in flight at a time; debounce included',
            coldStart: 'ms from spawn to the first publishDiagnostics for a file opened right after initialize',
            peakRss: 'VmHWM in KiB of the server process after opening and typing (openPeakRssKb: once the first diagnostics arrived); floor: the same for a bare vscode-languageserver server that publishes no diagnostics',
            cli: 'wall ms of node dist/cli.js check <workspace> --format json --exit-zero; peakRssKb: its getrusage maxRSS in KiB (all threads)',
          },
          files: results,
          workspace: { cold: summarize(workspaceCold), cli: cliRun.cli },
          goals: goalList,
        },
        null,
        2,
      ) + '\n',
    );
    process.stdout.write(`\nResults written to ${out}\n`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
