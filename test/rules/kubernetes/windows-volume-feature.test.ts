import rule from '../../../server/src/rules/kubernetes/windows-volume-feature';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (container: string, volumes: string, os = 'windows'): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeSelector:\n    kubernetes.io/os: ${os}\n  containers:\n  - name: web\n    image: contoso/web:1\n${container}  volumes:\n${volumes}`;

runRuleTests(rule, {
  valid: [
    { name: 'plain volumes on Windows', code: pod('    volumeMounts:\n    - {name: config, mountPath: /config, readOnly: true}\n', '  - name: config\n    configMap: {name: web}\n  - name: cache\n    emptyDir: {}\n') },
    { name: 'Linux pods may use all of it', code: pod('    volumeMounts:\n    - {name: config, mountPath: /config, subPath: app.json}\n', '  - name: config\n    configMap: {name: web, defaultMode: 0400}\n  - name: tmp\n    emptyDir: {medium: Memory}\n', 'linux') },
    { name: 'emptyDir on disk', code: pod('', '  - name: cache\n    emptyDir:\n      medium: ""\n') },
    { name: 'the API default file mode, as exported manifests carry it', code: pod('', '  - name: a\n    configMap: {name: a, defaultMode: 420}\n  - name: b\n    secret: {secretName: b, defaultMode: 0644}\n') },
    { name: 'mountPropagation None asks for the private propagation Windows forces anyway', code: pod('    volumeMounts:\n    - {name: plugins, mountPath: C:\\var\\lib\\kubelet, mountPropagation: None}\n', '  - name: plugins\n    hostPath: {path: C:\\var\\lib\\kubelet, type: Directory}\n') },
    { name: 'subPath works with containerd, whatever the storage page says', code: pod('    volumeMounts:\n    - {name: config, mountPath: C:\\config\\app.json, subPath: app.json}\n', '  - name: config\n    configMap: {name: web}\n') },
  ],
  invalid: [
    {
      name: 'Bidirectional propagation is reported and removed',
      code: pod('    volumeMounts:\n    - name: plugins\n      mountPath: C:\\var\\lib\\kubelet\n      mountPropagation: Bidirectional\n', '  - name: plugins\n    hostPath: {path: C:\\var\\lib\\kubelet}\n'),
      errors: [{ messageId: 'ignored', line: 14, column: 7, endColumn: 23, data: { what: 'mountPropagation', kind: 'Pod', evidence: 'kubernetes.io/os: windows' } }],
      output: pod('    volumeMounts:\n    - name: plugins\n      mountPath: C:\\var\\lib\\kubelet\n', '  - name: plugins\n    hostPath: {path: C:\\var\\lib\\kubelet}\n'),
    },
    {
      name: 'unsupported and ignored features; ignored ones are removed',
      code: pod(
        '    volumeMounts:\n    - name: config\n      mountPath: C:\\config\n      subPath: app.json\n      mountPropagation: HostToContainer\n    volumeDevices:\n    - {name: raw, devicePath: /dev/xvda}\n',
        '  - name: config\n    configMap:\n      name: web\n      defaultMode: 0400\n  - name: tmp\n    emptyDir:\n      medium: Memory\n  - name: share\n    nfs: {server: nfs.contoso.com, path: /exports}\n',
      ),
      errors: [
        { messageId: 'ignored', line: 15, column: 7, data: { what: 'mountPropagation' } },
        { messageId: 'fails', line: 16, column: 5, endColumn: 18, data: { what: 'raw block volumes (volumeDevices)', kind: 'Pod', evidence: 'kubernetes.io/os: windows' } },
        { messageId: 'ignored', line: 22, column: 7, data: { what: 'file modes (defaultMode)' } },
        { messageId: 'fails', line: 25, column: 7, data: { what: 'emptyDir medium Memory (tmpfs)' } },
        { messageId: 'fails', line: 27, column: 5, data: { what: 'NFS volumes' } },
      ],
      output: pod(
        '    volumeMounts:\n    - name: config\n      mountPath: C:\\config\n      subPath: app.json\n    volumeDevices:\n    - {name: raw, devicePath: /dev/xvda}\n',
        '  - name: config\n    configMap:\n      name: web\n  - name: tmp\n    emptyDir:\n      medium: Memory\n  - name: share\n    nfs: {server: nfs.contoso.com, path: /exports}\n',
      ),
    },
  ],
});
