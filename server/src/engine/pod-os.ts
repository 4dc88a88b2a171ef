// Which OS a pod targets and what says so, where its nodes' Windows build is pinned, and the taint
// Windows nodes carry: inferred from the pod, its RuntimeClass and the images the workspace builds.
// Upstream Kubernetes taints nothing by itself; clusters that keep Linux pods off Windows nodes
// register a taint such as `os=windows:NoSchedule`
// (https://kubernetes.io/docs/concepts/windows/user-guide/#taints-and-tolerations). We learn it from
// configuration (`windowsNodeTaint`) or from the file: a Windows RuntimeClass that tolerates it, or
// Windows workloads that do. Pure functions; engine/facts.ts answers each once per analysis.
import { basename } from 'node:path';
import { isMap, type Node } from 'yaml';
import type { NodeBuild, RuntimeClassInfo } from '../core/summary';
import type { Range } from '../core/text';
import type { BuiltImage, WorkspaceView } from '../core/workspace-view';
import { documentedWindowsTaint, parseWindowsVersion, type NodeTaint } from '../kb';
import { betaOsLabel, mayHaveHiddenKeys, nodeRange, osLabel, valueIsTemplated, windowsBuildLabel, type KubeObject, type KubernetesModel, type PodSpec } from '../languages/kubernetes/model';
import { parseTaint, readTolerations, taintEffects, type Toleration } from '../languages/kubernetes/taints';
import { inTemplateBlock } from '../languages/kubernetes/windows';
import { asMap, asSeq, getMap, getNode, getPair, getPath, getSeq, ownPairs, pairKeyText, scalarText, stringAt } from '../languages/kubernetes/yaml-util';
import type { ResolvedConfig } from './config';

export type OsName = 'windows' | 'linux';

export type OsEvidenceKind = 'os-field' | 'node-selector' | 'node-affinity' | 'runtime-class' | 'windows-options' | 'image';

export interface OsEvidence {
  os: OsName;
  kind: OsEvidenceKind;
  range: Range;
  /** The label or image that says so, for messages. */
  detail: string;
  /** The RuntimeClass, when kind is 'runtime-class'. */
  runtimeClass?: RuntimeClassInfo;
  /** The workspace Dockerfile that builds the image, when kind is 'image' and the KB does not know it. */
  builtFrom?: BuiltImage;
}

const osLabels = [osLabel, betaOsLabel];
const archLabels = ['kubernetes.io/arch', 'beta.kubernetes.io/arch'];

export interface PodOs {
  evidence: OsEvidence[];
  /** Evidence that the scheduler will place the pod on one OS (node selector, affinity, RuntimeClass). */
  scheduling: OsEvidence[];
  /** True when something that decides scheduling is hidden from us (template, unknown RuntimeClass). */
  schedulingUnknown: boolean;
}

