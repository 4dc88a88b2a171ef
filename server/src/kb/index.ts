/**
 * The one query module rules use to ask the Windows knowledge base questions. The facts live as
 * data in releases.ts and images.ts; this module only interprets them.
 */
import { imageFamilies, linuxOnlyImages, productLifecycles, tagWords, variantFactsTable } from './images';
import { linuxExecutables, linuxHostPaths, type LinuxHostPath } from './kubernetes';
import { baseImageLifecycles, hostAliases, kubernetesWindowsNodes, releaseTagNames, stableAbi, windowsReleases } from './releases';
import { src } from './sources';
import type {
  BaseVariant,
  ImageFamily,
  ImageOs,
  ProductLifecycle,
  TagKind,
  TagScheme,
  VariantFacts,
  WindowsRelease,
} from './types';

export type {
  BaseImageLifecycle,
  BaseVariant,
  ImageFamily,
  ImageOs,
  IsoDate,
  LinuxOnlyImage,
  ProductLifecycle,
  RetagRule,
  TagExample,
  TagKind,
  TagScheme,
  VariantFacts,
  WindowsRelease,
} from './types';
export { baseImageLifecycles, hostAliases, kubernetesWindowsNodes, stableAbi, windowsReleases } from './releases';
export { imageFamilies, linuxOnlyImages, productLifecycles, tagWords, variantFactsTable } from './images';
export {
  derivedImages,
  familiesWithoutPosixTools,
  linuxOnlyCommands,
  linuxPathsThatWorkOnWindows,
  linuxSystemPaths,
  posixToolkits,
  windowsFeatureInstall,
} from './dockerfile';
export type { DerivedImage, LinuxOnlyCommand, LinuxSystemPath } from './dockerfile';
export {
  dns1123Subdomain,
  documentedWindowsTaint,
  fieldsForbiddenOnLinux,
  fieldsForbiddenOnWindows,
  hostProcessAccounts,
  linuxExecutables,
  linuxHostPaths,
  runAsUserNameLimits,
  volumeFeaturesUnsupportedOnWindows,
} from './kubernetes';
export type { FieldCondition, FieldLevel, LinuxHostPath, NodeTaint, PodField, VolumeFeature, VolumeFeatureScope } from './kubernetes';

// ---------------------------------------------------------------------------------------------
// Image references

export interface ImageReference {
  /** As written. */
  raw: string;
  /** 'docker.io' when none is given (also for 'index.docker.io'), else the host, lower case. */
  registry: string;
  /** Path without registry; Docker Hub single-name images get 'library/'. Case kept as written. */
  repository: string;
  tag?: string;
  digest?: string;
}

const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-f]{32,}$/i;
// Docker requires lower case; upper case is accepted so rules can report it rather than lose the image.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/i;
const HOST = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d+)?$/i;

/**
 * undefined when the text is empty, 'scratch', or still contains unresolved variables ($, ${...})
 * or Go/Helm template markers ({{).
 */
