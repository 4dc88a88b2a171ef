import rule from '../../../server/src/rules/dockerfile/deprecated-image';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    { name: 'COPY --from the MCR name', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --from=mcr.microsoft.com/windows/servercore:ltsc2022 C:/x C:/x\n' },
    { name: 'COPY --from a deprecated name in a Linux stage', code: 'FROM alpine:3.20\nCOPY --from=microsoft/windowsservercore:1803 /x /x\n' },
    { name: 'COPY --from a stage by its index', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --from=0 C:/x C:/x\n' },
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
    { name: 'deprecated name in a Linux stage', code: 'FROM microsoft/dotnet:2.1-sdk-alpine\nRUN dotnet build\n' },
    { name: 'unresolved ARG', code: 'ARG IMAGE\nFROM ${IMAGE}\n' },
  ],
  invalid: [
    {
      name: 'COPY --from a Docker Hub name: the name in the flag value is rewritten',
      code: 'FROM mcr.microsoft.com/windows/nanoserver:1809\nCOPY --from=microsoft/windowsservercore:1809 C:/x C:/x\n',
      errors: [{ messageId: 'sameTags', line: 2, column: 13, endColumn: 40, data: { image: 'microsoft/windowsservercore', replacement: 'mcr.microsoft.com/windows/servercore' } }],
      output: 'FROM mcr.microsoft.com/windows/nanoserver:1809\nCOPY --from=mcr.microsoft.com/windows/servercore:1809 C:/x C:/x\n',
    },
    {
      // MicrosoftDocs/Virtualization-Documentation windows-container-samples/ASP-NET-Blog-Application/db/Dockerfile
      name: 'SQL Server for Windows containers was withdrawn: no replacement to offer',
      code: 'FROM microsoft/mssql-server-windows-express\n',
      errors: [{ messageId: 'withdrawn', line: 1, column: 6, endColumn: 44 }],
    },
    {
      name: 'the developer edition too',
      code: 'FROM microsoft/mssql-server-windows-developer:2017-latest\n',
      errors: [{ messageId: 'withdrawn', line: 1, column: 6, endColumn: 46 }],
    },
    {
      name: 'an old MCR Insider name: the new repository, with a tag picked again',
      code: 'FROM mcr.microsoft.com/windows/servercore-insider:10.0.18362.53-amd64 as core\n',
      errors: [{ messageId: 'moved', line: 1, column: 6, endColumn: 50, data: { replacement: 'mcr.microsoft.com/windows/servercore/insider' } }],
    },
    {
      name: 'the Docker Hub Insider name',
      code: 'FROM microsoft/nanoserver-insider\n',
      errors: [{ messageId: 'moved', line: 1, column: 6, endColumn: 34, data: { replacement: 'mcr.microsoft.com/windows/nanoserver/insider' } }],
    },
    {
      name: 'Server Core on Docker Hub: renamed, tag kept',
      code: 'FROM microsoft/windowsservercore:1803 AS build\nRUN dir\n',
      errors: [{ messageId: 'sameTags', line: 1, column: 6, endColumn: 33, data: { replacement: 'mcr.microsoft.com/windows/servercore' } }],
      output: 'FROM mcr.microsoft.com/windows/servercore:1803 AS build\nRUN dir\n',
    },
    {
      name: 'untagged Nano Server: only the name changes',
      code: 'FROM microsoft/nanoserver\n',
      errors: [{ messageId: 'sameTags', line: 1, column: 6, endColumn: 26 }],
      output: 'FROM mcr.microsoft.com/windows/nanoserver\n',
    },
    {
      name: 'a name from a global ARG default: reported on the FROM, not rewritten',
      code: 'ARG BASE=microsoft/windowsservercore:ltsc2016\nFROM $BASE\n',
      errors: [{ messageId: 'sameTags', line: 2, column: 6, endColumn: 11 }],
    },
    {
      name: 'ASP.NET moved to dotnet/framework/aspnet with other tags: no fix',
      code: 'FROM microsoft/aspnet:4.7.2-windowsservercore-1803\n',
      errors: [{ messageId: 'moved', line: 1, column: 6, endColumn: 22, data: { replacement: 'mcr.microsoft.com/dotnet/framework/aspnet' } }],
    },
    {
      name: 'old .NET Core repository on MCR',
      code: 'FROM mcr.microsoft.com/dotnet/core/runtime:3.1-nanoserver-1809\n',
      errors: [{ messageId: 'moved', line: 1, column: 6, endColumn: 43, data: { replacement: 'mcr.microsoft.com/dotnet/runtime' } }],
    },
  ],
});