/** What says which OS the pod targets; the view answers for RuntimeClasses and images built in the workspace. */
export function podOs(pod: PodSpec, workspace: WorkspaceView): PodOs {
  const { ctx, map } = pod;
  const model = pod.object.model;
  const evidence: OsEvidence[] = [];
  let schedulingUnknown = mayHaveHiddenKeys(model, map, ctx);

  const osNamePair = getPair(getMap(map, 'os', ctx), 'name', ctx);
  const osName = scalarText(osNamePair?.value, ctx)?.toLowerCase();
  if (osNamePair && (osName === 'windows' || osName === 'linux')) {
    evidence.push({ os: osName, kind: 'os-field', range: nodeRange(model, osNamePair.value as Node), detail: `spec.os.name: ${osName}` });
  }

  const selectorPair = getPair(map, 'nodeSelector', ctx);
  if (selectorPair && valueIsTemplated(model, selectorPair, ctx)) schedulingUnknown = true;
  const selector = asMap(selectorPair?.value, ctx);
  if (selector && mayHaveHiddenKeys(model, selector, ctx)) schedulingUnknown = true;
  for (const pair of ownPairs(selector)) {
    const label = pairKeyText(pair) ?? '';
    const value = scalarText(pair.value, ctx)?.toLowerCase();
    if (osLabels.includes(label) && (value === 'windows' || value === 'linux')) {
      evidence.push({ os: value, kind: 'node-selector', range: nodeRange(model, pair.value as Node), detail: `${label}: ${value}` });
    } else if (label === windowsBuildLabel) {
      // Only Windows nodes carry this label, so selecting on it schedules onto Windows.
      evidence.push({ os: 'windows', kind: 'node-selector', range: nodeRange(model, pair.value as Node), detail: `${label}: ${value ?? ''}` });
    } else if (!archLabels.includes(label)) {
      // A custom label (an AKS node pool, a hostname) targets nodes we cannot see: they may all be Windows.
      schedulingUnknown = true;
    }
  }

  const affinity = affinityOs(pod);
  if (affinity === 'unknown') schedulingUnknown = true;
  else if (affinity) evidence.push(affinity);

  const runtimeClassPair = getPair(map, 'runtimeClassName', ctx);
  const runtimeClassName = scalarText(runtimeClassPair?.value, ctx);
  if (runtimeClassPair && runtimeClassName === undefined && runtimeClassPair.value !== null) schedulingUnknown = true;
  if (runtimeClassPair && runtimeClassName !== undefined) {
    const runtimeClass = workspace.runtimeClass(runtimeClassName);
    if (!runtimeClass) schedulingUnknown = true;
    else if (runtimeClass.os) {
      evidence.push({ os: runtimeClass.os, kind: 'runtime-class', range: nodeRange(model, runtimeClassPair.value as Node), detail: `RuntimeClass ${runtimeClassName}`, runtimeClass });
    }
  }

  const windowsOptions = [getPath(map, ['securityContext', 'windowsOptions'], ctx), ...pod.containers.map((c) => getPath(c.map, ['securityContext', 'windowsOptions'], ctx))];
  for (const node of windowsOptions) {
    if (node && isMap(node)) {
      evidence.push({ os: 'windows', kind: 'windows-options', range: nodeRange(model, node), detail: 'securityContext.windowsOptions' });
      break;
    }
  }

  for (const container of pod.containers) {
    const info = container.image?.info;
    if (info && (info.os === 'windows' || info.os === 'linux')) {
      evidence.push({ os: info.os, kind: 'image', range: container.image!.range, detail: container.image!.text });
    } else if (container.image?.ref) {
      // An image the KB does not know may be built by a Dockerfile of the workspace, which does tell.
      const built = workspace.builtImage(container.image.ref);
      const os = built?.dockerfile.finalOs;
      if (os === 'windows' || os === 'linux') {
        evidence.push({ os, kind: 'image', range: container.image.range, detail: `${container.image.text} (built from ${basename(built!.dockerfile.path)})`, builtFrom: built });
      }
    }
  }
  const scheduling = evidence.filter((e) => e.kind === 'node-selector' || e.kind === 'node-affinity' || e.kind === 'runtime-class');
  return { evidence, scheduling, schedulingUnknown };
}

/**
 * Required node affinity pins an OS when every term (terms are ORed) requires `kubernetes.io/os In [x]`
 * (or a Windows build) for the same OS. 'unknown' when the affinity is templated or a term selects
 * nodes by other labels, which may all be of one OS.
 */
function affinityOs(pod: PodSpec): OsEvidence | 'unknown' | undefined {
  const { ctx, map } = pod;
  const model = pod.object.model;
  const requiredPair = getPair(getMap(getMap(map, 'affinity', ctx), 'nodeAffinity', ctx), 'requiredDuringSchedulingIgnoredDuringExecution', ctx);
  if (!requiredPair) {
    const affinityPair = getPair(map, 'affinity', ctx);
    return affinityPair && valueIsTemplated(model, affinityPair, ctx) ? 'unknown' : undefined;
  }
  if (valueIsTemplated(model, requiredPair, ctx)) return 'unknown';
  const terms = getSeq(asMap(requiredPair.value, ctx), 'nodeSelectorTerms', ctx)?.items ?? [];
  let os: OsName | undefined;
  let range: Range | undefined;
  let targeted = false;
  for (const termNode of terms) {
    const term = asMap(termNode, ctx);
    if (getPair(term, 'matchFields', ctx)) targeted = true;
    let termOs: OsName | undefined;
    for (const expressionNode of getSeq(term, 'matchExpressions', ctx)?.items ?? []) {
      const expression = asMap(expressionNode, ctx);
      const key = stringAt(expression, 'key', ctx) ?? '';
      const operator = stringAt(expression, 'operator', ctx);
      const values = asSeq(getNode(expression, 'values', ctx), ctx)?.items.map((v) => scalarText(v, ctx)?.toLowerCase()) ?? [];
      if (osLabels.includes(key) && operator === 'In' && values.length === 1 && (values[0] === 'windows' || values[0] === 'linux')) {
        termOs = values[0];
      } else if (key === windowsBuildLabel && (operator === 'In' || operator === 'Exists')) {
        termOs = 'windows';
      } else if (!archLabels.includes(key)) {
        targeted = true;
        continue;
      } else {
        continue;
      }
      range ??= nodeRange(model, expression!);
    }
    if (!termOs || (os && os !== termOs)) return targeted ? 'unknown' : undefined;
    os = termOs;
  }
  if (os && range) return { os, kind: 'node-affinity', range, detail: `node affinity ${osLabel} In [${os}]` };
  return targeted ? 'unknown' : undefined;
}

