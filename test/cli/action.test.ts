// The GitHub Action's entry point, run as GitHub runs it: `node dist/action.js` in the workspace,
// with each input as an INPUT_<NAME> environment variable (the defaults of action.yml filled in, as
// GitHub does) and GITHUB_OUTPUT naming the file the step's outputs are appended to.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';

const repoRoot = join(__dirname, '..', '..', '..');
const actionPath = join(repoRoot, 'dist', 'action.js');
const cliPath = join(repoRoot, 'dist', 'cli.js');

interface ActionManifest {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}
const manifest = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionManifest;

const windowsDockerfile = 'FROM mcr.microsoft.com/windows/servercore:latest\n';
const windowsPodWithoutSelector = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: mcr.microsoft.com/windows/servercore:ltsc2022
`;

const workspaces = mkdtempSync(join(tmpdir(), 'wc-action-'));
after(() => rmSync(workspaces, { recursive: true, force: true }));

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(workspaces, 'ws-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The step outputs in GITHUB_OUTPUT, in either of the forms GitHub reads (name=value, name<<DELIMITER). */
function stepOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  if (!existsSync(file)) return outputs;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      assert.ok(end > i, `unterminated output ${heredoc[1]}`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      outputs[lines[i]!.slice(0, lines[i]!.indexOf('='))] = lines[i]!.slice(lines[i]!.indexOf('=') + 1);
    }
  }
  return outputs;
}

function runAction(cwd: string, inputs: Record<string, string> = {}) {
  const githubOutput = join(cwd, '..', `${cwd.split(/[\\/]/).pop()}.output`);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_OUTPUT: githubOutput };
  for (const [name, { default: fallback }] of Object.entries(manifest.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? fallback ?? '';
  const result = spawnSync(process.execPath, [actionPath], { cwd, env, encoding: 'utf8', timeout: 30_000 });
  assert.equal(result.error, undefined);
  return { exitCode: result.status, log: result.stdout, stderr: result.stderr, outputs: stepOutputs(githubOutput) };
}

interface Sarif {
  runs: Array<{ results: Array<{ ruleId: string }>; tool: { driver: { rules: Array<{ id: string; helpUri?: string }> } } }>;
}

describe('the GitHub Action', () => {
  it('is a node20 action whose entry point is built, with the inputs it reads and the sarif output', () => {
    assert.equal(manifest.runs.using, 'node20');
    assert.equal(join(repoRoot, manifest.runs.main), actionPath);
    assert.ok(existsSync(actionPath), 'npm run build writes dist/action.js');
    assert.deepEqual(Object.keys(manifest.inputs).sort(), ['config', 'docs-url', 'fail-level', 'format', 'paths', 'sarif-file', 'target']);
    assert.deepEqual(Object.keys(manifest.outputs), ['sarif']);
  });

  it('with the defaults: checks the workspace, logs the text report, writes the SARIF the CLI writes and names it in the sarif output', () => {
    const root = workspace({ 'app/Dockerfile': windowsDockerfile, 'k8s/pod.yaml': windowsPodWithoutSelector });
    const { exitCode, log, outputs } = runAction(root);
    assert.equal(exitCode, 1, 'an error fails the step');
    assert.match(log, /^app\/Dockerfile:1:\d+ error dockerfile\/windows-base-image-tag /m);
    assert.match(log, /^2 problems \(1 error, 1 warning\) in 2 of 2 files\.$/m);
    assert.equal(outputs.sarif, join(root, 'wincontainers.sarif'));
    const cli = spawnSync(process.execPath, [cliPath, 'check', '.', '--format', 'sarif'], { cwd: root, encoding: 'utf8' });
    assert.equal(readFileSync(outputs.sarif!, 'utf8'), cli.stdout);
  });

  it('fail-level: error fails on errors only, warning on warnings too, none never', () => {
    const warningsOnly = workspace({ 'pod.yaml': windowsPodWithoutSelector });
    assert.equal(runAction(warningsOnly, { 'fail-level': 'error' }).exitCode, 0);
    assert.equal(runAction(warningsOnly, { 'fail-level': 'warning' }).exitCode, 1);
    const withError = workspace({ Dockerfile: windowsDockerfile });
    const none = runAction(withError, { 'fail-level': 'none' });
    assert.equal(none.exitCode, 0);
    assert.ok(existsSync(none.outputs.sarif!), 'the SARIF is written whether or not the step fails');
  });

  it('passes paths (one per line, spaces kept), format, target, config, docs-url and sarif-file through', () => {
    const root = workspace({
      'web app/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2025\n',
      'other/Dockerfile': windowsDockerfile,
      'ci/lint.yaml': 'rules:\n  dockerfile/windows-version-mismatch: warning\n',
    });
    const { exitCode, log, outputs } = runAction(root, {
      paths: 'web app\n\n  ci  \n',
      format: 'json',
      target: 'ltsc2022',
      config: 'ci/lint.yaml',
      'docs-url': 'https://example.com/docs/rules/',
      'sarif-file': 'reports/wc.sarif',
    });
    assert.equal(exitCode, 0, 'the config made the mismatch a warning');
    const findings = JSON.parse(log) as Array<{ rule: string; severity: string; file: string }>;
    assert.deepEqual(findings.map(({ rule, severity, file }) => ({ rule, severity, file })), [{ rule: 'dockerfile/windows-version-mismatch', severity: 'warning', file: join('web app', 'Dockerfile') }]);
    assert.equal(outputs.sarif, join(root, 'reports', 'wc.sarif'));
    const sarif = JSON.parse(readFileSync(outputs.sarif!, 'utf8')) as Sarif;
    assert.deepEqual(sarif.runs[0]!.results.map((result) => result.ruleId), ['dockerfile/windows-version-mismatch']);
    const rule = sarif.runs[0]!.tool.driver.rules.find((candidate) => candidate.id === 'dockerfile/windows-version-mismatch');
    assert.equal(rule?.helpUri, 'https://example.com/docs/rules/dockerfile/windows-version-mismatch.md');
  });

  it('a bad input fails the step with an error annotation and no output', () => {
    const root = workspace({ Dockerfile: windowsDockerfile });
    for (const inputs of [{ 'fail-level': 'warnings' }, { target: 'ltsc2030' }, { format: 'html' }] as Array<Record<string, string>>) {
      const { exitCode, log, outputs } = runAction(root, inputs);
      assert.equal(exitCode, 2, JSON.stringify(inputs));
      assert.match(log, /^::error title=wincontainers::\S/m, JSON.stringify(inputs));
      assert.deepEqual(outputs, {});
    }
  });

  it('a path it cannot read fails the step with an annotation naming it, after checking and reporting the others', () => {
    const root = workspace({ Dockerfile: windowsDockerfile });
    const { exitCode, log, outputs } = runAction(root, { paths: 'Dockerfile\nmissing', 'fail-level': 'none' });
    assert.equal(exitCode, 2);
    assert.match(log, /^::error title=wincontainers::wincontainers: .*missing/m);
    const sarif = JSON.parse(readFileSync(outputs.sarif!, 'utf8')) as Sarif;
    assert.ok(sarif.runs[0]!.results.some((result) => result.ruleId === 'dockerfile/windows-base-image-tag'));
  });
});
