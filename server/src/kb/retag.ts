// The same image retagged for another Windows build, keeping the shape of its tag.
import { classify } from './describe-image';
import type { ImageReference } from './image-reference';
import type { BaseVariant, ImageFamily } from './types';

/** Replaces the text of named groups (from the end, so earlier positions stay valid). */
export function replaceGroups(tag: string, match: RegExpExecArray, replacements: Record<string, string>): string {
  const spans = Object.entries(replacements)
    .map(([group, text]) => ({ span: match.indices?.groups?.[group], text }))
    .filter((r): r is { span: [number, number]; text: string } => !!r.span)
    .sort((a, b) => b.span[0] - a.span[0]);
  return spans.reduce((out, { span, text }) => out.slice(0, span[0]) + text + out.slice(span[1]), tag);
}

/** The reference text without its tag and digest, as written. */
export function nameAsWritten(ref: ImageReference): string {
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
