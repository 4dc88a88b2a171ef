// Hover and completion for Kubernetes documents: what Windows release a `node.kubernetes.io/windows-build`
// value or an image means and which builds run it (containerd's process-isolation rule), and the
// values the OS and Windows build labels take.
import type { CompletionItem, Hover } from 'vscode-languageserver-types';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Position, Range } from '../../core/text';
import { canRunProcessIsolated, describeRelease, imageLifecycleNotes, kubernetesNodeSupport, releaseForBuild, supportedNodeBuildLabel, supportStatus, windowsReleases, type ImageInfo, type WindowsRelease } from '../../kb';
import { betaOsLabel, nodeRange, osLabel, windowsBuildLabel, type ContainerImage, type KubernetesModel } from './model';
import { windowsBuildLabelValue } from './windows';
import { getPair, pairKeyText, scalarText, type YamlContext } from './yaml-util';

const completionKindValue = 12;

function markdown(lines: string[], range: Range): Hover {
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range };
}

function supportLine(release: WindowsRelease, today: Date): string | undefined {
  const status = supportStatus(release, undefined, today);
  if (status.state === 'supported') return `Mainstream support until ${status.endDate}.`;
  if (status.state === 'mainstream-ended') return `Mainstream support ended ${status.mainstreamEnd}; extended support until ${status.endDate}.`;
  if (status.state === 'ended') return `Support ended ${status.endDate}.`;
  return undefined;
}

// ---- Hover ---------------------------------------------------------------------------------------

/** Hover and completion depend on the date only: support ends, new releases appear. */
type DateContext = { readonly today: Date };

export function kubernetesHover(model: KubernetesModel, position: Position, context: DateContext): Hover | undefined {
  const offset = model.lines.offset(position);
  for (const object of model.objects) {
    for (const pod of object.podSpecs) {
      for (const container of pod.containers) {
        const image = container.image;
        if (image?.info && image.range && contains(model, image.range, offset)) return imageHover(image, image.info, context.today);
      }
    }
  }
  for (const document of model.documents) {
    const found = findBuildValue(document.ctx.doc.contents, document.ctx, offset, 0);
    if (found) return buildHover(found.value, nodeRange(model, found.node), context);
  }
  return undefined;
}

function contains(model: KubernetesModel, range: Range, offset: number): boolean {
  return model.lines.offset(range.start) <= offset && offset <= model.lines.offset(range.end);
}

