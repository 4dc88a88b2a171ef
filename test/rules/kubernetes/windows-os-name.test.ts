import rule from '../../../server/src/rules/kubernetes/windows-os-name';
import { podTemplate } from '../../helpers/manifests';
import { runRuleTests } from '../../helpers/rule-tester';

const iis = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';
const windowsSelector = '      nodeSelector:\n        kubernetes.io/os: windows\n';
const web = (image = iis, securityContext = ''): string => `      containers:\n      - name: web\n        image: ${image}\n${securityContext}`;
const deployment = (podSpec: string): string => podTemplate('Deployment', 'web', podSpec);
const windowsRuntimeClass = 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: windows\nhandler: runhcs-wcow-process\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: windows\n---\n';

const cronJob = (osName: string): string =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\nspec:\n  schedule: "0 1 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${osName}` +
  '          affinity:\n            nodeAffinity:\n              requiredDuringSchedulingIgnoredDuringExecution:\n                nodeSelectorTerms:\n                - matchExpressions:\n                  - {key: kubernetes.io/os, operator: In, values: [windows]}\n' +
  `          restartPolicy: OnFailure\n          containers:\n          - name: report\n            image: ${iis}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'spec.os.name already says windows', code: deployment(`${windowsSelector}      os:\n        name: windows\n${web()}`) },
    { name: 'a Linux pod', code: deployment(`      nodeSelector:\n        kubernetes.io/os: linux\n${web('nginx:1.27')}`) },
    { name: 'Windows by its image alone: windows-node-selector reports it and offers spec.os.name', code: deployment(web()) },
    { name: 'a templated os', filename: 'templates/deployment.yaml', code: deployment(`${windowsSelector}      os: {{ toYaml .Values.os | nindent 8 }}\n${web()}`) },
    { name: 'a template that may write os through keys we cannot see', filename: 'templates/deployment.yaml', code: deployment(`${windowsSelector}      {{- toYaml .Values.podSpec | nindent 6 }}\n${web()}`) },
    {
      name: 'the only Windows evidence is inside a template block',
      filename: 'templates/deployment.yaml',
      code: deployment(`      {{- if .Values.windows }}\n${windowsSelector}      {{- end }}\n${web('contoso/web:1')}`),
    },
  ],
  invalid: [
    {
      name: 'a Deployment scheduled onto Windows without spec.os.name',
      code: deployment(`${windowsSelector}${web()}`),
      errors: [
        {
          messageId: 'missing',
          line: 7,
          column: 5,
          endColumn: 9,
          data: { kind: 'Deployment', evidence: 'kubernetes.io/os: windows' },
          suggestions: [{ title: 'Set spec.os.name: windows', output: deployment(`      os:\n        name: windows\n${windowsSelector}${web()}`) }],
        },
      ],
    },
    {
      name: 'the suggestion removes the Linux-only fields, those Restricted demands without spec.os.name too',
      code:
        `${windowsRuntimeClass}apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  runtimeClassName: windows\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n    windowsOptions:\n      runAsUserName: ContainerUser\n  hostPID: false\n` +
        `  containers:\n  - name: web\n    image: ${iis}\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]\n      runAsUser: 1000\n`,
      errors: [
        {
          messageId: 'missingWithRestrictedFields',
          line: 14,
          column: 1,
          endColumn: 5,
          data: { kind: 'Pod', evidence: 'RuntimeClass windows', fields: 'spec.securityContext.seccompProfile, spec.containers[0].securityContext.capabilities, spec.containers[0].securityContext.allowPrivilegeEscalation, spec.containers[0].securityContext.runAsUser' },
          suggestions: [
            {
              title: 'Set spec.os.name: windows and remove the Linux-only fields',
              output:
                `${windowsRuntimeClass}apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  os:\n    name: windows\n  runtimeClassName: windows\n  securityContext:\n    windowsOptions:\n      runAsUserName: ContainerUser\n  hostPID: false\n` +
                `  containers:\n  - name: web\n    image: ${iis}\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'the first entry of the pod is one of the fields removed: os takes its place',
      code: deployment(`      hostIPC: true\n${windowsSelector}${web()}`),
      errors: [{ messageId: 'missingWithLinuxFields', line: 7, column: 5, data: { fields: 'spec.hostIPC' }, suggestions: [{ output: deployment(`      os:\n        name: windows\n${windowsSelector}${web()}`) }] }],
    },
    {
      name: 'a Helm template with expressions in the pod: the hint, but no edit that could miss a rendered field',
      filename: 'templates/deployment.yaml',
      code: deployment(`${windowsSelector}${web('"{{ .Values.image }}"', '        securityContext:\n          {{- toYaml .Values.securityContext | nindent 10 }}\n')}`),
      errors: [{ messageId: 'missing', line: 7, column: 5, suggestions: [] }],
    },
    {
      name: 'a CronJob pod template, Windows by its node affinity',
      code: cronJob(''),
      errors: [{ messageId: 'missing', line: 10, column: 9, endColumn: 13, data: { kind: 'CronJob', evidence: 'node affinity kubernetes.io/os In [windows]' }, suggestions: [{ output: cronJob('          os:\n            name: windows\n') }] }],
    },
  ],
});
