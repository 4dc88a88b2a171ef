import rule from '../../../server/src/rules/kubernetes/os-conflict';
import { runRuleTests } from '../../helpers/rule-tester';

const iis = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';
const deployment = (podSpec: string, labels = '        app: web\n'): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels:
${labels}    spec:
${podSpec}`;
const windowsSelector = '      nodeSelector:\n        kubernetes.io/os: windows\n';
const linuxSelector = '      nodeSelector:\n        kubernetes.io/os: linux\n';
const runtimeClass = (name: string, os: string): string => `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: ${name}\nhandler: runhcs-wcow-process\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: ${os}\n---\n`;

runRuleTests(rule, {
  valid: [
    { name: 'consistent Windows pod', code: deployment(`      os:\n        name: windows\n${windowsSelector}      containers:\n      - name: web\n        image: ${iis}\n`, '        app: web\n        kubernetes.io/os: windows\n') },
    { name: 'consistent Linux pod', code: deployment(`${linuxSelector}      containers:\n      - name: web\n        image: nginx:1.27\n`) },
    { name: 'unknown images on a Windows pod', code: deployment(`${windowsSelector}      containers:\n      - name: web\n        image: contoso/web:1\n      - name: log\n        image: fluent/fluent-bit:3.0\n`) },
    { name: 'RuntimeClass agrees', code: `${runtimeClass('win', 'windows')}${deployment(`      runtimeClassName: win\n      os: {name: windows}\n      containers:\n      - name: web\n        image: ${iis}\n`)}` },
    { name: 'templated OS name', filename: 'templates/d.yaml', code: deployment(`      os:\n        name: {{ .Values.os }}\n${linuxSelector}      containers:\n      - name: web\n        image: nginx:1.27\n`) },
    {
      name: 'Helm if/else branches are not both real',
      filename: 'templates/d.yaml',
      code: deployment(`      {{- if .Values.windows }}\n      nodeSelector:\n        kubernetes.io/os: windows\n      {{- else }}\n      nodeSelector:\n        kubernetes.io/os: linux\n      {{- end }}\n      containers:\n      - name: web\n        image: nginx:1.27\n`),
    },
    { name: 'unknown RuntimeClass', code: deployment(`      runtimeClassName: elsewhere\n      os: {name: windows}\n      containers:\n      - name: web\n        image: ${iis}\n`) },
  ],
  invalid: [
    {
      name: 'OS name in the wrong case',
      code: deployment(`      os:\n        name: Windows\n${windowsSelector}      containers:\n      - name: web\n        image: ${iis}\n`),
      errors: [{ messageId: 'invalidOsName', line: 12, column: 15, endColumn: 22 }],
      output: deployment(`      os:\n        name: windows\n${windowsSelector}      containers:\n      - name: web\n        image: ${iis}\n`),
    },
    {
      name: 'spec.os.name against the node selector',
      code: deployment(`      os:\n        name: windows\n${linuxSelector}      containers:\n      - name: web\n        image: contoso/web:1\n`),
      errors: [{ messageId: 'osFieldConflict', line: 12, column: 15, data: { os: 'windows', other: 'kubernetes.io/os: linux', otherOs: 'linux' } }],
    },
    {
      name: 'node selector against affinity',
      code: deployment(`${windowsSelector}      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions:\n              - {key: kubernetes.io/os, operator: In, values: [linux]}\n      containers:\n      - name: web\n        image: contoso/web:1\n`),
      errors: [{ messageId: 'schedulingConflict', line: 18, column: 17 }],
    },
    {
      name: 'RuntimeClass against spec.os.name',
      code: `${runtimeClass('linux-rc', 'linux')}${deployment(`      runtimeClassName: linux-rc\n      os: {name: windows}\n      containers:\n      - name: web\n        image: contoso/web:1\n`)}`,
      errors: [{ messageId: 'osFieldConflict', line: 21, column: 18, data: { other: 'RuntimeClass linux-rc' } }],
    },
    {
      name: 'Linux image on a Windows-scheduled pod, init container included',
      code: deployment(`${windowsSelector}      initContainers:\n      - name: wait\n        image: busybox:1.36\n      containers:\n      - name: web\n        image: ${iis}\n`),
      errors: [{ messageId: 'linuxImageOnWindows', line: 15, column: 16, endColumn: 28, data: { image: 'busybox:1.36' } }],
    },
    {
      name: 'Windows image on a Linux-scheduled pod',
      code: deployment(`${linuxSelector}      containers:\n      - name: web\n        image: ${iis}\n`),
      errors: [{ messageId: 'windowsImageOnLinux', line: 15, column: 16 }],
    },
    {
      name: 'Windows and Linux images in one pod, nothing else declared',
      code: deployment(`      containers:\n      - name: web\n        image: ${iis}\n      - name: proxy\n        image: nginx:1.27\n`),
      errors: [{ messageId: 'mixedImages', line: 15, column: 16, data: { image: 'nginx:1.27' } }],
    },
    {
      name: 'pod label names the other OS',
      code: deployment(`${windowsSelector}      containers: [{name: web, image: contoso/web:1}]\n`, '        kubernetes.io/os: linux\n'),
      errors: [{ messageId: 'podLabelConflict', line: 9, column: 27, endColumn: 32 }],
    },
  ],
});
