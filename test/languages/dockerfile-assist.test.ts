import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { emptyWorkspace } from '../../server/src/core/workspace-view';
import { resolveConfig } from '../../server/src/engine/config';
import { dockerfileCompletions, dockerfileHover } from '../../server/src/languages/dockerfile/assist';
import { parseDockerfile } from '../../server/src/languages/dockerfile/model';
import { testToday } from '../helpers/rule-tester';

const context = { config: resolveConfig([]), today: testToday, workspace: emptyWorkspace };

function hover(text: string, line: number, character: number): string | undefined {
  const result = dockerfileHover(parseDockerfile(text), { line, character }, context);
  return result ? (result.contents as MarkupContent).value : undefined;
}

function completions(line: string): string[] {
  return dockerfileCompletions(parseDockerfile(line), line, { line: 0, character: line.length }, context).map((item) => item.label);
}

describe('Dockerfile hover', () => {
  it('names the release, build, support dates and the hosts that run a Windows base image', () => {
    const text = hover('FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build\n', 0, 30)!;
    assert.match(text, /Windows image: Windows Server 2022 \(build 10\.0\.20348\), Server Core/);
    assert.match(text, /Mainstream support ended 2026-10-13; extended support until 2031-10-14/);
    assert.match(text, /Process isolation .* on: Windows Server 2022 \(build 10\.0\.20348\), Windows 11, version 22H2 \(build 10\.0\.22621\), Windows 11, version 23H2 \(build 10\.0\.22631\), Windows Server, version 23H2 \(build 10\.0\.25398\), Windows Server 2025 \(build 10\.0\.26100\)\./);
    assert.match(text, /Hyper-V isolation on any host of build 20348 or newer/);
    assert.match(text, /Runs as ContainerAdministrator/);
  });

  it('reads lifecycle notes from the KB: Insider previews, names that spell a base, products, disagreeing dates', () => {
    assert.match(hover('FROM mcr.microsoft.com/windows/servercore/insider:10.0.26100.1\n', 0, 30)!, /Windows Insider preview \(build 26100\): Insider images expire/);
    assert.match(hover('FROM contoso/app:1.0-windowsservercore-1803\n', 0, 10)!, /read from the image name/);
    assert.match(hover('FROM mcr.microsoft.com/powershell:lts-7.2-nanoserver-1809\n', 0, 10)!, /PowerShell images are no longer updated: use mcr\.microsoft\.com\/dotnet\/sdk/);
    assert.match(hover('FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\n', 0, 10)!, /\.NET 8\.0 went out of support on 2026-11-10/);
    assert.match(hover('FROM mcr.microsoft.com/windows/servercore:ltsc2016\n', 0, 10)!, /Lifecycle page gives extended 2027-01-12/);
    assert.match(hover('FROM microsoft/mssql-server-windows-express\n', 0, 10)!, /Withdrawn/);
  });

  it('resolves ARG defaults and says when support has ended', () => {
    const text = hover('ARG TAG=1803\nFROM microsoft/windowsservercore:${TAG}\n', 1, 8)!;
    assert.match(text, /\*\*microsoft\/windowsservercore:1803\*\*/);
    assert.match(text, /Out of support since 2019-11-12/);
    assert.match(text, /Deprecated name: use `mcr\.microsoft\.com\/windows\/servercore`/);
  });

  it('explains shared tags: Linux-only .NET tags and the .NET Framework 4.8 tag', () => {
    assert.match(hover('FROM mcr.microsoft.com/dotnet/sdk:8.0\n', 0, 10)!, /Linux images only/);
    assert.match(hover('FROM mcr.microsoft.com/dotnet/framework/sdk:4.8\n', 0, 10)!, /Windows Server 2019 .* Windows Server 2016 .* only/);
  });

  it('answers on the FROM keyword, in any case, with the image it names', () => {
    const text = 'ARG TAG=ltsc2022\nfrom --platform=windows/amd64 mcr.microsoft.com/windows/servercore:${TAG}\n';
    const result = dockerfileHover(parseDockerfile(text), { line: 1, character: 2 }, context)!;
    assert.match((result.contents as MarkupContent).value, /^\*\*mcr\.microsoft\.com\/windows\/servercore:ltsc2022\*\*\n\nWindows image: Windows Server 2022/);
    assert.deepEqual(result.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    assert.equal(hover(text, 1, 10), undefined, 'the flag is neither the keyword nor the image');
    assert.equal(hover('FROM contoso/app:1.0\n', 0, 2), undefined, 'nothing to say about an image the knowledge base does not know');
  });

  it('is silent outside the image and for images the knowledge base does not know', () => {
    assert.equal(hover('FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build\n', 0, 55), undefined);
    assert.equal(hover('FROM contoso/app:1.0\n', 0, 8), undefined);
    assert.equal(hover('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n', 1, 5), undefined);
  });
});

describe('Dockerfile hover: the shell that runs a line', () => {
  const servercore = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS build\n';

  it("names cmd /S /C, the base OS image's default, until a SHELL line changes it", () => {
    const text = `${servercore}RUN dir\nSHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]\nRUN Get-ChildItem\n`;
    assert.equal(hover(text, 1, 5), 'Runs in `cmd /S /C`, the default of mcr.microsoft.com/windows/servercore.');
    assert.equal(hover(text, 3, 8), 'Runs in **Windows PowerShell 5.1 (powershell)**, from SHELL on line 3.');
    const result = dockerfileHover(parseDockerfile(text), { line: 3, character: 8 }, context)!;
    assert.deepEqual(result.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 17 } });
  });

  it('carries the SHELL into a stage built on the stage that set it', () => {
    const text = `${servercore}SHELL ["pwsh", "-Command"]\nFROM build AS final\nCMD Start-App\n`;
    assert.equal(hover(text, 3, 1), 'Runs in **PowerShell 7 (pwsh)**, from SHELL on line 2.');
  });

  it('reads the base from a global ARG default', () => {
    assert.equal(hover('ARG BASE=mcr.microsoft.com/windows/servercore:ltsc2022\nFROM ${BASE}\nRUN dir\n', 2, 1), 'Runs in `cmd /S /C`, the default of mcr.microsoft.com/windows/servercore.');
  });

  it('knows the default of the .NET and PowerShell Nano Server images from their Dockerfiles', () => {
    assert.equal(hover('FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022\nRUN dotnet build\n', 1, 1), 'Runs in `cmd /S /C`, the default of mcr.microsoft.com/dotnet/sdk.');
    assert.equal(hover('FROM mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2022\nRUN dir\n', 1, 1), 'Runs in `cmd /S /C`, the default of mcr.microsoft.com/dotnet/aspnet.');
    assert.equal(hover('FROM mcr.microsoft.com/powershell:lts-7.2-nanoserver-1809\nRUN dir\n', 1, 1), 'Runs in `cmd /S /C`, the default of mcr.microsoft.com/powershell.');
  });

  it('names a shell the command line starts, and the shell that reads the line first', () => {
    const text = `${servercore}RUN pwsh -c "Get-ChildItem"\nSHELL ["powershell", "-Command"]\nRUN cmd /S /C "echo %PATH%"\nRUN cmd\n`;
    assert.equal(hover(text, 1, 1), 'Runs in **PowerShell 7 (pwsh)**, started by the command itself. The line is read first by `cmd /S /C`, the default of mcr.microsoft.com/windows/servercore.');
    assert.equal(hover(text, 3, 1), 'Runs in **cmd**, started by the command itself. The line is read first by **Windows PowerShell 5.1 (powershell)**, from SHELL on line 3.');
    assert.equal(hover(text, 4, 1), 'Runs in **Windows PowerShell 5.1 (powershell)**, from SHELL on line 3.', 'cmd without /C reads its input, not the line');
  });

  it('says the exec form runs no shell, unless its program is one', () => {
    const text = `${servercore}ENTRYPOINT ["C:\\\\app\\\\app.exe"]\nRUN ["powershell", "-Command", "Get-ChildItem"]\n`;
    assert.equal(hover(text, 1, 1), 'Exec form: no shell.');
    assert.equal(hover(text, 2, 1), 'Exec form: no shell reads the line; the command itself starts **Windows PowerShell 5.1 (powershell)**.');
  });

  it('says when Nano Server lacks the Windows PowerShell that would run the line', () => {
    const nano = 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n';
    assert.equal(hover(`${nano}RUN powershell -Command Get-ChildItem\n`, 1, 1), 'Runs in **Windows PowerShell 5.1 (powershell)**, started by the command itself. The line is read first by `cmd /S /C`, the default of mcr.microsoft.com/windows/nanoserver. Nano Server has no Windows PowerShell, so this step fails.');
    assert.equal(hover(`${nano}SHELL ["powershell", "-Command"]\nRUN Get-ChildItem\n`, 2, 1), 'Runs in **Windows PowerShell 5.1 (powershell)**, from SHELL on line 2. Nano Server has no Windows PowerShell, so this step fails.');
    assert.equal(hover(`${nano}RUN pwsh -c Get-ChildItem\n`, 1, 1), 'Runs in **PowerShell 7 (pwsh)**, started by the command itself. The line is read first by `cmd /S /C`, the default of mcr.microsoft.com/windows/nanoserver.', 'PowerShell 7 can be copied in');
    assert.equal(hover('FROM microsoft/nanoserver:sac2016\nRUN powershell -Command Get-ChildItem\n', 1, 1), 'Runs in **Windows PowerShell 5.1 (powershell)**, started by the command itself. The line is read first by `cmd /S /C`, the default of docker.io/microsoft/nanoserver.', 'Nano Server 2016 still had it');
  });

  it('is silent when the shell cannot be known', () => {
    assert.equal(hover('FROM contoso/app:1.0-windowsservercore-ltsc2022\nRUN build.cmd\n', 1, 1), undefined, 'a base image whose SHELL the knowledge base does not know');
    assert.equal(hover('ARG BASE\nFROM ${BASE}\nRUN dir\n', 2, 1), undefined, 'an ARG without a default');
    assert.equal(hover('FROM mcr.microsoft.com/powershell:lts-7.2-windowsservercore-ltsc2022\nRUN dir\n', 1, 1), undefined, "the PowerShell Server Core images' SHELL is not confirmed");
    assert.equal(hover('FROM ubuntu:24.04\nRUN ls\n', 1, 1), undefined, 'not a Windows stage');
  });
});

