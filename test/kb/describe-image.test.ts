import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeImage, parseImageReference, type ImageInfo } from '../../server/src/kb';

function info(text: string): ImageInfo {
  const ref = parseImageReference(text);
  assert.ok(ref, `not parsed: ${text}`);
  return describeImage(ref);
}

const mcr = 'mcr.microsoft.com';

describe('describeImage: base OS images', () => {
  it('reads release tags', () => {
    const i = info(`${mcr}/windows/servercore:ltsc2022`);
    assert.equal(i.os, 'windows');
    assert.equal(i.variant, 'servercore');
    assert.equal(i.release?.id, 'ltsc2022');
    assert.equal(i.build, 20348);
    assert.equal(i.tagKind, 'release');
    assert.equal(i.windowsFamily, true);
    assert.equal(i.family?.id, 'windows/servercore');
    assert.equal(i.family?.isBaseOs, true);
    assert.equal(i.family?.noLatestTag, true);
  });

  it('maps 1809 and ltsc2019 to the same release', () => {
    assert.equal(info(`${mcr}/windows/nanoserver:1809`).release?.id, 'ltsc2019');
    assert.equal(info(`${mcr}/windows/servercore:ltsc2019`).release?.id, 'ltsc2019');
    assert.equal(info(`${mcr}/windows:1809`).variant, 'windows');
  });

  it('keeps the -amd64 suffix tags', () => {
    const i = info(`${mcr}/windows/servercore:ltsc2022-amd64`);
    assert.equal(i.build, 20348);
    assert.equal(i.tagKind, 'release');
    assert.equal(info(`${mcr}/windows/nanoserver:ltsc2025-amd64`).build, 26100);
  });

  it('reads KB tags', () => {
    const i = info(`${mcr}/windows/servercore:1809-KB5034127`);
    assert.equal(i.tagKind, 'kb');
    assert.equal(i.build, 17763);
    assert.equal(i.release?.id, 'ltsc2019');
  });

  it('reads full OS version tags, also for builds with no release', () => {
    const i = info(`${mcr}/windows/servercore:10.0.20348.2700`);
    assert.equal(i.tagKind, 'full-version');
    assert.equal(i.build, 20348);
    assert.equal(i.release?.id, 'ltsc2022');
    const insider = info(`${mcr}/windows/servercore/insider:10.0.19035.1`);
    assert.equal(insider.os, 'windows');
    assert.equal(insider.build, 19035);
    assert.equal(insider.release, undefined);
  });

  it('knows SAC tags and Nano Server 2016', () => {
    assert.equal(info(`${mcr}/windows/servercore:20H2`).build, 19042);
    assert.equal(info(`${mcr}/windows/servercore:20h2`).build, 19042);
    assert.equal(info(`${mcr}/windows/servercore:2009`).build, 19042);
    assert.equal(info(`${mcr}/windows/servercore:1803`).build, 17134);
    assert.equal(info(`${mcr}/windows:1909`).build, 18363);
    const nano2016 = info('microsoft/nanoserver:sac2016');
    assert.equal(nano2016.build, 14393);
    assert.equal(nano2016.variant, 'nanoserver');
  });

  it('treats latest and no tag as Windows with no release', () => {
    const latest = info(`${mcr}/windows/servercore:latest`);
    assert.equal(latest.os, 'windows');
    assert.equal(latest.tagKind, 'latest');
    assert.equal(latest.release, undefined);
    const untagged = info(`${mcr}/windows/nanoserver`);
    assert.equal(untagged.os, 'windows');
    assert.equal(untagged.tagKind, 'none');
    assert.equal(untagged.variant, 'nanoserver');
    assert.equal(untagged.build, undefined);
  });

  it('is case-insensitive about repository and tag', () => {
    const i = info('MCR.microsoft.com/Windows/ServerCore:LTSC2022');
    assert.equal(i.os, 'windows');
    assert.equal(i.build, 20348);
  });
});

