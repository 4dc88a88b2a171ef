import rule from '../../../server/src/rules/kubernetes/windows-build-mismatch';
import { podTemplate } from '../../helpers/manifests';
import { runRuleTests } from '../../helpers/rule-tester';

const iis2019 = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019';
const iis2022 = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';
const deployment = (podSpec: string): string => podTemplate('Deployment', 'web', podSpec);
const selector = (build: string): string => `      nodeSelector:\n        kubernetes.io/os: windows\n        node.kubernetes.io/windows-build: ${build}\n`;
const web = (image: string): string => `      containers:\n      - name: web\n        image: ${image}\n`;
const runtimeClass = (build: string): string =>
  `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: windows-2019\nhandler: example-container-runtime-handler\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: 'windows'\n    node.kubernetes.io/windows-build: ${build}\n---\n`;

runRuleTests(rule, {
  valid: [
    deployment(`${selector("'10.0.20348'")}${web(iis2022)}`),
    { name: 'a ltsc2022 image runs on a Windows Server 2025 node', code: deployment(`${selector('"10.0.26100"')}${web(iis2022)}`) },
    { name: 'a ltsc2022 image runs on a 23H2 node', code: deployment(`${selector('10.0.25398')}${web(iis2022)}`) },
    { name: 'unknown image', code: deployment(`${selector("'10.0.20348'")}${web('contoso/web:1')}`) },
    {
      name: 'HostProcess containers are exempt',
      code: deployment(`${selector("'10.0.20348'")}      securityContext:\n        windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}\n      hostNetwork: true\n${web(iis2019)}`),
    },
    { name: 'templated build', filename: 'templates/d.yaml', code: deployment(`${selector('{{ .Values.build }}')}${web(iis2019)}`) },
    { name: 'RuntimeClass in another file we cannot see', code: deployment(`      runtimeClassName: windows-2019\n${web(iis2019)}`) },
  ],
  invalid: [
    {
      name: 'a Hyper-V RuntimeClass is no way out: Kubernetes runs Windows pods process-isolated',
      code: `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: hv\nhandler: 'runhcs-wcow-hypervisor-19041'\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: windows\n    node.kubernetes.io/windows-build: '10.0.19041'\n---\n${deployment(`      runtimeClassName: hv\n${web(iis2019)}`)}`,
      errors: [{ messageId: 'mismatch', line: 21, column: 16, data: { where: 'its RuntimeClass hv', imageRelease: 'Windows Server 2019 (version 1809, build 10.0.17763)' } }],
    },
    {
      name: 'a multi-platform tag with no Windows image the pinned build can run',
      code: deployment(`${selector("'10.0.20348'")}${web('mcr.microsoft.com/dotnet/framework/aspnet:4.8')}`),
      errors: [{ messageId: 'sharedMismatch', line: 13, column: 16, endColumn: 61, data: { releases: 'ltsc2019, ltsc2016', nodeRelease: 'Windows Server 2022 (build 10.0.20348)' } }],
    },
    {
      name: 'ltsc2019 image on a Windows Server 2022 node: relabel fix, retag suggestion',
      code: deployment(`${selector("'10.0.20348'")}${web(iis2019)}`),
      errors: [
        {
          messageId: 'mismatch',
          line: 13,
          column: 16,
          data: { kind: 'Deployment', where: 'its node selector', nodeRelease: 'Windows Server 2022 (build 10.0.20348)', imageRelease: 'Windows Server 2019 (version 1809, build 10.0.17763)' },
          suggestions: [{ title: `Use ${iis2022}`, output: deployment(`${selector("'10.0.20348'")}${web(iis2022)}`) }],
        },
      ],
      output: deployment(`${selector("'10.0.17763'")}${web(iis2019)}`),
    },
    {
      name: 'the kubernetes.io RuntimeClass example: ltsc2019 image, 10.0.20348 build',
      code: `${runtimeClass("'10.0.20348'")}${deployment(`      runtimeClassName: windows-2019\n${web(iis2019)}`)}`,
      errors: [{ messageId: 'mismatch', line: 21, column: 16, data: { where: 'its RuntimeClass windows-2019' }, suggestions: [{ output: `${runtimeClass("'10.0.20348'")}${deployment(`      runtimeClassName: windows-2019\n${web(iis2022)}`)}` }] }],
    },
    {
      name: 'affinity with two builds: only the incompatible one is reported, no relabel',
      code: deployment(
        `      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions:\n              - {key: node.kubernetes.io/windows-build, operator: In, values: ['10.0.17763', '10.0.20348']}\n${web(iis2022)}`,
      ),
      errors: [{ messageId: 'mismatch', line: 16, column: 16, data: { where: 'its node affinity' }, suggestions: [{ output: deployment(`      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n            - matchExpressions:\n              - {key: node.kubernetes.io/windows-build, operator: In, values: ['10.0.17763', '10.0.20348']}\n${web(iis2019)}`) }] }],
    },
    {
      name: 'a label value no node carries',
      code: deployment(`${selector('ltsc2022')}${web(iis2022)}`),
      errors: [{ messageId: 'invalidValue', line: 10, column: 43, endColumn: 51, data: { hint: '; ltsc2022 is Windows Server 2022 (build 10.0.20348)' } }],
      output: deployment(`${selector("'10.0.20348'")}${web(iis2022)}`),
    },
    {
      name: 'RuntimeClass value with a revision',
      code: runtimeClass("'10.0.20348.2700'"),
      errors: [{ messageId: 'invalidValue', line: 9, column: 39 }],
      output: runtimeClass("'10.0.20348'"),
    },
  ],
});
