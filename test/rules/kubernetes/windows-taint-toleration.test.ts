import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveConfig, type ResolvedConfig } from '../../../server/src/engine/config';
import { analyze } from '../../../server/src/engine/runner';
import { parseTaint } from '../../../server/src/languages/kubernetes/taints';
import rule from '../../../server/src/rules/kubernetes/windows-taint-toleration';
import { runRuleTests, testToday } from '../../helpers/rule-tester';

const iis = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';
const deployment = (name: string, podSpec: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      nodeSelector:
        kubernetes.io/os: windows
${podSpec}      containers:
      - name: web
        image: ${iis}
`;
const tolerating = deployment('tolerant', '      tolerations:\n      - key: os\n        operator: Equal\n        value: windows\n        effect: NoSchedule\n');
const runtimeClass = 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: win\nhandler: runhcs-wcow-process\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: windows\n  tolerations:\n  - {key: os, operator: Equal, value: windows, effect: NoSchedule}\n---\n';

runRuleTests(rule, {
  valid: [
    { name: 'nothing says Windows nodes are tainted', code: deployment('web', '') },
    { name: 'every Windows workload tolerates the taint', code: `${tolerating}---\n${deployment('other', '      tolerations: [{key: os, value: windows, effect: NoSchedule}]\n')}` },
    { name: 'a toleration of everything', code: `${tolerating}---\n${deployment('other', '      tolerations: [{operator: Exists}]\n')}` },
    { name: 'the RuntimeClass adds the toleration', code: `${runtimeClass}${deployment('web', '      runtimeClassName: win\n')}` },
    { name: 'a RuntimeClass we cannot see may add it', code: `${tolerating}---\n${deployment('other', '      runtimeClassName: elsewhere\n')}` },
    { name: 'Linux workloads need no Windows toleration', code: `${tolerating}---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx:1.27}]\n` },
    { name: 'templated tolerations', filename: 'templates/d.yaml', code: `${tolerating}---\n${deployment('other', '      tolerations:\n        {{- toYaml .Values.tolerations | nindent 8 }}\n')}` },
  ],
  invalid: [
    {
      name: 'another Windows workload of the file tolerates the taint',
      code: `${tolerating}---\n${deployment('other', '')}`,
      errors: [{ messageId: 'missing', line: 25, column: 5, endColumn: 9, data: { taint: 'os=windows:NoSchedule', origin: 'Deployment tolerant tolerates it', kind: 'Deployment' } }],
      output: `${tolerating}---\n${deployment('other', '')}      tolerations:\n      - key: os\n        operator: Equal\n        value: windows\n        effect: NoSchedule\n`,
    },
    {
      name: 'a Windows RuntimeClass tolerates it; the existing tolerations list grows',
      code: `${runtimeClass}${deployment('web', '      tolerations:\n      - key: dedicated\n        operator: Exists\n')}`,
      errors: [{ messageId: 'missing', line: 21, column: 7, endColumn: 18, data: { origin: 'RuntimeClass win tolerates it' } }],
      output: `${runtimeClass}${deployment('web', '      tolerations:\n      - key: dedicated\n        operator: Exists\n      - key: os\n        operator: Equal\n        value: windows\n        effect: NoSchedule\n')}`,
    },
  ],
});

describe('kubernetes/windows-taint-toleration with the windowsNodeTaint setting', () => {
  const config = { ...resolveConfig([]), windowsNodeTaint: 'node.kubernetes.io/os=windows:NoExecute' } as ResolvedConfig;
  const run = (text: string) => analyze({ uri: 'file:///workspace/d.yaml', text }, { config, today: testToday, rules: [rule] }).findings;

  it('reports a Windows workload that lacks the configured toleration, and fixes it', () => {
    const findings = run(deployment('web', ''));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /node\.kubernetes\.io\/os=windows:NoExecute \(from the windowsNodeTaint setting\)/);
    assert.equal(findings[0]!.fix!.edits[0]!.newText, '\n      tolerations:\n      - key: node.kubernetes.io/os\n        operator: Equal\n        value: windows\n        effect: NoExecute');
  });

  it('accepts a matching toleration', () => {
    assert.equal(run(deployment('web', '      tolerations: [{key: node.kubernetes.io/os, operator: Exists}]\n')).length, 0);
  });

  it('parses kubectl taint syntax', () => {
    assert.deepEqual(parseTaint('os=windows:NoSchedule'), { key: 'os', value: 'windows', effect: 'NoSchedule' });
    assert.deepEqual(parseTaint('windows:PreferNoSchedule'), { key: 'windows', effect: 'PreferNoSchedule' });
    assert.equal(parseTaint('os=windows'), undefined);
    assert.equal(parseTaint('os=windows:Sometimes'), undefined);
  });
});
