import { releaseTagNames } from './releases';
import { officialImageLibraryFile, src } from './sources';
import type { BaseVariant, ImageFamily, IsoDate, LinuxOnlyImage, ProductLifecycle, RetagRule, TagScheme, VariantFacts } from './types';

/** A Windows release name in a tag, captured as the `release` group. */
const RELEASE = `(?<release>${releaseTagNames().join('|')})`;

/** Case-insensitive; `d` records group positions so a retag can replace just the release part. */
const rx = (source: string): RegExp => new RegExp(source, 'id');

const BASE_OS_SOURCES = [src.versionCompatibility, src.taggingFormat, src.containerBaseImages];

/** The day Microsoft stopped publishing `latest` for the base OS repositories (families with `noLatestTag`). */
export const latestTagRemoved: { date: IsoDate; sources: string[] } = { date: '2019-04-16', sources: [src.removingLatest] };

/**
 * Tag forms of the base OS repositories: release (`ltsc2022`, `1809`), KB (`1809-KB5034127`; before
 * Feb 2019 `1809_KB4480116_amd64`), full OS version (`10.0.17763.437`), each optionally `-amd64`.
 */
const baseOsSchemes: TagScheme[] = [
  { pattern: rx(`^${RELEASE}(?:[-_]amd64)?$`), kind: 'release', os: 'windows', sources: BASE_OS_SOURCES },
  {
    pattern: rx(`^${RELEASE}[-_]kb\\d+(?:[-_]amd64)?$`),
    kind: 'kb',
    os: 'windows',
    sources: BASE_OS_SOURCES,
  },
  {
    pattern: rx('^10\\.0\\.(?<build>\\d{5})\\.\\d+(?:[-_]amd64)?$'),
    kind: 'full-version',
    os: 'windows',
    sources: BASE_OS_SOURCES,
  },
  // `latest` was removed from the base OS repositories on 2019-04-16; a tag must be given.
  { pattern: rx('^latest$'), kind: 'latest', os: 'windows', sources: [src.removingLatest, src.versionCompatibility] },
];

/** Insider repositories are tagged by build only (`10.0.20348.1`; in 2019 also `10.0.18362.53-amd64`). */
const insiderSchemes: TagScheme[] = [
  {
    pattern: rx('^10\\.0\\.(?<build>\\d{5})\\.\\d+(?:[-_]amd64)?$'),
    kind: 'full-version',
    os: 'windows',
    sources: [src.insiderImages],
  },
];

const INSIDER_SOURCES = [src.insiderImages, src.insiderDockerHubNames, src.insiderServerAnnouncement];

/**
 * One Insider repository per base variant. The current names are `windows/<variant>/insider`;
 * earlier previews were published as `windows/servercore-insider`, `windows-insider`,
 * `windowsservercore-insider` and `nanoserver-insider` on MCR and as `microsoft/*-insider` on
 * Docker Hub, which no longer get builds: those point to the current repository.
 */
const insiderFamily = (
  id: string,
  title: string,
  variant: BaseVariant,
  registry: string,
  repositories: string[],
  replacement?: string,
): ImageFamily => ({
  id,
  title,
  registries: [registry],
  repositories,
  publishes: 'windows',
  isBaseOs: true,
  // Insider repositories are tagged by build only; an untagged reference has nothing to pull.
  noLatestTag: true,
  variant,
  tagSchemes: insiderSchemes,
  preview: { sources: INSIDER_SOURCES },
  // Old preview builds are not republished under the new name: the tag must be picked again.
  ...(replacement ? { deprecated: { replacement, sources: INSIDER_SOURCES } } : {}),
  examples: [{ tag: '10.0.26100.1', os: 'windows', kind: 'full-version', build: 26100, variant }],
  sources: INSIDER_SOURCES,
});

const insiderFamilies: ImageFamily[] = [
  insiderFamily('windows/servercore/insider', 'Windows Server Core Insider', 'servercore', 'mcr.microsoft.com', ['windows/servercore/insider']),
  insiderFamily('windows/nanoserver/insider', 'Nano Server Insider', 'nanoserver', 'mcr.microsoft.com', ['windows/nanoserver/insider']),
  insiderFamily('windows/server/insider', 'Windows Server Insider', 'server', 'mcr.microsoft.com', ['windows/server/insider']),
  insiderFamily('windows/insider', 'Windows Insider', 'windows', 'mcr.microsoft.com', ['windows/insider']),
  insiderFamily(
    'mcr/servercore-insider',
    'Windows Server Core Insider (old MCR name)',
    'servercore',
    'mcr.microsoft.com',
    ['windows/servercore-insider', 'windowsservercore-insider'],
    'mcr.microsoft.com/windows/servercore/insider',
  ),
  insiderFamily('mcr/nanoserver-insider', 'Nano Server Insider (old MCR name)', 'nanoserver', 'mcr.microsoft.com', ['nanoserver-insider', 'windows/nanoserver-insider'], 'mcr.microsoft.com/windows/nanoserver/insider'),
  insiderFamily('mcr/windows-insider', 'Windows Insider (old MCR name)', 'windows', 'mcr.microsoft.com', ['windows-insider'], 'mcr.microsoft.com/windows/insider'),
  insiderFamily(
    'microsoft/windowsservercore-insider',
    'Windows Server Core Insider (old Docker Hub name)',
    'servercore',
    'docker.io',
    ['microsoft/windowsservercore-insider'],
    'mcr.microsoft.com/windows/servercore/insider',
  ),
  insiderFamily(
    'microsoft/nanoserver-insider',
    'Nano Server Insider (old Docker Hub name)',
    'nanoserver',
    'docker.io',
    ['microsoft/nanoserver-insider'],
    'mcr.microsoft.com/windows/nanoserver/insider',
  ),
];

