// Windows releases by build and by name, as tags, settings and kubelet labels write them.
import { hostAliases, kubernetesWindowsNodes, windowsReleases } from './releases';
import type { WindowsRelease } from './types';

const releaseByTagName = new Map<string, WindowsRelease>(
  windowsReleases.flatMap((r) => r.tagNames.map((t) => [t.toLowerCase(), r] as const)),
);
const releaseById = new Map<string, WindowsRelease>(windowsReleases.map((r) => [r.id.toLowerCase(), r]));

/** The newest LTSC release that has images of its own: the example of a tag to pin. */
export function newestLtscRelease(): WindowsRelease {
  return windowsReleases.filter((r) => r.channel === 'LTSC' && r.tagNames.length > 0).sort((a, b) => b.build - a.build)[0]!;
}

export function releaseForBuild(build: number): WindowsRelease | undefined {
  return windowsReleases.find((r) => r.build === build);
}

/** The release a tag name ('ltsc2022', '1809', '20H2', 'sac2016') or release id stands for. */
export function releaseForName(name: string): WindowsRelease | undefined {
  const key = name.trim().toLowerCase();
  return releaseByTagName.get(key) ?? releaseById.get(key);
}

/** The year a Windows Server LTSC edition is also called by ('2022' for ltsc2022). */
export function ltscYear(release: WindowsRelease): string | undefined {
  return release.channel === 'LTSC' ? release.tagNames.map((name) => /^ltsc(\d{4})$/i.exec(name)?.[1]).find((year) => year !== undefined) : undefined;
}

const releaseByLtscYear = new Map<string, WindowsRelease>(
  windowsReleases.flatMap((r) => {
    const year = ltscYear(r);
    return year ? [[year, r] as const] : [];
  }),
);

/**
 * Accepts 'ltsc2019'|'ltsc2022'|'ltsc2025'|'2019'|'2022'|'1809'|'20H2'|'10.0.20348'|'10.0.20348.2700'|'20348'
 * (case-insensitive); undefined otherwise.
 */
export function parseWindowsVersion(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  const named = releaseByLtscYear.get(s) ?? releaseForName(s);
  if (named) return named.build;
  const alias = hostAliases.find((host) => host.id === s);
  if (alias) return alias.build;
  // The kubelet's windows-build label and image os.version are 10.0.<build>[.<revision>].
  const full = /^10\.0\.(\d{5})(?:\.\d+)?$/.exec(s);
  if (full) return Number(full[1]);
  // A bare number is read as a build only when it is a known one, not any five digits.
  return /^\d{5}$/.test(s) ? releaseForBuild(Number(s))?.build : undefined;
}

/**
 * How messages name a Windows build: "Windows Server 2019 (version 1809, build 10.0.17763)",
 * "Windows Server 2022 (build 10.0.20348)", "Windows build 10.0.12345" for a build no release has.
 * One pair of parentheses: a release name's own aside ("(version 1809)") takes the build.
 */
export function describeRelease(build: number): string {
  const release = releaseForBuild(build);
  if (!release) return `Windows build 10.0.${build}`;
  const named = /^(?<name>.*) \((?<aside>[^()]*)\)$/.exec(release.name)?.groups;
  return named ? `${named.name} (${named.aside}, build 10.0.${build})` : `${release.name} (build 10.0.${build})`;
}

/** A windows-build label value of nodes Kubernetes supports ('10.0.20348'): the example messages and hovers give. */
export function supportedNodeBuildLabel(): string {
  return releaseForName(kubernetesWindowsNodes.supportedReleases[0]!)!.windowsBuildLabel;
}
