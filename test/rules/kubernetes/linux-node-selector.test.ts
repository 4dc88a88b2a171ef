import rule from '../../../server/src/rules/kubernetes/linux-node-selector';
import { runRuleTests } from '../../helpers/rule-tester';

const windows = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: iis
spec:
  template:
    spec:
      nodeSelector:
        kubernetes.io/os: windows
      containers:
      - name: iis
        image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
---
`;
const linux = (podSpec: string, image = 'nginx:1.27'): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: proxy
spec:
  template:
    spec:
${podSpec}      containers:
      - name: proxy
        image: ${image}
`;

runRuleTests(rule, {
  valid: [
    { name: 'a Linux-only file', code: linux('') },
    { name: 'mixed file, Linux workload pinned', code: windows + linux('      nodeSelector:\n        kubernetes.io/os: linux\n') },
    { name: 'mixed file, Linux workload on a custom node pool', code: windows + linux('      nodeSelector:\n        agentpool: linux\n') },
    {
      name: 'Windows nodes are tainted: untolerating pods stay off them',
      code: windows.replace('      containers:\n      - name: iis', '      tolerations:\n      - {key: os, operator: Equal, value: windows, effect: NoSchedule}\n      containers:\n      - name: iis') + linux(''),
    },
    { name: 'templated pod spec', filename: 'templates/all.yaml', code: windows + linux('      {{- include "chart.nodeSelector" . | nindent 6 }}\n') },
  ],
  invalid: [
    {
      name: 'Linux image without selector next to a Windows workload: fixed',
      code: windows + linux(''),
      errors: [{ messageId: 'missing', line: 20, column: 5, endColumn: 9, data: { windows: 'Deployment iis', kind: 'Deployment' } }],
      output: windows + linux('').replace('        image: nginx:1.27\n', '        image: nginx:1.27\n      nodeSelector:\n        kubernetes.io/os: linux\n'),
    },
    {
      name: 'unknown image: only a suggestion',
      code: windows + linux('', 'contoso/api:1'),
      errors: [{ messageId: 'missing', line: 20, column: 5, suggestions: [{ output: windows + linux('', 'contoso/api:1').replace('        image: contoso/api:1\n', '        image: contoso/api:1\n      nodeSelector:\n        kubernetes.io/os: linux\n') }] }],
    },
    {
      name: 'a Windows RuntimeClass makes the file mixed',
      code: 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: win}\nhandler: runhcs-wcow-process\nscheduling: {nodeSelector: {kubernetes.io/os: windows}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {os: {name: linux}, containers: [{name: c, image: contoso/c:1}]}\n',
      errors: [{ messageId: 'missing', line: 10, column: 1 }],
      output: 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: win}\nhandler: runhcs-wcow-process\nscheduling: {nodeSelector: {kubernetes.io/os: windows}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {os: {name: linux}, containers: [{name: c, image: contoso/c:1}], nodeSelector: {kubernetes.io/os: linux}}\n',
    },
  ],
});
