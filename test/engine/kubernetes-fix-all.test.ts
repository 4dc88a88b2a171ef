// Every Kubernetes rule at once on a manifest with many problems: fix-all must converge on YAML
// that still parses, with each fixable problem gone and the unfixable ones still reported.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { resolveConfig } from '../../server/src/engine/config';
import { fixAll } from '../../server/src/engine/fixes';
import { analyze } from '../../server/src/engine/runner';
import { kubernetesRules } from '../../server/src/rules/kubernetes';
import { testToday } from '../helpers/rule-tester';

const manifest = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      os:
        name: windows
      securityContext:
        runAsUser: 1000
        windowsOptions:
          hostProcess: true
          runAsUserName: "NT AUTHORITY\\\\SYSTEM"
      nodeSelector:
        beta.kubernetes.io/os: windows
        node.kubernetes.io/windows-build: ltsc2022
      containers:
      - name: agent
        image: mcr.microsoft.com/windows/nanoserver:ltsc2022
        command: ["/bin/sh", "-c", "run"]
        securityContext:
          privileged: true
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext: {fsGroup: 2000}
      containers:
      - name: web
        image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: proxy
spec:
  template:
    spec:
      containers:
      - name: proxy
        image: nginx:1.27
`;

describe('Kubernetes fix-all across rules', () => {
  it('converges to parseable YAML with only unfixable problems left', () => {
    const options = { config: resolveConfig([]), today: testToday, rules: kubernetesRules };
    const document = { uri: 'file:///workspace/all.yaml', text: manifest };
    const before = analyze(document, options).findings.map((f) => f.ruleId);
    for (const id of ['kubernetes/windows-forbidden-field', 'kubernetes/hostprocess-pod', 'kubernetes/deprecated-node-label', 'kubernetes/windows-build-mismatch', 'kubernetes/linux-shell-command', 'kubernetes/windows-node-selector', 'kubernetes/windows-ignored-field', 'kubernetes/linux-node-selector']) {
      assert.ok(before.includes(id), `${id} reports: ${before.join(', ')}`);
    }
    const result = fixAll(document, options);
    assert.equal(parseAllDocuments(result.text).flatMap((d) => ('errors' in d ? d.errors : [])).length, 0, result.text);
    // Once fix-all has scheduled web onto Windows, the spec.os.name hint follows: a suggestion only.
    assert.deepEqual(result.remaining.map((f) => f.ruleId), ['kubernetes/linux-shell-command', 'kubernetes/windows-os-name'], result.text);
    assert.match(result.text, /hostNetwork: true/);
    assert.match(result.text, / {8}kubernetes\.io\/os: windows\n {8}node\.kubernetes\.io\/windows-build: '10\.0\.20348'/);
    assert.doesNotMatch(result.text, /runAsUser: 1000|privileged|fsGroup/);
    assert.match(result.text, /kubernetes\.io\/os: linux/);
  });
});
