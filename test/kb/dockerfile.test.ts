import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  derivedImages,
  describeImage,
  familiesWithoutPosixTools,
  imageFamilies,
  linuxOnlyCommands,
  linuxPathsThatWorkOnWindows,
  linuxSystemPaths,
  parseImageReference,
  posixToolkits,
  releaseForBuild,
  variantFactsTable,
  windowsFeatureInstall,
  windowsTagsForSharedTag,
} from '../../server/src/kb';

const isUrl = (s: string): boolean => /^https:\/\/[^\s]+$/.test(s);
const assertSources = (sources: readonly string[], where: string): void => {
  assert.ok(sources.length > 0, `${where}: no sources`);
  for (const s of sources) assert.ok(isUrl(s), `${where}: not an https URL: ${s}`);
};

describe('kb data: Dockerfile on Windows', () => {
  it('every entry has sources', () => {
    for (const c of linuxOnlyCommands) assertSources(c.sources, c.names.join(','));
    for (const p of linuxSystemPaths) assertSources(p.sources, p.path);
    for (const d of derivedImages) assertSources(d.sources, d.id);
    assertSources(posixToolkits.sources, 'posixToolkits');
    assertSources(linuxPathsThatWorkOnWindows.sources, 'linuxPathsThatWorkOnWindows');
    assertSources(windowsFeatureInstall.sources, 'windowsFeatureInstall');
    assertSources(familiesWithoutPosixTools.sources, 'familiesWithoutPosixTools');
  });

  it('command names are lower case and appear once', () => {
    const names = linuxOnlyCommands.flatMap((c) => c.names);
    for (const name of names) assert.equal(name, name.toLowerCase());
    assert.equal(new Set(names).size, names.length);
  });

  it('system paths are absolute Linux paths and the paths that work are not hidden by them by mistake', () => {
    for (const p of linuxSystemPaths) assert.match(p.path, /^\/[a-z]+(?:\/[a-z]+)?$/, p.path);
    for (const ok of linuxPathsThatWorkOnWindows.paths) assert.ok(linuxSystemPaths.some((p) => ok.startsWith(p.path + '/')), `${ok} needs no exception`);
    assert.ok(!linuxSystemPaths.some((p) => ['/app', '/source', '/inetpub', '/data'].includes(p.path)), 'application folders are fine on Windows');
  });

  it('families without POSIX tools and derived-image bases are known families', () => {
    const ids = new Set(imageFamilies.map((f) => f.id));
    for (const id of familiesWithoutPosixTools.familyIds) assert.ok(ids.has(id), id);
    for (const d of derivedImages) assert.ok(ids.has(d.baseFamily), d.id);
  });

  it('derived image tags describe as Windows images of the build they are listed for', () => {
    for (const d of derivedImages) {
      for (const [build, tag] of Object.entries(d.tags)) {
        const info = describeImage(parseImageReference(`${d.image}:${tag}`)!);
        assert.equal(info.os, 'windows', `${d.image}:${tag}`);
        assert.equal(info.build, Number(build), `${d.image}:${tag}`);
        assert.ok(releaseForBuild(Number(build)), `${d.id}: ${build}`);
      }
    }
  });

  it('the feature patterns recognise the documented spellings', () => {
    assert.ok(windowsFeatureInstall.pattern.test('powershell -Command Add-WindowsFeature Web-Server'));
    assert.ok(windowsFeatureInstall.pattern.test('dism.exe /online /enable-feature /all /featurename:iis-webserver /NoRestart'));
    assert.ok(!windowsFeatureInstall.pattern.test('Get-WindowsFeature'));
    assert.ok(derivedImages.find((d) => d.id === 'iis')!.features.test('/featurename:iis-webserver'));
  });

  it('Nano Server lacks carry the way a Dockerfile uses them; MSI, unconfirmed, has none', () => {
    const lacks = variantFactsTable.nanoserver.lacks;
    assert.deepEqual(lacks.find((l) => l.what.startsWith('Windows PowerShell'))?.usedBy?.commands, ['powershell', 'pwsh']);
    assert.ok(lacks.find((l) => l.what === '.NET Framework')?.usedBy?.pattern?.test('/featurename:NetFx3'));
    const msi = lacks.find((l) => l.what.startsWith('MSI'));
    assert.equal(msi?.unconfirmed, true);
    assert.equal(msi?.usedBy, undefined);
  });
});

describe('windowsTagsForSharedTag', () => {
  const tags = (text: string, build: number): string[] => windowsTagsForSharedTag(parseImageReference(text)!, build);

  it('gives the Nano Server and Server Core tags of the same .NET version', () => {
    assert.deepEqual(tags('mcr.microsoft.com/dotnet/sdk:8.0', 20348), [
      'mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022',
      'mcr.microsoft.com/dotnet/sdk:8.0-windowsservercore-ltsc2022',
    ]);
    assert.deepEqual(tags('mcr.microsoft.com/dotnet/runtime:9.0.4', 17763), [
      'mcr.microsoft.com/dotnet/runtime:9.0.4-nanoserver-1809',
      'mcr.microsoft.com/dotnet/runtime:9.0.4-windowsservercore-ltsc2019',
    ]);
  });

  it('gives nothing for builds a version is not published for, for latest, or for tags with Windows images', () => {
    assert.deepEqual(tags('mcr.microsoft.com/dotnet/sdk:10.0', 17763), []);
    assert.deepEqual(tags('mcr.microsoft.com/dotnet/sdk:latest', 20348), []);
    assert.deepEqual(tags('mcr.microsoft.com/dotnet/sdk:6.0', 20348), []);
    assert.deepEqual(tags('mcr.microsoft.com/windows/servercore:ltsc2022', 20348), []);
  });
});

describe('deprecated names', () => {
  it('only the base OS images keep their tags on MCR', () => {
    const sameTags = (text: string): boolean | undefined => describeImage(parseImageReference(text)!).deprecated?.sameTags;
    assert.equal(sameTags('microsoft/windowsservercore:1803'), true);
    assert.equal(sameTags('microsoft/nanoserver:1709'), true);
    assert.equal(sameTags('microsoft/iis:windowsservercore-1803'), false);
    assert.equal(sameTags('mcr.microsoft.com/dotnet/core/sdk:3.1'), false);
  });
});
