import rule from '../../../server/src/rules/kubernetes/windows-node-selector';
import { runRuleTests } from '../../helpers/rule-tester';

const iis = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';

const deployment = (podSpec: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
${podSpec}`;

runRuleTests(rule, {
  valid: [
    { name: 'Windows pod with the node selector', code: deployment(`      nodeSelector:\n        kubernetes.io/os: windows\n      containers:\n      - name: web\n        image: ${iis}\n`) },
    { name: 'Linux workload', code: deployment('      containers:\n      - name: api\n        image: nginx:1.27\n') },
    { name: 'unknown image', code: deployment('      containers:\n      - name: api\n        image: contoso/app:1.0\n') },
    {
      name: 'required node affinity',
      code: deployment(`      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions:\n              - key: kubernetes.io/os\n                operator: In\n                values: [windows]\n      containers:\n      - name: web\n        image: ${iis}\n`),
    },
    {
      name: 'RuntimeClass in the same file schedules onto Windows',
      code: `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: windows-2022\nhandler: runhcs-wcow-process\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: windows\n---\n${deployment(`      runtimeClassName: windows-2022\n      containers:\n      - name: web\n        image: ${iis}\n`)}`,
    },
    { name: 'custom node pool label: the pool may be all Windows', code: deployment(`      nodeSelector:\n        agentpool: win22\n      containers:\n      - name: web\n        image: ${iis}\n`) },
    { name: 'Windows build selector schedules onto Windows', code: deployment(`      nodeSelector:\n        node.kubernetes.io/windows-build: '10.0.20348'\n      containers:\n      - name: web\n        image: ${iis}\n`) },
    {
      name: 'affinity on a hostname targets nodes we cannot see',
      code: deployment(`      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions:\n              - {key: kubernetes.io/hostname, operator: In, values: [win-node-1]}\n      containers:\n      - name: web\n        image: ${iis}\n`),
    },
    { name: 'RuntimeClass we cannot see: silent', code: deployment(`      runtimeClassName: windows-2022\n      containers:\n      - name: web\n        image: ${iis}\n`) },
    {
      // Windows only when the chart is installed with windows=true: no selector can be added for both cases.
      name: 'Windows evidence only inside a Helm if block',
      filename: 'templates/deployment.yaml',
      code: deployment(`      {{- if .Values.windows }}\n      securityContext:\n        windowsOptions:\n          runAsUserName: ContainerUser\n      {{- end }}\n      containers:\n      - name: web\n        image: "{{ .Values.image }}"\n`),
    },
    {
      name: 'Helm template supplies the node selector',
      filename: 'templates/deployment.yaml',
      code: deployment(`      {{- with .Values.nodeSelector }}\n      nodeSelector:\n        {{- toYaml . | nindent 8 }}\n      {{- end }}\n      containers:\n      - name: web\n        image: ${iis}\n`),
    },
    {
      name: 'Helm template includes the pod spec fields',
      filename: 'templates/deployment.yaml',
      code: deployment(`      {{- include "chart.scheduling" . | nindent 6 }}\n      containers:\n      - name: web\n        image: "{{ .Values.image }}"\n`),
    },
    { name: 'templated image is unknown', filename: 'templates/deployment.yaml', code: deployment('      containers:\n      - name: web\n        image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n') },
    { name: 'not a Kubernetes object', filename: 'docker-compose.yml', code: `services:\n  web:\n    image: ${iis}\n` },
    {
      name: 'suppressed by annotation',
      code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    wincontainers.io/ignore: kubernetes/windows-node-selector\nspec:\n  containers:\n  - name: web\n    image: ${iis}\n`,
    },
    { name: 'suppressed by comment', code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n# wincontainers-ignore kubernetes/windows-node-selector\nspec:\n  containers:\n  - name: web\n    image: ${iis}\n` },
  ],
  invalid: [
    {
      name: 'Deployment: selector appended to the pod spec, comments kept',
      code: deployment(`      containers:\n      # the site\n      - name: web\n        image: ${iis}\n        ports:\n        - containerPort: 80\n      # trailing comment stays\n`),
      errors: [
        {
          messageId: 'missing',
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 9,
          data: { evidence: 'its image mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022 is a Windows image' },
          suggestions: [{ title: 'Add node selector kubernetes.io/os: windows and spec.os.name: windows', output: deployment(`      containers:\n      # the site\n      - name: web\n        image: ${iis}\n        ports:\n        - containerPort: 80\n      nodeSelector:\n        kubernetes.io/os: windows\n      os:\n        name: windows\n      # trailing comment stays\n`) }],
        },
      ],
      output: deployment(`      containers:\n      # the site\n      - name: web\n        image: ${iis}\n        ports:\n        - containerPort: 80\n      nodeSelector:\n        kubernetes.io/os: windows\n      # trailing comment stays\n`),
    },
    {
      name: 'Pod with spec.os.name and four-space indentation',
      code: `apiVersion: v1\nkind: Pod\nmetadata:\n    name: tool\nspec:\n    os:\n        name: windows\n    containers:\n    -   name: tool\n        image: contoso/tool:1.0\n`,
      errors: [{ messageId: 'missing', line: 5, column: 1, endColumn: 5, data: { evidence: 'spec.os.name is windows' } }],
      output: `apiVersion: v1\nkind: Pod\nmetadata:\n    name: tool\nspec:\n    os:\n        name: windows\n    containers:\n    -   name: tool\n        image: contoso/tool:1.0\n    nodeSelector:\n        kubernetes.io/os: windows\n`,
    },
    {
      name: 'existing node selector gets the OS label',
      code: deployment(`      nodeSelector:\n        kubernetes.io/arch: amd64\n      containers:\n      - name: web\n        image: ${iis}\n`),
      errors: [{ messageId: 'missing', line: 13, column: 5, suggestions: [{ output: deployment(`      nodeSelector:\n        kubernetes.io/arch: amd64\n        kubernetes.io/os: windows\n      containers:\n      - name: web\n        image: ${iis}\n      os:\n        name: windows\n`) }] }],
      output: deployment(`      nodeSelector:\n        kubernetes.io/arch: amd64\n        kubernetes.io/os: windows\n      containers:\n      - name: web\n        image: ${iis}\n`),
    },
    {
      name: 'empty node selector is filled',
      code: deployment(`      nodeSelector:\n      containers:\n      - name: web\n        image: ${iis}\n`),
      errors: [{ messageId: 'missing', line: 13, column: 5, suggestions: [{ output: deployment(`      nodeSelector:\n        kubernetes.io/os: windows\n      containers:\n      - name: web\n        image: ${iis}\n      os:\n        name: windows\n`) }] }],
      output: deployment(`      nodeSelector:\n        kubernetes.io/os: windows\n      containers:\n      - name: web\n        image: ${iis}\n`),
    },
    {
      name: 'a node selector written as a list: reported, but not replaced',
      code: deployment(`      nodeSelector:\n      - kubernetes.io/os\n      containers:\n      - name: web\n        image: ${iis}\n`),
      errors: [{ messageId: 'missing', line: 13, column: 5 }],
    },
    {
      name: 'flow-style pod spec stays flow style',
      code: `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: "${iis}"}]}\n`,
      errors: [{ messageId: 'missing', line: 4, column: 1, suggestions: [{ output: `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: "${iis}"}], nodeSelector: {kubernetes.io/os: windows}, os: {name: windows}}\n` }] }],
      output: `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: "${iis}"}], nodeSelector: {kubernetes.io/os: windows}}\n`,
    },
    {
      name: 'CronJob, windowsOptions in an init container',
      code: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          initContainers:\n          - name: prep\n            image: contoso/prep:2\n            securityContext:\n              windowsOptions:\n                runAsUserName: ContainerUser\n          containers:\n          - name: report\n            image: contoso/report:2\n`,
      errors: [
        {
          messageId: 'missing',
          line: 10,
          column: 9,
          data: { evidence: 'it sets securityContext.windowsOptions' },
          suggestions: [
            {
              output: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          initContainers:\n          - name: prep\n            image: contoso/prep:2\n            securityContext:\n              windowsOptions:\n                runAsUserName: ContainerUser\n          containers:\n          - name: report\n            image: contoso/report:2\n          nodeSelector:\n            kubernetes.io/os: windows\n          os:\n            name: windows\n`,
            },
          ],
        },
      ],
      output: `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          initContainers:\n          - name: prep\n            image: contoso/prep:2\n            securityContext:\n              windowsOptions:\n                runAsUserName: ContainerUser\n          containers:\n          - name: report\n            image: contoso/report:2\n          nodeSelector:\n            kubernetes.io/os: windows\n`,
    },
  ],
});
