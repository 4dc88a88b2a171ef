import rule from '../../../server/src/rules/dockerfile/deprecated-image';
import { runRuleTests } from '../../helpers/rule-tester';

runRuleTests(rule, {
  valid: [
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
    { name: 'deprecated name in a Linux stage', code: 'FROM microsoft/dotnet:2.1-sdk-alpine\nRUN dotnet build\n' },
    { name: 'unresolved ARG', code: 'ARG IMAGE\nFROM ${IMAGE}\n' },
  ],
  invalid: [
    {
      name: 'Server Core on Docker Hub: renamed, tag kept',
      code: 'FROM microsoft/windowsservercore:1803 AS build\nRUN dir\n',
      errors: [{ messageId: 'sameTags', line: 1, column: 6, endColumn: 33, messageIncludes: 'mcr.microsoft.com/windows/servercore' }],
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
      errors: [{ messageId: 'moved', line: 1, column: 6, endColumn: 22, messageIncludes: 'mcr.microsoft.com/dotnet/framework/aspnet' }],
    },
    {
      name: 'old .NET Core repository on MCR',
      code: 'FROM mcr.microsoft.com/dotnet/core/runtime:3.1-nanoserver-1809\n',
      errors: [{ messageId: 'moved', line: 1, column: 6, endColumn: 43, messageIncludes: 'mcr.microsoft.com/dotnet/runtime' }],
    },
  ],
});
