import rule from '../../../server/src/rules/dockerfile/nanoserver-missing-feature';
import { runRuleTests } from '../../helpers/rule-tester';

const nanoserver = 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n';
const servercore = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';

runRuleTests(rule, {
  valid: [
    { name: 'Server Core has PowerShell', code: `${servercore}RUN powershell -Command Install-WindowsFeature Web-Server\nRUN setx /M PATH "%PATH%;C:\\app"\n` },
    { name: 'cmd on Nano Server', code: `${nanoserver}RUN mkdir C:\\app && copy a C:\\app\n` },
    { name: 'setx /M as ContainerAdministrator', code: `${nanoserver}USER ContainerAdministrator\nRUN setx /M PATH "%PATH%;C:\\app"\nUSER ContainerUser\n` },
    { name: 'setx without /M', code: `${nanoserver}RUN setx APP C:\\app\n` },
    {
      name: 'PowerShell 7 copied in from another stage',
      code: `${servercore.replace('\n', ' AS installer\n')}RUN curl.exe -o pwsh.zip https://example.com/pwsh.zip\n${nanoserver}COPY --from=installer ["C:/PowerShell", "C:/Program Files/PowerShell"]\nSHELL ["pwsh", "-Command"]\nRUN Write-Host hi\n`,
    },
    { name: 'the PowerShell image has pwsh', code: 'FROM mcr.microsoft.com/powershell:lts-7.2-nanoserver-1809\nSHELL ["pwsh", "-Command"]\n' },
    { name: 'Nano Server 2016 still had PowerShell', code: 'FROM mcr.microsoft.com/windows/nanoserver:sac2016\nRUN powershell -Command Write-Host hi\n' },
    { name: 'an unknown image on Nano Server may have added PowerShell', code: 'FROM contoso/tools:1.0-nanoserver-ltsc2022\nRUN pwsh -Command x\n' },
  ],
  invalid: [
    {
      name: 'powershell in RUN, SHELL and CMD',
      code: `${nanoserver}RUN powershell -Command Write-Host hi\nSHELL ["powershell", "-Command"]\nCMD ["pwsh.exe", "-File", "run.ps1"]\n`,
      errors: [
        { messageId: 'program', line: 2, column: 5, endColumn: 15, data: { what: 'Windows PowerShell or PowerShell 7' } },
        { messageId: 'program', line: 3, column: 8, endColumn: 20 },
        { messageId: 'program', line: 4, column: 6, endColumn: 16 },
      ],
    },
    {
      name: '.NET images on Nano Server lack Windows PowerShell too',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nRUN cmd /S /C powershell -File setup.ps1\n',
      errors: [{ messageId: 'program', line: 2, column: 15, endColumn: 25 }],
    },
    {
      name: '.NET Framework and IIS installs',
      code: `${nanoserver}RUN dism /online /enable-feature /featurename:NetFx3 /all\nRUN dism /online /enable-feature /featurename:IIS-WebServerRole\n`,
      errors: [
        { messageId: 'feature', line: 2, column: 47, endColumn: 53, data: { what: '.NET Framework' } },
        { messageId: 'feature', line: 3, column: 47, endColumn: 64, data: { what: 'IIS (dropped after ltsc2016)' } },
      ],
    },
    {
      name: 'setx /M as the default ContainerUser of Nano Server, also in a child stage',
      code: `${nanoserver.replace('\n', ' AS base\n')}FROM base\nRUN setx /M PATH "%PATH%;C:\\app"\n`,
      errors: [{ messageId: 'setxMachine', line: 3, column: 5, endColumn: 9 }],
    },
    {
      name: 'setx /M after switching to ContainerUser on Server Core',
      code: `${servercore}USER ContainerUser\nRUN setx /m APP_HOME C:\\app\n`,
      errors: [{ messageId: 'setxMachine', line: 3, column: 5 }],
    },
  ],
});
