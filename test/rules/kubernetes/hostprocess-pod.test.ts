import rule from '../../../server/src/rules/kubernetes/hostprocess-pod';
import { podTemplate } from '../../helpers/manifests';
import { runRuleTests } from '../../helpers/rule-tester';

const daemonSet = (podSpec: string): string => podTemplate('DaemonSet', 'agent', podSpec);
const podHostProcess = '      securityContext:\n        windowsOptions:\n          hostProcess: true\n          runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n';
const agent = '      containers:\n      - name: agent\n        image: contoso/agent:1\n';

runRuleTests(rule, {
  valid: [
    { name: 'a complete HostProcess pod', code: daemonSet(`${podHostProcess}      hostNetwork: true\n      nodeSelector:\n        kubernetes.io/os: windows\n${agent}`) },
    {
      name: 'container-level HostProcess in every container, user from the pod',
      code: daemonSet(`      hostNetwork: true\n      securityContext:\n        windowsOptions: {runAsUserName: "NT AUTHORITY\\\\Local service"}\n      initContainers:\n      - name: init\n        image: contoso/init:1\n        securityContext: {windowsOptions: {hostProcess: true}}\n      containers:\n      - name: agent\n        image: contoso/agent:1\n        securityContext: {windowsOptions: {hostProcess: true}}\n`),
    },
    { name: 'no HostProcess at all', code: daemonSet(`      hostNetwork: true\n${agent}`) },
    { name: 'hostProcess: false everywhere', code: daemonSet(`      securityContext:\n        windowsOptions:\n          hostProcess: false\n${agent}`) },
    {
      name: 'Helm template may add hostNetwork',
      filename: 'templates/ds.yaml',
      code: daemonSet(`      {{- include "chart.hostNetwork" . | nindent 6 }}\n${podHostProcess}${agent}`),
    },
    { name: 'templated hostNetwork value', filename: 'templates/ds.yaml', code: daemonSet(`${podHostProcess}      hostNetwork: {{ .Values.hostNetwork }}\n${agent}`) },
  ],
  invalid: [
    {
      name: 'missing hostNetwork is added',
      code: daemonSet(`${podHostProcess}${agent}`),
      errors: [{ messageId: 'hostNetwork', line: 10, column: 11, endColumn: 22 }],
      output: daemonSet(`${podHostProcess}${agent}      hostNetwork: true\n`),
    },
    {
      name: 'hostNetwork: false is flipped',
      code: daemonSet(`${podHostProcess}      hostNetwork: false\n${agent}`),
      errors: [{ messageId: 'hostNetwork', line: 12, column: 20, endColumn: 25 }],
      output: daemonSet(`${podHostProcess}      hostNetwork: true\n${agent}`),
    },
    {
      name: 'mixed containers, differing values, no user, runAsNonRoot',
      code: daemonSet(
        `      hostNetwork: true\n      securityContext:\n        runAsNonRoot: true\n        windowsOptions:\n          hostProcess: false\n      initContainers:\n      - name: init\n        image: contoso/init:1\n      containers:\n      - name: agent\n        image: contoso/agent:1\n        securityContext:\n          windowsOptions:\n            hostProcess: true\n`,
      ),
      errors: [
        { messageId: 'runAsNonRoot', line: 10, column: 23, suggestions: [{ output: daemonSet(`      hostNetwork: true\n      securityContext:\n        windowsOptions:\n          hostProcess: false\n      initContainers:\n      - name: init\n        image: contoso/init:1\n      containers:\n      - name: agent\n        image: contoso/agent:1\n        securityContext:\n          windowsOptions:\n            hostProcess: true\n`) }] },
        { messageId: 'notAll', line: 14, column: 15, data: { container: 'init' } },
        { messageId: 'noUser', line: 17, column: 15, data: { accounts: 'NT AUTHORITY\\SYSTEM, NT AUTHORITY\\Local service, NT AUTHORITY\\NetworkService' } },
        { messageId: 'mismatch', line: 21, column: 26 },
      ],
    },
    {
      name: 'a container without hostProcess next to a HostProcess one',
      code: daemonSet(`      hostNetwork: true\n      containers:\n      - name: agent\n        image: contoso/agent:1\n        securityContext:\n          windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}\n      - name: sidecar\n        image: contoso/sidecar:1\n`),
      errors: [{ messageId: 'notAll', line: 14, column: 15, endColumn: 22, data: { container: 'sidecar' } }],
    },
  ],
});
