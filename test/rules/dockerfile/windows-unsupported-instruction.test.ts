import rule from '../../../server/src/rules/dockerfile/windows-unsupported-instruction';
import { runRuleTests } from '../../helpers/rule-tester';

const servercore = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';
const nanoserver = 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n';

runRuleTests(rule, {
  valid: [
    { name: 'COPY --chown is supported by the classic Windows builder', code: `${nanoserver}COPY --chown=ContainerUser app/ C:/app/\n` },
    { name: 'Windows accounts', code: `${nanoserver}USER ContainerAdministrator\nRUN setx /M PATH "%PATH%;C:\\app"\nUSER ContainerUser\n` },
    { name: 'a user the Dockerfile creates', code: `${servercore}RUN net user 1000 /add\nUSER 1000\n` },
    { name: 'destinations on C: in every spelling', code: `${servercore}COPY a C:/app/\nCOPY b c:\\\\data\\\\\nCOPY c /app\nADD d ["e f", "C:/x/"]\n` },
    { name: 'VOLUME on a folder or another drive', code: `${servercore}VOLUME C:/data\nVOLUME ["D:"]\n` },
    { name: 'Linux Dockerfile with BuildKit flags and scratch', code: 'FROM golang:1.25 AS build\nRUN --mount=type=cache,target=/root/.cache go build\nFROM scratch\nCOPY --chmod=755 --from=build /app /app\nUSER 1000\n' },
    { name: 'FROM scratch when no Windows stage runs a command (cross-built on Linux)', code: `FROM scratch AS files\nCOPY a.exe /\n${nanoserver}COPY --from=files /a.exe C:/\n` },
    { name: 'copy specific files out of a Windows stage', code: `${servercore.replace('\n', ' AS core\n')}${nanoserver}COPY --from=core C:/windows/system32/netapi32.dll C:/windows/system32/\n` },
  ],
  invalid: [
    {
      name: 'COPY --chmod and RUN --mount in a Windows stage',
      code: `${servercore}COPY --chmod=755 run.cmd C:/app/\nRUN --mount=type=secret,id=npm --network=none npm ci\n`,
      errors: [
        { messageId: 'chmod', line: 2, column: 6, endColumn: 17 },
        { messageId: 'runFlag', line: 3, column: 5, endColumn: 31, data: { flag: 'mount' } },
        { messageId: 'runFlag', line: 3, column: 32, endColumn: 46, data: { flag: 'network' } },
      ],
    },
    {
      name: 'FROM scratch in a build that runs Windows commands',
      code: `${servercore}RUN dir\nFROM scratch\n`,
      errors: [{ messageId: 'scratch', line: 3, column: 6, endColumn: 13 }],
    },
    {
      name: 'USER root is fixed to ContainerAdministrator',
      code: `${servercore}USER root\n`,
      errors: [{ messageId: 'rootUser', line: 2, column: 6, endColumn: 10 }],
      output: `${servercore}USER ContainerAdministrator\n`,
    },
    {
      name: 'a numeric user id: both built-in accounts offered',
      code: `${nanoserver}USER 1000:1000\n`,
      errors: [
        {
          messageId: 'numericUser',
          line: 2,
          column: 6,
          endColumn: 15,
          suggestions: [
            { title: 'Run as ContainerUser', output: `${nanoserver}USER ContainerUser\n` },
            { title: 'Run as ContainerAdministrator', output: `${nanoserver}USER ContainerAdministrator\n` },
          ],
        },
      ],
    },
    {
      name: 'destinations off drive C:',
      code: `${servercore}COPY app/ D:/app/\nADD ["a.zip", "E:\\\\x\\\\"]\n`,
      errors: [
        { messageId: 'otherDrive', line: 2, column: 11, endColumn: 18 },
        { messageId: 'otherDrive', line: 3, column: 15, endColumn: 24 },
      ],
    },
    {
      name: 'VOLUME on the root of C:',
      code: `${servercore}VOLUME C:/\nVOLUME ["c:\\\\"]\n`,
      errors: [
        { messageId: 'volumeRoot', line: 2, column: 8, endColumn: 11 },
        { messageId: 'volumeRoot', line: 3, column: 9, endColumn: 15 },
      ],
    },
    {
      name: 'copying C:\\ or C:\\Windows out of a Windows stage',
      code: `${servercore.replace('\n', ' AS core\n')}${nanoserver}COPY --from=core C:/windows/ C:/w/\n`,
      errors: [{ messageId: 'copyRoot', line: 3, column: 18, endColumn: 29 }],
    },
  ],
});