/** Release part of the base OS tags per build: only tags that are published. */
const baseOsReleaseTags: Record<BaseVariant, Readonly<Record<number, string>>> = {
  servercore: { 14393: 'ltsc2016', 17763: 'ltsc2019', 20348: 'ltsc2022', 26100: 'ltsc2025' },
  // Nano Server 2019 is published as 1809 (ltsc2019 is unconfirmed); there is no Nano Server ltsc2016.
  nanoserver: { 17763: '1809', 20348: 'ltsc2022', 26100: 'ltsc2025' },
  // Introduced with Windows Server 2022.
  server: { 20348: 'ltsc2022', 26100: 'ltsc2025' },
  // Not published for Windows Server 2025; superseded by windows/server from 2022 on.
  windows: { 17763: '1809' },
};

/** `<version>-<nanoserver|windowsservercore>-<release>`, the version possibly a preview (11.0.0-preview.7). */
const dotnetWindowsTag: TagScheme = {
  pattern: rx(
    `^(?<version>\\d+\\.\\d+(?:\\.\\d+)?(?:-[a-z]+(?:\\.\\d+)*)?)-(?<variant>nanoserver|windowsservercore)-${RELEASE}$`,
  ),
  kind: 'release',
  os: 'windows',
  sources: [src.dotnetSupportedTags, src.dotnetReadmeSdk],
};

/** Docker official images name their Windows tags `[<version>-]<variant>[-<release>]`. */
const officialWindowsTags = (name: string): TagScheme[] => [
  {
    pattern: rx(`^(?:(?<version>.+?)-)?(?<variant>windowsservercore|nanoserver)-${RELEASE}$`),
    kind: 'release',
    os: 'windows',
    sources: [officialImageLibraryFile(name)],
  },
  {
    pattern: rx('^(?:(?<version>.+?)-)?(?<variant>windowsservercore|nanoserver)$'),
    kind: 'variant',
    os: 'windows',
    sources: [officialImageLibraryFile(name)],
  },
];

/**
 * For these official images the library file lists the Windows entries under the plain version
 * tags and `latest` too (`golang:1.25` is a manifest list with Linux and Windows Server Core).
 */
const officialSharedTags = (name: string): TagScheme[] => [
  { pattern: rx('^latest$'), kind: 'latest', os: 'multi', sources: [officialImageLibraryFile(name)] },
  { pattern: rx('^v?\\d[\\w.-]*$'), kind: 'shared', os: 'multi', sources: [officialImageLibraryFile(name)] },
];

/** The official images now build only ltsc2022 and ltsc2025 Windows variants (`.external-pins`). */
const officialRetag: RetagRule = {
  releaseTags: {
    servercore: { 20348: 'ltsc2022', 26100: 'ltsc2025' },
    nanoserver: { 20348: 'ltsc2022', 26100: 'ltsc2025' },
  },
  sources: [src.officialImagesExternalPins],
};

const officialImage = (
  name: string,
  sharedTagsIncludeWindows: boolean,
  examples: ImageFamily['examples'],
): ImageFamily => ({
  id: `docker-official/${name}`,
  title: `Docker official image ${name}`,
  registries: ['docker.io'],
  repositories: [`library/${name}`],
  publishes: 'multi',
  tagSchemes: officialWindowsTags(name),
  ...(sharedTagsIncludeWindows ? { sharedTagSchemes: officialSharedTags(name) } : {}),
  linuxTagWords: true,
  retag: officialRetag,
  examples,
  sources: [officialImageLibraryFile(name), src.officialImagesLibrary],
});

const frameworkTag: TagScheme = {
  pattern: rx(`^(?<version>\\d+(?:\\.\\d+)+)(?<date>-\\d{8})?-windowsservercore-${RELEASE}$`),
  kind: 'release',
  os: 'windows',
  sources: [src.dotnetFrameworkDocker],
};

const frameworkWindowsTag = (pattern: string, kind: 'shared' | 'latest', sharedReleases?: string[]): TagScheme => ({
  pattern: rx(pattern),
  kind,
  os: 'windows',
  ...(sharedReleases ? { sharedReleases } : {}),
  sources: [src.dotnetFrameworkDocker],
});
/**
 * `4.8.1` covers ltsc2025 and ltsc2022; `4.8` and `latest` cover only ltsc2019 and ltsc2016, so a
 * Windows Server 2022/2025 node must use 4.8.1 (dotnet-framework-docker README).
 */
const frameworkShared: TagScheme[] = [
  frameworkWindowsTag('^4\\.8\\.1$', 'shared', ['ltsc2025', 'ltsc2022']),
  frameworkWindowsTag('^4\\.8$', 'shared', ['ltsc2019', 'ltsc2016']),
  frameworkWindowsTag('^latest$', 'latest', ['ltsc2019', 'ltsc2016']),
  // Older versions (4.7.2, 3.5) are shared tags too; which Windows versions they still cover is not recorded.
  frameworkWindowsTag('^(?<version>\\d+(?:\\.\\d+)+)$', 'shared'),
];

const frameworkRetag: RetagRule = {
  releaseTags: { servercore: baseOsReleaseTags.servercore },
  versions: [
    {
      pattern: /^4\.8(?:\.1)?$/,
      builds: [14393, 17763, 20348, 26100],
      rewrite: { 14393: '4.8', 17763: '4.8', 20348: '4.8.1', 26100: '4.8.1' },
    },
  ],
  sharedTags: { 14393: '4.8', 17763: '4.8', 20348: '4.8.1', 26100: '4.8.1' },
  sources: [src.dotnetFrameworkDocker],
};

