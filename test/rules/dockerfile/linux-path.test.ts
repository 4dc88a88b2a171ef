import rule from '../../../server/src/rules/dockerfile/linux-path';
import { runRuleTests } from '../../helpers/rule-tester';

const servercore = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n';

runRuleTests(rule, {
  valid: [
    { name: 'application folders become C:\\app', code: `${servercore}WORKDIR /app\nCOPY . /source\nCOPY site/ /inetpub/wwwroot\nENV APP_HOME=/app\nCMD ["C:/app/run.exe", "--data", "/data"]\n` },
    { name: 'a folder the Dockerfile creates works', code: `${servercore}WORKDIR /usr/src/app\nCOPY tool.exe /usr/local/bin/\nENV PATH="C:\\usr\\local\\bin;C:\\Windows\\system32"\nENTRYPOINT ["/usr/local/bin/tool.exe"]\n` },
    { name: 'a RUN that extracts into C:\\usr creates it', code: `${servercore}RUN powershell Expand-Archive a.zip C:\\usr\\local\nENTRYPOINT ["/usr/local/bin/etcd.exe"]\n` },
    { name: 'WORKDIR and VOLUME create their folders', code: `${servercore}WORKDIR /tmp\nVOLUME /var/lib/data\n` },
    { name: 'a Linux source path in COPY --from a Linux stage', code: `FROM golang:1.25 AS build\nRUN go build -o /usr/local/bin/app.exe\n${servercore}COPY --from=build /usr/local/bin/app.exe C:/app/\n` },
    { name: 'URLs are not paths', code: `${servercore}ENV URL=https://example.com/usr/share/x FILE=file:///etc/x\n` },
    { name: 'the service account token path works on Windows', code: `${servercore}ENV TOKEN=/var/run/secrets/kubernetes.io/serviceaccount/token\n` },
    { name: 'shell-form text is not read', code: `${servercore}RUN powershell -Command "Get-Content /etc/hosts"\n` },
    { name: 'a Linux stage', code: 'FROM debian:12\nENV PATH=/usr/local/bin:$PATH\nCMD ["cat", "/dev/null"]\n' },
    { name: 'an unknown base may have the folder', code: 'FROM contoso/app:1.0-windowsservercore-ltsc2022\nENV JAVA_HOME=/usr/lib/jvm\n' },
    { name: 'a folder called dev is not a device', code: `${servercore}WORKDIR /dev\nENV ROOT=/dev/vcpkg\n` },
  ],
  invalid: [
    {
      name: 'PATH and JAVA_HOME pointing at Linux folders nothing creates',
      code: `${servercore}ENV PATH=/usr/local/bin:$PATH JAVA_HOME=/usr/lib/jvm\n`,
      errors: [
        { messageId: 'missing', line: 2, column: 10, endColumn: 24, data: { windowsPath: 'C:\\usr\\local\\bin' } },
        { messageId: 'missing', line: 2, column: 41, endColumn: 53 },
      ],
    },
    {
      name: 'exec-form arguments',
      code: `${servercore}CMD ["C:/app/app.exe", "--config", "/etc/app/config.yaml"]\n`,
      errors: [{ messageId: 'missing', line: 2, column: 37, endColumn: 57, data: { holds: 'Linux configuration files' } }],
    },
    {
      name: 'device files, wherever they appear',
      code: `${servercore}ENV LOG_FILE=/dev/stdout\nCOPY empty.txt /dev/null\nCMD ["C:/app/app.exe", "--cpuinfo", "/proc/cpuinfo"]\n`,
      errors: [
        { messageId: 'pseudo', line: 2, column: 14, endColumn: 25 },
        { messageId: 'pseudo', line: 3, column: 16, endColumn: 25 },
        { messageId: 'pseudo', line: 4, column: 38, endColumn: 51 },
      ],
    },
    {
      name: 'legacy ENV form and a Nano Server child stage',
      code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS base\nFROM base\nENV TMPDIR /tmp\n',
      errors: [{ messageId: 'missing', line: 3, column: 12, endColumn: 16 }],
    },
  ],
});
