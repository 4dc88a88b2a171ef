import rule from '../../../server/src/rules/kubernetes/deprecated-image';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;
const windowsSelector = '  nodeSelector:\n    kubernetes.io/os: windows\n';
const container = (image: string): string => `  containers:\n  - name: web\n    image: ${image}\n`;

runRuleTests(rule, {
  valid: [
    pod(`${windowsSelector}${container('mcr.microsoft.com/windows/servercore:ltsc2022')}`),
    { name: 'the Linux .NET Core image on a Linux pod', code: pod(`  nodeSelector:\n    kubernetes.io/os: linux\n${container('microsoft/dotnet:2.1-sdk')}`) },
    { name: 'a pod nothing says is Windows', code: pod(container('microsoft/dotnet:2.1-runtime')) },
  ],
  invalid: [
    {
      name: 'Server Core from Docker Hub: renamed, tag and quotes kept',
      code: pod(`${windowsSelector}${container('"microsoft/windowsservercore:ltsc2016"')}`),
      errors: [{ messageId: 'sameTags', line: 10, column: 12, endColumn: 50, data: { replacement: 'mcr.microsoft.com/windows/servercore' } }],
      output: pod(`${windowsSelector}${container('"mcr.microsoft.com/windows/servercore:ltsc2016"')}`),
    },
    {
      name: 'the image itself says Windows: reported without a selector',
      code: pod(container('microsoft/nanoserver:1809')),
      errors: [{ messageId: 'sameTags', line: 8, column: 12 }],
      output: pod(container('mcr.microsoft.com/windows/nanoserver:1809')),
    },
    {
      name: 'a moved image: the new repository is named, no fix',
      code: pod(`${windowsSelector}${container('microsoft/iis:windowsservercore-ltsc2016')}`),
      errors: [{ messageId: 'moved', line: 10, column: 12, data: { replacement: 'mcr.microsoft.com/windows/servercore/iis' } }],
    },
    {
      name: 'SQL Server for Windows containers was withdrawn',
      code: pod(`${windowsSelector}${container('microsoft/mssql-server-windows-express')}`),
      errors: [{ messageId: 'withdrawn', line: 10, column: 12, endColumn: 50 }],
    },
    {
      name: 'an old Insider name',
      code: pod(`${windowsSelector}${container('mcr.microsoft.com/nanoserver-insider:10.0.17744.1001')}`),
      errors: [{ messageId: 'moved', line: 10, column: 12, data: { replacement: 'mcr.microsoft.com/windows/nanoserver/insider' } }],
    },
  ],
});