const frameworkFamily = (name: string): ImageFamily => ({
  id: `dotnet-framework/${name}`,
  title: `.NET Framework ${name}`,
  registries: ['mcr.microsoft.com'],
  repositories: [`dotnet/framework/${name}`],
  publishes: 'windows',
  variant: 'servercore',
  tagSchemes: [frameworkTag, ...frameworkShared],
  ...(name === 'samples' ? {} : { retag: frameworkRetag }),
  examples:
    name === 'samples'
      ? [{ tag: 'aspnetapp', os: 'windows', kind: 'other', variant: 'servercore' }]
      : [
          { tag: '4.8.1-windowsservercore-ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'servercore' },
          { tag: '4.8-20260714-windowsservercore-ltsc2019', os: 'windows', kind: 'release', build: 17763, variant: 'servercore' },
          { tag: '4.8.1', os: 'windows', kind: 'shared', variant: 'servercore' },
          { tag: 'latest', os: 'windows', kind: 'latest', variant: 'servercore' },
        ],
  sources: [src.dotnetFrameworkDocker],
});

/** .NET 5-7 shared tags still listed the Windows entries; .NET 8+ removed them (dotnet-docker#4492). */
const dotnetShared = (latestIncludesWindows: boolean): TagScheme[] => [
  {
    pattern: rx('^(?<version>[1-7]\\.\\d+(?:\\.\\d+)?)$'),
    kind: 'shared',
    os: 'multi',
    sources: [src.dotnetSupportedTags],
  },
  {
    pattern: rx('^(?<version>(?:[89]|[1-9]\\d)\\.\\d+(?:\\.\\d+)?(?:-(?:preview|rc)(?:\\.\\d+)*)?)$'),
    kind: 'shared',
    os: 'linux',
    withoutWindows: true,
    sources: [src.dotnetSupportedTags, src.dotnetLinuxOnlyTags],
  },
  latestIncludesWindows
    ? { pattern: rx('^latest$'), kind: 'latest', os: 'multi', sources: [src.dotnetSupportedTags] }
    : {
        pattern: rx('^latest$'),
        kind: 'latest',
        os: 'linux',
        withoutWindows: true,
        sources: [src.dotnetSupportedTags, src.dotnetLinuxOnlyTags],
      },
];

/** .NET publishes Windows images only for OS versions in mainstream support, per .NET version. */
const dotnetRetag: RetagRule = {
  releaseTags: {
    servercore: { 17763: 'ltsc2019', 20348: 'ltsc2022', 26100: 'ltsc2025' },
    // Nano Server 2019 is tagged nanoserver-1809, not ltsc2019.
    nanoserver: { 17763: '1809', 20348: 'ltsc2022', 26100: 'ltsc2025' },
  },
  versions: [
    { pattern: /^(?:8|9)\./, builds: [17763, 20348, 26100] },
    { pattern: /^10\./, builds: [20348, 26100] },
    { pattern: /^11\./, builds: [26100] },
  ],
  variantTagWords: { nanoserver: 'nanoserver', servercore: 'windowsservercore' },
  sources: [src.dotnetSupportedTags, src.dotnetSupportedPlatforms, src.dotnetReadmeSdk],
};

/** The Windows runtime, aspnet and sdk images each build on the one before and none sets a SHELL. */
const dotnetWindowsShell: ImageFamily['windowsShell'] = {
  argv: ['cmd', '/S', '/C'],
  sources: [src.dotnetRuntimeServercoreDockerfile, src.dotnetAspnetServercoreDockerfile, src.dotnetSdkServercoreDockerfile, src.dotnetSdk10ServercoreDockerfile, src.dotnetSdkNanoserverDockerfile],
};

const dotnetFamily = (name: 'runtime' | 'aspnet' | 'sdk'): ImageFamily => ({
  id: `dotnet/${name}`,
  title: `.NET ${name}`,
  registries: ['mcr.microsoft.com'],
  repositories: [`dotnet/${name}`],
  publishes: 'multi',
  tagSchemes: [dotnetWindowsTag],
  sharedTagSchemes: dotnetShared(false),
  linuxTagWords: true,
  retag: dotnetRetag,
  windowsShell: dotnetWindowsShell,
  examples: [
    { tag: '8.0-nanoserver-ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'nanoserver' },
    { tag: '8.0.30-nanoserver-1809', os: 'windows', kind: 'release', build: 17763, variant: 'nanoserver' },
    { tag: '10.0-windowsservercore-ltsc2025', os: 'windows', kind: 'release', build: 26100, variant: 'servercore' },
    { tag: '11.0.0-preview.7-nanoserver-ltsc2025', os: 'windows', kind: 'release', build: 26100, variant: 'nanoserver' },
    { tag: '8.0', os: 'linux', kind: 'shared' },
    { tag: '6.0', os: 'multi', kind: 'shared' },
    { tag: 'latest', os: 'linux', kind: 'latest' },
    { tag: '10.0-noble-chiseled', os: 'linux', kind: 'other' },
  ],
  sources: [src.dotnetSupportedTags, src.dotnetDocker],
});

const dotnetCoreFamily = (name: 'runtime' | 'aspnet' | 'sdk'): ImageFamily => ({
  id: `dotnet/core/${name}`,
  title: `.NET Core ${name} (old repository)`,
  registries: ['mcr.microsoft.com'],
  repositories: [`dotnet/core/${name}`],
  publishes: 'multi',
  tagSchemes: [dotnetWindowsTag],
  sharedTagSchemes: dotnetShared(true),
  linuxTagWords: true,
  // Publishing to dotnet/core stopped in June 2020 (5.0+ go to dotnet/<name>).
  deprecated: { replacement: `mcr.microsoft.com/dotnet/${name}`, sources: [src.dotnetDocker] },
  examples: [
    { tag: '3.1-nanoserver-1809', os: 'windows', kind: 'release', build: 17763, variant: 'nanoserver' },
    { tag: '2.1', os: 'multi', kind: 'shared' },
  ],
  sources: [src.dotnetDocker],
});

/**
 * Image families that publish Windows images. A repository's family is found by registry and
 * repository; the tag is then classified by the family's schemes.
 */
export const imageFamilies: readonly ImageFamily[] = [
  // --- Base OS images (MCR) ---
  {
    id: 'windows/servercore',
    title: 'Windows Server Core',
    registries: ['mcr.microsoft.com'],
    repositories: ['windows/servercore'],
    publishes: 'windows',
    isBaseOs: true,
    noLatestTag: true,
    variant: 'servercore',
    tagSchemes: baseOsSchemes,
    retag: {
      releaseTags: { servercore: baseOsReleaseTags.servercore },
      sources: [src.baseImageLifecycle, src.versionCompatibility],
    },
    examples: [
      { tag: 'ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'servercore' },
      { tag: 'ltsc2025-amd64', os: 'windows', kind: 'release', build: 26100, variant: 'servercore' },
      { tag: '1809', os: 'windows', kind: 'release', build: 17763, variant: 'servercore' },
      { tag: '1809-KB5034127', os: 'windows', kind: 'kb', build: 17763, variant: 'servercore' },
      { tag: '1809_KB4480116_amd64', os: 'windows', kind: 'kb', build: 17763, variant: 'servercore' },
      { tag: '10.0.20348.2700', os: 'windows', kind: 'full-version', build: 20348, variant: 'servercore' },
      { tag: '20H2', os: 'windows', kind: 'release', build: 19042, variant: 'servercore' },
      { tag: '2009', os: 'windows', kind: 'release', build: 19042, variant: 'servercore' },
      { tag: 'latest', os: 'windows', kind: 'latest', variant: 'servercore' },
    ],
    sources: [src.containerBaseImages, src.versionCompatibility, src.baseImageLifecycle, src.removingLatest],
  },
  {
    id: 'windows/nanoserver',
    title: 'Nano Server',
    registries: ['mcr.microsoft.com'],
    repositories: ['windows/nanoserver'],
    publishes: 'windows',
    isBaseOs: true,
    noLatestTag: true,
    variant: 'nanoserver',
    tagSchemes: baseOsSchemes,
    retag: {
      releaseTags: { nanoserver: baseOsReleaseTags.nanoserver },
      sources: [src.baseImageLifecycle, src.dotnetSupportedTags],
    },
    examples: [
      { tag: '1809', os: 'windows', kind: 'release', build: 17763, variant: 'nanoserver' },
      { tag: 'ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'nanoserver' },
      { tag: 'ltsc2025-amd64', os: 'windows', kind: 'release', build: 26100, variant: 'nanoserver' },
      { tag: 'sac2016', os: 'windows', kind: 'release', build: 14393, variant: 'nanoserver' },
    ],
    sources: [src.containerBaseImages, src.versionCompatibility, src.baseImageLifecycle, src.removingLatest],
  },
  {
    id: 'windows/server',
    title: 'Windows Server (Desktop Experience based)',
    registries: ['mcr.microsoft.com'],
    repositories: ['windows/server'],
    publishes: 'windows',
    isBaseOs: true,
    noLatestTag: true,
    variant: 'server',
    tagSchemes: baseOsSchemes,
    retag: { releaseTags: { server: baseOsReleaseTags.server }, sources: [src.baseImageLifecycle] },
    examples: [
      { tag: 'ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'server' },
      { tag: 'ltsc2025', os: 'windows', kind: 'release', build: 26100, variant: 'server' },
    ],
    sources: [src.containerBaseImages, src.baseImageLifecycle, src.removingLatest],
  },
  {
    id: 'windows',
    title: 'Windows (full API) image',
    registries: ['mcr.microsoft.com'],
    repositories: ['windows'],
    publishes: 'windows',
    isBaseOs: true,
    noLatestTag: true,
    variant: 'windows',
    tagSchemes: baseOsSchemes,
    retag: {
      releaseTags: { windows: baseOsReleaseTags.windows },
      sources: [src.baseImageLifecycle, src.gpuAcceleration],
    },
    examples: [
      { tag: '1809', os: 'windows', kind: 'release', build: 17763, variant: 'windows' },
      { tag: '1909', os: 'windows', kind: 'release', build: 18363, variant: 'windows' },
    ],
    sources: [src.containerBaseImages, src.gpuAcceleration, src.ws2019Available, src.removingLatest],
  },
  ...insiderFamilies,

  // --- IIS and .NET Framework (Server Core only) ---
  {
    id: 'windows/servercore/iis',
    title: 'IIS on Windows Server Core',
    registries: ['mcr.microsoft.com'],
    repositories: ['windows/servercore/iis'],
    publishes: 'windows',
    variant: 'servercore',
    tagSchemes: [
      { pattern: rx(`^windowsservercore-${RELEASE}$`), kind: 'release', os: 'windows', sources: [src.iisDocker] },
      // A multi-OS-version tag listed under all four Server Core versions.
      {
        pattern: rx('^latest$'),
        kind: 'latest',
        os: 'windows',
        sharedReleases: ['ltsc2025', 'ltsc2022', 'ltsc2019', 'ltsc2016'],
        sources: [src.iisDocker],
      },
    ],
    retag: { releaseTags: { servercore: baseOsReleaseTags.servercore }, sources: [src.iisDocker] },
    examples: [
      { tag: 'windowsservercore-ltsc2019', os: 'windows', kind: 'release', build: 17763, variant: 'servercore' },
      { tag: 'windowsservercore-ltsc2025', os: 'windows', kind: 'release', build: 26100, variant: 'servercore' },
      { tag: 'latest', os: 'windows', kind: 'latest', variant: 'servercore' },
    ],
    sources: [src.iisDocker],
  },
  frameworkFamily('runtime'),
  frameworkFamily('sdk'),
  frameworkFamily('aspnet'),
  frameworkFamily('wcf'),
  frameworkFamily('samples'),

  // --- .NET (Core) ---
  dotnetFamily('runtime'),
  dotnetFamily('aspnet'),
  dotnetFamily('sdk'),
  dotnetCoreFamily('runtime'),
  dotnetCoreFamily('aspnet'),
  dotnetCoreFamily('sdk'),

  // --- PowerShell: Linux and Windows tags; the exact Windows tag strings are unconfirmed, so only
  // the variant words in the tag are read. ---
  {
    id: 'powershell',
    title: 'PowerShell',
    registries: ['mcr.microsoft.com'],
    repositories: ['powershell'],
    publishes: 'multi',
    tagSchemes: [],
    linuxTagWords: true,
    // The Server Core images' final SHELL was not confirmed; unknown stays unknown.
    windowsShell: { argv: ['cmd', '/S', '/C'], variants: ['nanoserver'], sources: [src.powershellNanoserverDockerfile] },
    examples: [
      { tag: 'lts-7.2-nanoserver-1809', os: 'windows', kind: 'release', build: 17763, variant: 'nanoserver' },
      { tag: '7.4-ubuntu-22.04', os: 'linux', kind: 'other' },
      { tag: 'latest', os: 'unknown', kind: 'latest' },
    ],
    sources: [src.powershellDocker],
  },

  // --- Docker official images with Windows variants ---
  officialImage('caddy', true, [
    { tag: '2.6-windowsservercore-ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'servercore' },
    { tag: '2', os: 'multi', kind: 'shared' },
    { tag: 'alpine', os: 'linux', kind: 'other' },
  ]),
  officialImage('docker', false, [
    { tag: 'windowsservercore-1809', os: 'windows', kind: 'release', build: 17763, variant: 'servercore' },
    { tag: 'dind', os: 'unknown', kind: 'other' },
  ]),
  officialImage('eclipse-temurin', true, [
    { tag: '21-jdk-nanoserver-ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'nanoserver' },
    { tag: '21-jdk', os: 'multi', kind: 'shared' },
    { tag: '21-jdk-ubi9-minimal', os: 'linux', kind: 'other' },
  ]),
  officialImage('golang', true, [
    { tag: '1.25-windowsservercore-ltsc2025', os: 'windows', kind: 'release', build: 26100, variant: 'servercore' },
    { tag: '1.25-nanoserver', os: 'windows', kind: 'variant', variant: 'nanoserver' },
    { tag: '1.22', os: 'multi', kind: 'shared' },
    { tag: '1.25-bookworm', os: 'linux', kind: 'other' },
    { tag: 'tip', os: 'unknown', kind: 'other' },
  ]),
  officialImage('haxe', true, [
    { tag: '4.3-windowsservercore-1809', os: 'windows', kind: 'release', build: 17763, variant: 'servercore' },
    { tag: '4.3', os: 'multi', kind: 'shared' },
  ]),
  officialImage('hello-world', true, [
    { tag: 'nanoserver', os: 'windows', kind: 'variant', variant: 'nanoserver' },
    { tag: 'latest', os: 'multi', kind: 'latest' },
    { tag: 'linux', os: 'linux', kind: 'other' },
  ]),
  officialImage('hylang', true, [
    { tag: 'python3.8-windowsservercore-ltsc2016', os: 'windows', kind: 'release', build: 14393, variant: 'servercore' },
    { tag: '0.18', os: 'multi', kind: 'shared' },
  ]),
  officialImage('julia', true, [
    { tag: '1.6-windowsservercore-ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'servercore' },
    { tag: '1.7-rc', os: 'multi', kind: 'shared' },
  ]),
  officialImage('mongo', false, [
    { tag: 'windowsservercore-ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'servercore' },
  ]),
  officialImage('nats', true, [
    { tag: '2.10-nanoserver-1809', os: 'windows', kind: 'release', build: 17763, variant: 'nanoserver' },
    { tag: 'scratch', os: 'linux', kind: 'other' },
  ]),
  officialImage('openjdk', false, [
    { tag: 'windowsservercore-ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'servercore' },
  ]),
  officialImage('pypy', false, [
    { tag: 'windowsservercore-ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'servercore' },
  ]),
  officialImage('python', true, [
    { tag: '3.14-windowsservercore-ltsc2025', os: 'windows', kind: 'release', build: 26100, variant: 'servercore' },
    { tag: 'windowsservercore', os: 'windows', kind: 'variant', variant: 'servercore' },
    { tag: '3.14', os: 'multi', kind: 'shared' },
    { tag: '3.14-slim', os: 'linux', kind: 'other' },
    { tag: 'alpine3.22', os: 'linux', kind: 'other' },
  ]),
  officialImage('swift', false, [
    { tag: 'windowsservercore-ltsc2022', os: 'windows', kind: 'release', build: 20348, variant: 'servercore' },
  ]),
  officialImage('traefik', false, [
    { tag: 'v2.9-windowsservercore-1809', os: 'windows', kind: 'release', build: 17763, variant: 'servercore' },
    { tag: 'latest', os: 'unknown', kind: 'latest' },
  ]),

  // --- Kubernetes infrastructure images ---
  {
    id: 'kubernetes/pause',
    title: 'Kubernetes pause (sandbox) image',
    registries: ['registry.k8s.io', 'k8s.gcr.io'],
    repositories: ['pause'],
    publishes: 'multi',
    tagSchemes: [],
    // Windows entries (1809, 1903, 1909, 2004) were added in pause 3.4, 20H2 in 3.4.1.
    sharedTagSchemes: [
      {
        pattern: rx('^3\\.(?:[4-9]|[1-9]\\d)(?:\\.\\d+)*$'),
        kind: 'shared',
        os: 'multi',
        sources: [src.k8sPauseChangelog, src.k8sPauseMakefile],
      },
    ],
    linuxTagWords: true,
    examples: [
      { tag: '3.10', os: 'multi', kind: 'shared' },
      { tag: '3.1', os: 'unknown', kind: 'other' },
    ],
    sources: [src.k8sPauseChangelog, src.k8sPauseMakefile, src.k8sWindowsIntro],
  },
  {
    id: 'microsoft/pause',
    title: 'Microsoft-built Kubernetes pause image (Authenticode-signed Windows binaries)',
    registries: ['mcr.microsoft.com'],
    repositories: ['oss/kubernetes/pause'],
    publishes: 'multi',
    tagSchemes: [
      {
        pattern: rx(`^(?<version>\\d+(?:\\.\\d+)+)-windows-${RELEASE}-amd64$`),
        kind: 'release',
        os: 'windows',
        sources: [src.msPauseWindowsTag],
      },
    ],
    sharedTagSchemes: [{ pattern: rx('^3\\.6$'), kind: 'shared', os: 'multi', sources: [src.k8sWindowsIntro] }],
    linuxTagWords: true,
    examples: [
      { tag: '3.6', os: 'multi', kind: 'shared' },
      { tag: '3.9-windows-ltsc2022-amd64', os: 'windows', kind: 'release', build: 20348 },
    ],
    sources: [src.k8sWindowsIntro],
  },
  {
    id: 'windows-host-process-containers-base-image',
    title: 'HostProcess container base image',
    registries: ['mcr.microsoft.com'],
    repositories: ['oss/kubernetes/windows-host-process-containers-base-image'],
    publishes: 'windows',
    tagSchemes: [],
    hostProcessOnly: true,
    examples: [{ tag: 'v1.0.0', os: 'windows', kind: 'other' }],
    sources: [src.hostProcessBaseImage, src.k8sHostProcess, src.containerdDefaultsWindows],
  },

  // --- Deprecated Docker Hub names (pull from MCR instead, same tag for the base images) ---
  {
    id: 'microsoft/windowsservercore',
    title: 'Windows Server Core (old Docker Hub name)',
    registries: ['docker.io'],
    repositories: ['microsoft/windowsservercore'],
    publishes: 'windows',
    isBaseOs: true,
    noLatestTag: true,
    variant: 'servercore',
    tagSchemes: baseOsSchemes,
    deprecated: { replacement: 'mcr.microsoft.com/windows/servercore', sameTags: true, sources: [src.ws2019Available] },
    examples: [
      { tag: '1803', os: 'windows', kind: 'release', build: 17134, variant: 'servercore' },
      { tag: 'ltsc2016', os: 'windows', kind: 'release', build: 14393, variant: 'servercore' },
    ],
    sources: [src.ws2019Available, src.removingLatest],
  },
  {
    id: 'microsoft/nanoserver',
    title: 'Nano Server (old Docker Hub name)',
    registries: ['docker.io'],
    repositories: ['microsoft/nanoserver'],
    publishes: 'windows',
    isBaseOs: true,
    noLatestTag: true,
    variant: 'nanoserver',
    tagSchemes: baseOsSchemes,
    deprecated: { replacement: 'mcr.microsoft.com/windows/nanoserver', sameTags: true, sources: [src.ws2019Available] },
    examples: [{ tag: '1709', os: 'windows', kind: 'release', build: 16299, variant: 'nanoserver' }],
    sources: [src.ws2019Available, src.removingLatest],
  },
  {
    id: 'microsoft/iis',
    title: 'IIS (old Docker Hub name)',
    registries: ['docker.io'],
    repositories: ['microsoft/iis'],
    publishes: 'windows',
    tagSchemes: [],
    deprecated: { replacement: 'mcr.microsoft.com/windows/servercore/iis', sources: [src.iisDocker] },
    examples: [
      { tag: 'windowsservercore-1803', os: 'windows', kind: 'release', build: 17134, variant: 'servercore' },
      { tag: 'latest', os: 'windows', kind: 'latest' },
    ],
    sources: [src.iisDocker],
  },
  {
    id: 'microsoft/aspnet',
    title: 'ASP.NET on .NET Framework (old Docker Hub name)',
    registries: ['docker.io'],
    repositories: ['microsoft/aspnet'],
    publishes: 'windows',
    variant: 'servercore',
    tagSchemes: [frameworkTag],
    deprecated: { replacement: 'mcr.microsoft.com/dotnet/framework/aspnet', sources: [src.dotnetFrameworkDocker] },
    examples: [{ tag: '4.7.2-windowsservercore-1803', os: 'windows', kind: 'release', build: 17134, variant: 'servercore' }],
    sources: [src.dotnetFrameworkDocker],
  },
  {
    id: 'microsoft/dotnet-framework',
    title: '.NET Framework (old Docker Hub name)',
    registries: ['docker.io'],
    repositories: ['microsoft/dotnet-framework'],
    publishes: 'windows',
    variant: 'servercore',
    tagSchemes: [frameworkTag],
    // Split into dotnet/framework/runtime and dotnet/framework/sdk.
    deprecated: {
      replacement: 'mcr.microsoft.com/dotnet/framework/runtime',
      byTagWord: [{ word: 'sdk', replacement: 'mcr.microsoft.com/dotnet/framework/sdk' }],
      sources: [src.dotnetFrameworkDocker],
    },
    examples: [{ tag: '4.7.2-sdk-windowsservercore-ltsc2019', os: 'windows', kind: 'release', build: 17763, variant: 'servercore' }],
    sources: [src.dotnetFrameworkDocker],
  },
  {
    id: 'microsoft/dotnet-framework-samples',
    title: '.NET Framework samples (old Docker Hub name)',
    registries: ['docker.io'],
    repositories: ['microsoft/dotnet-framework-samples'],
    publishes: 'windows',
    variant: 'servercore',
    tagSchemes: [],
    deprecated: { replacement: 'mcr.microsoft.com/dotnet/framework/samples', sources: [src.dotnetFrameworkDocker] },
    examples: [{ tag: 'aspnetapp', os: 'windows', kind: 'other', variant: 'servercore' }],
    sources: [src.dotnetFrameworkDocker],
  },
  {
    id: 'microsoft/dotnet',
    title: '.NET Core (old Docker Hub name)',
    registries: ['docker.io'],
    repositories: ['microsoft/dotnet'],
    publishes: 'multi',
    tagSchemes: [],
    linuxTagWords: true,
    deprecated: {
      replacement: 'mcr.microsoft.com/dotnet/sdk',
      byTagWord: [
        { word: 'runtime-deps', replacement: 'mcr.microsoft.com/dotnet/runtime-deps' },
        { word: 'aspnetcore-runtime', replacement: 'mcr.microsoft.com/dotnet/aspnet' },
        { word: 'runtime', replacement: 'mcr.microsoft.com/dotnet/runtime' },
        { word: 'sdk', replacement: 'mcr.microsoft.com/dotnet/sdk' },
      ],
      sources: [src.dotnetDocker],
    },
    examples: [
      { tag: '2.1-sdk-nanoserver-1809', os: 'windows', kind: 'release', build: 17763, variant: 'nanoserver' },
      { tag: '2.1-sdk-alpine', os: 'linux', kind: 'other' },
    ],
    sources: [src.dotnetDocker],
  },
  {
    // SQL Server in Windows containers was a beta program; it was suspended in 2021 and the images
    // removed from Docker Hub, so no tag pulls. Microsoft's SQL Server images are Linux-only.
    id: 'microsoft/mssql-server-windows',
    title: 'SQL Server for Windows containers (withdrawn)',
    registries: ['docker.io'],
    repositories: ['microsoft/mssql-server-windows', 'microsoft/mssql-server-windows-express', 'microsoft/mssql-server-windows-developer'],
    publishes: 'windows',
    variant: 'servercore',
    tagSchemes: [],
    deprecated: { sources: [src.mssqlWindowsSuspended, src.mssqlWindowsImagesRemoved] },
    examples: [{ tag: '2017-latest', os: 'windows', kind: 'other', variant: 'servercore' }],
    sources: [src.mssqlWindowsSuspended, src.mssqlWindowsImagesRemoved],
  },
  {
    id: 'microsoft/powershell',
    title: 'PowerShell (old Docker Hub name)',
    registries: ['docker.io'],
    repositories: ['microsoft/powershell'],
    publishes: 'multi',
    tagSchemes: [],
    linuxTagWords: true,
    deprecated: { replacement: 'mcr.microsoft.com/powershell', sources: [src.powershellDocker] },
    examples: [{ tag: 'nanoserver', os: 'windows', kind: 'variant', variant: 'nanoserver' }],
    sources: [src.powershellDocker],
  },
];

/**
 * Words that, in any repository's tag, name the Windows base under the image
 * (`python:3.14-windowsservercore-ltsc2025`, `sigwindowstools/flannel:v0.13.0-nanoserver`), or a
 * Linux distribution (`golang:1.25-bookworm`, `dotnet/aspnet:10.0-noble-chiseled`). A bare `ltscYYYY`
 * also names Windows: only Windows Server LTSC releases are called that.
 */
export const tagWords: {
  windowsVariants: Readonly<Record<string, BaseVariant>>;
  linuxDistributions: readonly string[];
  sources: string[];
} = {
  windowsVariants: {
    windowsservercore: 'servercore',
    servercore: 'servercore',
    nanoserver: 'nanoserver',
    windowsserver: 'server',
  },
  linuxDistributions: [
    'alpine', 'amazonlinux', 'azurelinux', 'bionic', 'bookworm', 'bullseye', 'buster', 'centos', 'chiseled',
    'debian', 'distroless', 'fedora', 'focal', 'jammy', 'jessie', 'linux', 'mariner', 'noble', 'oraclelinux',
    'scratch', 'slim', 'stretch', 'trixie', 'ubi', 'ubuntu', 'xenial',
  ],
  sources: [src.officialImagesLibrary, src.dotnetSupportedTags, src.powershellDocker, src.versionCompatibility],
};

/**
 * Docker official images with no Windows entry in their library file: only the images listed in
 * `imageFamilies` carry Windows variants.
 */
const linuxOnlyOfficialImages = [
  'almalinux', 'alpine', 'amazonlinux', 'archlinux', 'bash', 'buildpack-deps', 'busybox', 'centos',
  'debian', 'fedora', 'haproxy', 'httpd', 'mariadb', 'memcached', 'mysql', 'nginx', 'node',
  'oraclelinux', 'perl', 'php', 'postgres', 'rabbitmq', 'redis', 'rockylinux', 'ruby', 'rust',
  'ubuntu', 'wordpress',
];

export const linuxOnlyImages: readonly LinuxOnlyImage[] = [
  ...linuxOnlyOfficialImages.map((name) => ({
    registry: 'docker.io',
    repository: `library/${name}`,
    sources: [officialImageLibraryFile(name), src.officialImagesLibrary],
  })),
  {
    registry: 'mcr.microsoft.com',
    repository: 'dotnet/runtime-deps',
    sources: [src.dotnetRuntimeDepsLinuxOnly, src.dotnetNoWindowsRuntimeDeps],
  },
  {
    registry: 'mcr.microsoft.com',
    repository: 'dotnet/core/runtime-deps',
    sources: [src.dotnetRuntimeDepsLinuxOnly],
  },
  { registry: 'gcr.io', repository: 'distroless/', sources: [src.distroless] },
  { registry: 'mcr.microsoft.com', repository: 'azurelinux/', sources: [src.azureLinux] },
  { registry: 'mcr.microsoft.com', repository: 'cbl-mariner/', sources: [src.azureLinux] },
];

/** What each base variant ships; a Dockerfile that assumes more fails at build or run time. */
export const variantFactsTable: Readonly<Record<VariantFacts['variant'], VariantFacts>> = {
  servercore: {
    variant: 'servercore',
    defaultUser: 'ContainerAdministrator',
    hasWindowsPowerShell: true,
    hasPwsh: false,
    hasDotNetFramework: true,
    hasMsiInstaller: true,
    lacks: [
      { what: 'PowerShell 7 (pwsh)', sources: [src.powershellDocker] },
      { what: 'GPU/DirectX acceleration', sources: [src.gpuAcceleration] },
    ],
    sources: [src.containerBaseImages, src.persistentStorage, src.optimizeDockerfile],
  },
  nanoserver: {
    variant: 'nanoserver',
    // Admin-only steps such as `setx /M` need `USER ContainerAdministrator` first.
    defaultUser: 'ContainerUser',
    // Nano Server 2016 (sac2016) still had PowerShell and IIS; they were removed from 1709 on.
    completeBuilds: [14393],
    hasWindowsPowerShell: false,
    hasPwsh: false,
    hasDotNetFramework: false,
    hasMsiInstaller: undefined,
    lacks: [
      {
        what: 'Windows PowerShell or PowerShell 7',
        usedBy: { commands: ['powershell', 'pwsh'] },
        sources: [src.containerBaseImages, src.nano1709NoPowerShell],
      },
      { what: 'WMI', sources: [src.containerBaseImages] },
      { what: 'Windows servicing stack', sources: [src.containerBaseImages] },
      {
        what: '.NET Framework',
        // Feature names, the offline installers (ndp48-x86-x64-allos-enu.exe) and the framework's own folder.
        usedBy: { pattern: /\b(?:NetFx[34][\w-]*|NET-Framework[\w-]*|ndp4\d+[\w-]*\.exe)\b|Microsoft\.NET[\\/]+Framework/i },
        sources: [src.containerBaseImages],
      },
      {
        what: 'IIS (dropped after ltsc2016)',
        usedBy: { pattern: /\b(?:IIS-WebServerRole|IIS-WebServer|Web-Server)\b/i },
        sources: [src.iisNoNano],
      },
      { what: 'MSI installer support', unconfirmed: true, sources: [src.containerBaseImages] },
      { what: 'System.Net.WebClient', sources: [src.manageDockerfile] },
      { what: 'GPU/DirectX acceleration', sources: [src.gpuAcceleration] },
    ],
    sources: [src.containerBaseImages, src.persistentStorage, src.dotnetDocker],
  },
  server: {
    variant: 'server',
    // The reference could not confirm the default user of this image.
    defaultUser: undefined,
    // Carries the full Windows API set, a superset of Server Core.
    hasWindowsPowerShell: true,
    hasPwsh: false,
    hasDotNetFramework: true,
    hasMsiInstaller: true,
    lacks: [{ what: 'PowerShell 7 (pwsh)', sources: [src.powershellDocker] }],
    sources: [src.containerBaseImages],
  },
  windows: {
    variant: 'windows',
    defaultUser: undefined,
    hasWindowsPowerShell: true,
    hasPwsh: false,
    hasDotNetFramework: true,
    hasMsiInstaller: true,
    lacks: [{ what: 'PowerShell 7 (pwsh)', sources: [src.powershellDocker] }],
    sources: [src.containerBaseImages, src.gpuAcceleration],
  },
};

const DOTNET_FAMILIES = ['dotnet/runtime', 'dotnet/aspnet', 'dotnet/sdk'];
const FRAMEWORK_FAMILIES = ['dotnet-framework/runtime', 'dotnet-framework/sdk', 'dotnet-framework/aspnet', 'dotnet-framework/wcf'];

/**
 * Products on top of Windows whose images stopped being updated. .NET publishes images only while
 * a version is supported ("we stop publishing updates ... when the .NET version reaches end of
 * support"); .NET Framework and PowerShell stopped whole lines of images.
 */
export const productLifecycles: readonly ProductLifecycle[] = [
  {
    id: 'dotnet-8-9',
    title: '.NET {{version}}',
    families: DOTNET_FAMILIES,
    // .NET 8 (LTS, three years) and .NET 9 (STS, extended from 18 to 24 months) end on the same day.
    versions: /^(?:8|9)\./,
    kind: 'end-of-support',
    date: '2026-11-10',
    // .NET 10 publishes Windows images for ltsc2022 and ltsc2025 only (dotnetRetag).
    replacementVersion: { 20348: '10.0', 26100: '10.0' },
    advice: 'move to .NET 10 (LTS)',
    checked: '2026-12-04',
    sources: [src.dotnetSts24Months, src.dotnetSupportPolicy, src.dotnetSupportedPlatforms],
  },
  {
    id: 'dotnet-7',
    title: '.NET {{version}}',
    families: DOTNET_FAMILIES,
    versions: /^7\./,
    kind: 'end-of-support',
    date: '2024-05-14',
    replacementVersion: { 20348: '10.0', 26100: '10.0' },
    advice: 'move to .NET 10 (LTS)',
    checked: '2026-12-04',
    sources: [src.dotnetSupportPolicy],
  },
  {
    id: 'dotnet-6',
    title: '.NET {{version}}',
    families: DOTNET_FAMILIES,
    versions: /^6\./,
    kind: 'end-of-support',
    date: '2024-11-12',
    replacementVersion: { 20348: '10.0', 26100: '10.0' },
    advice: 'move to .NET 10 (LTS)',
    checked: '2026-12-04',
    sources: [src.dotnetSupportPolicy],
  },
  {
    id: 'dotnet-framework-3.5',
    title: '.NET Framework {{version}}',
    families: FRAMEWORK_FAMILIES,
    // Dropped for ltsc2025 on 2025-05-13, everywhere else on 2025-10-14.
    versions: /^3\.5$/,
    kind: 'no-longer-produced',
    date: '2025-10-14',
    advice: 'use a 4.8 or 4.8.1 image and install .NET Framework 3.5 in it, as the dotnet-framework-docker documentation shows',
    checked: '2026-12-04',
    sources: [src.frameworkImagesConsolidated, src.frameworkNet35Announcement, src.dotnetFrameworkDocker],
  },
  {
    id: 'dotnet-framework-4.6-4.7',
    title: '.NET Framework {{version}}',
    families: FRAMEWORK_FAMILIES,
    versions: /^(?:4\.6\.2|4\.7(?:\.[12])?)$/,
    kind: 'no-longer-produced',
    date: '2025-10-14',
    // 4.8 and 4.8.1 are in-place updates that run 4.6.2+ applications.
    replacementVersion: { 14393: '4.8', 17763: '4.8', 20348: '4.8.1', 26100: '4.8.1' },
    inPlace: true,
    advice: 'use 4.8 on ltsc2016 and ltsc2019, 4.8.1 on ltsc2022 and ltsc2025',
    checked: '2026-12-04',
    sources: [src.frameworkImagesConsolidated, src.dotnetFrameworkDocker],
  },
  {
    id: 'dotnet-framework-4.8-new-windows',
    title: '.NET Framework {{version}}',
    families: FRAMEWORK_FAMILIES,
    versions: /^4\.8$/,
    releases: ['ltsc2022', 'ltsc2025'],
    kind: 'no-longer-produced',
    date: '2025-10-14',
    replacementVersion: { 20348: '4.8.1', 26100: '4.8.1' },
    inPlace: true,
    advice: 'use 4.8.1, the only .NET Framework image for Windows Server 2022 and 2025',
    checked: '2026-12-04',
    sources: [src.frameworkImagesConsolidated, src.frameworkSharedTagBreak, src.dotnetFrameworkDocker],
  },
  {
    id: 'powershell-images',
    title: 'PowerShell',
    families: ['powershell'],
    kind: 'not-updated',
    advice: 'use mcr.microsoft.com/dotnet/sdk (its Nano Server and Server Core images ship pwsh); there is no Nano Server PowerShell image for 7.4 or later',
    checked: '2026-12-04',
    sources: [src.powershellDocsDotnetImages, src.powershellImagesNotUpdated, src.powershellNoNano74],
  },
];
