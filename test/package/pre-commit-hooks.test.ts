// The pre-commit hooks (.pre-commit-hooks.yaml): each names a command the package installs, and its
// file patterns pick, in any folder, exactly the files the checker reads as that kind (pre-commit
// matches `files` and `exclude` with Python's re.search on the path from the repository root). Then
// the Dockerfile hook is run as pre-commit runs it: its entry with the staged files it selects.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { configFileName } from '../../server/src/engine/config';
import { isDockerfileName } from '../../server/src/engine/file-names';
import { fileKind } from '../../server/src/engine/files';
import { dockerfileNames, notDockerfileNames } from '../helpers/file-names';

const repoRoot = join(__dirname, '..', '..', '..');

interface Hook {
  id: string;
  name: string;
  language: string;
  entry: string;
  files?: string;
  exclude?: string;
}

const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const bin = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin;

/** A pre-commit pattern as a JavaScript RegExp: these use only syntax both share, and Python's leading (?i). */
function pythonPattern(pattern: string): RegExp {
  return pattern.startsWith('(?i)') ? new RegExp(pattern.slice(4), 'i') : new RegExp(pattern);
}

function selects(hook: Hook, path: string): boolean {
  return (hook.files === undefined || pythonPattern(hook.files).test(path)) && (hook.exclude === undefined || !pythonPattern(hook.exclude).test(path));
}

function hook(id: string): Hook {
  const found = hooks.find((candidate) => candidate.id === id);
  assert.ok(found, `no hook ${id}`);
  return found;
}

const folders = ['', 'docker/', 'src/Web App/', 'Dockerfile/', 'k8s.yaml/'];

describe('the pre-commit hooks', () => {
  it('are node hooks whose entry is `wincontainers check`, a command the package installs', () => {
    assert.deepEqual(hooks.map((candidate) => candidate.id).sort(), ['wincontainers-dockerfile', 'wincontainers-yaml']);
    for (const { id, name, language, entry } of hooks) {
      assert.ok(name, id);
      assert.equal(language, 'node', id);
      const [command, ...args] = entry.split(/\s+/);
      assert.ok(bin[command!], `${id}: ${command} is not in package.json's bin`);
      assert.deepEqual(args, ['check'], id);
    }
  });

  it('the Dockerfile hook picks the files the checker reads as Dockerfiles, in any folder', () => {
    const dockerfileHook = hook('wincontainers-dockerfile');
    for (const folder of folders) {
      for (const name of [...dockerfileNames, ...notDockerfileNames, 'pod.yaml', 'README.md']) {
        assert.equal(selects(dockerfileHook, folder + name), isDockerfileName(name), folder + name);
      }
    }
  });

  it('the YAML hook picks the files the checker reads as manifests, not its own config file', () => {
    const yamlHook = hook('wincontainers-yaml');
    for (const folder of folders) {
      for (const name of ['pod.yaml', 'deploy.YML', 'Dockerfile.yaml', 'values.yml', configFileName, 'x.yaml.bak', 'Dockerfile', 'README.md']) {
        assert.equal(selects(yamlHook, folder + name), fileKind(folder + name) === 'kubernetes', folder + name);
      }
    }
  });

  it('run as pre-commit runs them, report the findings of the files they pick and fail the commit on an error', () => {
    const root = mkdtempSync(join(tmpdir(), 'wc-pre-commit-'));
    try {
      const staged = {
        'web/Dockerfile.windows': 'FROM mcr.microsoft.com/windows/servercore:latest\n',
        'web/Dockerfile.md': '# How to build the image\n',
        'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: mcr.microsoft.com/windows/servercore:ltsc2022\n',
      };
      for (const [path, text] of Object.entries(staged)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      const outcomes = hooks.map((selected) => {
        const [command, ...args] = selected.entry.split(/\s+/);
        const files = Object.keys(staged).filter((path) => selects(selected, path));
        return spawnSync(process.execPath, [join(repoRoot, bin[command!]!), ...args, ...files], { cwd: root, encoding: 'utf8', timeout: 30_000 });
      });
      const [dockerfiles, manifests] = [outcomes[hooks.indexOf(hook('wincontainers-dockerfile'))]!, outcomes[hooks.indexOf(hook('wincontainers-yaml'))]!];
      assert.equal(dockerfiles.status, 1, dockerfiles.stderr);
      assert.match(dockerfiles.stdout, /^web\/Dockerfile\.windows:1:\d+ error dockerfile\/windows-base-image-tag /m);
      assert.doesNotMatch(dockerfiles.stdout + dockerfiles.stderr, /Dockerfile\.md/);
      assert.equal(manifests.status, 0, 'a warning does not fail the commit');
      assert.match(manifests.stdout, /^k8s\/pod\.yaml:\d+:\d+ warning kubernetes\/windows-node-selector /m);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
