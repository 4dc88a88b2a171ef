import rule from '../../../server/src/rules/kubernetes/windows-ignored-field';
import { podTemplate } from '../../helpers/manifests';
import { runRuleTests } from '../../helpers/rule-tester';

const iis = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';
const deployment = (podSpec: string): string => podTemplate('Deployment', 'web', podSpec);
const selector = '      nodeSelector:\n        kubernetes.io/os: windows\n';

runRuleTests(rule, {
  valid: [
    { name: 'Linux workload keeps its Linux settings', code: deployment(`      securityContext:\n        runAsUser: 1000\n      containers:\n      - name: api\n        image: nginx:1.27\n        securityContext:\n          privileged: true\n`) },
    { name: 'unknown image: not known to be Windows', code: deployment(`      securityContext:\n        runAsUser: 1000\n      containers:\n      - name: api\n        image: contoso/api:1\n`) },
    { name: 'spec.os.name set: the forbidden-field rule reports', code: deployment(`      os: {name: windows}\n      securityContext:\n        runAsUser: 1000\n      containers:\n      - name: web\n        image: ${iis}\n`) },
    {
      name: 'fields Pod Security Restricted requires are kept',
      code: deployment(`${selector}      securityContext:\n        seccompProfile: {type: RuntimeDefault}\n      containers:\n      - name: web\n        image: ${iis}\n        securityContext:\n          allowPrivilegeEscalation: false\n          capabilities:\n            drop: [ALL]\n`),
    },
    {
      name: 'Windows only when a Helm value says so',
      filename: 'templates/d.yaml',
      code: deployment(`      {{- if eq .Values.os "windows" }}\n${selector}      {{- end }}\n      securityContext:\n        runAsUser: 1000\n      containers:\n      - name: api\n        image: contoso/api:1\n`),
    },
    { name: 'Windows and Linux evidence: another rule reports the conflict', code: deployment(`${selector}      securityContext:\n        runAsUser: 1000\n      containers:\n      - name: api\n        image: nginx:1.27\n`) },
  ],
  invalid: [
    {
      name: 'scheduled onto Windows by the node selector',
      code: deployment(`${selector}      securityContext:\n        runAsUser: 1000\n        runAsNonRoot: true\n      containers:\n      - name: web\n        image: contoso/web:1\n        securityContext:\n          readOnlyRootFilesystem: true\n`),
      errors: [
        { messageId: 'ignored', line: 11, column: 9, endColumn: 18, data: { path: 'spec.securityContext.runAsUser', kind: 'Deployment', evidence: 'kubernetes.io/os: windows' } },
        { messageId: 'ignored', line: 17, column: 11, data: { path: 'spec.containers[0].securityContext.readOnlyRootFilesystem' } },
      ],
      output: deployment(`${selector}      securityContext:\n        runAsNonRoot: true\n      containers:\n      - name: web\n        image: contoso/web:1\n`),
    },
    {
      name: 'identified by its Windows image',
      code: deployment(`      hostIPC: true\n      containers:\n      - name: web\n        image: ${iis}\n        securityContext: {privileged: true, runAsUser: 0}\n`),
      errors: [
        { messageId: 'ignored', line: 8, column: 7, data: { evidence: iis } },
        { messageId: 'ignored', line: 12, column: 27 },
        { messageId: 'ignored', line: 12, column: 45 },
      ],
      output: deployment(`      containers:\n      - name: web\n        image: ${iis}\n`),
    },
  ],
});
