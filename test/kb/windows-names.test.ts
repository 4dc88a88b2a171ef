import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeImage,
  hostSupportStatus,
  imageLifecycleNotes,
  imageSupport,
  kubernetesNodeSupport,
  parseImageReference,
  parseWindowsVersion,
  productLifecycles,
  productSupport,
  releaseForName,
  supportStatus,
  windowsReleases,
} from '../../server/src/kb';

const info = (text: string) => describeImage(parseImageReference(text)!);
const day = (iso: string): Date => new Date(`${iso}T12:00:00Z`);
const today = day('2026-12-04');

describe('kb: every way a Windows base is named', () => {
  it('Insider repositories, past and present, are previews of their variant', () => {
    for (const [image, variant] of [
      ['mcr.microsoft.com/windows/servercore/insider:10.0.26100.1', 'servercore'],
      ['mcr.microsoft.com/windows/nanoserver/insider:10.0.26100.1', 'nanoserver'],
      ['mcr.microsoft.com/windows/server/insider:10.0.20344.1', 'server'],
      ['mcr.microsoft.com/windows/insider:10.0.26100.1', 'windows'],
      ['mcr.microsoft.com/windows/servercore-insider:10.0.18362.53-amd64', 'servercore'],
      ['mcr.microsoft.com/windowsservercore-insider:10.0.17723.1000', 'servercore'],
      ['mcr.microsoft.com/nanoserver-insider:10.0.17744.1001', 'nanoserver'],
      ['mcr.microsoft.com/windows-insider:10.0.17723.1000', 'windows'],
      ['microsoft/windowsservercore-insider:10.0.17074.1000', 'servercore'],
      ['microsoft/nanoserver-insider', 'nanoserver'],
    ] as const) {
      const found = info(image);
      assert.equal(found.os, 'windows', image);
      assert.equal(found.preview, true, image);
      assert.equal(found.variant, variant, image);
      assert.equal(found.family?.noLatestTag, true, image);
    }
    assert.equal(info('mcr.microsoft.com/nanoserver-insider:10.0.17744.1001').deprecated?.replacement, 'mcr.microsoft.com/windows/nanoserver/insider');
    assert.equal(info('mcr.microsoft.com/windows/servercore/insider:10.0.26100.1').deprecated, undefined);
  });

  it('a full build maps to its release, an unknown build to a preview or unknown build', () => {
    const known = info('mcr.microsoft.com/windows/servercore:10.0.17763.5820');
    assert.equal(known.release?.id, 'ltsc2019');
    const unknown = info('mcr.microsoft.com/windows/servercore:10.0.18334.1');
    assert.equal(unknown.build, 18334);
    assert.equal(unknown.release, undefined);
    assert.equal(imageSupport(unknown, today)?.kind, 'unknown-build');
    assert.deepEqual(imageSupport(info('mcr.microsoft.com/windows/nanoserver/insider:10.0.26100.1'), today), {
      kind: 'preview',
      build: 26100,
      sources: info('mcr.microsoft.com/windows/nanoserver/insider:10.0.26100.1').family!.preview!.sources,
    });
  });

  it('a third-party name spells the base through whole words', () => {
    const cases: Array<[string, string | undefined, string | undefined]> = [
      ['contoso/builder:4.7-windowsservercore-1709-builder', '1709', 'servercore'],
      ['stefanscherer/golang-windows:1.11-10.0.17763.5820', 'ltsc2019', undefined],
      ['contoso/app:2.0-nanoserver-1809', 'ltsc2019', 'nanoserver'],
      ['contoso/app:2.0-ltsc2019', 'ltsc2019', undefined],
      ['contoso/iis-windows-ltsc2019', 'ltsc2019', undefined],
      ['contoso/iis-windows-1803:1.0', '1803', undefined],
      ['contoso/app:1.0-windows-20H2', '20H2', undefined],
    ];
    for (const [image, release, variant] of cases) {
      const found = info(image);
      assert.equal(found.os, 'windows', image);
      assert.equal(found.fromName, true, image);
      assert.equal(found.release?.id, release ? releaseForName(release)!.id : undefined, image);
      assert.equal(found.variant, variant, image);
    }
    const preview = info('stefanscherer/golang-windows:1.11-10.0.17744.1001');
    assert.equal(preview.os, 'windows');
    assert.equal(preview.build, 17744);
    assert.equal(preview.release, undefined);
  });

  it('near misses stay unknown: no Windows word, a Linux word, a version that only looks like a release', () => {
    for (const image of [
      'ghcr.io/prometheus-community/windows-exporter:0.25.1',
      'node:20-bookworm',
      'contoso/windows-build-tools:2.1',
      'contoso/app:ltsc2019x',
      'contoso/app:v10.0.17763',
      'contoso/app:1.0.10.0.1',
      'contoso/iis-windows-ltsc2019:1.0-alpine',
    ]) {
      const found = info(image);
      assert.notEqual(found.os, 'windows', image);
      assert.equal(found.release, undefined, image);
    }
    assert.equal(info('node:20-bookworm').os, 'linux');
  });

  it('a bare release tag on an unknown image is only a release if the pod or stage is Windows', () => {
    const curl = info('k8sprow.azurecr.io/kubernetes-e2e-test-images/curl:1803');
    assert.equal(curl.os, 'unknown');
    assert.equal(curl.releaseIfWindows?.id, '1803');
    assert.equal(info('myorg/tool:1809-amd64').releaseIfWindows?.id, 'ltsc2019');
    assert.equal(info('myorg/tool:1.18.09').releaseIfWindows, undefined);
    // A mirror whose name says Windows: the tag is the release once the stage or pod is Windows.
    const mirror = info('registry.contoso.com/windows/servercore:1803');
    assert.equal(mirror.os, 'windows');
    assert.equal(mirror.release, undefined);
    assert.equal(mirror.releaseIfWindows?.id, '1803');
    // A Linux-only image never gets one.
    assert.equal(info('nginx:1809').releaseIfWindows, undefined);
  });

  it('SQL Server for Windows containers is withdrawn, with no replacement', () => {
    const found = info('microsoft/mssql-server-windows-express');
    assert.equal(found.os, 'windows');
    assert.ok(found.deprecated);
    assert.equal(found.deprecated.replacement, undefined);
  });
});

