import rule from '../../../server/src/rules/kubernetes/windows-forbidden-field';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;
const windows = '  os:\n    name: windows\n';
const container = '  containers:\n  - name: web\n    image: contoso/web:1.0\n';

runRuleTests(rule, {
  valid: [
    { name: 'Windows pod with Windows settings only', code: pod(`${windows}  securityContext:\n    runAsNonRoot: true\n    windowsOptions:\n      runAsUserName: ContainerUser\n${container}`) },
    { name: 'hostPID false is a plain bool: only true is rejected', code: pod(`${windows}  hostPID: false\n  hostIPC: false\n${container}`) },
    { name: 'empty sysctls and supplementalGroups lists', code: pod(`${windows}  securityContext:\n    sysctls: []\n    supplementalGroups: []\n${container}`) },
    { name: 'null values are not set', code: pod(`${windows}  securityContext:\n    runAsUser:\n    fsGroup: null\n${container}`) },
    { name: 'no spec.os: the API server does not check', code: pod(`  securityContext:\n    runAsUser: 1000\n${container}`) },
    { name: 'Linux pod with Linux settings', code: pod(`  os:\n    name: linux\n  securityContext:\n    runAsUser: 1000\n${container}    securityContext:\n      privileged: true\n`) },
    { name: 'templated value is unknown', filename: 'templates/pod.yaml', code: pod(`${windows}  securityContext:\n    runAsUser: {{ .Values.uid }}\n${container}`) },
  ],
  invalid: [
    {
      name: 'pod-level fields, parent left empty goes too',
      code: pod(`${windows}  hostPID: true\n  securityContext:\n    runAsUser: 1000\n    fsGroup: 2000\n${container}`),
      errors: [
        { messageId: 'forbidden', line: 8, column: 3, endColumn: 10, data: { path: 'spec.hostPID' } },
        { messageId: 'forbidden', line: 10, column: 5, endColumn: 14, data: { path: 'spec.securityContext.runAsUser' } },
        { messageId: 'forbidden', line: 11, column: 5, endColumn: 12 },
      ],
      output: pod(`${windows}${container}`),
    },
    {
      name: 'container, init and ephemeral containers; "safe" values are rejected too',
      code: pod(`${windows}  initContainers:\n  - name: init\n    image: contoso/init:1\n    securityContext:\n      readOnlyRootFilesystem: false\n      runAsNonRoot: true\n${container}    securityContext: {privileged: false, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n  ephemeralContainers:\n  - name: debug\n    image: contoso/debug:1\n    securityContext:\n      seccompProfile:\n        type: RuntimeDefault\n`),
      errors: [
        { messageId: 'forbidden', line: 12, column: 7, data: { path: 'spec.initContainers[0].securityContext.readOnlyRootFilesystem' } },
        { messageId: 'forbidden', line: 17, column: 23, endColumn: 33, data: { path: 'spec.containers[0].securityContext.privileged' } },
        { messageId: 'forbidden', line: 17, column: 42 },
        { messageId: 'forbidden', line: 17, column: 75 },
        { messageId: 'forbidden', line: 22, column: 7, data: { path: 'spec.ephemeralContainers[0].securityContext.seccompProfile' } },
      ],
      output: pod(`${windows}  initContainers:\n  - name: init\n    image: contoso/init:1\n    securityContext:\n      runAsNonRoot: true\n${container}  ephemeralContainers:\n  - name: debug\n    image: contoso/debug:1\n`),
    },
    {
      name: 'non-empty sysctls, hostUsers set to any value, anchors shared by containers reported once',
      code: pod(`${windows}  hostUsers: true\n  securityContext:\n    sysctls:\n    - {name: net.core.somaxconn, value: "1024"}\n  containers:\n  - name: a\n    image: contoso/a:1\n    securityContext: &sc\n      procMount: Default\n  - name: b\n    image: contoso/b:1\n    securityContext: *sc\n`),
      errors: [
        { messageId: 'forbidden', line: 8, column: 3 },
        { messageId: 'forbidden', line: 10, column: 5 },
        { messageId: 'forbidden', line: 16, column: 7 },
      ],
      output: pod(`${windows}  containers:\n  - name: a\n    image: contoso/a:1\n    securityContext: &sc\n  - name: b\n    image: contoso/b:1\n    securityContext: *sc\n`),
    },
    {
      name: 'Deployment in flow style',
      code: `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec: {os: {name: windows}, securityContext: {runAsGroup: 3000}, containers: [{name: web, image: contoso/web:1}]}\n`,
      errors: [{ messageId: 'forbidden', line: 6, column: 51, data: { kind: 'Deployment' } }],
      output: `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec: {os: {name: windows}, containers: [{name: web, image: contoso/web:1}]}\n`,
    },
    {
      name: 'windowsOptions on a Linux pod: a suggestion, since the OS may be the mistake',
      code: pod(`  os:\n    name: linux\n${container}    securityContext:\n      windowsOptions:\n        runAsUserName: ContainerUser\n`),
      errors: [
        {
          messageId: 'windowsOptionsOnLinux',
          line: 12,
          column: 7,
          suggestions: [{ title: 'Remove spec.containers[0].securityContext.windowsOptions', output: pod(`  os:\n    name: linux\n${container}`) }],
        },
      ],
    },
  ],
});