describe('describeImage: IIS and .NET Framework', () => {
  it('reads IIS tags; latest spans all four Server Core versions', () => {
    assert.equal(info(`${mcr}/windows/servercore/iis:windowsservercore-ltsc2019`).build, 17763);
    const latest = info(`${mcr}/windows/servercore/iis`);
    assert.equal(latest.os, 'windows');
    assert.equal(latest.tagKind, 'none');
    assert.deepEqual(latest.sharedTagReleases?.map((r) => r.id), ['ltsc2025', 'ltsc2022', 'ltsc2019', 'ltsc2016']);
    assert.equal(latest.family?.noLatestTag, undefined);
  });

  it('reads .NET Framework OS-specific and timestamped tags', () => {
    const i = info(`${mcr}/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022`);
    assert.equal(i.os, 'windows');
    assert.equal(i.variant, 'servercore');
    assert.equal(i.build, 20348);
    assert.equal(i.tagKind, 'release');
    assert.equal(info(`${mcr}/dotnet/framework/sdk:4.8-20260714-windowsservercore-ltsc2016`).build, 14393);
  });

  it('knows that latest and 4.8 hold only ltsc2019 and ltsc2016, 4.8.1 only 2022 and 2025', () => {
    for (const tag of ['latest', '4.8']) {
      const i = info(`${mcr}/dotnet/framework/runtime:${tag}`);
      assert.equal(i.os, 'windows', tag);
      assert.equal(i.release, undefined, tag);
      assert.deepEqual(i.sharedTagReleases?.map((r) => r.id), ['ltsc2019', 'ltsc2016'], tag);
    }
    assert.equal(info(`${mcr}/dotnet/framework/runtime:latest`).tagKind, 'latest');
    assert.equal(info(`${mcr}/dotnet/framework/runtime:4.8`).tagKind, 'shared');
    assert.deepEqual(info(`${mcr}/dotnet/framework/sdk:4.8.1`).sharedTagReleases?.map((r) => r.id), ['ltsc2025', 'ltsc2022']);
    const other = info(`${mcr}/dotnet/framework/aspnet:4.7.2`);
    assert.equal(other.os, 'windows');
    assert.equal(other.tagKind, 'shared');
    assert.equal(other.sharedTagReleases, undefined);
  });
});

describe('describeImage: .NET', () => {
  it('reads OS-specific tags', () => {
    const nano = info(`${mcr}/dotnet/sdk:8.0-nanoserver-ltsc2022`);
    assert.equal(nano.os, 'windows');
    assert.equal(nano.variant, 'nanoserver');
    assert.equal(nano.build, 20348);
    assert.equal(info(`${mcr}/dotnet/runtime:8.0.30-nanoserver-1809`).build, 17763);
    assert.equal(info(`${mcr}/dotnet/aspnet:9.0-windowsservercore-ltsc2019`).build, 17763);
    assert.equal(info(`${mcr}/dotnet/sdk:11.0.0-preview.7-windowsservercore-ltsc2025`).build, 26100);
  });

  it('does not read a digest-only reference as latest', () => {
    const i = info(`${mcr}/dotnet/sdk@sha256:${'b'.repeat(64)}`);
    assert.equal(i.os, 'unknown');
    assert.equal(i.tagKind, 'none');
    assert.equal(i.sharedTagWithoutWindows, undefined);
    const core = info(`${mcr}/windows/servercore@sha256:${'b'.repeat(64)}`);
    assert.equal(core.os, 'windows');
    assert.equal(core.variant, 'servercore');
    assert.equal(core.build, undefined);
  });

  it('knows that .NET 8+ shared tags and latest have no Windows image', () => {
    for (const tag of ['8.0', '9.0', '10.0', '8.0.11', '10.0.0-preview.7', 'latest']) {
      const i = info(`${mcr}/dotnet/sdk:${tag}`);
      assert.equal(i.os, 'linux', tag);
      assert.equal(i.sharedTagWithoutWindows, true, tag);
      assert.equal(i.windowsFamily, true, tag);
    }
    const untagged = info(`${mcr}/dotnet/aspnet`);
    assert.equal(untagged.os, 'linux');
    assert.equal(untagged.tagKind, 'none');
  });

  it('treats pre-8 shared tags as multi-OS', () => {
    assert.equal(info(`${mcr}/dotnet/sdk:6.0`).os, 'multi');
    const core = info(`${mcr}/dotnet/core/sdk:2.1`);
    assert.equal(core.os, 'multi');
    assert.equal(core.deprecated?.replacement, `${mcr}/dotnet/sdk`);
  });

  it('reads Linux distribution tags as Linux', () => {
    for (const tag of ['10.0-noble', '10.0-alpine', '10.0-noble-chiseled', '8.0-bookworm-slim', '8.0-azurelinux3.0-distroless', '8.0-cbl-mariner2.0']) {
      const i = info(`${mcr}/dotnet/aspnet:${tag}`);
      assert.equal(i.os, 'linux', tag);
      assert.equal(i.sharedTagWithoutWindows, undefined, tag);
    }
  });

  it('knows runtime-deps is Linux-only', () => {
    const i = info(`${mcr}/dotnet/runtime-deps:10.0`);
    assert.equal(i.os, 'linux');
    assert.equal(i.windowsFamily, false);
  });
});

