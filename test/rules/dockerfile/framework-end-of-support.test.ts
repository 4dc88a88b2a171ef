import rule from '../../../server/src/rules/dockerfile/framework-end-of-support';
import { runRuleTests } from '../../helpers/rule-tester';

const framework = 'mcr.microsoft.com/dotnet/framework';

runRuleTests(rule, {
  valid: [
    { name: 'COPY --from a .NET Framework image still produced', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY --from=mcr.microsoft.com/dotnet/framework/sdk:4.8.1-windowsservercore-ltsc2022 C:/x C:/x\n' },
    { name: 'COPY --from a Linux .NET 9 image into a Linux stage', code: 'FROM debian:12\nCOPY --from=mcr.microsoft.com/dotnet/sdk:9.0 /usr/share/dotnet /usr/share/dotnet\n' },
    { name: '.NET 10 is supported', code: 'FROM mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2025\n' },
    // microsoft/dotnet-framework-docker src/runtime/4.8/windowsservercore-ltsc2019/Dockerfile
    { name: '4.8 is still produced for ltsc2019', code: `FROM ${framework}/aspnet:4.8-windowsservercore-ltsc2019\n` },
    { name: '4.8.1 on ltsc2022', code: `FROM ${framework}/sdk:4.8.1-windowsservercore-ltsc2022\n` },
    {
      // dotnet/dotnet-docker src/aspnet/8.0/nanoserver-ltsc2022/amd64/Dockerfile: the build passes its own registry as REPO
      name: 'a repository from an ARG may be another product',
      code: 'ARG REPO=mcr.microsoft.com/dotnet/runtime\nFROM $REPO:8.0.30-nanoserver-ltsc2022\n',
    },
    {
      // sig-windows-tools kubeadm/flannel/Dockerfile: the PowerShell standstill is known from issue threads only (hover)
      name: 'the PowerShell image is not reported',
      code: 'FROM mcr.microsoft.com/powershell:lts-7.2-nanoserver-1809\n',
    },
    { name: '.NET 8 before its end of support', code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022\n', today: new Date('2026-11-10T12:00:00Z') },
    { name: 'a Linux .NET 8 tag', code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0-bookworm-slim\n' },
  ],
  invalid: [
    {
      name: 'COPY --from an SDK image no longer produced',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nCOPY --from=mcr.microsoft.com/dotnet/framework/sdk:4.7.2-windowsservercore-ltsc2019 C:/BuildTools C:/BuildTools\n',
      errors: [{ messageId: 'noLongerProduced', line: 2, column: 52, endColumn: 84, data: { image: 'mcr.microsoft.com/dotnet/framework/sdk:4.7.2-windowsservercore-ltsc2019' } }],
      output: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nCOPY --from=mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2019 C:/BuildTools C:/BuildTools\n',
    },
    {
      // GoogleCloudPlatform/kubernetes-engine-samples windows/aspnet-gmsa/Dockerfile-WINDOWS_LTSC2022
      name: '4.8 on ltsc2022 is no longer produced: 4.8.1 is an in-place update',
      code: `FROM ${framework}/sdk:4.8-windowsservercore-ltsc2022 AS build\nFROM ${framework}/aspnet:4.8-windowsservercore-ltsc2022\n`,
      errors: [
        { messageId: 'noLongerProduced', line: 1, column: 45, endColumn: 75, data: { date: '2025-10-14' } },
        { messageId: 'noLongerProduced', line: 2, column: 48, endColumn: 78, data: { advice: 'Use 4.8.1, the only .NET Framework image for Windows Server 2022 and 2025' } },
      ],
      output: `FROM ${framework}/sdk:4.8.1-windowsservercore-ltsc2022 AS build\nFROM ${framework}/aspnet:4.8.1-windowsservercore-ltsc2022\n`,
    },
    {
      name: '4.7.2 on ltsc2019 moves to 4.8',
      code: `FROM ${framework}/aspnet:4.7.2-20250909-windowsservercore-ltsc2019\n`,
      errors: [{ messageId: 'noLongerProduced', line: 1, column: 48 }],
      output: `FROM ${framework}/aspnet:4.8-windowsservercore-ltsc2019\n`,
    },
    {
      // microsoft/windows-containers-demos eshop-mvc-modernized-app/application/src/eShopModernizedMVC/Dockerfile
      name: 'a shared 4.7.2 tag: no single replacement',
      code: `FROM ${framework}/aspnet:4.7.2\n`,
      errors: [{ messageId: 'noLongerProduced', line: 1, column: 48, endColumn: 53, data: { advice: 'Use 4.8 on ltsc2016 and ltsc2019, 4.8.1 on ltsc2022 and ltsc2025' } }],
    },
    {
      name: '3.5 has no image to move to',
      code: `FROM ${framework}/runtime:3.5-windowsservercore-ltsc2019\n`,
      errors: [{ messageId: 'noLongerProduced', line: 1, column: 49, data: { product: '.NET Framework 3.5', advice: 'Use a 4.8 or 4.8.1 image and install .NET Framework 3.5 in it, as the dotnet-framework-docker documentation shows' } }],
    },
    {
      name: '.NET 8 ended on 2026-11-10: .NET 10 offered, not applied',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\n',
      errors: [
        {
          messageId: 'endOfSupport',
          line: 1,
          column: 38,
          endColumn: 61,
          data: { date: '2026-11-10' },
          suggestions: [{ title: 'Use tag 10.0-nanoserver-ltsc2022', output: 'FROM mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022\n' }],
        },
      ],
    },
    {
      name: '.NET 9 on 1809: .NET 10 has no 1809 image, so nothing is offered',
      code: 'FROM mcr.microsoft.com/dotnet/runtime:9.0.4-nanoserver-1809\n',
      errors: [{ messageId: 'endOfSupport', line: 1, column: 39, data: { product: '.NET 9.0.4' }, suggestions: [] }],
    },
  ],
});
