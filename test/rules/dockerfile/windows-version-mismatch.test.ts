import rule from '../../../server/src/rules/dockerfile/windows-version-mismatch';
import { runRuleTests } from '../../helpers/rule-tester';

const servercore = 'mcr.microsoft.com/windows/servercore';
const nanoserver = 'mcr.microsoft.com/windows/nanoserver';
const sdk48 = 'mcr.microsoft.com/dotnet/framework/sdk';

runRuleTests(rule, {
  valid: [
    { name: 'COPY --from an image of the stage\'s build', code: `FROM ${nanoserver}:1809\nCOPY --from=${servercore}:1809 C:/Windows/System32/netapi32.dll C:/Windows/System32/netapi32.dll\nRUN dir\n` },
    { name: 'COPY --from an older image: a host of the stage\'s build pulls it', code: `FROM ${nanoserver}:ltsc2022\nCOPY --from=${servercore}:ltsc2019 C:/x C:/x\nRUN dir\n` },
    { name: 'COPY --from a newer image into a stage without RUN: a newer host pulls both', code: `FROM ${nanoserver}:1809\nCOPY --from=${servercore}:ltsc2022 C:/x C:/x\n` },
    { name: 'COPY --from a newer image under Hyper-V isolation', code: `FROM ${nanoserver}:1809\nCOPY --from=${servercore}:ltsc2022 C:/x C:/x\nRUN dir\n`, config: { isolation: 'hyperv' } },
    { name: 'COPY --from a Linux image', code: `FROM ${nanoserver}:1809\nCOPY --from=alpine:3.20 /bin/busybox C:/busybox\nRUN dir\n` },
    { name: 'COPY --from an image the target host pulls', code: `FROM ${nanoserver}:ltsc2022\nCOPY --from=${servercore}:ltsc2019 C:/x C:/x\n`, config: { targetWindowsVersion: 'ltsc2022' } },
    { name: 'a Windows 11 24H2 host is build 26100 and runs ltsc2022 images', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n', config: { targetWindowsVersion: 'win11-24h2' } },
    { name: 'one build everywhere', code: `FROM ${servercore}:ltsc2022 AS build\nRUN dir\nFROM ${nanoserver}:ltsc2022\nCOPY --from=build C:/app C:/app\n` },
    {
      name: 'ltsc2022 and ltsc2025 stages: a Windows Server 2025 host runs both',
      code: `FROM ${servercore}:ltsc2022 AS build\nRUN dir\nFROM ${servercore}:ltsc2025\nRUN dir\nCOPY --from=build C:/app C:/app\n`,
    },
    {
      name: 'independent stages (alternative targets) are not compared',
      code: `FROM ${servercore}:ltsc2019 AS win2019\nRUN dir\nFROM ${servercore}:ltsc2022 AS win2022\nRUN dir\n`,
    },
    { name: 'a Linux build stage is not compared', code: `FROM golang:1.25 AS build\nRUN go build\nFROM ${nanoserver}:ltsc2022\nCOPY --from=build /src/app.exe C:/app/\n` },
    { name: 'target runs the image', code: `FROM ${servercore}:ltsc2022\n`, config: { targetWindowsVersion: 'ltsc2025' } },
    { name: 'Hyper-V runs older images', code: `FROM ${servercore}:ltsc2019\nRUN dir\n`, config: { targetWindowsVersion: 'ltsc2022', isolation: 'hyperv' } },
    { name: 'Hyper-V: stages of different builds build on a newer host', code: `FROM ${servercore}:ltsc2019 AS a\nRUN dir\nFROM ${servercore}:ltsc2022\nRUN dir\nCOPY --from=a C:/x C:/x\n`, config: { isolation: 'hyperv' } },
    { name: 'unresolved ARG is silent', code: `ARG TAG\nFROM ${servercore}:\${TAG}\n`, config: { targetWindowsVersion: 'ltsc2022' } },
    { name: 'shared tag 4.8 without a target or other stages', code: `FROM ${sdk48}:4.8\nRUN msbuild\n` },
    { name: 'shared tag 4.8 on a 2019 target', code: `FROM ${sdk48}:4.8\nRUN msbuild\n`, config: { targetWindowsVersion: 'ltsc2019' } },
    {
      name: 'HostProcess images have no os.version',
      code: 'FROM mcr.microsoft.com/oss/kubernetes/windows-host-process-containers-base-image:v1.0.0\n',
      config: { targetWindowsVersion: 'ltsc2019' },
    },
  ],
  invalid: [
    {
      name: 'COPY --from a newer image into a stage with RUN steps: retag offered to the stage\'s build',
      code: `FROM ${nanoserver}:1809\nCOPY --from=${servercore}:ltsc2022 C:/Windows/System32/netapi32.dll C:/Windows/System32/netapi32.dll\nRUN dir\n`,
      errors: [
        {
          messageId: 'copiedStage',
          line: 2,
          column: 50,
          endColumn: 58,
          data: { image: `${servercore}:ltsc2022`, build: 'Windows Server 2022 (build 10.0.20348)' },
          suggestions: [{ title: 'Use tag ltsc2019', output: `FROM ${nanoserver}:1809\nCOPY --from=${servercore}:ltsc2019 C:/Windows/System32/netapi32.dll C:/Windows/System32/netapi32.dll\nRUN dir\n` }],
        },
      ],
    },
    {
      name: 'RUN --mount from an image newer than the target host: fixed to the target',
      code: `FROM ${nanoserver}:ltsc2019\nRUN --mount=from=${servercore}:ltsc2022,target=C:/core dir\n`,
      config: { targetWindowsVersion: 'ltsc2019' },
      errors: [{ messageId: 'copiedPull', line: 2, column: 55, endColumn: 63, data: { imageBuild: 20348, target: 'Windows Server 2019 (version 1809, build 10.0.17763)' } }],
      output: `FROM ${nanoserver}:ltsc2019\nRUN --mount=from=${servercore}:ltsc2019,target=C:/core dir\n`,
    },
    {
      name: 'COPY --from a stage on another build: reported on the build stage, suggesting the final build',
      code: `FROM ${servercore}:ltsc2019 AS build\nRUN msbuild\nFROM ${nanoserver}:ltsc2022\nCOPY --from=build C:/app C:/app\n`,
      errors: [
        {
          messageId: 'stages',
          line: 1,
          column: 43,
          endColumn: 51,
          data: { build: 'Windows Server 2019 (version 1809, build 10.0.17763)' },
          suggestions: [{ title: 'Use tag ltsc2022', output: `FROM ${servercore}:ltsc2022 AS build\nRUN msbuild\nFROM ${nanoserver}:ltsc2022\nCOPY --from=build C:/app C:/app\n` }],
        },
      ],
    },
    {
      name: 'stages linked by index, tag from an ARG used once',
      code: `ARG BUILD_TAG=1809\nFROM ${nanoserver}:\${BUILD_TAG}\nRUN dir\nFROM ${nanoserver}:ltsc2025\nRUN dir\nCOPY --from=0 C:/a C:/a\n`,
      errors: [
        {
          messageId: 'stages',
          line: 2,
          column: 43,
          suggestions: [{ title: 'Set ARG BUILD_TAG to ltsc2025', output: `ARG BUILD_TAG=ltsc2025\nFROM ${nanoserver}:\${BUILD_TAG}\nRUN dir\nFROM ${nanoserver}:ltsc2025\nRUN dir\nCOPY --from=0 C:/a C:/a\n` }],
        },
      ],
    },
    {
      name: 'dotnet/framework 4.8 (2019 and 2016 only) built with a 2022 stage',
      code: `FROM ${sdk48}:4.8 AS build\nRUN msbuild\nFROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022\nCOPY --from=build C:/out C:/inetpub/wwwroot\n`,
      errors: [
        {
          messageId: 'stages',
          line: 1,
          column: 45,
          endColumn: 48,
          data: { build: 'either Windows Server 2019 (version 1809, build 10.0.17763) or Windows Server 2016 (build 10.0.14393)' },
          suggestions: [{ title: 'Use tag 4.8.1', output: `FROM ${sdk48}:4.8.1 AS build\nRUN msbuild\nFROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022\nCOPY --from=build C:/out C:/inetpub/wwwroot\n` }],
        },
      ],
    },
    {
      name: 'target host cannot run the image with process isolation: fixed to the target',
      code: `FROM ${servercore}:ltsc2019\nRUN dir\n`,
      config: { targetWindowsVersion: 'ltsc2022' },
      errors: [{ messageId: 'process', line: 1, column: 43, endColumn: 51, data: { target: 'Windows Server 2022 (build 10.0.20348)', suggestion: 'Windows Server 2022 (build 10.0.20348)' } }],
      output: `FROM ${servercore}:ltsc2022\nRUN dir\n`,
    },
    {
      name: 'a 23H2 host runs only ltsc2022 images',
      code: `FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809\n`,
      config: { targetWindowsVersion: '10.0.25398' },
      errors: [{ messageId: 'process', line: 1, column: 38 }],
      output: `FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\n`,
    },
    {
      name: 'Hyper-V cannot run an image newer than the host',
      code: `FROM ${servercore}:ltsc2025\n`,
      config: { targetWindowsVersion: 'ltsc2019', isolation: 'hyperv' },
      errors: [{ messageId: 'hyperv', line: 1, column: 43 }],
      output: `FROM ${servercore}:ltsc2019\n`,
    },
    {
      name: 'shared tag 4.8 on a 2022 target is fixed to 4.8.1',
      code: `FROM ${sdk48}:latest\n`,
      config: { targetWindowsVersion: 'ltsc2022' },
      errors: [{ messageId: 'process', line: 1, column: 45 }],
      output: `FROM ${sdk48}:4.8.1\n`,
    },
    {
      name: 'a digest pins the old image: reported without a fix',
      code: `FROM ${servercore}:ltsc2019@sha256:${'b'.repeat(64)}\n`,
      config: { targetWindowsVersion: 'ltsc2022' },
      errors: [{ messageId: 'process', line: 1, column: 43 }],
    },
    {
      name: 'with a target, each stage is checked against it instead of against the other stages',
      code: `FROM ${servercore}:ltsc2019 AS build\nRUN dir\nFROM ${servercore}:ltsc2022\nRUN dir\nCOPY --from=build C:/a C:/a\n`,
      config: { targetWindowsVersion: 'ltsc2022' },
      errors: [{ messageId: 'process', line: 1, column: 43 }],
      output: `FROM ${servercore}:ltsc2022 AS build\nRUN dir\nFROM ${servercore}:ltsc2022\nRUN dir\nCOPY --from=build C:/a C:/a\n`,
    },
    {
      name: 'a Windows 11 23H2 development host (22631) runs ltsc2022 images, not ltsc2025',
      code: `FROM ${servercore}:ltsc2025\n`,
      config: { targetWindowsVersion: 'win11-23h2' },
      errors: [{ messageId: 'process', line: 1, column: 43, data: { target: 'Windows 11, version 23H2 (build 10.0.22631)' } }],
      output: `FROM ${servercore}:ltsc2022\n`,
    },
    {
      name: 'a stage spelled by a third-party name is checked against the target too',
      code: 'FROM contoso/app:1.0-windowsservercore-ltsc2025\n',
      config: { targetWindowsVersion: 'ltsc2022' },
      errors: [{ messageId: 'process', line: 1, column: 18, data: { build: 'Windows Server 2025 (build 10.0.26100)' } }],
    },
  ],
});