describe('describeImage: Docker official images', () => {
  it('reads Windows variant tags', () => {
    const i = info('python:3.14-windowsservercore-ltsc2025');
    assert.equal(i.os, 'windows');
    assert.equal(i.variant, 'servercore');
    assert.equal(i.build, 26100);
    assert.equal(i.family?.id, 'docker-official/python');
    const variantOnly = info('golang:1.25-nanoserver');
    assert.equal(variantOnly.os, 'windows');
    assert.equal(variantOnly.tagKind, 'variant');
    assert.equal(variantOnly.build, undefined);
    assert.equal(info('eclipse-temurin:21-jdk-nanoserver-1809').build, 17763);
  });

  it('treats plain version tags of images whose shared tags include Windows as multi', () => {
    assert.equal(info('golang:1.22').os, 'multi');
    assert.equal(info('golang:1.22').tagKind, 'shared');
    assert.equal(info('python:latest').os, 'multi');
    assert.equal(info('python').os, 'multi');
    assert.equal(info(`golang:1.25.9@sha256:${'5'.repeat(64)}`).os, 'multi');
    assert.equal(info('docker.io/library/golang:1.26.2').os, 'multi');
  });

  it('reads Linux variants as Linux', () => {
    for (const text of ['python:3.14-slim', 'golang:1.25-bookworm', 'golang:alpine', 'eclipse-temurin:21-jdk-noble', 'nats:scratch']) {
      assert.equal(info(text).os, 'linux', text);
    }
  });

  it('stays unknown where the shared tags are not known to include Windows', () => {
    assert.equal(info('docker:latest').os, 'unknown');
    assert.equal(info('traefik:2.9').os, 'unknown');
    assert.equal(info('golang:tip').os, 'unknown');
  });
});

describe('describeImage: Linux-only and unknown images', () => {
  it('knows well-known Linux-only images', () => {
    for (const text of ['node:20', 'nginx', 'alpine:3.24', 'ubuntu:24.04', 'debian:trixie-slim', 'busybox', 'redis', 'docker.io/redis:6.0.5', 'postgres:16', 'gcr.io/distroless/static:nonroot', `${mcr}/azurelinux/base/core:3.0`]) {
      const i = info(text);
      assert.equal(i.os, 'linux', text);
      assert.equal(i.windowsFamily, false, text);
    }
  });

  it('never reads Windows words on a Linux-only image', () => {
    assert.equal(info('node:windowsservercore-ltsc2022').os, 'linux');
  });

  it('reads a Windows variant or LTSC release in any image tag', () => {
    const flannel = info('sigwindowstools/flannel:v0.13.0-nanoserver');
    assert.equal(flannel.os, 'windows');
    assert.equal(flannel.variant, 'nanoserver');
    assert.equal(flannel.windowsFamily, false);
    const cssc = info(`${mcr}/windows-cssc/python3.7nanoserver:ltsc2019`);
    assert.equal(cssc.os, 'windows');
    assert.equal(cssc.build, 17763);
    const app = info('myorg/app:1.0-windowsservercore-ltsc2022-amd64');
    assert.equal(app.os, 'windows');
    assert.equal(app.build, 20348);
  });

  it('stays unknown for other images, Linux-looking tags included', () => {
    for (const text of [
      'myorg/app:1.0',
      'myorg/app',
      'k8sprow.azurecr.io/kubernetes-e2e-test-images/nginx:1.14-alpine',
      'k8sprow.azurecr.io/kubernetes-e2e-test-images/curl:1803',
      'stefanscherer/whoami:windows-amd64-2.0.1',
      'sigwindowstools/calico-node:CALICO_VERSION-hostprocess',
      `${mcr}/dotnet/samples:aspnetapp`,
      'myorg/app:windowsservercore-alpine',
    ]) {
      assert.equal(info(text).os, 'unknown', text);
    }
  });
});

