// What the Kubernetes rules read off a pod as written: its `spec.os.name`, HostProcess settings,
// which of a list of KB fields it sets, and what sits in a Go template block. Which OS the pod
// targets is inferred in engine/pod-os.ts.
import { isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from '../../core/text';
import type { PodField } from '../../kb';
import { mayHaveHiddenKeys, valueIsTemplated, type Container, type KubernetesModel, type PodSpec } from './model';
import { asMap, getMap, getPair, getPath, pairKeyText, resolveNode, scalarText } from './yaml-util';

/** `spec.os.name` as written (the API server compares it case-sensitively), with its pair. */
export function osNameField(pod: PodSpec): { value: string; pair: Pair } | undefined {
  const pair = getPair(getMap(pod.map, 'os', pod.ctx), 'name', pod.ctx);
  const value = scalarText(pair?.value, pod.ctx);
  return pair && value !== undefined && !inTemplateBlock(pod.object.model, pair.key as Node) ? { value, pair } : undefined;
}

/** A boolean field's value: true/false, 'unknown' when templated or not a boolean, undefined when absent. */
export function booleanField(pod: PodSpec, map: YAMLMap | undefined, path: readonly string[]): { value: boolean | 'unknown'; pair: Pair } | undefined {
  const parent = path.length > 1 ? asMap(getPath(map, path.slice(0, -1), pod.ctx), pod.ctx) : map;
  const pair = getPair(parent, path[path.length - 1]!, pod.ctx);
  if (!pair) return undefined;
  const node = resolveNode(pair.value, pod.ctx);
  if (valueIsTemplated(pod.object.model, pair, pod.ctx) || inTemplateBlock(pod.object.model, pair.key as Node)) return { value: 'unknown', pair };
  return { value: isScalar(node) && typeof node.value === 'boolean' ? node.value : 'unknown', pair };
}

const hostProcessPath = ['securityContext', 'windowsOptions', 'hostProcess'];

export interface HostProcessContainer {
  container: Container;
  own?: { value: boolean | 'unknown'; pair: Pair };
  /** The container's value, else the pod's; undefined when neither is set. */
  effective: boolean | 'unknown' | undefined;
}

export interface HostProcessInfo {
  pod?: { value: boolean | 'unknown'; pair: Pair };
  containers: HostProcessContainer[];
  /** Some container is certainly HostProcess. */
  any: boolean;
  /** Some value is templated or not a boolean, or the pod may get keys from a template. */
  unknown: boolean;
}

export function hostProcessInfo(pod: PodSpec): HostProcessInfo {
  const podValue = booleanField(pod, pod.map, hostProcessPath);
  const containers = pod.containers.map((container): HostProcessContainer => {
    const own = booleanField(pod, container.map, hostProcessPath);
    return { container, ...(own ? { own } : {}), effective: own?.value ?? podValue?.value };
  });
  const model = pod.object.model;
  const unknown =
    podValue?.value === 'unknown' ||
    containers.some((c) => c.effective === 'unknown' || mayHaveHiddenKeys(model, c.container.map, pod.ctx)) ||
    mayHaveHiddenKeys(model, pod.map, pod.ctx);
  return { ...(podValue ? { pod: podValue } : {}), containers, any: containers.some((c) => c.effective === true), unknown };
}

export interface FieldHit {
  field: PodField;
  pair: Pair;
  /** The container, for container-level fields. */
  container?: Container;
  /** The map the path starts from: the pod spec or the container. */
  base: YAMLMap;
}

/** Where the pod sets any of `fields`, as the API server tests them (set / true / non-empty). */
export function fieldsSet(pod: PodSpec, fields: readonly PodField[]): FieldHit[] {
  const hits: FieldHit[] = [];
  const check = (field: PodField, base: YAMLMap, container?: Container): void => {
    const parent = field.path.length > 1 ? asMap(getPath(base, field.path.slice(0, -1), pod.ctx), pod.ctx) : base;
    const pair = getPair(parent, field.path[field.path.length - 1]!, pod.ctx);
    if (!pair || valueIsTemplated(pod.object.model, pair, pod.ctx) || inTemplateBlock(pod.object.model, pair.key as Node)) return;
    const node = resolveNode(pair.value, pod.ctx) as Node | undefined;
    if (!node || (isScalar(node) && node.value === null)) return;
    if (field.condition === 'true' && !(isScalar(node) && node.value === true)) return;
    if (field.condition === 'non-empty' && !(isSeq(node) && node.items.length > 0)) return;
    hits.push({ field, pair, base, ...(container ? { container } : {}) });
  };
  for (const field of fields) {
    if (field.level === 'pod') check(field, pod.map);
    else for (const container of pod.containers) check(field, container.map, container);
  }
  return hits;
}

/** Containers sharing one anchored securityContext would report the same key twice. */
export function uniqueHits(hits: FieldHit[]): FieldHit[] {
  const seen = new Set<Pair>();
  return hits.filter((hit) => !seen.has(hit.pair) && seen.add(hit.pair));
}

/** The path as the API server's error names it: `spec.containers[0].securityContext.privileged`. */
export function fieldPath(hit: FieldHit): string {
  const base = hit.container ? `spec.${hit.container.group}[${hit.container.index}]` : 'spec';
  return `${base}.${hit.field.path.join('.')}`;
}

export interface WindowsOptions {
  map: YAMLMap;
  /** undefined for the pod-level `securityContext.windowsOptions`. */
  container?: Container;
}

/** Every `securityContext.windowsOptions` map of the pod: the pod's first, then each container's. */
export function windowsOptionsMaps(pod: PodSpec): WindowsOptions[] {
  const result: WindowsOptions[] = [];
  const own = asMap(getPath(pod.map, ['securityContext', 'windowsOptions'], pod.ctx), pod.ctx);
  if (own) result.push({ map: own });
  for (const container of pod.containers) {
    const map = asMap(getPath(container.map, ['securityContext', 'windowsOptions'], pod.ctx), pod.ctx);
    if (map) result.push({ map, container });
  }
  return result;
}

/** A string field's pair and text; the text is undefined when templated or not a scalar. */
export function stringField(pod: PodSpec, map: YAMLMap | undefined, key: string): { text?: string; pair: Pair } | undefined {
  const pair = getPair(map, key, pod.ctx);
  if (!pair) return undefined;
  const model = pod.object.model;
  const text = valueIsTemplated(model, pair, pod.ctx) || inTemplateBlock(model, pair.key as Node) ? undefined : scalarText(pair.value, pod.ctx);
  return { pair, ...(text !== undefined ? { text } : {}) };
}

/** Where to point at a container as a whole: its name, else its first key. */
export function containerNode(container: Container): Node | undefined {
  const name = container.map.items.find((item) => isPair(item) && pairKeyText(item) === 'name') as Pair | undefined;
  const first = container.map.items.find(isPair) as Pair | undefined;
  return ((name?.value as Node | null) ?? (first?.key as Node | null)) || undefined;
}

/** The kubelet writes `10.0.<build>`; no node carries any other form. */
export const windowsBuildLabelValue = /^10\.0\.(\d+)$/;

/** The `spec` key that holds the pod spec: what the user reads as "the pod". */
export function podSpecKey(pod: PodSpec): Node | undefined {
  let map: YAMLMap | undefined = pod.object.root;
  let key: Node | undefined;
  for (const segment of pod.path) {
    const pair = getPair(map, segment, pod.ctx);
    if (!pair) return undefined;
    key = pair.key as Node;
    map = asMap(pair.value, pod.ctx);
  }
  return key;
}

const blockRegions = new WeakMap<KubernetesModel, Array<readonly [number, number]>>();

/**
 * Text between a Go template `{{ if }}`/`with`/`range`/`define` and its `{{ end }}`: it may render
 * once, never, many times or only in another branch, so nothing in it is certain (a chart that
 * writes `nodeSelector: windows` under `{{ if .Values.windows }}` and a Linux one under `else`).
 */
export function inTemplateBlock(model: KubernetesModel, at: Range | Node | null | undefined): boolean {
  if (!model.isTemplate || !at) return false;
  const offset = 'start' in at ? model.lines.offset(at.start) : at.range?.[0];
  if (offset === undefined) return false;
  let regions = blockRegions.get(model);
  if (!regions) {
    regions = [];
    const open: number[] = [];
    for (const [start, end] of model.templateSpans) {
      const action = /^\{\{-?\s*(\w+)/.exec(model.text.slice(start, end))?.[1];
      if (action === 'if' || action === 'with' || action === 'range' || action === 'define' || action === 'block') open.push(end);
      else if (action === 'end' && open.length > 0) regions.push([open.pop()!, start]);
    }
    for (const start of open) regions.push([start, model.text.length]);
    blockRegions.set(model, regions);
  }
  return regions.some(([start, end]) => start <= offset && offset < end);
}
