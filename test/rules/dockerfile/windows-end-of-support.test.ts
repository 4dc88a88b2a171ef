import rule from '../../../server/src/rules/dockerfile/windows-end-of-support';
import { runRuleTests } from '../../helpers/rule-tester';

const servercore = 'mcr.microsoft.com/windows/servercore';
const nanoserver = 'mcr.microsoft.com/windows/nanoserver';

runRuleTests(rule, {
  valid: [
    `FROM ${servercore}:ltsc2025\n`,
    { name: 'ltsc2022 is in extended support until 2031', code: `FROM ${servercore}:ltsc2022\n` },
    { name: 'ltsc2019 is in extended support until 2029', code: `FROM ${nanoserver}:1809\n` },
    { name: 'ltsc2016 Server Core before the warning window', code: `FROM ${servercore}:ltsc2016\n`, today: new Date('2026-06-01T00:00:00Z') },
    { name: 'insider builds have no lifecycle row', code: `FROM ${servercore}/insider:10.0.19035.1\n` },
    { name: 'a Linux image', code: 'FROM ubuntu:16.04\n' },
  ],
  invalid: [
    {
      name: 'a Semi-Annual release, with the date and the supported LTSC tags',
      code: `FROM ${servercore}:1803\n`,
      errors: [
        {
          messageId: 'ended',
          line: 1,
          column: 43,
          endColumn: 47,
          messageIncludes: '2019-11-12',
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
          messageIncludes: '2018-10-09',
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
          messageIncludes: '2027-01-11',
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
      errors: [{ messageId: 'ended', line: 1, column: 43, messageIncludes: '2027-01-11', suggestions: [
        { title: 'Use tag ltsc2025', output: `FROM ${servercore}:ltsc2025\n` },
        { title: 'Use tag ltsc2022', output: `FROM ${servercore}:ltsc2022\n` },
        { title: 'Use tag ltsc2019', output: `FROM ${servercore}:ltsc2019\n` },
      ] }],
    },
    {
      name: 'a deprecated Docker Hub name: reported, no tag suggested that it never had',
      code: 'FROM microsoft/windowsservercore:1709\n',
      errors: [{ messageId: 'ended', line: 1, column: 34, messageIncludes: '2019-04-09' }],
    },
  ],
});