export function parseImageReference(text: string): ImageReference | undefined {
  const s = text.trim();
  if (!s || s.toLowerCase() === 'scratch' || /[${}]/.test(s)) return undefined;

  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }

  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }

  const parts = rest.split('/');
  let registry = 'docker.io';
  // Docker's rule: the first component is a registry host when it has a '.' or ':' or is localhost.
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) {
    const host = parts.shift() as string;
    if (!HOST.test(host)) return undefined;
    registry = host.toLowerCase();
  }
  if (registry === 'index.docker.io') registry = 'docker.io';
  if (!parts.every((p) => PATH_COMPONENT.test(p))) return undefined;

  const repository = registry === 'docker.io' && parts.length === 1 ? `library/${parts[0]}` : parts.join('/');
  return { raw: text, registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest ? { digest } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Releases

const releaseByTagName = new Map<string, WindowsRelease>(
  windowsReleases.flatMap((r) => r.tagNames.map((t) => [t.toLowerCase(), r] as const)),
);
const releaseById = new Map<string, WindowsRelease>(windowsReleases.map((r) => [r.id.toLowerCase(), r]));

export function releaseForBuild(build: number): WindowsRelease | undefined {
  return windowsReleases.find((r) => r.build === build);
}

/** The release a tag name ('ltsc2022', '1809', '20H2', 'sac2016') or release id stands for. */
export function releaseForName(name: string): WindowsRelease | undefined {
  const key = name.trim().toLowerCase();
  return releaseByTagName.get(key) ?? releaseById.get(key);
}

/** Windows Server LTSC editions are also called by their year. */
const LTSC_YEARS: Readonly<Record<string, string>> = {
  2016: 'ltsc2016',
  2019: 'ltsc2019',
  2022: 'ltsc2022',
  2025: 'ltsc2025',
};

/**
 * Accepts 'ltsc2019'|'ltsc2022'|'ltsc2025'|'2019'|'2022'|'1809'|'20H2'|'10.0.20348'|'10.0.20348.2700'|'20348'
 * (case-insensitive); undefined otherwise.
 */
export function parseWindowsVersion(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  const named = releaseForName(LTSC_YEARS[s] ?? s);
  if (named) return named.build;
  const alias = hostAliases.find((host) => host.id === s);
  if (alias) return alias.build;
  // The kubelet's windows-build label and image os.version are 10.0.<build>[.<revision>].
  const full = /^10\.0\.(\d{5})(?:\.\d+)?$/.exec(s);
  if (full) return Number(full[1]);
  // A bare number is read as a build only when it is a known one, not any five digits.
  return /^\d{5}$/.test(s) ? releaseForBuild(Number(s))?.build : undefined;
}

// ---------------------------------------------------------------------------------------------
// Isolation rules

/**
 * containerd's checkWindowsHostAndContainerCompat (what Kubernetes nodes do): below 20348 exact
 * build; else image build in [latest LTSC strictly older than host, host].
 */
export function canRunProcessIsolated(hostBuild: number, imageBuild: number): boolean {
  const firstStable = stableAbi.ltscBuilds[0];
  if (hostBuild < firstStable) return hostBuild === imageBuild;
  const oldest = [...stableAbi.ltscBuilds].reverse().find((ltsc) => hostBuild > ltsc) ?? firstStable;
  return oldest <= imageBuild && imageBuild <= hostBuild;
}

/** Hyper-V isolation: image build <= host build. */
export function canRunHyperV(hostBuild: number, imageBuild: number): boolean {
  return imageBuild <= hostBuild;
}

/**
 * The newest build with published container images that a host of `hostBuild` runs process-isolated
 * (a 23H2 host, 25398, gets ltsc2022's 20348); undefined when no release fits.
 */
export function preferredImageBuildForHost(hostBuild: number): number | undefined {
  return windowsReleases
    .filter((r) => r.tagNames.length > 0 && canRunProcessIsolated(hostBuild, r.build))
    .map((r) => r.build)
    .sort((a, b) => b - a)[0];
}

// ---------------------------------------------------------------------------------------------
// Describing an image reference

export interface ImageInfo {
  /**
   * 'windows' only when the reference certainly names a Windows image (family + tag, or a Windows
   * variant in any image's tag); 'multi' for shared tags that include Windows and Linux; 'linux'
   * only for images the KB knows are Linux-only or tags that certainly have no Windows image;
   * else 'unknown'.
   */
  os: ImageOs;
  family?: ImageFamily;
  /** The Windows base under the image, when known. */
  variant?: BaseVariant;
  /** The Windows release the tag pins, when known. */
  release?: WindowsRelease;
  /** e.g. 20348, when known (also from full version tags 10.0.20348.2700). */
  build?: number;
  tagKind: TagKind;
  /** The repository is one of the Windows image families (even if this tag is shared/unknown). */
  windowsFamily: boolean;
  /** A Windows-family repository whose tag has no Windows image (dotnet/sdk:8.0). */
  sharedTagWithoutWindows?: boolean;
  /** For shared tags with a known set of Windows entries (dotnet/framework latest -> ltsc2019, ltsc2016). */
  sharedTagReleases?: WindowsRelease[];
  /** Replacement repository incl. registry, e.g. 'mcr.microsoft.com/windows/servercore'; none when the images were withdrawn. */
  deprecated?: { replacement?: string; sameTags: boolean; sources: string[] };
  /** HostProcess-only image: no os.version, so host/image build matching does not apply. */
  hostProcessOnly?: boolean;
  /** A Windows Insider preview image. */
  preview?: boolean;
  /**
   * The Windows base was read from the words of a repository or tag that no image family describes
   * (`contoso/iis-windows-ltsc2019`, `golang-windows:1.11-10.0.17744.1001`), not from the publisher's tag list.
   */
  fromName?: boolean;
  /**
   * A tag that is exactly a Windows release name (`curl:1803`) on an image the KB does not know:
   * read as that release only where something else says the pod or stage is Windows, since
   * `1809` is an ordinary version number elsewhere.
   */
  releaseIfWindows?: WindowsRelease;
}

/** A whole word of a tag: delimited by the start or end of the tag or by '-', '_' or '.'. */
const tagWord = (body: string): RegExp => new RegExp(`(?:^|[-_.])${body}(?=$|[-_.])`, 'i');
const WINDOWS_VARIANT_WORD = tagWord(
  `(?<variant>${Object.keys(tagWords.windowsVariants).join('|')})(?:[-_.](?<release>${releaseTagNames.join('|')}))?`,
);
const LTSC_WORD = tagWord(`(?<release>${releaseTagNames.filter((t) => /^ltsc\d{4}$/i.test(t)).join('|')})`);
// `windows-1809`, `windows_20H2`: the word windows right before a release name. `windows` alone
// (windows-exporter, windows-amd64 helper binaries) says nothing about a base image.
const WINDOWS_RELEASE_WORD = tagWord(`windows[-_](?<release>${releaseTagNames.join('|')})`);
// A full Windows OS version, `10.0.17763.5820` or `10.0.17744` (the build of an Insider preview);
// its own dots are not word boundaries.
const FULL_BUILD_WORD = /(?:^|[-_])10\.0\.(?<build>\d{5})(?:\.\d+)?(?=$|[-_])/i;
const BARE_RELEASE_TAG = new RegExp(`^(?<release>${releaseTagNames.filter((t) => !/^ltsc/i.test(t)).join('|')})(?:[-_]amd64)?$`, 'i');
// Distribution names may carry a version: alpine3.22, ubi9, azurelinux3.0.
const LINUX_WORD = tagWord(`(?:${tagWords.linuxDistributions.join('|')})(?:\\d[\\d.]*)?`);

interface WindowsWords {
  variant?: BaseVariant;
  release?: WindowsRelease;
  /** From a full version word: the build, whether or not a release has it. */
  build?: number;
}

/**
 * Windows variant, LTSC release, `windows-<release>` or full-version words in a tag or a repository
 * name; undefined when there are none, or Linux words too.
 */
function windowsWordsIn(text: string): WindowsWords | undefined {
  if (LINUX_WORD.test(text)) return undefined;
  const variantMatch = WINDOWS_VARIANT_WORD.exec(text);
  const releaseName =
    variantMatch?.groups?.release ?? LTSC_WORD.exec(text)?.groups?.release ?? WINDOWS_RELEASE_WORD.exec(text)?.groups?.release;
  const fullBuild = FULL_BUILD_WORD.exec(text)?.groups?.build;
  if (!variantMatch && !releaseName && fullBuild === undefined) return undefined;
  const variantWord = variantMatch?.groups?.variant?.toLowerCase();
  const build = fullBuild !== undefined ? Number(fullBuild) : undefined;
  const release = releaseName ? releaseForName(releaseName) : build !== undefined ? releaseForBuild(build) : undefined;
  return {
    ...(variantWord ? { variant: tagWords.windowsVariants[variantWord] } : {}),
    ...(release ? { release, build: release.build } : build !== undefined ? { build } : {}),
  };
}

/** The words of the tag, then of the repository's path components, merged: the tag's win. */
function windowsWordsInName(repository: string, tag: string | undefined): WindowsWords | undefined {
  const inTag = tag !== undefined ? windowsWordsIn(tag) : undefined;
  // A Linux word in the tag (`iis-windows-ltsc2019:alpine`) makes the name say nothing certain.
  if (tag !== undefined && !inTag && LINUX_WORD.test(tag)) return undefined;
  const inRepository = repository
    .split('/')
    .map((component) => windowsWordsIn(component))
    .reduce<WindowsWords | undefined>((found, words) => (words ? { ...found, ...words } : found), undefined);
  if (!inTag && !inRepository) return undefined;
  return { ...inRepository, ...inTag };
}

function familyOf(registry: string, repository: string): ImageFamily | undefined {
  return imageFamilies.find((f) => f.registries.includes(registry) && f.repositories.includes(repository));
}

function isLinuxOnly(registry: string, repository: string): boolean {
  return linuxOnlyImages.some(
    (l) =>
      l.registry === registry &&
      (l.repository.endsWith('/') ? repository.startsWith(l.repository) : repository === l.repository),
  );
}

function plainKind(tag: string | undefined): TagKind {
  if (tag === undefined) return 'none';
  return tag.toLowerCase() === 'latest' ? 'latest' : 'other';
}

interface Classified {
  info: ImageInfo;
  scheme?: TagScheme;
  match?: RegExpExecArray;
}

function fromScheme(
  family: ImageFamily,
  tag: string | undefined,
  scheme: TagScheme,
  match: RegExpExecArray,
): ImageInfo {
  const groups = match.groups ?? {};
  const wordVariant = groups.variant ? tagWords.windowsVariants[groups.variant.toLowerCase()] : undefined;
  const variant = scheme.os === 'windows' ? (wordVariant ?? family.variant) : undefined;
  const build = groups.build ? Number(groups.build) : undefined;
  const release = groups.release
    ? releaseForName(groups.release)
    : build !== undefined
      ? releaseForBuild(build)
      : undefined;
  const shared = scheme.sharedReleases?.map((id) => releaseForName(id)).filter((r): r is WindowsRelease => !!r);
  return {
    os: scheme.os,
    tagKind: tag === undefined ? 'none' : scheme.kind,
    windowsFamily: true,
    ...(variant ? { variant } : {}),
    ...(release ? { release, build: release.build } : build !== undefined ? { build } : {}),
    ...(scheme.withoutWindows ? { sharedTagWithoutWindows: true } : {}),
    ...(shared?.length ? { sharedTagReleases: shared } : {}),
  };
}

function classify(ref: ImageReference): Classified {
  const registry = ref.registry.toLowerCase();
  const repository = ref.repository.toLowerCase();
  const family = familyOf(registry, repository);

  if (!family) {
    // Never read tag words on a repository known to have no Windows image.
    if (isLinuxOnly(registry, repository)) {
      return { info: { os: 'linux', tagKind: plainKind(ref.tag), windowsFamily: false } };
    }
    const bare = ref.tag !== undefined ? BARE_RELEASE_TAG.exec(ref.tag)?.groups?.release : undefined;
    const releaseIfWindows = bare ? releaseForName(bare) : undefined;
    const words = windowsWordsInName(repository, ref.tag);
    if (words) {
      // A mirror such as `registry.contoso.com/windows/servercore:1803`: the name says Windows, the tag only a number.
      const weak = !words.release && words.build === undefined && releaseIfWindows ? { releaseIfWindows } : {};
      return {
        info: {
          os: 'windows',
          tagKind: words.release || words.build !== undefined ? 'release' : 'variant',
          windowsFamily: false,
          fromName: true,
          ...(words.variant ? { variant: words.variant } : {}),
          ...(words.release ? { release: words.release, build: words.release.build } : words.build !== undefined ? { build: words.build } : {}),
          ...weak,
        },
      };
    }
    return { info: { os: 'unknown', tagKind: plainKind(ref.tag), windowsFamily: false, ...(releaseIfWindows ? { releaseIfWindows } : {}) } };
  }

  const replacement =
    family.deprecated?.byTagWord?.find((w) => ref.tag !== undefined && tagWord(w.word).test(ref.tag))?.replacement ??
    family.deprecated?.replacement;
  const deprecated = family.deprecated && {
    ...(replacement !== undefined ? { replacement } : {}),
    sameTags: family.deprecated.sameTags === true,
    sources: family.deprecated.sources,
  };
  const extras: Partial<ImageInfo> = {
    family,
    ...(deprecated ? { deprecated } : {}),
    ...(family.hostProcessOnly ? { hostProcessOnly: true } : {}),
    ...(family.preview ? { preview: true } : {}),
  };
  // An untagged reference pulls `latest`; a digest alone says nothing about which tag it came from.
  const tag = ref.tag ?? (ref.digest ? undefined : 'latest');
  const trySchemes = (schemes: readonly TagScheme[] | undefined): Classified | undefined => {
    if (tag === undefined) return undefined;
    for (const scheme of schemes ?? []) {
      const match = scheme.pattern.exec(tag);
      if (match) return { info: { ...fromScheme(family, ref.tag, scheme, match), ...extras }, scheme, match };
    }
    return undefined;
  };

  const bySchemes = trySchemes(family.tagSchemes);
  if (bySchemes) return bySchemes;

  const words = tag !== undefined ? windowsWordsIn(tag) : undefined;
  if (words) {
    const variant = words.variant ?? family.variant;
    return {
      info: {
        os: 'windows',
        tagKind: words.release || words.build !== undefined ? 'release' : 'variant',
        windowsFamily: true,
        ...(variant ? { variant } : {}),
        ...(words.release ? { release: words.release, build: words.release.build } : words.build !== undefined ? { build: words.build } : {}),
        ...extras,
      },
    };
  }
  if (tag !== undefined && family.linuxTagWords && LINUX_WORD.test(tag)) {
    return { info: { os: 'linux', tagKind: plainKind(ref.tag), windowsFamily: true, ...extras } };
  }

  const byShared = trySchemes(family.sharedTagSchemes);
  if (byShared) return byShared;

  return {
    info: {
      os: family.publishes === 'windows' ? 'windows' : 'unknown',
      tagKind: plainKind(ref.tag),
      windowsFamily: true,
      ...(family.publishes === 'windows' && family.variant ? { variant: family.variant } : {}),
      ...extras,
    },
  };
}

/**
 * Answers by registry, repository, tag and digest (all classify reads): a manifest names a handful
 * of images many times over, and classify tries dozens of tag patterns. Bounded, as a long session
 * may see many images.
 */
const described = new Map<string, ImageInfo>();
const maxDescribed = 1000;

export function describeImage(ref: ImageReference): ImageInfo {
  const key = JSON.stringify([ref.registry, ref.repository, ref.tag ?? null, ref.digest ?? null]);
  let info = described.get(key);
  if (!info) {
    if (described.size >= maxDescribed) described.clear();
    described.set(key, (info = classify(ref).info));
  }
  return info;
}

// ---------------------------------------------------------------------------------------------
// Retagging

/** Replaces the text of named groups (from the end, so earlier positions stay valid). */
function replaceGroups(tag: string, match: RegExpExecArray, replacements: Record<string, string>): string {
  const spans = Object.entries(replacements)
    .map(([group, text]) => ({ span: match.indices?.groups?.[group], text }))
    .filter((r): r is { span: [number, number]; text: string } => !!r.span)
    .sort((a, b) => b.span[0] - a.span[0]);
  return spans.reduce((out, { span, text }) => out.slice(0, span[0]) + text + out.slice(span[1]), tag);
}

/** The reference text without its tag and digest, as written. */
function nameAsWritten(ref: ImageReference): string {
  const s = ref.raw.trim();
  const at = s.indexOf('@');
  const name = at >= 0 ? s.slice(0, at) : s;
  return ref.tag !== undefined ? name.slice(0, name.length - ref.tag.length - 1) : name;
}

/**
 * The release part of this family's tags for a Windows build ('ltsc2019' for Server Core 17763,
 * '1809' for Nano Server 17763); undefined when the family publishes no such image.
 */
export function releaseTagFor(
  family: ImageFamily,
  variant: BaseVariant | undefined,
  build: number,
): string | undefined {
  const v = variant ?? family.variant;
  return v ? family.retag?.releaseTags[v]?.[build] : undefined;
}

/**
 * The same image variant retagged for the target build; only tags the KB knows exist; undefined
 * when there is none (e.g. nanoserver for ltsc2016, dotnet 10.0 for 1809). Keeps the tag's shape:
 * - servercore:ltsc2019 -> servercore:ltsc2022;
 * - dotnet/sdk:8.0-nanoserver-1809 -> dotnet/sdk:8.0-nanoserver-ltsc2022;
 * - framework/aspnet:4.8-windowsservercore-ltsc2019 -> 4.8.1-windowsservercore-ltsc2022;
 * - python:3.12-windowsservercore-ltsc2022 -> ...-ltsc2025;
 * - the '-amd64' suffix is kept; a digest is dropped (it names the old image).
 * Returns the full reference text, registry written as in the input.
 */
export function suggestRetag(ref: ImageReference, targetBuild: number): string | undefined {
  const { info, scheme, match } = classify(ref);
  const rule = info.family?.retag;
  if (!rule || !scheme || !match || ref.tag === undefined) return undefined;

  let tag: string | undefined;
  if (scheme.kind === 'shared' || scheme.kind === 'latest') {
    tag = rule.sharedTags?.[targetBuild];
  } else if (info.variant) {
    const releaseTag = rule.releaseTags[info.variant]?.[targetBuild];
    if (!releaseTag) return undefined;
    if (scheme.kind === 'release') {
      const version = match.groups?.version;
      const replacements: Record<string, string> = { release: releaseTag };
      if (rule.versions) {
        const versionRule = version !== undefined ? rule.versions.find((v) => v.pattern.test(version)) : undefined;
        if (!versionRule || !versionRule.builds.includes(targetBuild)) return undefined;
        const rewritten = versionRule.rewrite?.[targetBuild];
        if (rewritten) replacements.version = rewritten;
      }
      // A timestamped tag is only kept until the next timestamp; the target's stamp is unknown.
      if (match.groups?.date) replacements.date = '';
      tag = replaceGroups(ref.tag, match, replacements);
    } else if (scheme.kind === 'kb' || scheme.kind === 'full-version') {
      // KB and full-version tags pin one patch of one release; the target release's patch is not
      // derivable, so the floating release tag is the closest existing tag.
      tag = releaseTag;
    }
  }
  return tag && tag !== ref.tag ? `${nameAsWritten(ref)}:${tag}` : undefined;
}

/**
 * For a shared tag that has no Windows image (`dotnet/sdk:8.0`), the Windows tags of the same
 * version for a build, one per base variant the family publishes (`8.0-nanoserver-ltsc2022`,
 * `8.0-windowsservercore-ltsc2022`); empty when the KB knows none.
 */
export function windowsTagsForSharedTag(ref: ImageReference, build: number): string[] {
  const { info, match } = classify(ref);
  const rule = info.family?.retag;
  const version = match?.groups?.version;
  if (!info.sharedTagWithoutWindows || !rule?.variantTagWords || version === undefined) return [];
  if (rule.versions && !rule.versions.find((v) => v.pattern.test(version))?.builds.includes(build)) return [];
  return Object.entries(rule.variantTagWords).flatMap(([variant, word]) => {
    const release = rule.releaseTags[variant as BaseVariant]?.[build];
    return release ? [`${nameAsWritten(ref)}:${version}-${word}-${release}`] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Support lifecycle and variant facts

export interface SupportStatus {
  state: 'supported' | 'mainstream-ended' | 'ended' | 'unknown';
  mainstreamEnd?: string;
  extendedEnd?: string;
  /**
   * The date support ends/ended for this state: for 'supported' the mainstream end, for
   * 'mainstream-ended' the extended end, for 'ended' the last day of support. Each date is the
   * last supported day.
   */
  endDate?: string;
  sources: string[];
}

/**
 * Support of a base-image release+variant on a date (dates from the container base-image lifecycle
 * page). Without a variant the answer is 'unknown' unless all variants of the release agree.
 */
export function supportStatus(release: WindowsRelease, variant: ImageInfo['variant'], today: Date): SupportStatus {
  const rows = baseImageLifecycles.filter(
    (l) => l.release === release.id && (!variant || l.variants.includes(variant)),
  );
  // Without a variant the answer must not depend on one (ltsc2016: Server Core and Nano Server differ).
  const row = rows[0];
  if (!row || rows.some((r) => r.mainstreamEnd !== row.mainstreamEnd || r.extendedEnd !== row.extendedEnd)) {
    return { state: 'unknown', sources: [src.baseImageLifecycle] };
  }
  const day = today.toISOString().slice(0, 10);
  const known = {
    mainstreamEnd: row.mainstreamEnd,
    ...(row.extendedEnd ? { extendedEnd: row.extendedEnd } : {}),
    sources: row.sources,
  };
  if (day <= row.mainstreamEnd) return { state: 'supported', ...known, endDate: row.mainstreamEnd };
  if (row.extendedEnd && day <= row.extendedEnd) {
    return { state: 'mainstream-ended', ...known, endDate: row.extendedEnd };
  }
  return { state: 'ended', ...known, endDate: row.extendedEnd ?? row.mainstreamEnd };
}

/**
 * What decides whether a Windows image still gets updates:
 * - 'release': its Windows release, with the lifecycle status of the release and variant;
 * - 'preview': an Insider image (with its build when the tag names one): previews expire;
 * - 'unknown-build': a full version whose build is no released Windows (`10.0.18334.1`): a preview or
 *   a build the KB does not know.
 * undefined when the image names no Windows build.
 */
export type ImageSupport =
  | { kind: 'release'; release: WindowsRelease; status: SupportStatus }
  | { kind: 'preview'; build?: number; sources: string[] }
  | { kind: 'unknown-build'; build: number; sources: string[] };

/** `release` overrides the image's own (a `releaseIfWindows` the caller has reason to trust). */
export function imageSupport(info: ImageInfo, today: Date, release: WindowsRelease | undefined = info.release): ImageSupport | undefined {
  if (info.preview) {
    return { kind: 'preview', ...(info.build !== undefined ? { build: info.build } : {}), sources: info.family?.preview?.sources ?? [src.insiderImages] };
  }
  if (release) return { kind: 'release', release, status: supportStatus(release, info.variant, today) };
  if (info.build !== undefined) return { kind: 'unknown-build', build: info.build, sources: [src.insiderImages, src.windowsServerReleaseInfo] };
  return undefined;
}

/**
 * Support of a Windows release as a host or node OS. Where the Lifecycle pages give other dates than
 * the container page, the host uses the Lifecycle dates (the container page says they take
 * precedence); image messages keep the container page's (supportStatus).
 */
export function hostSupportStatus(release: WindowsRelease, today: Date): SupportStatus {
  const mainstreamEnd = release.lifecycleDates?.mainstreamEnd ?? release.mainstreamEnd;
  const extendedEnd = release.lifecycleDates?.extendedEnd ?? release.extendedEnd;
  const sources = [...release.sources, ...(release.lifecycleDates?.sources ?? [])];
  if (!mainstreamEnd) return { state: 'unknown', sources };
  const day = today.toISOString().slice(0, 10);
  const known = { mainstreamEnd, ...(extendedEnd ? { extendedEnd } : {}), sources };
  if (day <= mainstreamEnd) return { state: 'supported', ...known, endDate: mainstreamEnd };
  if (extendedEnd && day <= extendedEnd) return { state: 'mainstream-ended', ...known, endDate: extendedEnd };
  return { state: 'ended', ...known, endDate: extendedEnd ?? mainstreamEnd };
}

/**
 * Whether current Kubernetes supports Windows nodes of a build: undefined for builds of releases it
 * supports and for builds the KB does not know.
 */
export function kubernetesNodeSupport(build: number): { supported: false; release: WindowsRelease; since: string; sources: string[] } | undefined {
  const release = releaseForBuild(build);
  if (!release || release.channel !== 'LTSC' || kubernetesWindowsNodes.supportedReleases.includes(release.id)) return undefined;
  return { supported: false, release, since: kubernetesWindowsNodes.since, sources: kubernetesWindowsNodes.sources };
}

export interface ProductSupport {
  lifecycle: ProductLifecycle;
  /** The product version the tag names, as written ('8.0.30', '4.7.2'); undefined for repository-wide entries. */
  version?: string;
  /** The title with the version filled in. */
  title: string;
  /** Still supported on `today` (its date is in the future). */
  ended: boolean;
  /** The same image retagged to the replacement version for its Windows build, when that is certain. */
  retag?: string;
}

/** How a product version's end is worded, in a Dockerfile's FROM and in a Windows pod's image alike. */
export const productSupportMessages = {
  endOfSupport: '{{product}} went out of support on {{date}}: {{image}} gets no more security updates. {{advice}}.',
  noLongerProduced: 'Microsoft stopped producing {{product}} images on {{date}}: {{image}} still pulls but gets no more updates. {{advice}}.',
} as const;

/** Where the product lifecycles come from: the .NET support policy, the images' platform policy, the .NET Framework images' removal. */
export const productSupportSources: readonly string[] = [
  'https://devblogs.microsoft.com/dotnet/dotnet-sts-releases-supported-for-24-months',
  'https://github.com/dotnet/dotnet-docker/blob/main/documentation/supported-platforms.md',
  'https://github.com/microsoft/dotnet-framework-docker/pull/1262',
];

/** The product lifecycle entry an image reference falls under (.NET 8, .NET Framework 4.7.2, PowerShell). */
export function productSupport(ref: ImageReference, today: Date): ProductSupport | undefined {
  const { info, match } = classify(ref);
  const family = info.family;
  if (!family) return undefined;
  const version = match?.groups?.version;
  const lifecycle = productLifecycles.find(
    (entry) =>
      entry.families.includes(family.id) &&
      (!entry.versions || (version !== undefined && entry.versions.test(version))) &&
      (!entry.releases || (info.release !== undefined && entry.releases.includes(info.release.id))),
  );
  if (!lifecycle) return undefined;
  const day = today.toISOString().slice(0, 10);
  const ended = lifecycle.date === undefined || lifecycle.date < day;
  const newVersion = info.build !== undefined ? lifecycle.replacementVersion?.[info.build] : undefined;
  const retag =
    newVersion !== undefined && match && ref.tag !== undefined && match.indices?.groups?.version && info.tagKind === 'release'
      ? `${nameAsWritten(ref)}:${replaceGroups(ref.tag, match, { version: newVersion, ...(match.groups?.date ? { date: '' } : {}) })}`
      : undefined;
  return {
    lifecycle,
    ...(version !== undefined && lifecycle.versions ? { version } : {}),
    title: lifecycle.title.replace('{{version}}', version ?? ''),
    ended,
    ...(retag && retag !== ref.raw.trim() ? { retag } : {}),
  };
}

/**
 * Hover notes on what an image's name says about its updates, each a sentence built from KB data:
 * Insider previews, builds no release has, bases read from the name, product lifecycles, and which of
 * two disagreeing Microsoft dates a message uses.
 */
export function imageLifecycleNotes(ref: ImageReference, info: ImageInfo, today: Date): string[] {
  const notes: string[] = [];
  if (info.preview) {
    notes.push(`Windows Insider preview${info.build !== undefined ? ` (build ${info.build})` : ''}: Insider images expire and start only on Insider hosts of a matching build.`);
  } else if (info.build !== undefined && !info.release) {
    notes.push(`Build ${info.build} is no released Windows Server build: a preview or unknown build.`);
  }
  if (info.fromName && (info.release || info.build !== undefined)) {
    notes.push('The Windows base is read from the image name, not from a publisher the extension knows.');
  }
  const dates = info.release?.lifecycleDates;
  if (dates) {
    const pairs = [
      dates.mainstreamEnd && `mainstream ${dates.mainstreamEnd}`,
      dates.extendedEnd && `extended ${dates.extendedEnd}`,
    ].filter(Boolean);
    notes.push(`The Microsoft Lifecycle page gives ${pairs.join(', ')} for the OS; image messages use the container lifecycle page's dates.`);
  }
  const product = productSupport(ref, today);
  if (product) {
    const when = product.lifecycle.date
      ? product.lifecycle.kind === 'end-of-support'
        ? ` ${product.ended ? 'went' : 'goes'} out of support on ${product.lifecycle.date}`
        : ` images stopped being produced on ${product.lifecycle.date}`
      : ' images are no longer updated';
    notes.push(`${product.title.charAt(0).toUpperCase()}${product.title.slice(1)}${when}: ${product.lifecycle.advice}.`);
  }
  return notes;
}

/** Base variant capabilities: which shells exist, default user, lacks (.NET Framework, MSI, IIS...). */
export function variantFacts(variant: NonNullable<ImageInfo['variant']>): VariantFacts {
  return variantFactsTable[variant];
}

// ---------------------------------------------------------------------------------------------
// Kubernetes on Windows

/** The Linux-only host path a hostPath volume names (a socket, /proc, /sys, /dev), if any. */
export function linuxHostPath(path: string): LinuxHostPath | undefined {
  const clean = path.trim().replace(/\/+$/, '') || '/';
  return linuxHostPaths.find((entry) => clean === entry.path || (entry.prefix === true && clean.startsWith(`${entry.path}/`)));
}

/**
 * Why a container's program cannot exist in a Windows container: 'linux-directory' for an absolute
 * path under /bin, /usr/bin...; 'shell' for a bare Linux shell name (absent from Windows base images;
 * a custom image may add one). undefined otherwise.
 */
export function linuxExecutable(program: string): 'linux-directory' | 'shell' | undefined {
  const text = program.trim();
  if (linuxExecutables.directories.some((directory) => text.startsWith(directory))) return 'linux-directory';
  if ((linuxExecutables.shells as readonly string[]).includes(text)) return 'shell';
  return undefined;
}
