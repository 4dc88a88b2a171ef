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
    assert.equal(hover('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n', 1, 5), undefined);
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
