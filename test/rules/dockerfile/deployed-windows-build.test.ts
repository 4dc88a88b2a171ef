import rule from '../../../server/src/rules/dockerfile/deployed-windows-build';
import { runRuleTests } from '../../helpers/rule-tester';
import { workspaceOf } from '../../helpers/workspace';

// The Dockerfile under test is /workspace/Dockerfile; compose builds it as contoso/web.
const compose = 'services:\n  web:\n    build: .\n    image: contoso/web\n';
const deployedTo = (build: string, extra = ''): ReturnType<typeof workspaceOf> =>
  workspaceOf({
    'docker-compose.yml': compose,
    'k8s/web.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeSelector:\n    node.kubernetes.io/windows-build: '${build}'\n${extra}  containers:\n  - name: web\n    image: contoso/web:3\n`,
  });

runRuleTests(rule, {
  valid: [
    { name: 'matching build', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n', workspace: deployedTo('10.0.20348') },
    { name: 'WS2025 nodes run ltsc2022 images', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n', workspace: deployedTo('10.0.26100') },
    { name: 'not deployed anywhere', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n', workspace: workspaceOf({ 'docker-compose.yml': compose }) },
    { name: 'Linux image', code: 'FROM ubuntu:24.04\n', workspace: deployedTo('10.0.20348') },
    { name: 'only the last stage counts', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019 AS build\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n', workspace: deployedTo('10.0.20348') },
    { name: 'HostProcess pods are exempt', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\n', workspace: deployedTo('10.0.20348', '  hostNetwork: true\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n') },
  ],
  invalid: [
    {
      name: 'built on 2019, deployed to 2022 nodes',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN dir\n',
      workspace: deployedTo('10.0.20348'),
      errors: [
        {
          messageId: 'mismatch',
          line: 1,
          column: 43,
          endColumn: 51,
          data: { workload: 'Pod web', file: 'web.yaml', nodeBuild: 'Windows Server 2022 (build 10.0.20348)' },
          suggestions: [{ title: 'Build on mcr.microsoft.com/windows/servercore:ltsc2022', output: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n' }],
        },
      ],
    },
    {
      name: 'final stage built on a stage: the root base is reported',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base\nFROM base\n',
      workspace: deployedTo('10.0.17763'),
      errors: [{ messageId: 'mismatch', line: 1, column: 43, suggestions: [{ output: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019 AS base\nFROM base\n' }] }],
    },
    {
      name: 'base image from an ARG: no rewrite offered',
      code: 'ARG BASE=mcr.microsoft.com/windows/servercore:ltsc2019\nFROM ${BASE}\n',
      workspace: deployedTo('10.0.20348'),
      errors: [{ messageId: 'mismatch', line: 2, column: 6 }],
    },
  ],
});
