// The facts a rule reads (a pod's OS, its RuntimeClass) belong to one analysis: the same parse
// checked against another workspace gets that workspace's answers, never the last analysis's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkspaceView } from '../../server/src/core/workspace-view';
import { resolveConfig } from '../../server/src/engine/config';
import { analyzeParsed, parse, type AnalyzeOptions } from '../../server/src/engine/runner';
import { allRules } from '../../server/src/rules';
import { workspaceOf } from '../helpers/workspace';

const agent = `apiVersion: v1
kind: Pod
metadata: {name: agent}
spec:
  runtimeClassName: windows-2022
  containers: [{name: agent, image: contoso/agent:1}]
  volumes:
  - {name: docker-sock, hostPath: {path: /var/run/docker.sock}}
`;

const runtimeClass = (os: string): string => `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: windows-2022
handler: runhcs-wcow-process
scheduling:
  nodeSelector:
    kubernetes.io/os: ${os}
`;

const options = (workspace: WorkspaceView): AnalyzeOptions => ({
  rules: allRules.filter((rule) => rule.id === 'kubernetes/linux-host-path'),
  config: resolveConfig([]),
  workspace,
});

describe('facts of an analysis', () => {
  it('follow the workspace of each analysis of one parse', () => {
    const parsed = parse({ uri: 'file:///workspace/agent.yaml', text: agent });
    const windows = workspaceOf({ 'runtime-class.yaml': runtimeClass('windows') });
    const linux = workspaceOf({ 'runtime-class.yaml': runtimeClass('linux') });
    const rulesFound = (workspace: WorkspaceView): string[] => analyzeParsed(parsed, options(workspace)).findings.map((finding) => finding.ruleId);
    assert.deepEqual(rulesFound(windows), ['kubernetes/linux-host-path']);
    assert.deepEqual(rulesFound(linux), []);
    assert.deepEqual(rulesFound(windows), ['kubernetes/linux-host-path']);
  });

  it('read the RuntimeClass of the file itself before the workspace', () => {
    const parsed = parse({ uri: 'file:///workspace/agent.yaml', text: `${runtimeClass('windows')}---\n${agent}` });
    const linux = workspaceOf({ 'runtime-class.yaml': runtimeClass('linux') });
    assert.deepEqual(analyzeParsed(parsed, options(linux)).findings.map((finding) => finding.ruleId), ['kubernetes/linux-host-path']);
  });
});
