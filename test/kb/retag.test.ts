import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { imageFamilies, parseImageReference, releaseTagFor, suggestRetag } from '../../server/src/kb';

function retag(text: string, build: number): string | undefined {
  const ref = parseImageReference(text);
  assert.ok(ref, `not parsed: ${text}`);
  return suggestRetag(ref, build);
}

const mcr = 'mcr.microsoft.com';

describe('suggestRetag', () => {
  const cases: [input: string, target: number, expected: string | undefined][] = [
    // Base OS images keep their shape, including the -amd64 suffix.
    [`${mcr}/windows/servercore:ltsc2019`, 20348, `${mcr}/windows/servercore:ltsc2022`],
    [`${mcr}/windows/servercore:1809`, 26100, `${mcr}/windows/servercore:ltsc2025`],
    [`${mcr}/windows/servercore:ltsc2022-amd64`, 26100, `${mcr}/windows/servercore:ltsc2025-amd64`],
    [`${mcr}/windows/servercore:ltsc2022`, 14393, `${mcr}/windows/servercore:ltsc2016`],
    [`${mcr}/windows/nanoserver:ltsc2022`, 17763, `${mcr}/windows/nanoserver:1809`],
    [`${mcr}/windows/nanoserver:1809-amd64`, 20348, `${mcr}/windows/nanoserver:ltsc2022-amd64`],
    [`${mcr}/windows/server:ltsc2022`, 26100, `${mcr}/windows/server:ltsc2025`],
    // KB and full-version tags pin a patch; the floating release tag is the closest existing tag.
    [`${mcr}/windows/servercore:1809-KB5034127`, 20348, `${mcr}/windows/servercore:ltsc2022`],
    [`${mcr}/windows/servercore:10.0.17763.7249`, 26100, `${mcr}/windows/servercore:ltsc2025`],
    // IIS
    [`${mcr}/windows/servercore/iis:windowsservercore-ltsc2019`, 20348, `${mcr}/windows/servercore/iis:windowsservercore-ltsc2022`],
    // .NET: the tag keeps its version and variant
    [`${mcr}/dotnet/sdk:8.0-nanoserver-1809`, 20348, `${mcr}/dotnet/sdk:8.0-nanoserver-ltsc2022`],
    [`${mcr}/dotnet/aspnet:8.0-nanoserver-ltsc2022`, 17763, `${mcr}/dotnet/aspnet:8.0-nanoserver-1809`],
    [`${mcr}/dotnet/runtime:9.0-windowsservercore-ltsc2022`, 17763, `${mcr}/dotnet/runtime:9.0-windowsservercore-ltsc2019`],
    [`${mcr}/dotnet/sdk:10.0-windowsservercore-ltsc2022`, 26100, `${mcr}/dotnet/sdk:10.0-windowsservercore-ltsc2025`],
    // .NET Framework: 4.8 on 2019/2016, 4.8.1 on 2022/2025; the timestamp is dropped
    [`${mcr}/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019`, 20348, `${mcr}/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022`],
    [`${mcr}/dotnet/framework/sdk:4.8.1-windowsservercore-ltsc2022`, 17763, `${mcr}/dotnet/framework/sdk:4.8-windowsservercore-ltsc2019`],
    [`${mcr}/dotnet/framework/runtime:4.8.1-20260714-windowsservercore-ltsc2025`, 20348, `${mcr}/dotnet/framework/runtime:4.8.1-windowsservercore-ltsc2022`],
    [`${mcr}/dotnet/framework/sdk:4.8`, 20348, `${mcr}/dotnet/framework/sdk:4.8.1`],
    [`${mcr}/dotnet/framework/sdk:latest`, 26100, `${mcr}/dotnet/framework/sdk:4.8.1`],
    [`${mcr}/dotnet/framework/sdk:4.8.1`, 17763, `${mcr}/dotnet/framework/sdk:4.8`],
    // Docker official images: only ltsc2022 and ltsc2025 are still built
    ['python:3.12-windowsservercore-ltsc2022', 26100, 'python:3.12-windowsservercore-ltsc2025'],
    ['golang:1.25-nanoserver-ltsc2025', 20348, 'golang:1.25-nanoserver-ltsc2022'],
    ['docker.io/library/python:3.14-windowsservercore-1809', 20348, 'docker.io/library/python:3.14-windowsservercore-ltsc2022'],
    // The digest no longer applies to another tag.
    [`${mcr}/windows/servercore:ltsc2019@sha256:${'a'.repeat(64)}`, 20348, `${mcr}/windows/servercore:ltsc2022`],

    // No such image
    [`${mcr}/windows/nanoserver:ltsc2022`, 14393, undefined],
    [`${mcr}/windows/server:ltsc2022`, 17763, undefined],
    [`${mcr}/windows:1809`, 20348, undefined],
    [`${mcr}/dotnet/sdk:10.0-nanoserver-ltsc2022`, 17763, undefined],
    [`${mcr}/dotnet/sdk:11.0.0-preview.7-nanoserver-ltsc2025`, 20348, undefined],
    [`${mcr}/dotnet/sdk:6.0-nanoserver-1809`, 20348, undefined],
    [`${mcr}/dotnet/framework/runtime:3.5-windowsservercore-ltsc2019`, 20348, undefined],
    ['python:3.12-windowsservercore-ltsc2022', 17763, undefined],
    [`${mcr}/windows/servercore:ltsc2022`, 25398, undefined],
    // Nothing to keep the shape of
    [`${mcr}/windows/servercore:latest`, 20348, undefined],
    [`${mcr}/windows/servercore`, 20348, undefined],
    [`${mcr}/dotnet/sdk:8.0`, 20348, undefined],
    ['python:windowsservercore', 26100, undefined],
    ['golang:1.22', 20348, undefined],
    ['myorg/app:ltsc2019', 20348, undefined],
    ['microsoft/windowsservercore:1803', 17763, undefined],
    // Already there
    [`${mcr}/windows/servercore:ltsc2022`, 20348, undefined],
  ];
  for (const [input, target, expected] of cases) {
    it(`${input} @ ${target} -> ${expected}`, () => assert.equal(retag(input, target), expected));
  }

  it('writes the registry as the input did', () => {
    assert.equal(
      retag('MCR.microsoft.com/windows/servercore:ltsc2019', 20348),
      'MCR.microsoft.com/windows/servercore:ltsc2022',
    );
  });
});

describe('releaseTagFor', () => {
  const family = (id: string) => {
    const f = imageFamilies.find((x) => x.id === id);
    assert.ok(f, id);
    return f;
  };
  it('names the release part of a family tag for a build', () => {
    assert.equal(releaseTagFor(family('windows/servercore'), undefined, 17763), 'ltsc2019');
    assert.equal(releaseTagFor(family('windows/nanoserver'), undefined, 17763), '1809');
    assert.equal(releaseTagFor(family('windows/nanoserver'), 'nanoserver', 14393), undefined);
    assert.equal(releaseTagFor(family('dotnet/sdk'), 'nanoserver', 17763), '1809');
    assert.equal(releaseTagFor(family('dotnet/sdk'), undefined, 17763), undefined);
    assert.equal(releaseTagFor(family('windows/server'), undefined, 26100), 'ltsc2025');
  });
});
