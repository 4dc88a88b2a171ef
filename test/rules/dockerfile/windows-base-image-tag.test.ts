import rule from '../../../server/src/rules/dockerfile/windows-base-image-tag';
import { runRuleTests } from '../../helpers/rule-tester';

const servercore = 'mcr.microsoft.com/windows/servercore';
const nanoserver = 'mcr.microsoft.com/windows/nanoserver';
const supportedServerCoreTags = [
  { title: 'Use tag ltsc2025', output: `FROM ${servercore}:ltsc2025\n` },
  { title: 'Use tag ltsc2022', output: `FROM ${servercore}:ltsc2022\n` },
  { title: 'Use tag ltsc2019', output: `FROM ${servercore}:ltsc2019\n` },
];

runRuleTests(rule, {
  valid: [
    { name: 'COPY --from a stage of the file', code: `FROM ${servercore}:ltsc2022 AS core\nFROM ${nanoserver}:ltsc2022\nCOPY --from=core C:/x C:/x\n` },
    { name: 'COPY --from a tagged Windows image', code: `FROM ${nanoserver}:ltsc2022\nCOPY --from=${servercore}:ltsc2022 C:/x C:/x\n` },
    { name: 'COPY --from an untagged image that publishes latest', code: `FROM ${nanoserver}:ltsc2022\nCOPY --from=busybox /bin/sh /sh\n` },
    { name: 'COPY --from an untagged Windows base in a Linux stage', code: `FROM alpine:3.20\nCOPY --from=${servercore} /x /x\n` },
    { name: 'COPY --from an image named by a build argument', code: `FROM ${nanoserver}:ltsc2022\nARG CORE=${servercore}\nCOPY --from=\${CORE} C:/x C:/x\n` },
    `FROM ${servercore}:ltsc2022\n`,
    `FROM ${nanoserver}:1809\n`,
    `FROM ${servercore}:10.0.20348.2700\n`,
    `FROM ${servercore}@sha256:${'a'.repeat(64)}\n`,
    { name: 'Linux image without a tag', code: 'FROM ubuntu\nRUN apt-get update\n' },
    { name: 'Linux image with latest', code: 'FROM ubuntu:latest\n' },
    { name: 'multi-OS image with latest', code: 'FROM python:latest\n' },
    { name: 'IIS publishes latest', code: `FROM ${servercore}/iis\n` },
    { name: 'ARG without a default is unknown', code: `ARG TAG\nFROM ${servercore}:\${TAG}\n` },
    { name: 'stage built on a stage', code: `FROM ${servercore}:ltsc2022 AS base\nFROM base\nRUN dir\n` },
    { name: 'suppressed by comment', code: `# wincontainers-ignore dockerfile/windows-base-image-tag\nFROM ${servercore}:latest\n` },
  ],
  invalid: [
    {
      name: 'COPY --from an untagged Windows base: the flag value is reported and the tag offered',
      code: `FROM ${nanoserver}:ltsc2022\nCOPY --from=${servercore} C:/x C:/x\n`,
      errors: [
        {
          messageId: 'missingTag',
          line: 2,
          column: 13,
          endColumn: 49,
          suggestions: supportedServerCoreTags.map(({ title, output }) => ({ title, output: `FROM ${nanoserver}:ltsc2022\nCOPY --from=${output.slice(5, -1)} C:/x C:/x\n` })),
        },
      ],
    },
    {
      name: 'RUN --mount from a Windows base tagged latest, fixed to the target',
      code: `FROM ${nanoserver}:ltsc2022\nRUN --mount=type=bind,from=${servercore}:latest,target=C:/core cmd /c dir\n`,
      config: { targetWindowsVersion: 'ltsc2022' },
      errors: [
        {
          messageId: 'latestTag',
          line: 2,
          column: 65,
          endColumn: 71,
          suggestions: ['ltsc2025', 'ltsc2019'].map((tag) => ({ title: `Use tag ${tag}`, output: `FROM ${nanoserver}:ltsc2022\nRUN --mount=type=bind,from=${servercore}:${tag},target=C:/core cmd /c dir\n` })),
        },
      ],
      output: `FROM ${nanoserver}:ltsc2022\nRUN --mount=type=bind,from=${servercore}:ltsc2022,target=C:/core cmd /c dir\n`,
    },
    {
      name: 'an untagged Insider image, like any untagged Windows base: its example is a build tag',
      code: 'FROM mcr.microsoft.com/windows/servercore/insider\n',
      errors: [{ messageId: 'missingTag', line: 1, column: 6, endColumn: 50, data: { example: '10.0.26100.1' } }],
    },
    {
      name: 'latest without a target offers the supported releases',
      code: `FROM ${servercore}:latest\n`,
      errors: [{ messageId: 'latestTag', line: 1, column: 43, endLine: 1, endColumn: 49, data: { example: 'ltsc2025' }, suggestions: supportedServerCoreTags }],
    },
    {
      name: 'latest with a target is fixed to the target',
      code: `FROM ${servercore}:latest AS build\nRUN dir\n`,
      config: { targetWindowsVersion: 'ltsc2022' },
      errors: [
        {
          messageId: 'latestTag',
          line: 1,
          column: 43,
          data: { example: 'ltsc2022' },
          suggestions: [
            { title: 'Use tag ltsc2025', output: `FROM ${servercore}:ltsc2025 AS build\nRUN dir\n` },
            { title: 'Use tag ltsc2019', output: `FROM ${servercore}:ltsc2019 AS build\nRUN dir\n` },
          ],
        },
      ],
      output: `FROM ${servercore}:ltsc2022 AS build\nRUN dir\n`,
    },
    {
      name: 'no tag on Nano Server: the 2019 tag is 1809',
      code: `FROM ${nanoserver}\n`,
      config: { targetWindowsVersion: '10.0.17763' },
      errors: [
        {
          messageId: 'missingTag',
          line: 1,
          column: 6,
          endColumn: 42,
          suggestions: [
            { title: 'Use tag ltsc2025', output: `FROM ${nanoserver}:ltsc2025\n` },
            { title: 'Use tag ltsc2022', output: `FROM ${nanoserver}:ltsc2022\n` },
          ],
        },
      ],
      output: `FROM ${nanoserver}:1809\n`,
    },
    {
      name: 'deprecated Docker Hub name: reported, but not retagged to tags it never had',
      code: 'FROM microsoft/windowsservercore\nRUN dir\n',
      config: { targetWindowsVersion: 'ltsc2022' },
      errors: [{ messageId: 'missingTag', line: 1, column: 6, endColumn: 33, data: { image: 'microsoft/windowsservercore' } }],
    },
    {
      name: 'tag from a global ARG is fixed in the ARG',
      code: `ARG WIN_TAG=latest\nFROM ${servercore}:\${WIN_TAG}\nRUN dir\n`,
      config: { targetWindowsVersion: 'ltsc2025' },
      errors: [
        {
          messageId: 'latestTag',
          line: 2,
          column: 43,
          endColumn: 53,
          suggestions: [
            { title: 'Set ARG WIN_TAG to ltsc2022', output: `ARG WIN_TAG=ltsc2022\nFROM ${servercore}:\${WIN_TAG}\nRUN dir\n` },
            { title: 'Set ARG WIN_TAG to ltsc2019', output: `ARG WIN_TAG=ltsc2019\nFROM ${servercore}:\${WIN_TAG}\nRUN dir\n` },
          ],
        },
      ],
      output: `ARG WIN_TAG=ltsc2025\nFROM ${servercore}:\${WIN_TAG}\nRUN dir\n`,
    },
    {
      name: 'every stage is checked, with the lowercase keyword and continuation lines',
      code: `from ${servercore}:ltsc2022 AS build\nRUN dir\nFROM \\\n  ${nanoserver}:latest\nCOPY --from=build C:/app C:/app\n`,
      config: { targetWindowsVersion: 'ltsc2022' },
      errors: [
        {
          messageId: 'latestTag',
          line: 4,
          column: 40,
          suggestions: [
            { title: 'Use tag ltsc2025', output: `from ${servercore}:ltsc2022 AS build\nRUN dir\nFROM \\\n  ${nanoserver}:ltsc2025\nCOPY --from=build C:/app C:/app\n` },
            { title: 'Use tag 1809', output: `from ${servercore}:ltsc2022 AS build\nRUN dir\nFROM \\\n  ${nanoserver}:1809\nCOPY --from=build C:/app C:/app\n` },
          ],
        },
      ],
      output: `from ${servercore}:ltsc2022 AS build\nRUN dir\nFROM \\\n  ${nanoserver}:ltsc2022\nCOPY --from=build C:/app C:/app\n`,
    },
  ],
});
