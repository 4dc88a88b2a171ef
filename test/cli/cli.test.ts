// The bundled CLI as CI runs it: output formats, exit codes, file discovery and bad input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { dockerfileNames, notDockerfileNames } from '../helpers/file-names';

const repoRoot = join(__dirname, '..', '..', '..');
const cliPath = join(repoRoot, 'dist', 'cli.js');

function run(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function validSarif(stdout: string): SarifLog {
  const sarif = JSON.parse(stdout) as SarifLog;
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
  return sarif;
}

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } };
}

interface SarifRule {
  id: string;
  helpUri?: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[]; precision: string; 'problem.severity': string };
}

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: SarifRule[] } };
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string }; locations: SarifLocation[] }> }>;
    results: Array<{ ruleId: string; level: string; locations: SarifLocation[]; properties?: { messageId?: string }; partialFingerprints: Record<string, string> }>;
  }>;
}

const windowsDockerfile = 'FROM mcr.microsoft.com/windows/servercore:latest\n';
const windowsPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n';

interface JsonFinding {
  file: string;
  rule: string;
}
const findingsOf = (stdout: string): string[] => (JSON.parse(stdout) as JsonFinding[]).map((finding) => `${finding.file} ${finding.rule}`);

describe('wincontainers check', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'wincontainers-cli-'));
    write(root, {
      'app/Dockerfile': windowsDockerfile,
      'app/pod.yaml': windowsPod,
      'linux/Dockerfile': 'FROM ubuntu:24.04\nRUN apt-get update\n',
      'linux/Containerfile': 'FROM alpine\n',
      'vendor/Dockerfile.windows': windowsDockerfile,
      'generated/build.Dockerfile': windowsDockerfile,
      '.gitignore': 'generated/\n',
      'notes.txt': windowsDockerfile,
    });
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('prints path:line:col severity rule-id message and exits 1 on errors', () => {
    const result = run(['check', 'app', 'linux'], root);
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.match(lines[0]!, /^app\/Dockerfile:1:43 error dockerfile\/windows-base-image-tag `latest` does not exist for mcr\.microsoft\.com\/windows\/servercore/);
    assert.match(lines[1]!, /^app\/pod\.yaml:5:1 warning kubernetes\/windows-node-selector This Pod runs Windows containers/);
    assert.equal(lines[2], '2 problems (1 error, 1 warning) in 2 of 4 files.', 'the two Linux files were checked and are clean');
  });

  it('walks folders, skipping .gitignore matches and the config ignore list', () => {
    write(root, { '.wincontainers.yaml': 'ignore:\n  - vendor/**\n' });
    try {
      const result = run(['check', '--format', 'json'], root);
      const files = new Set((JSON.parse(result.stdout) as Array<{ file: string }>).map((f) => f.file));
      assert.deepEqual([...files].sort(), ['app/Dockerfile', 'app/pod.yaml']);
    } finally {
      rmSync(join(root, '.wincontainers.yaml'));
    }
  });

  it('--format json prints one array with 1-based positions', () => {
    const result = run(['check', 'app/Dockerfile', '--format=json'], root);
    assert.equal(result.status, 1);
    assert.deepEqual(JSON.parse(result.stdout), [
      {
        kind: 'finding',
        file: 'app/Dockerfile',
        line: 1,
        column: 43,
        endLine: 1,
        endColumn: 49,
        severity: 'error',
        rule: 'dockerfile/windows-base-image-tag',
        messageId: 'latestTag',
        message: JSON.parse(result.stdout)[0].message,
        fixable: false,
        docs: null,
      },
    ]);
  });

  describe('rule links: a hosted page when a base is given, never a local path', () => {
    const page = 'https://example.com/wincontainers/rules/dockerfile/windows-base-image-tag.md';
    const links = (args: string[]): { json: unknown[]; helpUris: Array<string | undefined> } => ({
      json: (JSON.parse(run([...args, '--format', 'json'], root).stdout) as Array<{ docs: unknown }>).map((entry) => entry.docs),
      helpUris: validSarif(run([...args, '--format', 'sarif'], root).stdout).runs[0]!.tool.driver.rules.filter((rule) => rule.id === 'dockerfile/windows-base-image-tag').map((rule) => rule.helpUri),
    });
    after(() => rmSync(join(root, 'linked'), { recursive: true, force: true }));

    it('none by default: null in JSON, no helpUri in SARIF', () => {
      assert.deepEqual(links(['check', 'app/Dockerfile']), { json: [null], helpUris: [undefined] });
      assert.ok(!run(['check', 'app', '--format', 'sarif'], root).stdout.includes('file://' + repoRoot), 'no path into the install anywhere');
    });

    it('--docs-url gives the base, with or without its final slash', () => {
      assert.deepEqual(links(['check', 'app/Dockerfile', '--docs-url', 'https://example.com/wincontainers/rules']), { json: [page], helpUris: [page] });
      assert.deepEqual(links(['check', 'app/Dockerfile', '--docs-url=https://example.com/wincontainers/rules/']), { json: [page], helpUris: [page] });
    });

    it('the config\'s docsUrl gives it too, and --docs-url wins', () => {
      write(root, { 'linked/.wincontainers.yaml': 'docsUrl: https://example.com/wincontainers/rules/\n', 'linked/Dockerfile': windowsDockerfile });
      assert.deepEqual(links(['check', 'linked']), { json: [page], helpUris: [page] });
      const other = 'https://docs.contoso.com/rules/dockerfile/windows-base-image-tag.md';
      assert.deepEqual(links(['check', 'linked', '--docs-url', 'https://docs.contoso.com/rules']), { json: [other], helpUris: [other] });
    });

    it('paths whose configs disagree on docsUrl: exit 2, as SARIF lists each rule with one link', () => {
      write(root, { 'linked/.wincontainers.yaml': 'docsUrl: https://example.com/wincontainers/rules/\n', 'linked/Dockerfile': windowsDockerfile });
      const result = run(['check', 'linked', 'app'], root);
      assert.deepEqual([result.status, result.stdout], [2, '']);
      assert.equal(result.stderr, 'wincontainers: the configs of these paths give different docsUrl values (https://example.com/wincontainers/rules/, none); pass --docs-url\n');
      assert.equal(run(['check', 'linked', 'app', '--docs-url', 'https://example.com/r'], root).status, 1, 'the flag settles it');
    });

    it('a base that is not http(s) is refused, on the command line and in the config', () => {
      const flag = run(['check', 'app', '--docs-url', 'file:///opt/wincontainers/docs/rules/'], root);
      assert.deepEqual([flag.status, flag.stderr], [2, 'wincontainers: --docs-url must be an http or https address; got "file:///opt/wincontainers/docs/rules/"\n']);
      write(root, { 'linked/.wincontainers.yaml': 'docsUrl: docs/rules\n', 'linked/Dockerfile': windowsDockerfile });
      const config = run(['check', 'linked'], root);
      assert.deepEqual(
        [config.status, config.stderr],
        [2, 'wincontainers: linked/.wincontainers.yaml:1:10: invalid config: docsUrl must be an http or https address, such as https://example.com/wincontainers/docs/rules/; got "docs/rules".\n'],
      );
    });
  });

  it('--format sarif is valid SARIF 2.1.0 and lists every rule', () => {
    const result = run(['check', 'app', '--format', 'sarif'], root);
    const run0 = validSarif(result.stdout).runs[0]!;
    assert.ok(run0.tool.driver.rules.some((rule) => rule.id === 'kubernetes/windows-node-selector'));
    assert.deepEqual(run0.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
    assert.deepEqual(
      run0.results.map((r) => [r.ruleId, r.properties?.messageId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region!.startLine]),
      [
        ['dockerfile/windows-base-image-tag', 'latestTag', 'error', 'app/Dockerfile', 1],
        ['kubernetes/windows-node-selector', 'missing', 'warning', 'app/pod.yaml', 5],
      ],
    );
  });

  describe('SARIF stands alone in code scanning', () => {
    const rulesOf = (args: string[]): SarifRule[] => validSarif(run([...args, '--format', 'sarif'], root).stdout).runs[0]!.tool.driver.rules;
    const page = (id: string): string => readFileSync(join(repoRoot, 'docs', 'rules', `${id}.md`), 'utf8');

    it('every rule carries its shipped page as help, its descriptions, precision and problem.severity', () => {
      const rules = rulesOf(['check', 'app']);
      for (const rule of rules) {
        assert.ok(rule.help, `${rule.id} has help`);
        assert.equal(rule.help.markdown, rule.help.text, rule.id);
        assert.equal(rule.help.markdown.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1'), page(rule.id).replace(/\[([^\]]+)\]\([^)]+\)/g, '$1'), `${rule.id}: the page, links aside`);
        assert.ok(rule.shortDescription.text.length > 0 && rule.fullDescription.text.length > rule.shortDescription.text.length / 2, rule.id);
        assert.equal(rule.properties.precision, 'high');
        assert.equal(rule.properties['problem.severity'], { error: 'error', warning: 'warning', note: 'recommendation' }[rule.defaultConfiguration.level], rule.id);
      }
      const tag = rules.find((rule) => rule.id === 'dockerfile/windows-base-image-tag')!;
      assert.match(tag.fullDescription.text, /^Since 16 April 2019 Microsoft publishes no `latest` tag for the Windows base OS images\. A `FROM`\nwithout a tag/, 'the "Why" section');
      assert.deepEqual([tag.properties.tags, tag.properties['problem.severity']], [['dockerfile', 'problem'], 'error']);
    });

    it('links between pages: absolute under --docs-url, plain text without (a relative link means nothing there)', () => {
      const id = 'kubernetes/windows-base-image-tag';
      assert.match(page(id), /\]\(\.\.\/dockerfile\/windows-base-image-tag\.md\)/, 'the page links to another one');
      const plain = rulesOf(['check', 'app']).find((rule) => rule.id === id)!.help!.markdown;
      assert.doesNotMatch(plain, /\]\((?!https?:)/);
      assert.match(plain, /gets from\s+dockerfile\/windows-base-image-tag\./);
      const hosted = rulesOf(['check', 'app', '--docs-url', 'https://example.com/rules/']).find((rule) => rule.id === id)!.help!.markdown;
      assert.match(hosted, /\[dockerfile\/windows-base-image-tag\]\(https:\/\/example\.com\/rules\/dockerfile\/windows-base-image-tag\.md\)/);
    });

    it('partialFingerprints survive lines added above, and tell equal lines apart by occurrence', () => {
      const fingerprints = (text: string): string[] => {
        write(root, { 'moved/Dockerfile': text });
        return validSarif(run(['check', 'moved', '--format', 'sarif'], root).stdout).runs[0]!.results.map((r) => r.partialFingerprints['wincontainers/v1']!);
      };
      try {
        const before = fingerprints(`${windowsDockerfile}RUN chmod +x a.sh\nRUN chmod +x a.sh\nRUN apt-get update\n`);
        assert.equal(before.length, 4);
        assert.equal(new Set(before).size, 4);
        assert.deepEqual(before.slice(1, 3).map((f) => f.split(':')[0]), before.slice(1, 3).map(() => before[1]!.split(':')[0]), 'the same text on two lines hashes alike');
        assert.deepEqual(before.slice(1, 3).map((f) => f.split(':')[1]), ['1', '2']);
        const after = fingerprints(`# The build image\n\n${windowsDockerfile}\n  RUN chmod +x a.sh\nRUN chmod +x a.sh\n\nRUN apt-get update\n`);
        assert.deepEqual(after, before, 'comments, blank lines and indentation moved the lines, not the findings');
        assert.notDeepEqual(fingerprints(`${windowsDockerfile}RUN chmod +x b.sh\n`)[1], before[1], 'another line is another finding');
      } finally {
        rmSync(join(root, 'moved'), { recursive: true, force: true });
      }
    });
  });

  it('--target turns the suggestion into a fix', () => {
    const result = run(['check', 'app/Dockerfile', '--target', '10.0.20348', '--format', 'json'], root);
    assert.equal(JSON.parse(result.stdout)[0].fixable, true);
  });

  it('exit 0 with only warnings, 1 when warnings exceed --max-warnings', () => {
    assert.equal(run(['check', 'app/pod.yaml'], root).status, 0);
    assert.equal(run(['check', 'app/pod.yaml', '--max-warnings', '1'], root).status, 0);
    const over = run(['check', 'app/pod.yaml', '--max-warnings', '0'], root);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /Too many warnings: 1 \(--max-warnings 0\)/);
  });

  it('exit 0 and a clean summary on Linux files', () => {
    const result = run(['check', 'linux'], root);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, 'No problems in 2 files.\n');
  });

  describe('a file that cannot be checked says so', () => {
    const huge = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n' + '  k: "' + 'x'.repeat(5 * 1024 * 1024) + '"\n';
    const tooLarge = 'Not checked for Windows container problems: the file is 5.0 MB, over the 0.5 MB limit.';
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n';
    const syntaxMessage = 'Not valid YAML (Tabs are not allowed as indentation), so this document was not checked for Windows container problems.';
    before(() => write(root, { 'big/huge.yaml': huge, 'big/small.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\n', 'broken/pod.yaml': broken }));
    after(() => {
      rmSync(join(root, 'big'), { recursive: true, force: true });
      rmSync(join(root, 'broken'), { recursive: true, force: true });
    });

    it('text: a broken manifest is an error, never "No problems"', () => {
      const result = run(['check', 'broken'], root);
      assert.equal(result.status, 1);
      assert.equal(result.stdout, `broken/pod.yaml:4:1 error yaml/syntax ${syntaxMessage}\n1 problem (1 error, 0 warnings) in 1 of 1 file.\n`);
    });

    it('text: a file over the size limit gets one line, and the summary counts it apart', () => {
      const result = run(['check', 'big'], root);
      assert.equal(result.status, 0, 'not checking a file is not an error in the files');
      assert.equal(result.stdout, `big/huge.yaml: ${tooLarge}\nNo problems in 1 file; 1 file not checked.\n`);
      assert.equal(result.stderr, '', 'said once, in the output');
      assert.equal(run(['check', 'big', 'broken'], root).stdout.split('\n').at(-2), '1 problem (1 error, 0 warnings) in 1 of 2 files; 1 file not checked.');
    });

    it('JSON: still one array; a file not checked is an entry of its own kind with no rule or message id', () => {
      const result = run(['check', 'big', 'broken', '--format', 'json'], root);
      assert.equal(result.status, 1);
      const entries = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
      assert.deepEqual(
        entries,
        [
          { kind: 'not-checked', file: 'big/huge.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'info', rule: null, messageId: null, message: tooLarge, fixable: false, docs: null },
          { kind: 'finding', file: 'broken/pod.yaml', line: 4, column: 1, endLine: 4, endColumn: 2, severity: 'error', rule: 'yaml/syntax', messageId: 'syntax', message: syntaxMessage, fixable: false, docs: null },
        ],
      );
      assert.equal(result.stderr, '');
    });

    it('SARIF: the broken manifest is a result; the file not checked is an error notification on its location', () => {
      const result = run(['check', 'big', 'broken', '--format', 'sarif'], root);
      const run0 = validSarif(result.stdout).runs[0]!;
      assert.deepEqual(run0.invocations, [
        {
          executionSuccessful: true,
          toolExecutionNotifications: [{ level: 'error', message: { text: tooLarge }, locations: [{ physicalLocation: { artifactLocation: { uri: 'big/huge.yaml', uriBaseId: 'SRCROOT' } } }] }],
        },
      ]);
      assert.deepEqual(
        run0.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region!.startLine]),
        [['yaml/syntax', 'error', 'broken/pod.yaml', 4]],
      );
    });

    it('a Dockerfile that docker build rejects is an error in text, JSON and SARIF, never "No problems"', () => {
      // The line after `C:\\Go\\` is not joined to the COPY (an escaped backslash ends it): it is an instruction of its own.
      write(root, { 'brokendf/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY go C:\\\\Go\\\\\nbin C:\\Go\\bin\nRUN <<EOF\necho\n' });
      const message = '`docker build` stops here: unterminated heredoc. The rest of the file is not checked.';
      const text = run(['check', 'brokendf'], root);
      assert.equal(text.status, 1);
      assert.equal(text.stdout, `brokendf/Dockerfile:4:1 error dockerfile/syntax ${message}\n1 problem (1 error, 0 warnings) in 1 of 1 file.\n`);
      const json = JSON.parse(run(['check', 'brokendf', '--format', 'json'], root).stdout) as Array<Record<string, unknown>>;
      assert.deepEqual(json.map(({ rule, line, column, endColumn, severity }) => ({ rule, line, column, endColumn, severity })), [{ rule: 'dockerfile/syntax', line: 4, column: 1, endColumn: 10, severity: 'error' }]);
      const sarif = validSarif(run(['check', 'brokendf', '--format', 'sarif'], root).stdout).runs[0]!;
      assert.deepEqual(sarif.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region!.startLine]), [['dockerfile/syntax', 'error', 4]]);
      // Without the heredoc the file parses, and its third line is the instruction docker build does not know.
      write(root, { 'brokendf/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY go C:\\\\Go\\\\\nbin C:\\Go\\bin\n' });
      assert.match(run(['check', 'brokendf'], root).stdout, /^brokendf\/Dockerfile:3:1 error dockerfile\/syntax `bin` is not a Dockerfile instruction: .* The line before ends in `\\\\`/);
      rmSync(join(root, 'brokendf'), { recursive: true, force: true });
    });

    it('the severity of yaml/syntax comes from the config like any rule', () => {
      write(root, { 'syntax-warning.yaml': 'rules:\n  yaml/syntax: warning\n' });
      const result = run(['check', 'broken', '--config', 'syntax-warning.yaml'], root);
      assert.equal(result.status, 0);
      assert.match(result.stdout, /^broken\/pod\.yaml:4:1 warning yaml\/syntax /);
    });
  });

  it('--config applies severities', () => {
    write(root, { 'custom.yaml': 'rules:\n  dockerfile/windows-base-image-tag: warning\n' });
    const result = run(['check', 'app/Dockerfile', '--config', 'custom.yaml'], root);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /:1:43 warning dockerfile\/windows-base-image-tag/);
  });

  for (const [name, args, message] of [
    ['an unknown option', ['check', '--fast'], 'wincontainers: unknown option "--fast"\n'],
    ['a bad language', ['check', 'notes.txt', '--language', 'powershell'], 'wincontainers: --language must be dockerfile or yaml; got "powershell"\n'],
    ['a bad format', ['check', '--format', 'xml'], 'wincontainers: --format must be text, json or sarif; got "xml"\n'],
    ['a bad target', ['check', '--target', 'ltsc2030'], 'wincontainers: --target must be ltsc2019, ltsc2022, ltsc2025 or a build such as 10.0.26100; got "ltsc2030"\n'],
    ['a missing config', ['check', '--config', 'missing.yaml'], 'wincontainers: cannot read config missing.yaml: ENOENT\n'],
  ] as const) {
    it(`exits 2 with one line on ${name}`, () => {
      const result = run([...args], root);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, message);
    });
  }

  it('exits 2 with the usage on stderr when no command is given, so a CI step missing "check" fails', () => {
    const result = run([], root);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^Usage: wincontainers check \[paths\.\.\.\] \[options\]\n/);
    assert.equal(run(['--help'], root).status, 0, 'asking for help is not a mistake');
  });

  it('exits 2 on a broken config, naming the file and the problem', () => {
    write(root, { 'broken.yaml': 'rules:\n  dockerfile/no-such-rule: error\n' });
    const result = run(['check', 'app', '--config', 'broken.yaml', '--format', 'sarif'], root);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '', 'no half document on stdout');
    assert.equal(result.stderr, 'wincontainers: broken.yaml:2:3: invalid config: unknown rule "dockerfile/no-such-rule" in rules.\n');
  });

  it('checks every form of a Dockerfile name in a folder, and no near miss', () => {
    // One folder per name: names that differ only in case are one file on Windows and macOS.
    const names = [...dockerfileNames, ...notDockerfileNames];
    write(root, Object.fromEntries(names.map((name, index) => [`names/${index}/${name}`, /\.ya?ml$/i.test(name) ? windowsPod : windowsDockerfile])));
    try {
      const result = run(['check', 'names', '--format', 'json'], root);
      const checked = new Map((JSON.parse(result.stdout) as JsonFinding[]).map((finding) => [basename(finding.file), finding.rule]));
      const manifests = notDockerfileNames.filter((name) => /\.ya?ml$/i.test(name));
      assert.deepEqual([...checked.keys()].sort(), [...dockerfileNames, ...manifests].sort());
      for (const name of dockerfileNames) assert.equal(checked.get(name), 'dockerfile/windows-base-image-tag', name);
      for (const name of manifests) assert.equal(checked.get(name), 'kubernetes/windows-node-selector', name);
    } finally {
      rmSync(join(root, 'names'), { recursive: true, force: true });
    }
  });

  it('checks a file named on the command line by its content when its name says nothing', () => {
    write(root, {
      'unnamed/windows-build': '\uFEFF# escape=`\n\n# The web image\r\nfrom mcr.microsoft.com/windows/servercore:latest\n',
      'unnamed/build-args': 'ARG TAG=latest\nFROM mcr.microsoft.com/windows/servercore:${TAG}\n',
      'unnamed/web.manifest': `# The web pod\n${windowsPod}`,
      'unnamed/pods.k8s': `${windowsPod}---\n${windowsPod.replace(/web/g, 'api')}`,
      'unnamed/build.sh': '#!/bin/sh\n# builds the web image\ndocker build -f Dockerfile.windows .\n',
      'unnamed/notes.txt': 'Ask the platform team before changing the base image.\n',
    });
    const result = run(['check', ...['windows-build', 'build-args', 'web.manifest', 'pods.k8s', 'build.sh', 'notes.txt'].map((name) => `unnamed/${name}`), '--format', 'json'], root);
    assert.equal(result.status, 2);
    assert.deepEqual(findingsOf(result.stdout), [
      'unnamed/windows-build dockerfile/windows-base-image-tag',
      'unnamed/build-args dockerfile/windows-base-image-tag',
      'unnamed/web.manifest kubernetes/windows-node-selector',
      'unnamed/pods.k8s kubernetes/windows-node-selector',
      'unnamed/pods.k8s kubernetes/windows-node-selector',
    ]);
    assert.equal(
      result.stderr,
      'wincontainers: unnamed/build.sh: not a Dockerfile or YAML file (use --language dockerfile|yaml)\n' +
        'wincontainers: unnamed/notes.txt: not a Dockerfile or YAML file (use --language dockerfile|yaml)\n',
    );
  });

  it('--language checks the files named on the command line as that language, whatever their name; folders still go by names', () => {
    write(root, { 'forced/pod.yaml': windowsDockerfile, 'forced/Dockerfile': windowsPod, 'forced/notes.txt': 'Ask the platform team.\n' });
    const asDockerfile = run(['check', 'forced/pod.yaml', '--language', 'dockerfile', '--format', 'json'], root);
    assert.equal(asDockerfile.status, 1, asDockerfile.stderr);
    assert.deepEqual(findingsOf(asDockerfile.stdout), ['forced/pod.yaml dockerfile/windows-base-image-tag']);
    const asYaml = run(['check', 'forced/Dockerfile', '--language=yaml', '--format', 'json'], root);
    assert.deepEqual(findingsOf(asYaml.stdout), ['forced/Dockerfile kubernetes/windows-node-selector']);
    // Forced, a note is read as a Dockerfile, and its first line is not an instruction.
    const unclassified = run(['check', 'forced/notes.txt', '--language', 'dockerfile', '--format', 'json'], root);
    assert.deepEqual([unclassified.status, findingsOf(unclassified.stdout), unclassified.stderr], [1, ['forced/notes.txt dockerfile/syntax'], '']);
    // In a folder, names decide: the manifest named Dockerfile is read as one, which docker build would refuse.
    const folder = run(['check', 'forced', '--language', 'dockerfile', '--format', 'json'], root);
    assert.deepEqual(findingsOf(folder.stdout), ['forced/Dockerfile dockerfile/syntax']);
  });

  it('checks and prints the other paths when one is missing or unreadable, and exits 2 even though they have errors', () => {
    symlinkSync('loop', join(root, 'loop'));
    try {
      const result = run(['check', 'app/Dockerfile', 'nope', 'loop', 'app/pod.yaml'], root);
      assert.equal(result.status, 2);
      assert.deepEqual(result.stdout.trim().split('\n').slice(2), ['2 problems (1 error, 1 warning) in 2 of 2 files.', '2 inputs could not be checked.']);
      assert.match(result.stdout, /^app\/Dockerfile:1:43 error dockerfile\/windows-base-image-tag .*\napp\/pod\.yaml:5:1 warning kubernetes\/windows-node-selector /);
      assert.equal(result.stderr, 'wincontainers: no such file or folder: nope\nwincontainers: cannot read loop: ELOOP\n');
      for (const format of ['json', 'sarif']) {
        const document = run(['check', 'app', 'nope', '--format', format, '--exit-zero'], root);
        assert.equal(document.status, 2, format);
        assert.ok(JSON.parse(document.stdout), `${format}: one whole document on stdout`);
        assert.equal(document.stderr, 'wincontainers: no such file or folder: nope\n');
      }
      // Code scanning must not show a run that could not read an input as a clean, successful one.
      const sarif = validSarif(run(['check', 'app', 'nope', '--format', 'sarif'], root).stdout).runs[0]!;
      assert.deepEqual(sarif.invocations, [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'no such file or folder: nope' } }] }]);
    } finally {
      rmSync(join(root, 'loop'));
    }
  });
});
