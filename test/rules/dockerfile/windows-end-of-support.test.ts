import rule from '../../../server/src/rules/dockerfile/windows-end-of-support';
import { runRuleTests } from '../../helpers/rule-tester';

const servercore = 'mcr.microsoft.com/windows/servercore';
const nanoserver = 'mcr.microsoft.com/windows/nanoserver';

runRuleTests(rule, {
  valid: [
    { name: 'COPY --from a supported base', code: `FROM ${nanoserver}:1809\nCOPY --from=${servercore}:1809 C:/Windows/System32/netapi32.dll C:/Windows/System32/netapi32.dll\n` },
    { name: 'COPY --from a third-party image whose name spells a supported base', code: `FROM ${nanoserver}:ltsc2022\nCOPY --from=eclipse-temurin:21-jdk-windowsservercore-ltsc2022 C:/java C:/java\n` },
    { name: 'COPY --from an image with a bare 1803 tag: not read as a release', code: `FROM ${servercore}:ltsc2022\nCOPY --from=myorg/tool:1803 C:/tool C:/tool\n` },
    { name: 'COPY --from an ended base into a Linux stage', code: `FROM alpine:3.20\nCOPY --from=${servercore}:1803 /x /x\n` },
    `FROM ${servercore}:ltsc2025\n`,
    { name: 'ltsc2022 is in extended support until 2031', code: `FROM ${servercore}:ltsc2022\n` },
    { name: 'ltsc2019 is in extended support until 2029', code: `FROM ${nanoserver}:1809\n` },
    { name: 'ltsc2016 Server Core before the warning window', code: `FROM ${servercore}:ltsc2016\n`, today: new Date('2026-06-01T00:00:00Z') },
    { name: 'a Linux image', code: 'FROM ubuntu:16.04\n' },
    // A name spells a base only through whole words that are a variant, an LTSC name, windows-<release> or 10.0.<build>.
    { name: 'windows alone names no base', code: 'FROM ghcr.io/prometheus-community/windows-exporter:0.25.1\n' },
    { name: 'a Linux tag word', code: 'FROM node:20-bookworm\n' },
    { name: 'a bare release-like tag on an image the KB does not know: not Windows evidence', code: 'FROM k8sprow.azurecr.io/kubernetes-e2e-test-images/curl:1803\n' },
    { name: 'a bare 1809 tag', code: 'FROM myorg/tool:1809\n' },
    { name: 'a third-party name that spells a supported base', code: 'FROM contoso/iis-windows-ltsc2019:1.0\n' },
    { name: 'a full build of a released Windows (ltsc2019) in a third-party tag', code: 'FROM stefanscherer/golang-windows:1.11-10.0.17763.5820\n' },
    { name: 'the word insider in a third-party tag is no Insider image', code: 'FROM stefanscherer/golang-windows:insider AS build\n' },
    { name: 'an untagged Insider image: windows-base-image-tag reports it', code: 'FROM mcr.microsoft.com/windows/servercore-insider\n' },
  ],
  invalid: [
    {
      name: 'COPY --from an ended Semi-Annual base: the tag in the flag value, with the LTSC tags',
      code: `FROM ${nanoserver}:ltsc2022\nCOPY --from=${servercore}:1803 C:/x C:/x\n`,
      errors: [
        {
          messageId: 'ended',
          line: 2,
          column: 50,
          endColumn: 54,
          data: { release: 'Windows Server, version 1803', date: '2019-11-12' },
          suggestions: ['ltsc2025', 'ltsc2022', 'ltsc2019'].map((tag) => ({ title: `Use tag ${tag}`, output: `FROM ${nanoserver}:ltsc2022\nCOPY --from=${servercore}:${tag} C:/x C:/x\n` })),
        },
      ],
    },
    {
      name: 'a third-party tag that spells a base leaving support within six months',
      code: 'FROM contoso/app:4.8-windowsservercore-ltsc2016\n',
      errors: [{ messageId: 'endingFromName', line: 1, column: 18, endColumn: 48, data: { base: 'Windows Server 2016 (Server Core)', date: '2027-01-11' } }],
    },
    {
      name: 'a Semi-Annual release, with the date and the supported LTSC tags',
      code: `FROM ${servercore}:1803\n`,
      errors: [
        {
          messageId: 'ended',
          line: 1,
          column: 43,
          endColumn: 47,
          data: { date: '2019-11-12' },
          suggestions: [
            { title: 'Use tag ltsc2025', output: `FROM ${servercore}:ltsc2025\n` },
            { title: 'Use tag ltsc2022', output: `FROM ${servercore}:ltsc2022\n` },
            { title: 'Use tag ltsc2019', output: `FROM ${servercore}:ltsc2019\n` },
          ],
        },
      ],
    },
    {
      name: 'Nano Server 2016 (sac2016) ended in 2018',
      code: `FROM ${nanoserver}:sac2016\n`,
      errors: [
        {
          messageId: 'ended',
          line: 1,
          column: 43,
          data: { date: '2018-10-09' },
          suggestions: [
            { title: 'Use tag ltsc2025', output: `FROM ${nanoserver}:ltsc2025\n` },
            { title: 'Use tag ltsc2022', output: `FROM ${nanoserver}:ltsc2022\n` },
            { title: 'Use tag 1809', output: `FROM ${nanoserver}:1809\n` },
          ],
        },
      ],
    },
    {
      name: 'Server Core 2016 leaves extended support within six months',
      code: `FROM mcr.microsoft.com/dotnet/framework/runtime:4.8-windowsservercore-ltsc2016\n`,
      errors: [
        {
          messageId: 'ending',
          line: 1,
          column: 49,
          data: { date: '2027-01-11' },
          suggestions: [
            { title: 'Use tag 4.8.1-windowsservercore-ltsc2025', output: 'FROM mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2025\n' },
            { title: 'Use tag 4.8.1-windowsservercore-ltsc2022', output: 'FROM mcr.microsoft.com/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2022\n' },
            { title: 'Use tag 4.8-windowsservercore-ltsc2019', output: 'FROM mcr.microsoft.com/dotnet/framework/runtime:4.8-windowsservercore-ltsc2019\n' },
          ],
        },
      ],
    },
    {
      name: 'after its end date ltsc2016 is ended',
      code: `FROM ${servercore}:ltsc2016\n`,
      today: new Date('2027-02-01T00:00:00Z'),
      errors: [{ messageId: 'ended', line: 1, column: 43, data: { date: '2027-01-11' }, suggestions: [
        { title: 'Use tag ltsc2025', output: `FROM ${servercore}:ltsc2025\n` },
        { title: 'Use tag ltsc2022', output: `FROM ${servercore}:ltsc2022\n` },
        { title: 'Use tag ltsc2019', output: `FROM ${servercore}:ltsc2019\n` },
      ] }],
    },
    {
      // microsoft/iis-docker windowsservercore-insider/Dockerfile
      name: 'an Insider image, with its build',
      code: `# escape=\`\n\nFROM ${servercore}/insider:10.0.19035.1\n`,
      errors: [{ messageId: 'preview', line: 3, column: 51, endColumn: 63, data: { build: ' (build 19035)' } }],
    },
    {
      // portainer on Windows Server 2019 previews, found with the search tool
      name: 'an old MCR Insider name',
      code: 'FROM mcr.microsoft.com/nanoserver-insider:10.0.17744.1001 AS download\n',
      errors: [{ messageId: 'preview', line: 1, column: 43, endColumn: 58 }],
    },
    {
      name: 'the Docker Hub Insider name',
      code: 'FROM microsoft/windowsservercore-insider:10.0.17074.1000\n',
      errors: [{ messageId: 'preview', line: 1, column: 42, data: { build: ' (build 17074)' } }],
    },
    {
      // stefanscherer's golang-windows images for 1809 previews, found with the search tool
      name: 'a full build no release has, in a third-party tag',
      code: 'FROM stefanscherer/golang-windows:1.11-10.0.17744.1001 as gobuild\n',
      errors: [{ messageId: 'unknownBuild', line: 1, column: 35, endColumn: 55 }],
    },
    {
      name: 'a full build no release has, in a base OS tag',
      code: `FROM ${servercore}:10.0.18334.1\n`,
      errors: [{ messageId: 'unknownBuild', line: 1, column: 43, data: { build: 18334 } }],
    },
    {
      // paulbouwer/windows-containers-workshop labs/lab-02/website/aspnet_website/Step2.Dockerfile
      name: 'a third-party tag that spells an ended base',
      code: 'FROM workshop/aspnet:4.7.2-windowsservercore-1803\n',
      errors: [{ messageId: 'endedFromName', line: 1, column: 22, endColumn: 50 }],
    },
    {
      name: 'a variant and release in the middle of a tag',
      code: 'FROM contoso/app:4.7-windowsservercore-1709-builder\n',
      errors: [{ messageId: 'endedFromName', line: 1, column: 18, data: { base: 'Windows Server, version 1709 (Server Core)' } }],
    },
    {
      name: 'a repository name that spells the base',
      code: 'FROM contoso/iis-windows-1803\n',
      errors: [{ messageId: 'endedFromName', line: 1, column: 6, endColumn: 30, data: { date: '2019-11-12' } }],
    },
    {
      name: 'a mirror whose repository names the variant, with a bare release tag',
      code: 'FROM registry.contoso.com/windows/servercore:1803\n',
      errors: [{ messageId: 'endedFromName', line: 1, column: 46, endColumn: 50, data: { base: 'Windows Server, version 1803 (Server Core)' } }],
    },
    {
      name: 'a bare release tag counts once the stage is Windows',
      code: 'FROM --platform=windows/amd64 myorg/tool:1803\n',
      errors: [{ messageId: 'endedFromName', line: 1, column: 42, data: { release: 'Windows Server, version 1803', base: 'Windows Server, version 1803' } }],
    },
    {
      name: 'a deprecated Docker Hub name: reported, no tag suggested that it never had',
      code: 'FROM microsoft/windowsservercore:1709\n',
      errors: [{ messageId: 'ended', line: 1, column: 34, data: { date: '2019-04-09' } }],
    },
  ],
});