function inNode(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

/**
 * The windows-build value under the cursor: the value of a `node.kubernetes.io/windows-build` key
 * (node selectors, RuntimeClasses), or an item of `values` in a match expression on that key.
 */
function findBuildValue(node: unknown, ctx: YamlContext, offset: number, depth: number): { node: Node; value: string } | undefined {
  if (depth > 40 || !node || typeof node !== 'object' || !inNode(node as Node, offset)) return undefined;
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const value = item.value as Node | null;
      if (pairKeyText(item) === windowsBuildLabel && isScalar(value) && inNode(value, offset)) {
        const text = scalarText(value, ctx);
        return text !== undefined ? { node: value, value: text } : undefined;
      }
      if (pairKeyText(item) === 'values' && isSeq(value) && scalarText(getPair(node, 'key', ctx)?.value, ctx) === windowsBuildLabel) {
        const hit = value.items.find((entry) => isScalar(entry) && inNode(entry as Node, offset)) as Node | undefined;
        const text = hit ? scalarText(hit, ctx) : undefined;
        if (hit && text !== undefined) return { node: hit, value: text };
      }
      const found = findBuildValue(item.value, ctx, offset, depth + 1);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const found = findBuildValue(item, ctx, offset, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function buildHover(value: string, range: Range, context: DateContext): Hover {
  const match = windowsBuildLabelValue.exec(value);
  const heading = `**${windowsBuildLabel}: ${value}**`;
  if (!match) return markdown([heading, `No node carries this value: the kubelet labels Windows nodes with \`10.0.<build>\`, such as \`${supportedNodeBuildLabel()}\`.`], range);
  const build = Number(match[1]);
  const release = releaseForBuild(build);
  const lines = [heading, release ? `Nodes running ${describeRelease(build)}.` : `Nodes running Windows build ${build}, a build the extension does not know.`];
  const runs = windowsReleases.filter((r) => r.tagNames.length > 0 && canRunProcessIsolated(build, r.build));
  lines.push(
    runs.length > 0
      ? `Runs images of ${runs.map((r) => `${r.tagNames[0]} (${r.build})`).join(', ')} with process isolation, the only isolation Kubernetes uses.`
      : 'No published Windows image build runs here with process isolation.',
  );
  const support = release && supportLine(release, context.today);
  if (support) lines.push(support);
  const node = kubernetesNodeSupport(build);
  if (node) lines.push(`Kubernetes no longer supports Windows nodes of ${node.release.name}, since Kubernetes ${node.since}.`);
  return markdown(lines, range);
}

function imageHover(image: ContainerImage, info: ImageInfo, today: Date): Hover | undefined {
  const lines: string[] = [`**${image.text}**`];
  if (info.hostProcessOnly) {
    lines.push('HostProcess container image: it carries no Windows version, so it runs on any Windows node build.');
  } else if (info.os === 'windows') {
    const variant = info.variant ? `, ${variantName[info.variant]}` : '';
    if (info.build !== undefined) {
      lines.push(`Windows image: ${describeRelease(info.build)}${variant}.`);
      const nodes = windowsReleases.filter((r) => r.channel !== 'Client' && canRunProcessIsolated(r.build, info.build!));
      lines.push(
        nodes.length > 0
          ? `Runs on nodes labelled ${nodes.map((r) => `\`${windowsBuildLabel}: ${r.windowsBuildLabel}\``).join(', ')} (process isolation).`
          : 'No Windows node build the extension knows runs it with process isolation.',
      );
    } else {
      lines.push(`Windows image${variant}; the tag does not name a Windows release.`);
    }
  } else if (info.os === 'multi') {
    const releases = info.sharedTagReleases?.length ? `; its Windows images are ${info.sharedTagReleases.map((r) => r.tagNames[0] ?? r.id).join(', ')}` : '';
    lines.push(`Multi-platform tag with Linux and Windows images${releases}: the node picks the entry for its OS and build.`);
  } else if (info.os === 'linux') {
    lines.push('Linux image: it has no Windows variant and cannot run on Windows nodes.');
  } else {
    return undefined;
  }
  if (info.deprecated) lines.push(info.deprecated.replacement ? `Deprecated name: use \`${info.deprecated.replacement}\`.` : 'Withdrawn: no tag of this repository pulls any more.');
  if (image.ref) lines.push(...imageLifecycleNotes(image.ref, info, today));
  return markdown(lines, image.range);
}

const variantName: Record<NonNullable<ImageInfo['variant']>, string> = {
  servercore: 'Server Core',
  nanoserver: 'Nano Server',
  server: 'Windows Server',
  windows: 'Windows',
};

// ---- Completion ----------------------------------------------------------------------------------

const osValues: ReadonlyArray<{ value: string; detail: string }> = [
  { value: 'windows', detail: 'Schedule onto Windows nodes' },
  { value: 'linux', detail: 'Schedule onto Linux nodes' },
];

const labelPattern = /^\s*(?:-\s+)?(["']?)((?:beta\.)?kubernetes\.io\/os|node\.kubernetes\.io\/windows-build)\1\s*:\s*(["']?)([\w.-]*)$/;
const flowValuesPattern = /key\s*:\s*["']?((?:beta\.)?kubernetes\.io\/os|node\.kubernetes\.io\/windows-build)["']?[^{}]*values\s*:\s*\[[^\]]*?(["']?)([\w.-]*)$/;
const valuesLinePattern = /^\s*(?:-\s+)?values\s*:\s*(?:\[[^\]]*?)?(["']?)([\w.-]*)$/;
const listItemPattern = /^\s*-\s+(["']?)([\w.-]*)$/;
const keyLinePattern = /(?:^|[{,\s-])key\s*:\s*["']?([\w./-]+)["']?/;

/**
 * Values for `kubernetes.io/os` and `node.kubernetes.io/windows-build`, after the label in a node
 * selector or in the `values` of a match expression on it.
 */
export function kubernetesCompletions(model: KubernetesModel, text: string, position: Position, _context: DateContext): CompletionItem[] {
  const lines = model.text === text ? model.lines : undefined;
  const lineText = (line: number): string => (lines ? lines.lineText(line) : (text.split(/\r\n|\r|\n/)[line] ?? ''));
  const before = lineText(position.line).slice(0, position.character);
  const found = completionContext(before, position.line, lineText);
  if (!found) return [];
  const range: Range = { start: { line: position.line, character: position.character - found.typed.length }, end: position };
  const items = found.label === windowsBuildLabel ? buildItems() : osValues.map((v) => ({ label: v.value, detail: v.detail }));
  return items.map((item, index) => ({
    label: item.label,
    kind: completionKindValue,
    detail: item.detail,
    sortText: String(index).padStart(3, '0'),
    textEdit: { range, newText: item.label },
  }));
}

function completionContext(before: string, line: number, lineText: (line: number) => string): { label: string; typed: string } | undefined {
  const selector = labelPattern.exec(before);
  if (selector) return { label: selector[2]!, typed: selector[4]! };
  const flow = flowValuesPattern.exec(before);
  if (flow) return { label: flow[1]!, typed: flow[3]! };
  const values = valuesLinePattern.exec(before) ?? listItemPattern.exec(before);
  if (!values) return undefined;
  // The expression's key is written before its values, a few lines up at most.
  for (let previous = line; previous >= Math.max(0, line - 6); previous--) {
    const key = keyLinePattern.exec(previous === line ? before : lineText(previous));
    if (key) return [osLabel, betaOsLabel, windowsBuildLabel].includes(key[1]!) ? { label: key[1]!, typed: values[2]! } : undefined;
  }
  return undefined;
}

/** Known node builds, newest first. */
function buildItems(): Array<{ label: string; detail: string }> {
  // Kubernetes nodes run Windows Server; Windows 11 builds are development hosts, never node labels.
  return windowsReleases.filter((release) => release.channel !== 'Client').sort((a, b) => b.build - a.build).map((release) => ({ label: release.windowsBuildLabel, detail: release.name }));
}

