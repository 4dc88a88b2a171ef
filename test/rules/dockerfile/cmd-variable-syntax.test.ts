import rule from '../../../server/src/rules/dockerfile/cmd-variable-syntax';
import { runRuleTests } from '../../helpers/rule-tester';

const servercore = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';

runRuleTests(rule, {
  valid: [
    { name: '%VAR% under cmd', code: `${servercore}ARG VERSION=1.0\nRUN echo %VERSION%\n` },
    { name: 'PowerShell run from cmd owns its $', code: `${servercore}RUN powershell -Command $ErrorActionPreference = 'Stop'; Write-Host $env:PATH\n` },
    { name: 'under a PowerShell SHELL', code: `${servercore}SHELL ["powershell", "-Command"]\nRUN Write-Host $env:VERSION\n` },
    { name: 'exec form runs no shell', code: `${servercore}RUN ["cmd", "/c", "echo", "$x"]\n` },
    { name: 'msbuild properties and a lone $', code: `${servercore}RUN msbuild /p:OutDir=$(OutDir) && echo costs 5$\n` },
    { name: 'an image that may set its own SHELL', code: 'FROM python:3.14-windowsservercore-ltsc2025\nRUN echo $HOME\n' },
    { name: 'a Linux stage', code: 'FROM alpine:3.22\nARG V\nRUN echo $V\n' },
  ],
  invalid: [
    {
      name: 'a declared ARG is fixed to %NAME%',
      code: `${servercore}ARG VERSION=1.0\nRUN echo $VERSION && echo \${VERSION}\n`,
      errors: [
        { messageId: 'dollar', line: 3, column: 10, endColumn: 18, data: { name: 'VERSION' } },
        { messageId: 'dollar', line: 3, column: 27, endColumn: 37 },
      ],
      output: `${servercore}ARG VERSION=1.0\nRUN echo %VERSION% && echo %VERSION%\n`,
    },
    {
      name: 'an ENV from a parent stage, in CMD',
      code: `${servercore.replace('\n', ' AS base\n')}ENV APP_HOME=C:/app\nFROM base\nCMD cd $APP_HOME && run.cmd\n`,
      errors: [{ messageId: 'dollar', line: 4, column: 8, endColumn: 17 }],
      output: `${servercore.replace('\n', ' AS base\n')}ENV APP_HOME=C:/app\nFROM base\nCMD cd %APP_HOME% && run.cmd\n`,
    },
    {
      name: 'an undeclared variable: only suggested, it may not exist',
      code: `${servercore}RUN mkdir $HOME\\app\n`,
      errors: [{ messageId: 'dollar', line: 2, column: 11, endColumn: 16, suggestions: [{ title: 'Write %HOME%', output: `${servercore}RUN mkdir %HOME%\\app\n` }] }],
    },
    {
      name: 'a default value has no cmd spelling: reported without a fix',
      code: `${servercore}ARG V\nRUN echo \${V:-1}\n`,
      errors: [{ messageId: 'dollar', line: 3, column: 10 }],
    },
  ],
});
