import rule from '../../../server/src/rules/kubernetes/linux-host-path';
import { runRuleTests } from '../../helpers/rule-tester';

const daemonSet = (volumes: string, extra = ''): string => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      nodeSelector:
        kubernetes.io/os: windows
${extra}      containers:
      - name: agent
        image: contoso/agent:1
      volumes:
${volumes}`;

runRuleTests(rule, {
  valid: [
    { name: 'Unix-style paths map to C:\\ and are fine', code: daemonSet('      - name: logs\n        hostPath:\n          path: /var/log\n      - name: kubelet\n        hostPath:\n          path: /var/lib/kubelet\n      - name: data\n        hostPath: {path: /data, type: DirectoryOrCreate}\n      - name: etc-k8s\n        hostPath:\n          path: /etc/kubernetes\n') },
    { name: 'Windows paths and named pipes', code: daemonSet("      - name: docker\n        hostPath:\n          path: '\\\\.\\pipe\\docker_engine'\n      - name: k\n        hostPath:\n          path: C:\\k\n") },
    { name: 'Linux pod', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox:1.36}]\n  volumes: [{name: s, hostPath: {path: /var/run/docker.sock}}]\n' },
    { name: 'templated path', filename: 'templates/ds.yaml', code: daemonSet('      - name: sock\n        hostPath:\n          path: {{ .Values.socket }}\n') },
    { name: '/development is not /dev', code: daemonSet('      - name: d\n        hostPath:\n          path: /development\n') },
  ],
  invalid: [
    {
      name: 'a CRI-O socket: Windows has no named pipe for it',
      code: daemonSet('      - name: crio\n        hostPath:\n          path: /var/run/crio/crio.sock\n'),
      errors: [{ messageId: 'socketNoPipe', line: 16, column: 17, endColumn: 40, data: { volume: 'crio', path: '/var/run/crio/crio.sock' } }],
    },
    {
      name: 'Docker socket: suggest the named pipe',
      code: daemonSet('      - name: docker-sock\n        hostPath:\n          path: /var/run/docker.sock\n          type: Socket\n'),
      errors: [
        {
          messageId: 'socket',
          line: 16,
          column: 17,
          endColumn: 37,
          data: { windowsPath: '\\var\\run\\docker.sock', pipe: '\\\\.\\pipe\\docker_engine' },
          suggestions: [{ output: daemonSet("      - name: docker-sock\n        hostPath:\n          path: '\\\\.\\pipe\\docker_engine'\n          type: Socket\n") }],
        },
      ],
    },
    {
      name: 'containerd socket and /proc in flow style',
      code: daemonSet('      - {name: containerd, hostPath: {path: /run/containerd/containerd.sock}}\n      - {name: proc, hostPath: {path: /proc/}}\n'),
      errors: [
        { messageId: 'socket', line: 14, column: 45, data: { pipe: '\\\\.\\pipe\\containerd-containerd' }, suggestions: [{ output: daemonSet("      - {name: containerd, hostPath: {path: '\\\\.\\pipe\\containerd-containerd'}}\n      - {name: proc, hostPath: {path: /proc/}}\n") }] },
        { messageId: 'system', line: 15, column: 39 },
      ],
    },
    {
      name: 'HostProcess pods cannot mount pipes: no suggestion',
      code: daemonSet('      - name: sys\n        hostPath:\n          path: /var/run/docker.sock\n', '      hostNetwork: true\n      securityContext:\n        windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}\n'),
      errors: [{ messageId: 'socket', line: 19, column: 17 }],
    },
  ],
});
