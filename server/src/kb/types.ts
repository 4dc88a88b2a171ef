/** Types shared by the knowledge-base data (releases.ts, images.ts) and its query module (index.ts). */

/** Dates are ISO `yyyy-mm-dd` strings; each is the last day of the period it ends. */
export type IsoDate = string;

export interface WindowsRelease {
  /** Stable id used in data and by rules, e.g. 'ltsc2022', '20H2'. */
  id: string;
  name: string;
  /** The `10.0.<build>` number; containerd and the kubelet compare builds, never names. */
  build: number;
  channel: 'LTSC' | 'SAC' | 'Annual' | 'Client';
  /** Release names used in image tags, e.g. ['ltsc2019', '1809']; empty when the release has no images of its own. */
  tagNames: string[];
  /** Value the kubelet sets in `node.kubernetes.io/windows-build`. */
  windowsBuildLabel: string;
  availability?: IsoDate;
  mainstreamEnd?: IsoDate;
  extendedEnd?: IsoDate;
  /** The OS dates on Microsoft's Lifecycle / release-information pages, where they differ from the container page's. */
  lifecycleDates?: { mainstreamEnd?: IsoDate; extendedEnd?: IsoDate; sources: string[] };
  sources: string[];
}

export type BaseVariant = 'servercore' | 'nanoserver' | 'server' | 'windows';

/**
 * Support window of one base-image release and variant, as the container base-image lifecycle
 * page lists it. Support is per variant: Nano Server 2016 (`sac2016`) ended in 2018 while Server
 * Core ltsc2016 is supported into 2027.
 */
export interface BaseImageLifecycle {
  release: string;
  variants: BaseVariant[];
  availability: IsoDate;
  mainstreamEnd: IsoDate;
  /** Absent for Semi-Annual Channel images: they had no extended support. */
  extendedEnd?: IsoDate;
  sources: string[];
}

export type ImageOs = 'windows' | 'linux' | 'multi' | 'unknown';

export type TagKind = 'none' | 'latest' | 'release' | 'kb' | 'full-version' | 'variant' | 'shared' | 'other';

/**
 * One way a repository names its tags. `pattern` is matched against the whole tag,
 * case-insensitively, with these named groups:
 * - `release`: a Windows release tag name (ltsc2022, 1809, 20H2, ...);
 * - `build`: the build of a `10.0.<build>.<revision>` tag;
 * - `variant`: windowsservercore | servercore | nanoserver | windowsserver;
 * - `version`: the product version in front of the OS part (8.0, 4.8.1, 3.12);
 * - `date`: the `-yyyymmdd` timestamp that dotnet-framework tags carry.
 */
export interface TagScheme {
  pattern: RegExp;
  kind: TagKind;
  os: ImageOs;
  /** Release ids of the Windows entries of a shared (manifest-list) tag, when the publisher documents them. */
  sharedReleases?: string[];
  /** The tag is a shared tag of a Windows family that carries no Windows entry at all. */
  withoutWindows?: boolean;
  sources: string[];
}

/** How to move a tag of this family to another Windows build, keeping its shape. */
export interface RetagRule {
  /** Release part of the tag to write for each target build, per base variant; only published tags. */
  releaseTags: Partial<Record<BaseVariant, Readonly<Record<number, string>>>>;
  /**
   * When the product version decides which builds are published (.NET 10 has no 1809 images):
   * the first rule whose pattern matches the tag's `version` group applies; no rule, no retag.
   * `rewrite` replaces the version for a target build (.NET Framework 4.8 -> 4.8.1 on ltsc2022).
   */
  versions?: readonly { pattern: RegExp; builds: readonly number[]; rewrite?: Readonly<Record<number, string>> }[];
  /** Shared tag whose Windows entries include each target build. */
  sharedTags?: Readonly<Record<number, string>>;
  /** Windows tags are `<version>-<word>-<release>`, with this word per base variant. */
  variantTagWords?: Partial<Record<BaseVariant, string>>;
  sources: string[];
}

export interface TagExample {
  tag: string;
  os: ImageOs;
  kind: TagKind;
  build?: number;
  variant?: BaseVariant;
}

