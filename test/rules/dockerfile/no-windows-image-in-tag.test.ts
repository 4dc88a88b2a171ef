import rule from '../../../server/src/rules/dockerfile/no-windows-image-in-tag';
import { runRuleTests } from '../../helpers/rule-tester';

const sdk = 'mcr.microsoft.com/dotnet/sdk';
const runtime = 'FROM mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022\nRUN setup.cmd\n';

runRuleTests(rule, {
  valid: [
    { name: 'an OS-specific tag', code: `FROM ${sdk}:8.0-nanoserver-ltsc2022 AS build\nRUN dotnet publish\n${runtime}COPY --from=build C:/app C:/app\n` },
    { name: 'a Linux Dockerfile', code: `FROM ${sdk}:8.0 AS build\nRUN dotnet publish\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\n` },
    {
      name: 'cross-compiled on Linux: the Windows stage only copies',
      code: `FROM ${sdk}:8.0 AS build\nRUN dotnet publish -r win-x64\nFROM mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022\nCOPY --from=build /app C:/app\n`,
    },
    { name: 'a --platform=$BUILDPLATFORM build stage', code: `FROM --platform=$BUILDPLATFORM ${sdk}:8.0 AS build\nRUN dotnet publish\n${runtime}` },
    { name: '.NET 6 shared tags still listed Windows', code: `FROM ${sdk}:6.0 AS build\nRUN dotnet publish\n${runtime}` },
  ],
  invalid: [
    {
      name: 'a .NET 8 shared tag in a build that runs Windows commands: tags for the build of the other stages',
      code: `FROM ${sdk}:8.0 AS build\nRUN dotnet publish\n${runtime}COPY --from=build C:/app C:/app\n`,
      errors: [
        {
          messageId: 'noWindows',
          line: 1,
          column: 35,
          endColumn: 38,
          data: { example: '8.0-nanoserver-ltsc2022' },
          suggestions: [
            { title: 'Use tag 8.0-nanoserver-ltsc2022', output: `FROM ${sdk}:8.0-nanoserver-ltsc2022 AS build\nRUN dotnet publish\n${runtime}COPY --from=build C:/app C:/app\n` },
            { title: 'Use tag 8.0-windowsservercore-ltsc2022', output: `FROM ${sdk}:8.0-windowsservercore-ltsc2022 AS build\nRUN dotnet publish\n${runtime}COPY --from=build C:/app C:/app\n` },
          ],
        },
      ],
    },
    {
      name: '--platform=windows: .NET 10 has no 1809 images, so a 2019 target gets no suggestion',
      code: `FROM --platform=windows/amd64 ${sdk}:10.0\n`,
      config: { targetWindowsVersion: 'ltsc2019' },
      errors: [{ messageId: 'noWindows', line: 1, column: 60, endColumn: 64 }],
    },
    {
      name: 'latest and no tag have no Windows image either',
      code: `FROM ${sdk} AS build\nRUN dotnet publish\n${runtime}`,
      errors: [{ messageId: 'noWindows', line: 1, column: 6, endColumn: 34, data: { tag: 'latest' } }],
    },
  ],
});
