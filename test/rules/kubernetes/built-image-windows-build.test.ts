import rule from '../../../server/src/rules/kubernetes/built-image-windows-build';
import { runRuleTests } from '../../helpers/rule-tester';
import { workspaceOf } from '../../helpers/workspace';

const skaffold = 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n  - image: contoso/web\n    context: web\n';
const on2019 = workspaceOf({ 'web/Dockerfile': 'FROM mcr.microsoft.com/windows/nanoserver:1809\nCOPY app/ /app\n', 'skaffold.yaml': skaffold });
const onLinux = workspaceOf({ 'web/Dockerfile': 'FROM node:20-alpine\n', 'skaffold.yaml': skaffold });
const runtimeClass2022 = workspaceOf({
  'web/Dockerfile': 'FROM mcr.microsoft.com/windows/nanoserver:1809\n',
  'skaffold.yaml': skaffold,
  'k8s/runtimeclass.yaml': "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: win2022\nhandler: runhcs-wcow-process\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: windows\n    node.kubernetes.io/windows-build: '10.0.20348'\n",
});

const pod = (selector: string, image = 'contoso/web:1.4', extra = ''): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${selector}${extra}  containers:\n  - name: web\n    image: ${image}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'same build', code: pod("  nodeSelector:\n    node.kubernetes.io/windows-build: '10.0.17763'\n"), workspace: on2019 },
    { name: 'no build selector', code: pod('  nodeSelector:\n    kubernetes.io/os: windows\n'), workspace: on2019 },
    { name: 'image not built in the workspace', code: pod("  nodeSelector:\n    node.kubernetes.io/windows-build: '10.0.20348'\n", 'contoso/other:1'), workspace: on2019 },
    { name: 'Linux Dockerfile is another rule', code: pod("  nodeSelector:\n    node.kubernetes.io/windows-build: '10.0.20348'\n"), workspace: onLinux },
    {
      name: 'HostProcess pods are exempt',
      code: pod("  nodeSelector:\n    node.kubernetes.io/windows-build: '10.0.20348'\n", 'contoso/web:1.4', '  hostNetwork: true\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n      runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n'),
      workspace: on2019,
    },
    { name: 'unknown RuntimeClass', code: pod('  runtimeClassName: elsewhere\n'), workspace: on2019 },
  ],
  invalid: [
    {
      name: 'selector on 2022, image built on 2019',
      code: pod("  nodeSelector:\n    node.kubernetes.io/windows-build: '10.0.20348'\n"),
      workspace: on2019,
      errors: [
        {
          messageId: 'mismatch',
          line: 10,
          column: 12,
          endColumn: 27,
          data: { image: 'contoso/web:1.4', dockerfile: 'Dockerfile', imageBuild: 'Windows Server 2019 (version 1809, build 10.0.17763)' },
          suggestions: [{ title: 'Schedule onto Windows build 10.0.17763', output: pod("  nodeSelector:\n    node.kubernetes.io/windows-build: '10.0.17763'\n") }],
        },
      ],
    },
    {
      name: 'RuntimeClass in another file: no suggestion',
      code: pod('  runtimeClassName: win2022\n'),
      workspace: runtimeClass2022,
      errors: [{ messageId: 'mismatch', line: 9, column: 12, data: { nodeBuild: 'Windows Server 2022 (build 10.0.20348)' } }],
    },
  ],
});
