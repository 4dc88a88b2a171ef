import rule from '../../../server/src/rules/dockerfile/linux-command';
import { runRuleTests } from '../../helpers/rule-tester';

const servercore = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';
const nanoserver = 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n';
const powershell = `["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]`;

runRuleTests(rule, {
  valid: [
    { name: 'a Linux Dockerfile', code: 'FROM ubuntu:24.04\nRUN apt-get update && chmod +x /x && ln -s /a /b\nSHELL ["/bin/bash", "-c"]\n' },
    { name: 'an unknown base', code: 'FROM contoso/base:1\nRUN apt-get update\n' },
    { name: 'Windows commands', code: `${servercore}RUN icacls C:\\app /grant Users:F && mklink C:\\b C:\\a\n` },
    { name: 'words inside a PowerShell string are arguments, not commands', code: `${servercore}RUN powershell -Command "Write-Host 'apt-get install'; $sh = 1"\n` },
    { name: 'PowerShell [Type]::Method() lines', code: `${servercore}SHELL ["powershell", "-Command"]\nRUN [Environment]::SetEnvironmentVariable('sh', 'x', 'Machine')\n` },
    { name: 'plain ln is not certainly Linux', code: `${servercore}RUN ln a b\n` },
    { name: 'sh after Git for Windows is installed', code: `${servercore}RUN choco install -y git\nRUN sh -c "echo hi"\n` },
    { name: 'bash in an image we know nothing about (it may have MSYS2)', code: 'FROM python:3.14-windowsservercore-ltsc2022\nRUN bash -c "echo hi"\n' },
    { name: 'SHELL cmd', code: `${servercore}SHELL ["cmd", "/S", "/C"]\n` },
  ],
  invalid: [
    {
      name: 'package manager in RUN, after && and in a wrapped cmd',
      code: `${servercore}RUN echo hi && apt-get update\nRUN cmd /S /C yum install -y x\n`,
      errors: [
        { messageId: 'command', line: 2, column: 16, endColumn: 23, data: { equivalent: 'an installer run with `Start-Process -Wait`, `dism /online /enable-feature`, or a download with `curl.exe` and `tar.exe`' } },
        { messageId: 'command', line: 3, column: 15, endColumn: 18 },
      ],
    },
    {
      name: 'one command repeated in a RUN is reported once, at its first use; another command and another RUN still count',
      code: `${servercore}RUN apt-get update && apt-get install -y curl && yum install x\nRUN apt-get clean\n`,
      errors: [
        { messageId: 'command', line: 2, column: 5, endColumn: 12 },
        { messageId: 'command', line: 2, column: 50, endColumn: 53 },
        { messageId: 'command', line: 3, column: 5, endColumn: 12 },
      ],
    },
    {
      name: 'PowerShell statements separated by ;',
      code: `${servercore}SHELL ${powershell}\nRUN Write-Host x; chmod +x C:/app/run.exe\n`,
      errors: [{ messageId: 'command', line: 3, column: 19, endColumn: 24, data: { equivalent: '`icacls` (Windows files have ACLs, not mode bits)' } }],
    },
    {
      name: 'exec forms of RUN, CMD and ENTRYPOINT',
      code: `${nanoserver}RUN ["apk", "add", "curl"]\nENTRYPOINT ["/bin/sh", "-c", "run"]\nCMD useradd app\n`,
      errors: [
        { messageId: 'command', line: 2, column: 6, endColumn: 11 },
        { messageId: 'command', line: 3, column: 13, endColumn: 22 },
        { messageId: 'command', line: 4, column: 5, endColumn: 12, data: { equivalent: '`net user <name> /add` and `net localgroup`' } },
      ],
    },
    {
      name: 'ln -s',
      code: `${servercore}RUN ln -sf C:/a C:/b\n`,
      errors: [{ messageId: 'command', line: 2, column: 5, endColumn: 7, data: { equivalent: '`mklink` (a cmd built-in; note the reversed argument order)' } }],
    },
    {
      name: 'a Linux path to a shell is missing even with Git installed',
      code: `${servercore}RUN choco install git\nRUN /bin/bash -c "echo"\n`,
      errors: [{ messageId: 'command', line: 3, column: 5, endColumn: 14 }],
    },
    {
      name: 'SHELL with a Linux shell: cmd or PowerShell offered on Server Core',
      code: `${servercore}SHELL ["/bin/sh", "-c"]\nRUN echo hi\n`,
      errors: [
        {
          messageId: 'shell',
          line: 2,
          column: 8,
          endColumn: 17,
          suggestions: [
            { title: 'Use the cmd shell', output: `${servercore}SHELL ["cmd", "/S", "/C"]\nRUN echo hi\n` },
            { title: 'Use Windows PowerShell', output: `${servercore}SHELL ${powershell}\nRUN echo hi\n` },
          ],
        },
      ],
    },
    {
      name: 'SHELL bash on Nano Server: only cmd is offered',
      code: `${nanoserver}SHELL ["bash", "-c"]\n`,
      errors: [{ messageId: 'shell', line: 2, column: 8, suggestions: [{ title: 'Use the cmd shell', output: `${nanoserver}SHELL ["cmd", "/S", "/C"]\n` }] }],
    },
    {
      name: 'a stage on a Windows stage inherits its base',
      code: `${nanoserver.replace('\n', ' AS base\n')}FROM base\nRUN sudo apt-get install x\n`,
      errors: [{ messageId: 'command', line: 3, column: 10, endColumn: 17 }],
    },
  ],
});
