// The values a target Windows version setting takes, and how the setting, the config file and the
// CLI list them, made from the release data: a new release changes no text by hand (the package
// test checks package.json against these).
import { hostAliases, releasesChecked, windowsReleases } from './releases';
import { supportedLtscReleases } from './support';
import { ltscYear } from './versions';

/**
 * "ltsc2019, ltsc2022, ltsc2025 or a build such as 10.0.26100": the LTSC releases supported on
 * releasesChecked, and the newest one's build. `quote` marks each value (Markdown backticks).
 */
export function targetVersionChoices(quote: (value: string) => string = (value) => value): string {
  const releases = supportedLtscReleases(new Date(`${releasesChecked}T12:00:00Z`));
  const newest = Math.max(...releases.map((release) => release.build));
  return `${releases.map((release) => quote(release.tagNames[0]!)).join(', ')} or a build such as ${quote(`10.0.${newest}`)}`;
}

/** Each letter as a class of both cases: JSON schema patterns take no flags. */
const anyCase = (name: string): string => name.replace(/[a-z]/gi, (letter) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`);

/**
 * A JSON schema pattern for what parseWindowsVersion accepts, and empty: each release's tag names,
 * id, LTSC year and build, the host aliases, and 10.0.<build>[.<revision>].
 */
export function targetVersionPattern(): string {
  const names = new Set<string>();
  for (const release of windowsReleases) {
    for (const name of [...release.tagNames, release.id, ltscYear(release), String(release.build)]) if (name) names.add(name.toLowerCase());
  }
  for (const alias of hostAliases) names.add(alias.id.toLowerCase());
  return `^$|^(?:${[...names].sort().map(anyCase).join('|')})$|^10\\.0\\.\\d{5}(?:\\.\\d+)?$`;
}
