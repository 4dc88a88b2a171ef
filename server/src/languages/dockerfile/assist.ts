// Hover and completion for Dockerfile documents: what Windows release a FROM image is, until when
// it is supported and which hosts run it (process isolation as containerd decides it, Hyper-V when
// the host is not older); and the tags a Windows image publishes, after `FROM <image>:`.
import type { CompletionItem, Hover } from 'vscode-languageserver-types';
import type { Position, Range } from '../../core/text';
import {
  canRunHyperV,
  canRunProcessIsolated,
  describeImage,
  describeRelease,
  imageLifecycleNotes,
  parseImageReference,
  supportStatus,
  suggestRetag,
  variantFacts,
  windowsReleases,
  type ImageFamily,
  type ImageInfo,
  type WindowsRelease,
} from '../../kb';
import type { BaseImage, DockerInstruction, DockerfileModel } from './model';
import { instructionShell, type RunningShell } from './shells';

const completionKindValue = 12;

const variantNames: Record<NonNullable<ImageInfo['variant']>, string> = {
  servercore: 'Server Core',
  nanoserver: 'Nano Server',
  server: 'Windows Server',
  windows: 'Windows',
};

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

// ---- Hover ---------------------------------------------------------------------------------------

/** Hover and completion depend on the date only: support ends, new releases appear. */
type DateContext = { readonly today: Date };

export function dockerfileHover(model: DockerfileModel, position: Position, context: DateContext): Hover | undefined {
  return imageHover(model, position, context) ?? shellHover(model, position);
}

function imageHover(model: DockerfileModel, position: Position, context: DateContext): Hover | undefined {
  for (const stage of model.stages) {
    if (!stage.base) continue;
    // The keyword says what the line is about as much as the image does, and is where a reader points first.
    const range = contains(stage.base.range, position) ? stage.base.range : contains(fromKeywordRange(stage.fromRange), position) ? fromKeywordRange(stage.fromRange) : undefined;
    if (!range) continue;
    const lines = imageLines(stage.base, context.today);
    return lines ? { contents: { kind: 'markdown', value: lines.join('\n\n') }, range } : undefined;
  }
  return undefined;
}

/** Which shell and PowerShell edition run a RUN, CMD or ENTRYPOINT, and why; silent when unknown. */
function shellHover(model: DockerfileModel, position: Position): Hover | undefined {
  for (const stage of model.stages) {
    if (stage.os !== 'windows') continue;
    const instruction = stage.instructions.find((candidate) => contains(candidate.range, position));
    if (!instruction) continue;
    const text = shellText(instruction);
    return text ? { contents: { kind: 'markdown', value: text }, range: instruction.range } : undefined;
  }
  return undefined;
}

function shellText(instruction: DockerInstruction): string | undefined {
  const fact = instructionShell(instruction);
  if (!fact) return undefined;
  if (fact.form === 'exec') return fact.started ? `Exec form: no shell reads the line; the command itself starts ${shellName(fact.started)}.${missingText(fact.started)}` : 'Exec form: no shell.';
  const outer = fact.shell ? describeShell(fact.shell) : undefined;
  if (!fact.started) return outer ? `Runs in ${outer}.${missingText(fact.shell)}` : undefined;
  return `Runs in ${describeShell(fact.started)}.${outer ? ` The line is read first by ${outer}.` : ''}${missingText(fact.started) || missingText(fact.shell)}`;
}

function missingText(shell: RunningShell | undefined): string {
  return shell?.missing ? ' Nano Server has no Windows PowerShell, so this step fails.' : '';
}

const shellNames: Record<NonNullable<RunningShell['kind']>, string> = {
  cmd: 'cmd',
  'windows-powershell': 'Windows PowerShell 5.1 (powershell)',
  pwsh: 'PowerShell 7 (pwsh)',
};

function shellName(shell: RunningShell): string {
  if (shell.origin.kind === 'command' || (shell.kind && shell.kind !== 'cmd')) return `**${shellNames[shell.kind ?? 'cmd']}**`;
  return `\`${shell.argv.join(' ')}\``;
}

/** "**Windows PowerShell 5.1 (powershell)**, from SHELL on line 3", "`cmd /S /C`, the default of <image>". */
function describeShell(shell: RunningShell): string {
  const origin = shell.origin;
  switch (origin.kind) {
    case 'shell-instruction':
      return `${shellName(shell)}, from SHELL on line ${origin.instruction.range.start.line + 1}`;
    case 'image-default':
      return `${shellName(shell)}, the default of ${origin.image}`;
    case 'command':
      return `${shellName(shell)}, started by the command itself`;
  }
}

/** `FROM` in any case: the instruction's range starts at its keyword. */
function fromKeywordRange(fromRange: Range): Range {
  return { start: fromRange.start, end: { line: fromRange.start.line, character: fromRange.start.character + 'FROM'.length } };
}

