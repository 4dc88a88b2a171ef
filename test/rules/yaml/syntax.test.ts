import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { resolveConfig } from '../../../server/src/engine/config';
import { analyze, type AnalyzeOptions } from '../../../server/src/engine/runner';
import rule from '../../../server/src/rules/yaml/syntax';
import { runRuleTests } from '../../helpers/rule-tester';

const iis = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';
const pod = (containerLines: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeSelector:\n    kubernetes.io/os: windows\n  containers:\n  - name: web\n    image: ${iis}\n${containerLines}`;
const tabIndented = 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n';

runRuleTests(rule, {
  valid: [
    { name: 'a manifest that parses', code: pod('') },
    // libyaml, which kubectl's decoder ports, does not look at indentation inside flow collections and quotes.
    { name: 'a flow list continued at the indentation of its key', code: pod('    command: ["powershell", "-Command",\n    "Start-Service w3svc"]\n') },
    { name: 'a flow list continued at column 1', code: pod('    args: [\n"-t",\n"localhost"]\n') },
    { name: 'JSON style: the closing bracket at column 1', code: pod('    args: [\n      "-t"\n]\n') },
    { name: 'a comment inside a flow list, continued lower', code: pod('    args: ["-t", # forever\n    "localhost"]\n') },
    { name: 'a double-quoted value continued at the indentation of its key', code: pod('    env:\n    - name: GREETING\n      value: "hello\n      world"\n') },
    { name: 'a single-quoted value continued at column 1', code: pod("    workingDir: 'C:\\app\n'\n") },
    { name: 'backslashes in single quotes, plain and doubled in double quotes', code: pod("    workingDir: 'C:\\inetpub'\n    env:\n    - {name: A, value: C:\\temp}\n    - {name: B, value: \"C:\\\\temp\"}\n") },
    { name: 'a key written twice parses (other rules and kubectl judge it)', code: pod('    imagePullPolicy: Always\n    imagePullPolicy: Never\n') },
    { name: 'an unknown tag is a warning of the parser, not an error', code: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${AWS::StackName}-logs"\n' },
    { name: 'an empty file and a file of comments', code: '# nothing here yet\n' },
    {
      name: 'a Helm template is not reported even when its masked text does not parse',
      filename: 'templates/pod.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n{{ include "labels" . | indent 4 }}\n\textra: x\n',
    },
    { name: 'a Jinja template is not reported', filename: 'pod.yaml', code: 'apiVersion: v1\nkind: Pod\n{% if windows %}\nspec:\n  nodeSelector: {kubernetes.io/os: windows}\n{% endif %}\n' },
    { name: 'an ERB template is not reported', filename: 'database.yml', code: 'production:\n<% if ENV["DB"] %>\n  url: <%= ENV["DB"] %>\n<% end %>\n' },
    { name: 'suppressed on the line before', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n# wincontainers-ignore yaml/syntax\n\tname: web\n' },
  ],
  invalid: [
    {
      name: 'a tab as indentation',
      code: tabIndented,
      errors: [{ messageId: 'syntax', line: 4, column: 1, endLine: 4, endColumn: 2, data: { reason: 'Tabs are not allowed as indentation' } }],
    },
    {
      name: 'a Windows path in double quotes holds an escape that does not exist',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: paths\ndata:\n  logs: "C:\\inetpub\\logs"\n',
      errors: [{ messageId: 'escape', line: 6, column: 12, endLine: 6, endColumn: 13, data: { reason: 'Invalid escape sequence \\i' } }],
    },
    {
      name: 'a quote never closed is reported at the opening quote',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\nspec:\n  containers: []\n',
      errors: [{ messageId: 'syntax', line: 4, column: 9, endLine: 4, endColumn: 13, data: { reason: 'Missing closing "quote' } }],
    },
    {
      name: 'a flow list never closed',
      code: pod('    args: ["-t",\n    "localhost"\n    env: []\n'),
      errors: [{ messageId: 'syntax', line: 12, column: 5, endLine: 12, endColumn: 6, data: { reason: 'Flow sequence in block collection must be sufficiently indented and end with a ]' } }],
    },
    {
      name: 'a list kubectl accepts does not hide a later error of the same document',
      code: pod('    command: ["cmd", "/c",\n    "ping -t localhost"]\n    env:\n    - name: A\n      value: x: y\n'),
      errors: [{ messageId: 'syntax', line: 15, column: 14, endLine: 15, endColumn: 15, data: { reason: 'Nested mappings are not allowed in compact mappings' } }],
    },
    {
      name: 'one finding per file: the first error of the first broken document',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine}\n---\n${tabIndented}  bad: "\\d"\n---\n${tabIndented}`,
      errors: [{ messageId: 'syntax', line: 8, column: 1, endLine: 8, endColumn: 2 }],
    },
    {
      // The checker reads every YAML file as a candidate manifest: one it cannot read is said so.
      name: 'a YAML file that is not a manifest',
      filename: '.github/workflows/build.yml',
      code: 'on: push\njobs:\n  build:\n    runs-on: windows-2022\n    steps:\n    - run: docker build .\n     - run: docker push\n',
      errors: [{ messageId: 'syntax', line: 7, column: 6, endLine: 7, endColumn: 7, data: { reason: 'All sequence items must start at the same column' } }],
    },
  ],
});

