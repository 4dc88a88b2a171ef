import rule from '../../../server/src/rules/kubernetes/windows-host-network';
import { runRuleTests } from '../../helpers/rule-tester';

const iis = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';
const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}  containers:\n  - name: web\n    image: ${iis}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'HostProcess pods need host networking', code: pod('  hostNetwork: true\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n      runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n') },
    { name: 'hostNetwork: false', code: pod('  hostNetwork: false\n') },
    { name: 'Linux pod', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: true\n  containers: [{name: c, image: nginx:1.27}]\n' },
    { name: 'templated hostProcess', filename: 'templates/pod.yaml', code: pod('  hostNetwork: true\n  securityContext:\n    windowsOptions:\n      hostProcess: {{ .Values.hostProcess }}\n') },
  ],
  invalid: [
    {
      name: 'a normal Windows pod with host networking',
      code: pod('  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n'),
      errors: [{ messageId: 'unsupported', line: 6, column: 3, endColumn: 14, data: { evidence: iis }, suggestions: [{ output: pod('  dnsPolicy: ClusterFirstWithHostNet\n') }] }],
    },
    {
      // kubectl refuses a key written twice; deleting one would leave the other.
      name: 'hostNetwork written twice: reported, nothing offered to remove',
      code: pod('  hostNetwork: true\n  hostNetwork: true\n'),
      errors: [{ messageId: 'unsupported', line: 6, column: 3, endColumn: 14 }],
    },
  ],
});
