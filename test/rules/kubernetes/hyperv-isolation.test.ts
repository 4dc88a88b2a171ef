import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../../server/src/engine/config';
import { analyze } from '../../../server/src/engine/runner';
import rule from '../../../server/src/rules/kubernetes/hyperv-isolation';
import { podTemplate } from '../../helpers/manifests';
import { runRuleTests, testToday } from '../../helpers/rule-tester';
import { workspaceOf, workspaceRoot } from '../../helpers/workspace';

const iis = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';
const runtimeClass = (name: string, handler: string): string =>
  `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: ${name}\nhandler: ${handler}\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: windows\n---\n`;
const deployment = (runtimeClassName: string): string =>
  podTemplate('Deployment', 'web', `      runtimeClassName: ${runtimeClassName}\n      containers:\n      - name: web\n        image: ${iis}\n`);
const hyperVElsewhere = workspaceOf({ 'cluster/runtimeclass.yaml': runtimeClass('hyperv', "'runhcs-wcow-hypervisor-20348'") });

runRuleTests(rule, {
  valid: [
    { name: 'a process-isolated handler', code: `${runtimeClass('windows', 'runhcs-wcow-process')}${deployment('windows')}` },
    { name: 'a RuntimeClass the workspace does not hold', code: deployment('hyperv') },
    { name: 'a Hyper-V RuntimeClass nothing uses', code: runtimeClass('hyperv', 'runhcs-wcow-hypervisor') },
    { name: 'a templated runtimeClassName', filename: 'templates/deployment.yaml', code: `${runtimeClass('hyperv', 'runhcs-wcow-hypervisor')}${deployment('{{ .Values.runtimeClassName }}')}` },
    {
      name: 'a Linux pod using a handler named like one (Kata) is not a Windows pod',
      code: `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: kata\nhandler: kata-hypervisor\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: linux\n---\n${podTemplate('Deployment', 'web', '      runtimeClassName: kata\n      containers:\n      - name: web\n        image: nginx:1.27\n')}`,
    },
  ],
  invalid: [
    {
      name: 'a Windows Deployment on the Hyper-V handler, RuntimeClass in the same file',
      code: `${runtimeClass('hyperv', 'runhcs-wcow-hypervisor')}${deployment('hyperv')}`,
      errors: [{ messageId: 'unsupported', line: 17, column: 25, endColumn: 31, data: { runtimeClass: 'hyperv', kind: 'Deployment' } }],
    },
    {
      name: 'the RuntimeClass in another workspace file',
      code: deployment('hyperv'),
      workspace: hyperVElsewhere,
      errors: [{ messageId: 'unsupported', line: 8, column: 25, endColumn: 31, data: { runtimeClass: 'hyperv', kind: 'Deployment' } }],
    },
  ],
});

describe('kubernetes/hyperv-isolation related location', () => {
  const options = { config: resolveConfig([]), today: testToday, workspace: hyperVElsewhere, rules: [rule] };

  it('points at the RuntimeClass in the other workspace file', () => {
    const { findings } = analyze({ uri: 'file:///workspace/web/deployment.yaml', text: deployment('hyperv') }, options);
    const related = findings.flatMap((finding) => finding.related);
    assert.deepEqual(
      related.map((location) => ({ uri: location.uri, line: location.range.start.line })),
      [{ uri: pathToFileURL(`${workspaceRoot}/cluster/runtimeclass.yaml`).href, line: 1 }],
    );
  });
});