describe('Dockerfile completion', () => {
  it('offers the supported release tags of a base image, newest first', () => {
    assert.deepEqual(completions('FROM mcr.microsoft.com/windows/servercore:'), [
      'ltsc2025', 'ltsc2025-amd64', 'ltsc2022', 'ltsc2022-amd64', '1809', 'ltsc2019', 'ltsc2019-amd64', 'ltsc2016', 'ltsc2016-amd64',
    ]);
  });

  it('uses the Nano Server tag names (1809, not ltsc2019) and keeps what is typed replaceable', () => {
    const line = 'FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:lt';
    const items = dockerfileCompletions(parseDockerfile(line), line, { line: 0, character: line.length }, context);
    assert.deepEqual(items.map((i) => i.label), ['ltsc2025', 'ltsc2025-amd64', 'ltsc2022', 'ltsc2022-amd64', '1809', '1809-amd64']);
    assert.deepEqual((items[0]!.textEdit as { range: unknown }).range, { start: { line: 0, character: 67 }, end: { line: 0, character: 69 } });
  });

  it('offers the IIS and official image Windows tags', () => {
    assert.deepEqual(completions('FROM mcr.microsoft.com/windows/servercore/iis:'), [
      'windowsservercore-ltsc2025', 'windowsservercore-ltsc2022', 'windowsservercore-ltsc2019', 'windowsservercore-ltsc2016',
    ]);
    assert.deepEqual(completions('FROM python:'), ['3.14-windowsservercore-ltsc2025', '3.14-windowsservercore-ltsc2022']);
  });

  it('offers nothing for Linux images, deprecated names, or outside a FROM tag', () => {
    assert.deepEqual(completions('FROM ubuntu:'), []);
    assert.deepEqual(completions('FROM microsoft/windowsservercore:'), []);
    assert.deepEqual(completions('FROM mcr.microsoft.com/windows/servercore'), []);
    assert.deepEqual(completions('RUN echo mcr.microsoft.com/windows/servercore:'), []);
  });
});