describe('yaml/syntax severity', () => {
  const options = (extra: Partial<AnalyzeOptions>, rules: Record<string, 'off' | 'hint'> = {}): AnalyzeOptions => ({
    config: resolveConfig([{ config: { rules }, origin: 'test' }]),
    rules: [rule],
    ...extra,
  });
  const severities = (extra: Partial<AnalyzeOptions>, rules?: Record<string, 'off' | 'hint'>): string[] =>
    analyze({ uri: 'file:///workspace/pod.yaml', text: tabIndented }, options(extra, rules)).findings.map((finding) => finding.severity);

  it('is an error in the CLI and a warning in the editor', () => {
    assert.deepEqual(severities({ frontEnd: 'cli' }), ['error']);
    assert.deepEqual(severities({ frontEnd: 'editor' }), ['warning']);
    assert.deepEqual(severities({}), ['warning']);
  });

  it('takes the configured severity in either front end', () => {
    assert.deepEqual(severities({ frontEnd: 'cli' }, { 'yaml/syntax': 'hint' }), ['hint']);
    assert.deepEqual(severities({ frontEnd: 'editor' }, { 'yaml/syntax': 'off' }), []);
  });

  it('is left out where the front end says another tool shows it', () => {
    assert.deepEqual(severities({ frontEnd: 'editor', omitRules: new Set(['yaml/syntax']) }), []);
  });
});

describe('yaml/syntax reads flow collections and quotes as libyaml does', () => {
  // Closed lists, maps and quoted strings whose lines continue at any indentation, column 1 included.
  // Of the first 2,000 files of this seed libyaml (PyYAML's C loader) accepted every one, and the yaml
  // library rejects 1,714. A fixed seed, so that a failure reproduces.
  const item = fc.constantFrom('"a, b"', "'x]y'", '"q\\"r"', 'plain', '{k: v}', '[1, 2]', '"C:\\\\w"', "'it''s'", '!!str y', '"#not"', 'http://x', '"{"');
  const breakOrSpace = fc.oneof(fc.constant(' '), fc.integer({ min: 0, max: 8 }).map((indent) => '\n' + ' '.repeat(indent)));
  const flow = fc.record({ map: fc.boolean(), items: fc.array(fc.tuple(breakOrSpace, item, fc.boolean()), { minLength: 1, maxLength: 4 }), close: breakOrSpace }).map(({ map, items, close }) => {
    // A comment runs to the line end, so what follows one starts a new line.
    const after = (i: number, separator: string): string => (i >= 0 && items[i]![2] && !separator.startsWith('\n') ? '\n' : separator);
    const body = items.map(([before, value, comment], i) => `${after(i - 1, before)}${map ? `k${i}: ` : ''}${value}${i < items.length - 1 ? ',' : ''}${comment ? ' # note' : ''}`).join('');
    return `${map ? '{' : '['}${body}${after(items.length - 1, close)}${map ? '}' : ']'}`;
  });
  const quoted = fc.tuple(fc.constantFrom('"', "'"), fc.integer({ min: 0, max: 8 })).map(([quote, indent]) => `${quote}line one\n${' '.repeat(indent)}line two${quote}`);
  const manifest = fc.array(fc.oneof(flow, quoted), { minLength: 1, maxLength: 3 }).map((values) => pod(values.map((value, i) => `    v${i}: ${value}\n`).join('')));

  it('never reports one (300 files, seed 20261204)', () => {
    fc.assert(
      fc.property(manifest, (text) => {
        const { findings } = analyze({ uri: 'file:///workspace/pod.yaml', text }, { config: resolveConfig([]), rules: [rule] });
        assert.deepEqual(findings.map((finding) => finding.message), [], text);
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });
});
