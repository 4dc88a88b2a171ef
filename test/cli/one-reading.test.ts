// The CLI parses most files once: each is analyzed as if alone, and again against the workspace only
// when the workspace answers its questions. Its findings must be those of analyzing every file
// against the whole index, as the editor does: a rule that reads other files in a way the CLI does
// not record shows up here as a missing or extra finding.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { check } from '../../server/src/cli';
import { configFileName, parseConfigFile, resolveConfig } from '../../server/src/engine/config';
import { analyzeParsed, parse } from '../../server/src/engine/runner';
import { withInferredTarget } from '../../server/src/engine/session';
import { allRules, ruleIds } from '../../server/src/rules';
import { summarizeText } from '../../server/src/workspace/build';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { scanFolder } from '../../server/src/workspace/scan';
import { configLinks } from '../../server/src/workspace/summary';
import { corpusRoot, withoutCorpus } from '../helpers/shared';

const today = new Date('2026-12-04T00:00:00Z');

/** Every file analyzed against the index of all of them: the editor's reading of a folder. */
function againstWholeIndex(root: string): string[] {
  const configPath = join(root, configFileName);
  let config = resolveConfig([]);
  const index = new WorkspaceIndex();
  try {
    config = resolveConfig([{ config: parseConfigFile(readFileSync(configPath, 'utf8'), ruleIds).config, origin: configFileName }]);
    index.setConfigLinks(configPath, configLinks(configPath, pathToFileURL(configPath).href, config.images));
  } catch {
    // No config file: the defaults.
  }
  const files = scanFolder(root, { ignoreGlobs: config.ignore, globRoot: root }).files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  for (const { file, text } of files) index.set(file, summarizeText(file, text));
  const describe = (uri: string): string => relative(root, fileURLToPath(uri));
  const inferred = withInferredTarget(config, index, describe);
  return files.flatMap(({ file, text }) => {
    const { findings } = analyzeParsed(parse({ uri: pathToFileURL(file).href, text }), { rules: allRules, config: inferred, today, workspace: index.view(), frontEnd: 'cli' });
    return findings.map((finding) => `${relative(root, file)}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.ruleId} ${finding.message}`);
  });
}

function fromCli(root: string): string[] {
  const { results } = check({ paths: ['.'], format: 'text', exitZero: true }, root, today);
  return results.flatMap(({ path, findings }) => findings.map((finding) => `${path}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.ruleId} ${finding.message}`));
}

const windowsPod = (name: string, image: string, extra: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n  - name: app\n    image: ${image}\n    command: [cmd, /c, 'type C:\\\\app\\\\a.txt']\n`;

describe('wincontainers check reads each file once and still sees the workspace', () => {
  const roots: Record<'inferred' | 'configured', string> = { inferred: '', configured: '' };
  const files: Record<string, string> = {
    // A RuntimeClass in one file pins the OS and build of pods in others.
    'cluster/runtimeclass.yaml':
      "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: windows-2022\nhandler: runhcs-wcow-process\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: windows\n    node.kubernetes.io/windows-build: '10.0.20348'\n",
    'apps/base-by-runtime-class.yaml': windowsPod('base', 'mcr.microsoft.com/windows/servercore:ltsc2019', '  runtimeClassName: windows-2022\n'),
    'apps/built-by-runtime-class.yaml': windowsPod('api', 'contoso/web:1', '  runtimeClassName: windows-2022\n'),
    // Built here (compose), deployed there onto another build.
    'web/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nCOPY site/ C:/site/\n',
    'docker-compose.yml': 'services:\n  web:\n    build: ./web\n    image: contoso/web\n',
    'apps/web.yaml': windowsPod('web', 'contoso/web:1', "  nodeSelector:\n    kubernetes.io/os: windows\n    node.kubernetes.io/windows-build: '10.0.20348'\n"),
    // A Namespace in one file enforces Pod Security on the HostProcess pods of another.
    'cluster/namespaces.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: agents\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n',
    'agents/logger.yaml':
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: logger\n  namespace: agents\nspec:\n  os:\n    name: windows\n  hostNetwork: true\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n      runAsUserName: NT AUTHORITY\\SYSTEM\n  containers:\n  - name: logger\n    image: mcr.microsoft.com/oss/kubernetes/windows-host-process-containers-base-image:v1.0.0\n',
    // Asks about other files and gets no answer: its first reading stands.
    'tools/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:latest\nRUN ls /tmp\n',
    'apps/unknown-class.yaml': windowsPod('tool', 'contoso/tool:1', '  runtimeClassName: not-defined-anywhere\n'),
  };

  before(() => {
    for (const kind of ['inferred', 'configured'] as const) {
      const root = (roots[kind] = mkdtempSync(join(tmpdir(), `wincontainers-once-${kind}-`)));
      // With a target set, none is inferred: the other files' answers alone decide what is read again.
      const all = kind === 'configured' ? { ...files, [configFileName]: 'targetWindowsVersion: ltsc2019\n' } : files;
      for (const [path, text] of Object.entries(all)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
    }
  });

  after(() => Object.values(roots).forEach((root) => rmSync(root, { recursive: true, force: true })));

  for (const kind of ['inferred', 'configured'] as const) {
    it(`gives the findings of checking every file against the whole workspace, target ${kind}`, () => {
      const expected = againstWholeIndex(roots[kind]);
      // The links are in play, or the comparison proves little.
      const has = (file: string, rule: string): void => assert.ok(expected.some((line) => line.startsWith(`${file}:`) && line.includes(rule)), `${file} ${rule}\n${expected.join('\n')}`);
      has('apps/base-by-runtime-class.yaml', 'kubernetes/windows-build-mismatch');
      has('apps/built-by-runtime-class.yaml', 'kubernetes/built-image-windows-build');
      has('apps/web.yaml', 'kubernetes/built-image-windows-build');
      has('agents/logger.yaml', 'kubernetes/hostprocess-pod-security');
      has('web/Dockerfile', kind === 'inferred' ? 'dockerfile/windows-version-mismatch' : 'dockerfile/deployed-windows-build');
      assert.deepEqual(fromCli(roots[kind]), expected);
    });
  }

  it('gives them on the example workspace', () => {
    const examples = join(__dirname, '..', '..', '..', 'examples');
    assert.deepEqual(fromCli(examples), againstWholeIndex(examples));
  });

  it('gives them on the real-world corpus', { skip: withoutCorpus }, () => {
    const corpus = join(corpusRoot, 'real-world');
    assert.deepEqual(fromCli(corpus), againstWholeIndex(corpus));
  });
});
