import rule from '../../../server/src/rules/kubernetes/deprecated-node-label';
import { podTemplate } from '../../helpers/manifests';
import { runRuleTests } from '../../helpers/rule-tester';

const iis = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019';
const deployment = (podSpec: string): string => podTemplate('Deployment', 'web', `${podSpec}      containers:
      - name: web
        image: ${iis}
`);

runRuleTests(rule, {
  valid: [
    deployment('      nodeSelector:\n        kubernetes.io/os: windows\n'),
    { name: 'Linux workloads are not ours to judge', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  nodeSelector:\n    beta.kubernetes.io/os: linux\n  containers: [{name: c, image: nginx:1.27}]\n' },
    { name: 'Linux RuntimeClass', code: 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: runc}\nhandler: runc\nscheduling:\n  nodeSelector:\n    beta.kubernetes.io/os: linux\n' },
  ],
  invalid: [
    {
      name: 'node selector keys are renamed, quotes kept',
      code: deployment('      nodeSelector:\n        beta.kubernetes.io/os: windows\n        "beta.kubernetes.io/arch": amd64\n'),
      errors: [
        { messageId: 'deprecated', line: 9, column: 9, endColumn: 30, data: { replacement: 'kubernetes.io/os' } },
        { messageId: 'deprecated', line: 10, column: 9, endColumn: 34 },
      ],
      output: deployment('      nodeSelector:\n        kubernetes.io/os: windows\n        "kubernetes.io/arch": amd64\n'),
    },
    {
      name: 'duplicate of an existing label is removed',
      code: deployment('      nodeSelector:\n        kubernetes.io/os: windows\n        beta.kubernetes.io/os: windows\n'),
      errors: [{ messageId: 'deprecated', line: 10, column: 9 }],
      output: deployment('      nodeSelector:\n        kubernetes.io/os: windows\n'),
    },
    {
      name: 'required and preferred affinity',
      code: deployment(
        '      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions:\n              - {key: beta.kubernetes.io/os, operator: In, values: [windows]}\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 1\n            preference:\n              matchExpressions:\n              - key: beta.kubernetes.io/arch\n                operator: In\n                values: [amd64]\n',
      ),
      errors: [
        { messageId: 'deprecated', line: 13, column: 23, endColumn: 44 },
        { messageId: 'deprecated', line: 18, column: 22 },
      ],
      output: deployment(
        '      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions:\n              - {key: kubernetes.io/os, operator: In, values: [windows]}\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 1\n            preference:\n              matchExpressions:\n              - key: kubernetes.io/arch\n                operator: In\n                values: [amd64]\n',
      ),
    },
    {
      name: 'Windows RuntimeClass',
      code: "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: win}\nhandler: runhcs-wcow-process\nscheduling:\n  nodeSelector: {'beta.kubernetes.io/os': windows}\n",
      errors: [{ messageId: 'deprecated', line: 6, column: 18 }],
      output: "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: win}\nhandler: runhcs-wcow-process\nscheduling:\n  nodeSelector: {'kubernetes.io/os': windows}\n",
    },
  ],
});
