import rule from '../../../server/src/rules/kubernetes/linux-shell-command';
import { runRuleTests } from '../../helpers/rule-tester';

const nano = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';
const pod = (container: string, spec = '  nodeSelector:\n    kubernetes.io/os: windows\n'): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: tool\nspec:\n${spec}  containers:\n  - name: tool\n${container}`;

runRuleTests(rule, {
  valid: [
    { name: 'cmd and powershell', code: pod(`    image: ${nano}\n    command: ["cmd", "/S", "/C", "echo hi"]\n    livenessProbe:\n      exec:\n        command: [powershell, -Command, "exit 0"]\n`) },
    { name: 'Linux pod', code: pod('    image: busybox:1.36\n    command: ["/bin/sh", "-c", "echo hi"]\n', '') },
    { name: 'bash on a custom Windows image may exist', code: pod('    image: contoso/tools:1.0\n    command: ["bash", "-c", "make"]\n') },
    { name: 'args when the image may have an ENTRYPOINT', code: pod('    image: contoso/tools:1.0\n    args: ["sh", "-c", "x"]\n') },
    { name: 'templated command', filename: 'templates/pod.yaml', code: pod(`    image: ${nano}\n    command: {{ toYaml .Values.command }}\n`) },
    {
      name: 'HostProcess container may use a shell of the host',
      code: pod(`    image: ${nano}\n    command: ["bash", "-c", "x"]\n`, '  hostNetwork: true\n  securityContext:\n    windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}\n  nodeSelector:\n    kubernetes.io/os: windows\n'),
    },
  ],
  invalid: [
    {
      name: '/bin/sh -c in the command',
      code: pod(`    image: ${nano}\n    command: ["/bin/sh", "-c", "echo hi"]\n`),
      errors: [{ messageId: 'linuxPath', line: 11, column: 15, endColumn: 24, data: { what: 'command', container: 'tool', program: '/bin/sh' } }],
    },
    {
      name: 'shells in probes and hooks of a Windows base image, block sequences',
      code: pod(`    image: ${nano}\n    readinessProbe:\n      exec:\n        command:\n        - sh\n        - -c\n        - test -f /ready\n    lifecycle:\n      preStop:\n        exec:\n          command: [/usr/bin/env, bash, -c, sleep 5]\n`),
      errors: [
        { messageId: 'shell', line: 14, column: 11, endColumn: 13, data: { what: 'readiness probe' } },
        { messageId: 'linuxPath', line: 20, column: 21, data: { what: 'preStop hook' } },
      ],
    },
    {
      name: 'args of a base image without command',
      code: pod(`    image: ${nano}\n    args: [bash, -c, "echo"]\n`),
      errors: [{ messageId: 'shell', line: 11, column: 12 }],
    },
  ],
});
