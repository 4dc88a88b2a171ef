import rule from '../../../server/src/rules/dockerfile/use-derived-image';
import { runRuleTests } from '../../helpers/rule-tester';

const servercore = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';

runRuleTests(rule, {
  valid: [
    { name: 'already the IIS image', code: 'FROM mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\nCOPY site/ C:/inetpub/wwwroot/\n' },
    { name: 'a Dockerfile that builds an IIS image itself (no files of its own)', code: `${servercore}RUN powershell -Command Add-WindowsFeature Web-Server\nEXPOSE 80\n` },
    { name: 'other features', code: `${servercore}RUN powershell Install-WindowsFeature NET-Framework-45-Core\nCOPY app/ C:/app/\n` },
    { name: 'a build without a known Windows release', code: 'ARG TAG\nFROM mcr.microsoft.com/windows/servercore:${TAG}\nRUN powershell Add-WindowsFeature Web-Server\nCOPY site/ C:/inetpub/wwwroot/\n' },
  ],
  invalid: [
    {
      name: 'IIS installed on Server Core',
      code: `${servercore}RUN powershell -Command Add-WindowsFeature Web-Server; Remove-Item C:/inetpub/wwwroot/*\nCOPY site/ C:/inetpub/wwwroot/\n`,
      errors: [
        {
          messageId: 'derived',
          line: 2,
          column: 44,
          endColumn: 54,
          suggestions: [
            {
              title: 'Use mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
              output: 'FROM mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\nRUN powershell -Command Add-WindowsFeature Web-Server; Remove-Item C:/inetpub/wwwroot/*\nCOPY site/ C:/inetpub/wwwroot/\n',
            },
          ],
        },
      ],
    },
    {
      name: 'ASP.NET with dism on Server Core 2019: the ASP.NET image',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2019\nRUN dism /online /enable-feature /all /featurename:IIS-WebServerRole /featurename:IIS-ASPNET45 /NoRestart\nCOPY app/ C:/inetpub/wwwroot/\n',
      errors: [
        {
          messageId: 'derived',
          line: 2,
          column: 83,
          endColumn: 95,
          data: { what: 'IIS with ASP.NET on .NET Framework' },
          suggestions: [
            {
              title: 'Use mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019',
              output: 'FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019\nRUN dism /online /enable-feature /all /featurename:IIS-WebServerRole /featurename:IIS-ASPNET45 /NoRestart\nCOPY app/ C:/inetpub/wwwroot/\n',
            },
          ],
        },
      ],
    },
  ],
});