describe('describeImage: Kubernetes and PowerShell images', () => {
  it('treats multi-OS pause images as multi', () => {
    assert.equal(info('registry.k8s.io/pause:3.10').os, 'multi');
    assert.equal(info('k8s.gcr.io/pause:3.4.1').os, 'multi');
    assert.equal(info(`${mcr}/oss/kubernetes/pause:3.6`).os, 'multi');
    const win = info(`${mcr}/oss/kubernetes/pause:3.9-windows-ltsc2022-amd64`);
    assert.equal(win.os, 'windows');
    assert.equal(win.build, 20348);
  });

  it('marks the HostProcess base image as running on any host build', () => {
    const i = info(`${mcr}/oss/kubernetes/windows-host-process-containers-base-image:v1.0.0`);
    assert.equal(i.os, 'windows');
    assert.equal(i.hostProcessOnly, true);
    assert.equal(i.build, undefined);
  });

  it('reads PowerShell tags by their OS words', () => {
    const nano = info(`${mcr}/powershell:lts-7.2-nanoserver-1809`);
    assert.equal(nano.os, 'windows');
    assert.equal(nano.build, 17763);
    assert.equal(info(`${mcr}/powershell:7.4-ubuntu-22.04`).os, 'linux');
    assert.equal(info(`${mcr}/powershell:latest`).os, 'unknown');
  });
});

describe('describeImage: deprecated Docker Hub names', () => {
  const cases: [string, string, ImageInfo['os']][] = [
    ['microsoft/windowsservercore', `${mcr}/windows/servercore`, 'windows'],
    ['microsoft/windowsservercore:1803', `${mcr}/windows/servercore`, 'windows'],
    ['microsoft/nanoserver:1709', `${mcr}/windows/nanoserver`, 'windows'],
    ['microsoft/iis', `${mcr}/windows/servercore/iis`, 'windows'],
    ['microsoft/aspnet:4.7.2-windowsservercore-1803', `${mcr}/dotnet/framework/aspnet`, 'windows'],
    ['microsoft/dotnet-framework:4.7.2-sdk', `${mcr}/dotnet/framework/sdk`, 'windows'],
    ['microsoft/dotnet-framework:4.7.2-runtime', `${mcr}/dotnet/framework/runtime`, 'windows'],
    ['microsoft/dotnet-framework-samples', `${mcr}/dotnet/framework/samples`, 'windows'],
    ['microsoft/dotnet:2.1-sdk', `${mcr}/dotnet/sdk`, 'unknown'],
    ['microsoft/dotnet:2.1-aspnetcore-runtime', `${mcr}/dotnet/aspnet`, 'unknown'],
    ['microsoft/dotnet:2.1-runtime-deps', `${mcr}/dotnet/runtime-deps`, 'unknown'],
    ['microsoft/dotnet:2.1-runtime-nanoserver-1809', `${mcr}/dotnet/runtime`, 'windows'],
    ['microsoft/powershell:nanoserver', `${mcr}/powershell`, 'windows'],
  ];
  for (const [text, replacement, os] of cases) {
    it(`${text} -> ${replacement}`, () => {
      const i = info(text);
      assert.equal(i.deprecated?.replacement, replacement);
      assert.ok(i.deprecated?.sources.length);
      assert.equal(i.os, os);
    });
  }

  it('reads the old tags', () => {
    assert.equal(info('microsoft/windowsservercore:1803').build, 17134);
    assert.equal(info('microsoft/aspnet:4.7.2-windowsservercore-1803').build, 17134);
    assert.equal(info('microsoft/windowsservercore').variant, 'servercore');
  });
});