/** The hover text for a base image, one paragraph per fact; undefined when the KB knows nothing. */
function imageLines(base: BaseImage, today: Date): string[] | undefined {
  const info = base.info;
  const lines = [`**${base.text}**`];
  if (info.hostProcessOnly) {
    lines.push('HostProcess container image: it carries no Windows version and runs on any Windows host build.');
  } else if (info.sharedTagWithoutWindows) {
    lines.push('Multi-platform tag with **Linux images only**: it has no Windows image, so a Windows host cannot pull it. Use a tag that names the Windows variant and release.');
  } else if (info.os === 'windows' && info.build !== undefined) {
    const variant = info.variant ? `, ${variantNames[info.variant]}` : '';
    lines.push(`Windows image: ${describeRelease(info.build)}${variant}.`);
    if (info.release) lines.push(supportText(info.release, info.variant, today));
    lines.push(...hostLines(info.build));
  } else if ((info.os === 'windows' || info.os === 'multi') && info.sharedTagReleases?.length) {
    const releases = info.sharedTagReleases.map((r) => describeRelease(r.build)).join(', ');
    lines.push(`Shared tag: its Windows images are for ${releases} only; a host pulls the entry for its own build.`);
  } else if (info.os === 'windows') {
    const variant = info.variant ? ` (${variantNames[info.variant]})` : '';
    lines.push(`Windows image${variant}; the tag does not name a Windows release, so the hosts it runs on are not known.`);
  } else if (info.os === 'multi') {
    lines.push('Multi-platform tag with Linux and Windows images: the host picks the entry for its OS and build.');
  } else if (info.os === 'linux') {
    lines.push('Linux image: it has no Windows variant.');
  } else {
    return undefined;
  }
  if (info.os === 'windows' && info.variant && info.family?.isBaseOs) {
    const facts = variantFacts(info.variant);
    const shells = facts.hasWindowsPowerShell ? 'cmd and Windows PowerShell' : 'cmd only (no PowerShell)';
    lines.push(`Shells: ${shells}.${facts.defaultUser ? ` Runs as ${facts.defaultUser} unless USER says otherwise.` : ''}`);
  }
  if (info.deprecated) lines.push(info.deprecated.replacement ? `Deprecated name: use \`${info.deprecated.replacement}\`.` : 'Withdrawn: no tag of this repository pulls any more.');
  lines.push(...imageLifecycleNotes(base.ref, info, today));
  return lines;
}

function supportText(release: WindowsRelease, variant: ImageInfo['variant'], today: Date): string {
  const status = supportStatus(release, variant, today);
  const available = release.availability ? `Available since ${release.availability}. ` : '';
  switch (status.state) {
    case 'supported':
      return `${available}Mainstream support until ${status.mainstreamEnd}${status.extendedEnd ? `, extended support until ${status.extendedEnd}` : ''}.`;
    case 'mainstream-ended':
      return `${available}Mainstream support ended ${status.mainstreamEnd}; extended support until ${status.extendedEnd}.`;
    case 'ended':
      return `${available}**Out of support since ${status.endDate}.**`;
    default:
      return `${available}Support dates differ by variant; see the base image lifecycle page.`;
  }
}

/** Which known host builds run the image: containerd's process-isolation rule, and Hyper-V. */
function hostLines(build: number): string[] {
  const hosts = [...windowsReleases].sort((a, b) => a.build - b.build);
  const name = (r: WindowsRelease): string => describeRelease(r.build);
  const process = hosts.filter((r) => canRunProcessIsolated(r.build, build));
  // Hyper-V runs the image on any host that is not older; the current LTSC releases name them.
  const hyperv = hosts.filter((r) => r.channel === 'LTSC' && canRunHyperV(r.build, build) && !canRunProcessIsolated(r.build, build));
  return [
    process.length > 0 ? `Process isolation (Kubernetes, Windows Server default) on: ${process.map(name).join(', ')}.` : 'No known host runs it with process isolation.',
    `Hyper-V isolation on any host of build ${build} or newer${hyperv.length > 0 ? `, such as ${hyperv.map(name).join(', ')}` : ''}.`,
  ];
}

// ---- Completion ----------------------------------------------------------------------------------

const fromTag = /^\s*FROM\s+(?:--\S+\s+)*([^\s:@$]+(?::\d+)?(?:\/[^\s:@$]+)+|[^\s:@$/]+):([\w.-]*)$/i;

/** Tags of the Windows image named before the cursor in `FROM <image>:`, newest Windows release first. */
export function dockerfileCompletions(_model: DockerfileModel, text: string, position: Position, context: DateContext): CompletionItem[] {
  const line = text.split(/\r\n|\r|\n/)[position.line] ?? '';
  const match = fromTag.exec(line.slice(0, position.character));
  if (!match) return [];
  const ref = parseImageReference(match[1]!);
  const family = ref ? describeImage(ref).family : undefined;
  if (!ref || !family || family.deprecated) return [];
  const range: Range = { start: { line: position.line, character: position.character - match[2]!.length }, end: position };
  return knownTags(family, match[1]!, context.today).map((tag, index) => ({
    label: tag.tag,
    kind: completionKindValue,
    detail: tag.detail,
    sortText: String(index).padStart(3, '0'),
    textEdit: { range, newText: tag.tag },
  }));
}

/**
 * The family's release tags for every Windows release still in support, derived from its
 * documented example tags by the same retagging the quick fixes use (so only published tags).
 */
function knownTags(family: ImageFamily, name: string, today: Date): Array<{ tag: string; detail: string; build: number }> {
  const found = new Map<string, { tag: string; detail: string; build: number }>();
  const releases = windowsReleases.filter((r) => r.tagNames.length > 0).sort((a, b) => b.build - a.build);
  for (const example of family.examples.filter((e) => e.kind === 'release' && e.build !== undefined)) {
    const ref = parseImageReference(`${name}:${example.tag}`);
    if (!ref) continue;
    for (const release of releases) {
      const status = supportStatus(release, example.variant ?? family.variant, today);
      if (status.state === 'ended' || status.state === 'unknown') continue;
      const tag = release.build === example.build ? example.tag : suggestRetag(ref, release.build)?.split(':').pop();
      if (!tag || found.has(tag)) continue;
      const variant = example.variant ?? family.variant;
      found.set(tag, { tag, build: release.build, detail: `${describeRelease(release.build)}${variant ? `, ${variantNames[variant]}` : ''}` });
    }
  }
  return [...found.values()].sort((a, b) => b.build - a.build || a.tag.localeCompare(b.tag));
}