export interface WindowsPod {
  os: PodOs;
  /** The first thing that says Windows, for messages and related locations. */
  evidence: OsEvidence;
}

/** The pod as a certain Windows pod: Windows evidence and none for Linux; undefined otherwise. */
export function windowsPod(pod: PodSpec, os: PodOs): WindowsPod | undefined {
  const model = pod.object.model;
  const evidence = os.evidence.find((e) => e.os === 'windows' && !inTemplateBlock(model, e.range));
  if (!evidence || os.evidence.some((e) => e.os === 'linux')) return undefined;
  return { os, evidence };
}

/** A `node.kubernetes.io/windows-build` value that decides where the pod runs. */
export interface NodeBuildSelector {
  /** As written. */
  value: string;
  range: Range;
  uri: string;
  where: 'node-selector' | 'node-affinity' | 'runtime-class';
  /** The YAML node, when it is in the file being checked and can be edited. */
  node?: Node;
  /** The only value of its expression: changing it changes nothing else. */
  sole: boolean;
  runtimeClass?: string;
}

/** Every windows-build value the pod's node selector, required affinity and RuntimeClass require. */
export function nodeBuildSelectors(pod: PodSpec, workspace: WorkspaceView, uri: string): NodeBuildSelector[] {
  const { ctx, map } = pod;
  const model = pod.object.model;
  const result: NodeBuildSelector[] = [];
  const selectorPair = getPair(getMap(map, 'nodeSelector', ctx), windowsBuildLabel, ctx);
  const selectorValue = scalarText(selectorPair?.value, ctx);
  if (selectorPair && selectorValue !== undefined) {
    result.push({ value: selectorValue, range: nodeRange(model, selectorPair.value as Node), uri, where: 'node-selector', node: selectorPair.value as Node, sole: true });
  }
  const required = getMap(getMap(getMap(map, 'affinity', ctx), 'nodeAffinity', ctx), 'requiredDuringSchedulingIgnoredDuringExecution', ctx);
  for (const term of getSeq(required, 'nodeSelectorTerms', ctx)?.items ?? []) {
    for (const expressionNode of getSeq(asMap(term, ctx), 'matchExpressions', ctx)?.items ?? []) {
      const expression = asMap(expressionNode, ctx);
      if (scalarText(getPair(expression, 'key', ctx)?.value, ctx) !== windowsBuildLabel || scalarText(getPair(expression, 'operator', ctx)?.value, ctx) !== 'In') continue;
      const values = getSeq(expression, 'values', ctx)?.items ?? [];
      for (const item of values) {
        const value = scalarText(item, ctx);
        if (value !== undefined) result.push({ value, range: nodeRange(model, item as Node), uri, where: 'node-affinity', node: item as Node, sole: values.length === 1 });
      }
    }
  }
  const runtimeClassName = scalarText(getPair(map, 'runtimeClassName', ctx)?.value, ctx);
  const runtimeClass = runtimeClassName !== undefined ? workspace.runtimeClass(runtimeClassName) : undefined;
  // A Hyper-V RuntimeClass pins the image's build too: Kubernetes does not support Hyper-V isolation
  // for Windows pods (kubernetes/hyperv-isolation says so), so it is no way out of a build mismatch.
  if (runtimeClass?.windowsBuild !== undefined && runtimeClass.windowsBuildRange) {
    result.push({ value: runtimeClass.windowsBuild, range: runtimeClass.windowsBuildRange, uri: runtimeClass.uri, where: 'runtime-class', sole: false, runtimeClass: runtimeClass.name });
  }
  return result.filter((selector) => !selector.node || !inTemplateBlock(model, selector.node));
}

