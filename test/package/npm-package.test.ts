// The npm package a CI user installs: `npm pack` of the current build, installed from the tarball
// into an empty project with the network out of reach (an unreachable registry and --offline, so
// a dependency the package still declared would fail the install), then used as the README says:
// `npx wincontainers check` and `wincontainers-language-server --stdio`. Every child process has a
// time bound.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { allRules } from '../../server/src/rules';
import { startServer } from '../helpers/lsp-client';

const repoRoot = join(__dirname, '..', '..', '..');
const windowsDockerfile = 'FROM mcr.microsoft.com/windows/servercore:latest\nRUN apt-get update\n';

const work = mkdtempSync(join(tmpdir(), 'wc-npm-'));
const project = join(work, 'project');
const offline = {
  ...process.env,
  npm_config_registry: 'http://127.0.0.1:9/',
  npm_config_cache: join(work, 'cache'),
  npm_config_update_notifier: 'false',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env: offline, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.error, undefined, `${command} ${args.join(' ')}: ${result.error?.message}`);
  return result;
}

function succeeded(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} exited ${result.status}\n${result.stderr}`);
  return result.stdout;
}

interface PackedFile {
  path: string;
}

describe('the npm package', () => {
  let packed: PackedFile[] = [];

  before(() => {
    // --ignore-scripts: the build there is (`prepare`) would rewrite dist/ under the tests running beside this one.
    const [pack] = JSON.parse(succeeded(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot), 'npm pack')) as Array<{ filename: string; files: PackedFile[] }>;
    packed = pack!.files;
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'ci-user', version: '1.0.0', private: true }));
    succeeded(run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, pack!.filename)], project), 'npm install of the tarball');
    writeFileSync(join(project, 'Dockerfile'), windowsDockerfile);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds the CLI, its worker, the language server, the rule pages and the snippets, and nothing else', () => {
    const paths = packed.map((file) => file.path).sort();
    const expected = ['LICENSE', 'README.md', 'package.json', 'dist/cli.js', 'dist/cli-worker.js', 'dist/server.js', 'docs/rules/README.md', 'snippets/dockerfile.json', 'snippets/yaml.json', ...allRules.map((rule) => `docs/rules/${rule.id}.md`)];
    assert.deepEqual(paths, expected.sort());
  });

  it('declares no runtime dependencies: the bundles hold them', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'windows-containers', 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) assert.equal(manifest[field], undefined, field);
  });

  it('`npx wincontainers check` reports what the checkout reports, and exits 1 on the error', () => {
    const installed = run('npx', ['--offline', 'wincontainers', 'check', 'Dockerfile', '--format', 'json'], project);
    const checkout = run(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'check', 'Dockerfile', '--format', 'json'], project);
    assert.equal(installed.status, 1, installed.stderr);
    const findings = JSON.parse(installed.stdout) as Array<{ rule: string }>;
    assert.ok(findings.some((finding) => finding.rule === 'dockerfile/windows-base-image-tag'), installed.stdout);
    assert.deepEqual(findings, JSON.parse(checkout.stdout));
  });

  it('finds its rule pages where it is installed: SARIF carries each rule\'s page as help', () => {
    const sarif = JSON.parse(run('npx', ['--offline', 'wincontainers', 'check', 'Dockerfile', '--format', 'sarif'], project).stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; help?: { markdown?: string } }> } } }>;
    };
    const rules = sarif.runs[0]!.tool.driver.rules;
    assert.ok(rules.length > 0);
    for (const rule of rules) assert.match(rule.help?.markdown ?? '', /^# /m, `${rule.id} has no help from its page`);
  });

  it('`wincontainers-language-server --stdio` answers initialize and publishes the findings of an open Dockerfile', async () => {
    const executable = join(project, 'node_modules', '.bin', 'wincontainers-language-server');
    assert.ok(existsSync(executable));
    const server = await startServer({ executable, initializeTimeoutMs: 15_000 });
    try {
      const uri = pathToFileURL(join(project, 'Dockerfile')).href;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: windowsDockerfile } });
      const published = await server.diagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'dockerfile/windows-base-image-tag'));
      assert.equal(published.version, 1);
    } finally {
      await server.stop();
    }
  });
});
