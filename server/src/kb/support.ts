// Support lifecycles: of base images, of hosts and nodes, of the products images carry.
import { classify, type ImageInfo } from './describe-image';
import type { ImageReference } from './image-reference';
import { productLifecycles, variantFactsTable } from './images';
import { baseImageLifecycles, kubernetesWindowsNodes, windowsReleases } from './releases';
import { nameAsWritten, replaceGroups } from './retag';
import { src } from './sources';
import type { IsoDate, ProductLifecycle, VariantFacts, WindowsRelease } from './types';
import { releaseForBuild } from './versions';

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

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "April 2019" for 2019-04-16: how messages name a month a fact dates from. */
export function monthAndYear(day: IsoDate): string {
  const [year, month] = day.split('-');
  return `${monthNames[Number(month) - 1]} ${year}`;
}

/** An end of support is announced this many days ahead, for images and nodes alike. */
const endOfSupportNoticeDays = 183;

/** Whether support that ends on `endDate` (its last supported day) ends within the notice window of `today`, or has ended. */
export function endsWithinNotice(endDate: IsoDate | undefined, today: Date): boolean {
  if (!endDate) return false;
  return Date.parse(`${endDate}T23:59:59Z`) - today.getTime() <= endOfSupportNoticeDays * 24 * 60 * 60 * 1000;
}

/**
 * The LTSC releases to target on a day, oldest first: available, with images of their own, and with
 * support as a host OS that does not end within the notice window (ltsc2016 in December 2026 is
 * left out: the end-of-support rules already warn about it).
 */
export function supportedLtscReleases(day: Date): WindowsRelease[] {
  const today = day.toISOString().slice(0, 10);
  return windowsReleases.filter((release) => {
    if (release.channel !== 'LTSC' || release.tagNames.length === 0 || !release.availability || release.availability > today) return false;
    const status = hostSupportStatus(release, day);
    return status.state !== 'unknown' && !endsWithinNotice(status.extendedEnd ?? status.mainstreamEnd, day);
  });
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