export interface ImageFamily {
  id: string;
  title: string;
  /** Registry hosts, lower case; Docker Hub is 'docker.io'. */
  registries: string[];
  /** Repository paths, lower case, as parseImageReference returns them. */
  repositories: string[];
  /**
   * 'windows': every image in the repository is a Windows image, whatever the tag.
   * 'multi': the repository publishes Windows and Linux images; the tag decides.
   */
  publishes: 'windows' | 'multi';
  /** The Windows base under every Windows image of the repository, when there is only one. */
  variant?: BaseVariant;
  /**
   * A base OS image (Server Core, Nano Server, Server, Windows): it sets no SHELL of its own, so
   * a Dockerfile FROM it starts with the default `cmd /S /C`.
   */
  isBaseOs?: boolean;
  /**
   * The SHELL a Dockerfile FROM one of the repository's Windows images starts with, read from the
   * images' own Dockerfiles; only for the listed variants, or all of them when none are listed.
   */
  windowsShell?: { argv: readonly string[]; variants?: readonly BaseVariant[]; sources: string[] };
  /** The repository publishes no `latest` tag: an untagged or `:latest` reference fails to pull. */
  noLatestTag?: boolean;
  /** Checked first, in order. */
  tagSchemes: TagScheme[];
  /** Checked after the Windows/Linux tag tokens: shared tags that name no OS. */
  sharedTagSchemes?: TagScheme[];
  /** Linux distribution words in a tag (alpine, bookworm, noble, ...) mean a Linux-only image. */
  linuxTagWords?: boolean;
  retag?: RetagRule;
  /**
   * The repository is a deprecated name. `byTagWord` picks a more precise replacement when a word of
   * the tag names the flavour (`microsoft/dotnet:2.1-aspnetcore-runtime` -> dotnet/aspnet).
   */
  deprecated?: {
    /** Absent when the images were withdrawn with no successor (SQL Server in Windows containers). */
    replacement?: string;
    byTagWord?: readonly { word: string; replacement: string }[];
    /** The replacement publishes the same tags ("use the same tag"), so only the name changes. */
    sameTags?: boolean;
    sources: string[];
  };
  /** HostProcess-only images carry no os.version and run on any Windows host build. */
  hostProcessOnly?: boolean;
  /** Windows Insider previews: builds that expire and start only on Insider hosts of a matching build. */
  preview?: { sources: string[] };
  examples: TagExample[];
  sources: string[];
}

/** A repository (or every repository under a prefix) that publishes no Windows image. */
export interface LinuxOnlyImage {
  registry: string;
  /** Exact repository, or a prefix ending in '/'. */
  repository: string;
  sources: string[];
}

export interface VariantFacts {
  variant: BaseVariant;
  /** The account a container runs as when the Dockerfile sets no USER. */
  defaultUser: 'ContainerAdministrator' | 'ContainerUser' | undefined;
  /** powershell.exe (Windows PowerShell 5.1). */
  hasWindowsPowerShell: boolean;
  /** pwsh.exe (PowerShell 7) ships in no Windows base image; it must be added. */
  hasPwsh: boolean;
  hasDotNetFramework: boolean;
  /** undefined: not confirmed from a primary source. */
  hasMsiInstaller: boolean | undefined;
  lacks: readonly {
    what: string;
    unconfirmed?: true;
    /** How a Dockerfile shows it relies on the missing piece: programs it runs, or words in a RUN. */
    usedBy?: { commands?: readonly string[]; pattern?: RegExp };
    sources: string[];
  }[];
  /** Builds whose image of this variant still had what `lacks` lists. */
  completeBuilds?: readonly number[];
  sources: string[];
}

/**
 * The support of the product an image carries on top of Windows (.NET, .NET Framework, PowerShell):
 * images of a version matched here get no more updates after `date`.
 */
export interface ProductLifecycle {
  id: string;
  /** e.g. '.NET 8', '.NET Framework 4.7.2'; `{{version}}` is replaced by the tag's version. */
  title: string;
  /** Image family ids the entry applies to. */
  families: readonly string[];
  /** Matched against the tag's `version` group; absent: every tag of the families. */
  versions?: RegExp;
  /** Only these Windows releases of the version (4.8 ended on ltsc2022, not on ltsc2019). */
  releases?: readonly string[];
  /**
   * 'end-of-support': the product version left support; 'no-longer-produced': the publisher stopped
   * building these tags (old ones still pull, unpatched); 'not-updated': the repository gets no updates.
   */
  kind: 'end-of-support' | 'no-longer-produced' | 'not-updated';
  /** Last supported day, or the day the images stopped; absent when the publisher gave none. */
  date?: IsoDate;
  /** The version to retag to, per Windows build, when one replacement is certain. */
  replacementVersion?: Readonly<Record<number, string>>;
  /** The replacement runs what the old version ran (an in-place .NET Framework update): the retag is a safe fix, not only a suggestion. */
  inPlace?: true;
  /** What to use instead, in words, when no retag fits. */
  advice: string;
  /** When the KB last checked the entry against its sources. */
  checked: IsoDate;
  sources: string[];
}
