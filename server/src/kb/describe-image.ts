// What an image reference says about its Windows base: family, variant, release, build, and
// whether the tag certainly names a Windows, a Linux or a shared image.
import type { ImageReference } from './image-reference';
import { imageFamilies, linuxOnlyImages, tagWords } from './images';
import { releaseTagNames } from './releases';
import type { BaseVariant, ImageFamily, ImageOs, TagKind, TagScheme, WindowsRelease } from './types';
import { releaseForBuild, releaseForName } from './versions';

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
  `(?<variant>${Object.keys(tagWords.windowsVariants).join('|')})(?:[-_.](?<release>${releaseTagNames().join('|')}))?`,
);
const LTSC_WORD = tagWord(`(?<release>${releaseTagNames().filter((t) => /^ltsc\d{4}$/i.test(t)).join('|')})`);
// `windows-1809`, `windows_20H2`: the word windows right before a release name. `windows` alone
// (windows-exporter, windows-amd64 helper binaries) says nothing about a base image.
const WINDOWS_RELEASE_WORD = tagWord(`windows[-_](?<release>${releaseTagNames().join('|')})`);
// A full Windows OS version, `10.0.17763.5820` or `10.0.17744` (the build of an Insider preview);
// its own dots are not word boundaries.
const FULL_BUILD_WORD = /(?:^|[-_])10\.0\.(?<build>\d{5})(?:\.\d+)?(?=$|[-_])/i;
const BARE_RELEASE_TAG = new RegExp(`^(?<release>${releaseTagNames().filter((t) => !/^ltsc/i.test(t)).join('|')})(?:[-_]amd64)?$`, 'i');
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

function classifyUncached(ref: ImageReference): Classified {
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
 * Answers by registry, repository, tag and digest (all it reads): a manifest names a handful of
 * images many times over, each rule that reads an image asks again, and it tries dozens of tag
 * patterns. Bounded, as a long session may see many images. The answers are shared: not to be changed.
 */
const classified = new Map<string, Classified>();
const maxClassified = 1000;

export function classify(ref: ImageReference): Classified {
  const key = JSON.stringify([ref.registry, ref.repository, ref.tag ?? null, ref.digest ?? null]);
  let answer = classified.get(key);
  if (!answer) {
    if (classified.size >= maxClassified) classified.clear();
    classified.set(key, (answer = classifyUncached(ref)));
  }
  return answer;
}

export function describeImage(ref: ImageReference): ImageInfo {
  return classify(ref).info;
}
