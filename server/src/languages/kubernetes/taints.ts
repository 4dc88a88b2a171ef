// Taints on Windows nodes and the tolerations pods carry. Upstream Kubernetes taints nothing by
// itself; clusters that keep Linux pods off Windows nodes register a taint such as
// `os=windows:NoSchedule` (https://kubernetes.io/docs/concepts/windows/user-guide/#taints-and-tolerations).
// We learn it from configuration (`windowsNodeTaint`) or from the file: a Windows RuntimeClass that
// tolerates it, or Windows workloads that do.
import { isSeq, type Node, type YAMLMap } from 'yaml';
import type { ResolvedConfig } from '../../engine/config';
import type { Range } from '../../core/text';
import type { WorkspaceView } from '../../core/workspace-view';
import { documentedWindowsTaint, type NodeTaint } from '../../kb';
import { mayHaveHiddenKeys, nodeRange, readRuntimeClass, valueIsTemplated, type KubernetesModel, type PodSpec } from './model';
import { inTemplateBlock, windowsPod } from './windows';
import { asMap, getMap, getPair, resolveNode, scalarText, type YamlContext } from './yaml-util';

const effects: readonly string[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** kubectl's taint syntax, `key[=value]:Effect`; undefined when the text is not one. */
export function parseTaint(text: string): NodeTaint | undefined {
  const match = /^([A-Za-z0-9][-A-Za-z0-9_./]*)(?:=([-A-Za-z0-9_.]*))?:([A-Za-z]+)$/.exec(text.trim());
  if (!match || !effects.includes(match[3]!)) return undefined;
  return { key: match[1]!, ...(match[2] ? { value: match[2] } : {}), effect: match[3] as NodeTaint['effect'] };
}

export function taintText(taint: NodeTaint): string {
  return `${taint.key}${taint.value !== undefined ? `=${taint.value}` : ''}:${taint.effect}`;
}

/** The `windowsNodeTaint` setting (`os=windows:NoSchedule`): the taint every Windows node of the user's clusters carries. */
export function configuredWindowsTaint(config: ResolvedConfig): NodeTaint | undefined {
  return config.windowsNodeTaint !== undefined ? parseTaint(config.windowsNodeTaint) : undefined;
}

export interface Toleration {
  key?: string;
  operator: 'Equal' | 'Exists';
  value?: string;
  effect?: string;
}

/** The pod's tolerations; 'unknown' when a template may produce or change them. */
export function readTolerations(model: KubernetesModel, map: YAMLMap, ctx: YamlContext): Toleration[] | 'unknown' {
  const pair = getPair(map, 'tolerations', ctx);
  if (!pair) return mayHaveHiddenKeys(model, map, ctx) ? 'unknown' : [];
  if (valueIsTemplated(model, pair, ctx) || inTemplateBlock(model, pair.key as Node)) return 'unknown';
  const seq = resolveNode(pair.value, ctx);
  if (seq === undefined) return [];
  if (!isSeq(seq)) return 'unknown';
  const result: Toleration[] = [];
  for (const item of seq.items) {
    const entry = asMap(item, ctx);
    if (!entry || mayHaveHiddenKeys(model, entry, ctx)) return 'unknown';
    const text = (key: string): string | undefined => scalarText(getPair(entry, key, ctx)?.value, ctx);
    const operator = text('operator') ?? 'Equal';
    if (operator !== 'Equal' && operator !== 'Exists') return 'unknown';
    const key = text('key');
    const value = text('value');
    const effect = text('effect');
    result.push({ operator, ...(key ? { key } : {}), ...(value !== undefined ? { value } : {}), ...(effect ? { effect } : {}) });
  }
  return result;
}

/** The scheduler's ToleratesTaint: empty key with Exists tolerates everything; empty effect any effect. */
export function tolerates(tolerations: readonly Toleration[], taint: NodeTaint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (!t.key) return t.operator === 'Exists';
    if (t.key !== taint.key) return false;
    return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
  });
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
  const effect = toleration.effect && effects.includes(toleration.effect) ? (toleration.effect as NodeTaint['effect']) : documentedWindowsTaint.effect;
  return { key: toleration.key, value: toleration.value, effect };
}

/** The Windows node taint: from configuration, else from the Windows RuntimeClasses and workloads of the file. */
export function knownWindowsTaints(model: KubernetesModel, config: ResolvedConfig, workspace: WorkspaceView, uri: string): KnownTaint[] {
  const configured = configuredWindowsTaint(config);
  if (configured) return [{ taint: configured, origin: 'the windowsNodeTaint setting' }];
  const found: KnownTaint[] = [];
  for (const object of model.objects) {
    if (readRuntimeClass(object, uri)?.os === 'windows') {
      const scheduling = getMap(object.root, 'scheduling', object.ctx);
      const tolerations = scheduling ? readTolerations(model, scheduling, object.ctx) : [];
      if (tolerations === 'unknown') continue;
      for (const toleration of tolerations) {
        const taint = windowsTaintOf(toleration);
        if (taint) found.push({ taint, range: object.kindRange, origin: `RuntimeClass ${object.name}` });
      }
    }
    for (const pod of object.podSpecs) {
      if (!windowsPod(pod, workspace)) continue;
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
