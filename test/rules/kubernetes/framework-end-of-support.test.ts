import rule from '../../../server/src/rules/kubernetes/framework-end-of-support';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;
const windowsSelector = '  nodeSelector:\n    kubernetes.io/os: windows\n';
const container = (image: string): string => `  containers:\n  - name: web\n    image: ${image}\n`;
const framework = 'mcr.microsoft.com/dotnet/framework';

runRuleTests(rule, {
  valid: [
    pod(`${windowsSelector}${container(`${framework}/aspnet:4.8.1-windowsservercore-ltsc2022`)}`),
    { name: '4.8 on ltsc2019 is still produced', code: pod(`${windowsSelector}${container(`${framework}/aspnet:4.8-windowsservercore-ltsc2019`)}`) },
    { name: 'the PowerShell image is not reported', code: pod(`${windowsSelector}${container('mcr.microsoft.com/powershell:lts-7.2-nanoserver-1809')}`) },
    { name: 'a Linux .NET 8 pod', code: pod(`  nodeSelector:\n    kubernetes.io/os: linux\n${container('mcr.microsoft.com/dotnet/aspnet:8.0')}`) },
  ],
  invalid: [
    {
      name: '4.8 on ltsc2022: fixed to 4.8.1, quotes kept',
      code: pod(`${windowsSelector}${container(`"${framework}/aspnet:4.8-windowsservercore-ltsc2022"`)}`),
      errors: [{ messageId: 'noLongerProduced', line: 10, column: 12, data: { date: '2025-10-14' } }],
      output: pod(`${windowsSelector}${container(`"${framework}/aspnet:4.8.1-windowsservercore-ltsc2022"`)}`),
    },
    {
      name: '.NET 9 on ltsc2025: .NET 10 offered',
      code: pod(`${windowsSelector}${container('mcr.microsoft.com/dotnet/aspnet:9.0-windowsservercore-ltsc2025')}`),
      errors: [
        {
          messageId: 'endOfSupport',
          line: 10,
          column: 12,
          data: { date: '2026-11-10' },
          suggestions: [{ output: pod(`${windowsSelector}${container('mcr.microsoft.com/dotnet/aspnet:10.0-windowsservercore-ltsc2025')}`) }],
        },
      ],
    },
  ],
});
