import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../../../server/src/engine/config';
import { analyze } from '../../../server/src/engine/runner';
import rule from '../../../server/src/rules/kubernetes/hostprocess-pod-security';
import { runRuleTests, testToday } from '../../helpers/rule-tester';
import { workspaceOf, workspaceRoot } from '../../helpers/workspace';

const namespace = (name: string, labels = ''): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${labels ? `  labels:\n${labels}` : ''}---\n`;
const enforce = (level: string): string => `    pod-security.kubernetes.io/enforce: ${level}\n`;
const hostProcessPod = '      hostNetwork: true\n      securityContext:\n        windowsOptions:\n          hostProcess: true\n          runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n';
/** A DaemonSet in `ns` (no namespace line when undefined); with one, its pod spec starts on line 9. */
const daemonSet = (ns: string | undefined, podSpec = hostProcessPod): string =>
  `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n${ns === undefined ? '' : `  namespace: ${ns}\n`}spec:\n  template:\n    spec:\n${podSpec}      containers:\n      - name: agent\n        image: contoso/agent:1\n`;
const restrictedElsewhere = workspaceOf({ 'cluster/namespaces.yaml': namespace('agents', enforce('restricted')) });

runRuleTests(rule, {
  valid: [
    { name: 'a privileged namespace', code: `${namespace('agents', enforce('privileged'))}${daemonSet('agents')}` },
    { name: 'a namespace without the enforce label', code: `${namespace('agents', '    app: agents\n')}${daemonSet('agents')}` },
    { name: 'only warn and audit at restricted: admission still admits', code: `${namespace('agents', '    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/audit: restricted\n')}${daemonSet('agents')}` },
    { name: 'a namespace the workspace does not hold', code: daemonSet('agents') },
    { name: 'no namespace written: kubectl -n decides', code: daemonSet(undefined), workspace: restrictedElsewhere },
    { name: 'not a HostProcess pod', code: `${namespace('agents', enforce('restricted'))}${daemonSet('agents', '')}` },
    { name: 'hostProcess: false', code: `${namespace('agents', enforce('baseline'))}${daemonSet('agents', '      securityContext:\n        windowsOptions:\n          hostProcess: false\n')}` },
    {
      name: 'a templated namespace',
      filename: 'templates/daemonset.yaml',
      code: `${namespace('agents', enforce('restricted'))}${daemonSet('{{ .Release.Namespace }}')}`,
    },
    {
      name: 'a templated enforce level',
      filename: 'templates/namespace.yaml',
      code: `${namespace('agents', enforce('{{ .Values.podSecurity }}'))}${daemonSet('agents')}`,
    },
    {
      name: 'a Namespace that a template may not create',
      filename: 'templates/namespace.yaml',
      code: `{{- if .Values.createNamespace }}\n${namespace('agents', enforce('restricted'))}{{- end }}\n${daemonSet('agents')}`,
    },
    {
      name: 'definitions that disagree (a kustomize base and the overlay that relabels it)',
      code: daemonSet('agents'),
      workspace: workspaceOf({ 'base/namespace.yaml': namespace('agents', enforce('restricted')), 'overlays/windows/namespace.yaml': namespace('agents', enforce('privileged')) }),
    },
  ],
  invalid: [
    {
      name: 'a DaemonSet in a restricted namespace of the same file',
      code: `${namespace('agents', enforce('restricted'))}${daemonSet('agents')}`,
      errors: [{ messageId: 'workload', line: 19, column: 24, endColumn: 28, data: { kind: 'DaemonSet', namespace: 'agents', level: 'restricted', label: 'pod-security.kubernetes.io/enforce' } }],
    },
    {
      name: 'the Namespace in another workspace file',
      code: daemonSet('agents'),
      workspace: restrictedElsewhere,
      errors: [{ messageId: 'workload', line: 12, column: 24, endColumn: 28, data: { kind: 'DaemonSet', namespace: 'agents', level: 'restricted', label: 'pod-security.kubernetes.io/enforce' } }],
    },
    {
      name: 'a Pod whose container is HostProcess, in a baseline namespace',
      code: `${namespace('agents', enforce('baseline'))}apiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\n  namespace: agents\nspec:\n  hostNetwork: true\n  containers:\n  - name: probe\n    image: contoso/probe:1\n    securityContext:\n      windowsOptions:\n        hostProcess: true\n        runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n`,
      errors: [{ messageId: 'pod', line: 20, column: 22, endColumn: 26, data: { kind: 'Pod', namespace: 'agents', level: 'baseline', label: 'pod-security.kubernetes.io/enforce' } }],
    },
  ],
});

describe('kubernetes/hostprocess-pod-security related location', () => {
  it('points at the enforce label of the Namespace in the other workspace file', () => {
    const options = { config: resolveConfig([]), today: testToday, workspace: restrictedElsewhere, rules: [rule] };
    const { findings } = analyze({ uri: 'file:///workspace/agent/daemonset.yaml', text: daemonSet('agents') }, options);
    assert.deepEqual(
      findings.flatMap((finding) => finding.related).map((location) => ({ uri: location.uri, line: location.range.start.line, character: location.range.start.character })),
      [{ uri: pathToFileURL(`${workspaceRoot}/cluster/namespaces.yaml`).href, line: 5, character: 40 }],
    );
  });
});