/** The `windowsNodeTaint` setting (`os=windows:NoSchedule`): the taint every Windows node of the user's clusters carries. */
function configuredWindowsTaint(config: ResolvedConfig): NodeTaint | undefined {
  return config.windowsNodeTaint !== undefined ? parseTaint(config.windowsNodeTaint) : undefined;
}

export interface KnownTaint {
  taint: NodeTaint;
  /** Where we learned it; undefined for configuration. */
  range?: Range;
  /** The pod it was learned from, so that pod is not judged by its own toleration. */
  from?: PodSpec;
  origin: string;
}

/** A toleration that is plainly about Windows nodes (`os=windows`, `node.kubernetes.io/os=windows`). */
function windowsTaintOf(toleration: Toleration): NodeTaint | undefined {
  if (!toleration.key || toleration.operator !== 'Equal' || toleration.value?.toLowerCase() !== 'windows') return undefined;
  // A toleration without an effect tolerates any; the taint is then taken to have the documented one.
  const effect = toleration.effect && taintEffects.includes(toleration.effect) ? (toleration.effect as NodeTaint['effect']) : documentedWindowsTaint.effect;
  return { key: toleration.key, value: toleration.value, effect };
}

/** The Windows node taint: from configuration, else from the Windows RuntimeClasses and workloads of the file. */
export function knownWindowsTaints(model: KubernetesModel, config: ResolvedConfig, facts: { windowsPod(pod: PodSpec): WindowsPod | undefined; runtimeClassOf(object: KubeObject): RuntimeClassInfo | undefined }): KnownTaint[] {
  const configured = configuredWindowsTaint(config);
  if (configured) return [{ taint: configured, origin: 'the windowsNodeTaint setting' }];
  const found: KnownTaint[] = [];
  for (const object of model.objects) {
    if (facts.runtimeClassOf(object)?.os === 'windows') {
      const scheduling = getMap(object.root, 'scheduling', object.ctx);
      const tolerations = scheduling ? readTolerations(model, scheduling, object.ctx) : [];
      if (tolerations === 'unknown') continue;
      for (const toleration of tolerations) {
        const taint = windowsTaintOf(toleration);
        if (taint) found.push({ taint, range: object.kindRange, origin: `RuntimeClass ${object.name}` });
      }
    }
    for (const pod of object.podSpecs) {
      if (!facts.windowsPod(pod)) continue;
      const tolerations = readTolerations(model, pod.map, pod.ctx);
      if (tolerations === 'unknown') continue;
      const pair = getPair(pod.map, 'tolerations', pod.ctx);
      for (const toleration of tolerations) {
        const taint = windowsTaintOf(toleration);
        if (taint) found.push({ taint, range: nodeRange(model, pair?.key as Node), from: pod, origin: `${object.kind} ${object.name ?? ''}`.trim() });
      }
    }
  }
  return found;
}

/** The Windows build a process-isolating RuntimeClass's `scheduling.nodeSelector` pins. */
export function runtimeClassNodeBuild(runtimeClass: RuntimeClassInfo | undefined): NodeBuild | undefined {
  const build = runtimeClass?.windowsBuild ? parseWindowsVersion(runtimeClass.windowsBuild) : undefined;
  if (!runtimeClass || runtimeClass.hyperV || build === undefined || !runtimeClass.windowsBuildRange) return undefined;
  return { value: runtimeClass.windowsBuild!, build, uri: runtimeClass.uri, range: runtimeClass.windowsBuildRange };
}

/** The Windows build a pod's own `node.kubernetes.io/windows-build` selector or required affinity pins, when it names one. */
export function podNodeBuild(selectors: readonly NodeBuildSelector[]): NodeBuild | undefined {
  // A RuntimeClass's selector is never the sole one: the index resolves RuntimeClasses itself.
  for (const selector of selectors) {
    const build = selector.sole ? parseWindowsVersion(selector.value) : undefined;
    if (build !== undefined) return { value: selector.value, build, uri: selector.uri, range: selector.range };
  }
  return undefined;
}
