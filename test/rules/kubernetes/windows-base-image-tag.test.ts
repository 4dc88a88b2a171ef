import rule from '../../../server/src/rules/kubernetes/windows-base-image-tag';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;
const windowsSelector = '  nodeSelector:\n    kubernetes.io/os: windows\n';
const container = (image: string): string => `  containers:\n  - name: web\n    image: ${image}\n`;
const servercore = 'mcr.microsoft.com/windows/servercore';

runRuleTests(rule, {
  valid: [
    pod(`${windowsSelector}${container(`${servercore}:ltsc2025`)}`),
    // The IIS repository publishes `latest` as a multi-OS-version tag.
    { name: 'untagged IIS', code: pod(`${windowsSelector}${container('mcr.microsoft.com/windows/servercore/iis')}`) },
    { name: 'a digest', code: pod(`${windowsSelector}${container(`${servercore}@sha256:${'a'.repeat(64)}`)}`) },
    { name: 'an image the KB does not know', code: pod(`${windowsSelector}${container('contoso/web')}`) },
  ],
  invalid: [
    {
      name: 'untagged Server Core: the Kubernetes node releases are offered',
      code: pod(`${windowsSelector}${container(servercore)}`),
      errors: [
        {
          messageId: 'missingTag',
          line: 10,
          column: 12,
          endColumn: 48,
          data: { example: 'ltsc2025' },
          suggestions: [
            { title: 'Use tag ltsc2025', output: pod(`${windowsSelector}${container(`${servercore}:ltsc2025`)}`) },
            { title: 'Use tag ltsc2022', output: pod(`${windowsSelector}${container(`${servercore}:ltsc2022`)}`) },
          ],
        },
      ],
    },
    {
      name: 'latest, with the pod pinned to Windows Server 2022 nodes: the fix writes their tag',
      code: pod(`${windowsSelector}    node.kubernetes.io/windows-build: '10.0.20348'\n${container(`'${servercore}:latest'`)}`),
      errors: [
        {
          messageId: 'latestTag',
          line: 11,
          column: 12,
          suggestions: [{ title: 'Use tag ltsc2025', output: pod(`${windowsSelector}    node.kubernetes.io/windows-build: '10.0.20348'\n${container(`'${servercore}:ltsc2025'`)}`) }],
        },
      ],
      output: pod(`${windowsSelector}    node.kubernetes.io/windows-build: '10.0.20348'\n${container(`'${servercore}:ltsc2022'`)}`),
    },
    {
      name: 'Nano Server 2019 would be 1809, but Kubernetes no longer supports 2019 nodes',
      code: pod(`${windowsSelector}${container('mcr.microsoft.com/windows/nanoserver')}`),
      config: { targetWindowsVersion: 'ltsc2022' },
      errors: [{ messageId: 'missingTag', line: 10, column: 12, suggestions: [{ title: 'Use tag ltsc2025', output: pod(`${windowsSelector}${container('mcr.microsoft.com/windows/nanoserver:ltsc2025')}`) }] }],
      output: pod(`${windowsSelector}${container('mcr.microsoft.com/windows/nanoserver:ltsc2022')}`),
    },
    {
      name: 'an untagged Insider image: the example is a build tag, nothing is offered',
      code: pod(`${windowsSelector}${container('mcr.microsoft.com/windows/servercore/insider')}`),
      errors: [{ messageId: 'missingTag', line: 10, column: 12, data: { example: '10.0.26100.1' }, suggestions: [] }],
    },
  ],
});
