import rule from '../../../server/src/rules/dockerfile/exec-form-skips-shell';
import { runRuleTests } from '../../helpers/rule-tester';

const iis = 'FROM mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\nCOPY LogMonitor/ C:/LogMonitor/\n';
const servercore = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY LogMonitor/ C:/LogMonitor/\n';
const logMonitorShell = 'SHELL ["C:/LogMonitor/LogMonitor.exe", "powershell.exe"]\n';

runRuleTests(rule, {
  valid: [
    { name: 'Log Monitor README: shell-form CMD under the SHELL', code: `${servercore}SHELL ["C:\\\\LogMonitor\\\\LogMonitor.exe", "cmd", "/S", "/C"]\nCMD c:\\windows\\system32\\ping.exe -n 20 localhost\n` },
    { name: 'shell-form ENTRYPOINT under the SHELL', code: `${iis}${logMonitorShell}ENTRYPOINT Start-Service WMSVC; C:\\ServiceMonitor.exe w3svc\n` },
    { name: 'the exec form starts Log Monitor itself', code: `${servercore}ENTRYPOINT ["C:\\\\LogMonitor\\\\LogMonitor.exe", "dotnet", "Service.dll"]\n` },
    { name: 'the exec form starts Log Monitor itself under its SHELL', code: `${servercore}${logMonitorShell}ENTRYPOINT ["C:/LogMonitor/LogMonitor.exe", "powershell.exe", "./Startup.ps1"]\n` },
    { name: 'an ordinary SHELL: exec form is fine', code: `${servercore}SHELL ["powershell", "-Command"]\nENTRYPOINT ["powershell.exe", "./Startup.ps1"]\n` },
    { name: 'a later SHELL replaces Log Monitor', code: `${servercore}${logMonitorShell}SHELL ["cmd", "/S", "/C"]\nCMD ["ping.exe", "localhost"]\n` },
    { name: 'exec-form CMD on an image that may set its own ENTRYPOINT', code: `${iis}${logMonitorShell}CMD ["ping.exe", "localhost"]\n` },
    { name: 'exec-form CMD that only gives the ENTRYPOINT its arguments', code: `${servercore}${logMonitorShell}ENTRYPOINT C:\\app\\run.cmd\nCMD ["--port", "80"]\n` },
    { name: 'only RUN steps under the SHELL', code: `${servercore}${logMonitorShell}RUN New-Item C:/Logs -ItemType Directory\n` },
    { name: 'a Linux stage', code: 'FROM alpine:3.22\nSHELL ["/opt/LogMonitor.exe", "sh"]\nENTRYPOINT ["sh", "run.sh"]\n' },
  ],
  invalid: [
    {
      name: 'exec-form ENTRYPOINT after the Log Monitor SHELL (eShop)',
      code: `${iis}${logMonitorShell}ENTRYPOINT ["powershell.exe", "./Startup.ps1"]\n`,
      errors: [
        {
          messageId: 'skipped',
          line: 4,
          column: 13,
          endColumn: 46,
          data: { keyword: 'ENTRYPOINT', wrapper: 'Log Monitor', shellLine: 3 },
          suggestions: [{ title: 'Write the ENTRYPOINT in shell form', output: `${iis}${logMonitorShell}ENTRYPOINT powershell.exe ./Startup.ps1\n` }],
        },
      ],
    },
    {
      name: 'exec-form CMD on a base OS image, the SHELL set in the stage it is built on',
      code: `${servercore.replace('\n', ' AS base\n')}${logMonitorShell}FROM base\nCMD ["ping.exe", "-n", "20", "localhost"]\n`,
      errors: [
        {
          messageId: 'skipped',
          line: 5,
          column: 6,
          endColumn: 41,
          data: { keyword: 'CMD', shellLine: 3 },
          suggestions: [{ title: 'Write the CMD in shell form', output: `${servercore.replace('\n', ' AS base\n')}${logMonitorShell}FROM base\nCMD ping.exe -n 20 localhost\n` }],
        },
      ],
    },
    {
      name: 'words that need quoting get no suggestion',
      code: `${servercore}${logMonitorShell}ENTRYPOINT ["powershell.exe", "-Command", "Start-Service W3SVC; Wait-Event"]\n`,
      errors: [{ messageId: 'skipped', line: 4, column: 13 }],
    },
  ],
});