describe('kb: hosts and dates', () => {
  it('Windows 11 23H2, 24H2 and 25H2 are targets', () => {
    assert.equal(parseWindowsVersion('win11-23h2'), 22631);
    assert.equal(parseWindowsVersion('win11-24h2'), 26100);
    assert.equal(parseWindowsVersion('win11-25h2'), 26200);
    assert.equal(parseWindowsVersion('10.0.26200'), 26200);
  });

  it('where the Lifecycle page disagrees with the container page, both are kept; images use the container page', () => {
    const ws2016 = releaseForName('ltsc2016')!;
    assert.equal(ws2016.extendedEnd, '2027-01-11');
    assert.equal(ws2016.lifecycleDates?.extendedEnd, '2027-01-12');
    assert.equal(supportStatus(ws2016, 'servercore', day('2027-01-12')).state, 'ended');
    assert.equal(hostSupportStatus(ws2016, day('2027-01-12')).state, 'mainstream-ended');
    const ws2025 = releaseForName('ltsc2025')!;
    assert.equal(ws2025.lifecycleDates?.mainstreamEnd, '2029-11-13');
    assert.equal(ws2025.lifecycleDates?.extendedEnd, '2034-11-14');
    assert.equal(supportStatus(ws2025, 'servercore', today).mainstreamEnd, '2029-10-09');
    const notes = imageLifecycleNotes(parseImageReference('mcr.microsoft.com/windows/servercore:ltsc2016')!, info('mcr.microsoft.com/windows/servercore:ltsc2016'), today);
    assert.ok(notes.some((n) => n.includes('2027-01-12') && n.includes('container lifecycle page')));
  });

  it('Kubernetes supports Windows Server 2022 and 2025 nodes only', () => {
    assert.equal(kubernetesNodeSupport(17763)?.release.id, 'ltsc2019');
    assert.equal(kubernetesNodeSupport(17763)?.since, '1.33');
    assert.equal(kubernetesNodeSupport(20348), undefined);
    assert.equal(kubernetesNodeSupport(26100), undefined);
    // Semi-Annual nodes are out of support altogether; that is a lifecycle question, not this one.
    assert.equal(kubernetesNodeSupport(19041), undefined);
    assert.ok(windowsReleases.every((r) => r.lifecycleDates === undefined || r.lifecycleDates.sources.length > 0));
  });
});

describe('kb: product lifecycles', () => {
  const product = (text: string, on = today) => productSupport(parseImageReference(text)!, on);

  it('every entry is dated, checked and sourced', () => {
    for (const entry of productLifecycles) {
      assert.ok(entry.sources.length > 0 && entry.sources.every((s) => s.startsWith('https://')), entry.id);
      assert.match(entry.checked, /^\d{4}-\d{2}-\d{2}$/, entry.id);
      if (entry.date) assert.match(entry.date, /^\d{4}-\d{2}-\d{2}$/, entry.id);
    }
  });

  it('.NET 8 and 9 ended on 2026-11-10; .NET 10 did not', () => {
    assert.equal(product('mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022')?.ended, true);
    assert.equal(product('mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022', day('2026-11-10'))?.ended, false);
    assert.equal(product('mcr.microsoft.com/dotnet/aspnet:9.0-windowsservercore-ltsc2025')?.retag, 'mcr.microsoft.com/dotnet/aspnet:10.0-windowsservercore-ltsc2025');
    assert.equal(product('mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-1809')?.retag, undefined);
    assert.equal(product('mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2025'), undefined);
  });

  it('.NET Framework: only 4.8 on ltsc2016/2019 and 4.8.1 on ltsc2022/2025 are produced', () => {
    assert.equal(product('mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019'), undefined);
    assert.equal(product('mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2025'), undefined);
    assert.equal(product('mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022')?.retag, 'mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022');
    assert.equal(product('mcr.microsoft.com/dotnet/framework/runtime:4.6.2-windowsservercore-ltsc2016')?.retag, 'mcr.microsoft.com/dotnet/framework/runtime:4.8-windowsservercore-ltsc2016');
    assert.equal(product('mcr.microsoft.com/dotnet/framework/runtime:3.5-windowsservercore-ltsc2019')?.lifecycle.id, 'dotnet-framework-3.5');
    assert.equal(product('mcr.microsoft.com/dotnet/framework/runtime:3.5-windowsservercore-ltsc2019')?.retag, undefined);
  });

  it('the PowerShell images are no longer updated', () => {
    assert.equal(product('mcr.microsoft.com/powershell:lts-7.2-nanoserver-1809')?.lifecycle.kind, 'not-updated');
  });
});
