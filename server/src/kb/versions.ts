// Windows releases by build and by name, as tags, settings and kubelet labels write them.
import { hostAliases, windowsReleases } from './releases';
import type { WindowsRelease } from './types';

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
