// Taints and the tolerations pods carry, as written: kubectl's taint syntax, a pod's tolerations and
// the scheduler's matching. Which taint Windows nodes carry is inferred in engine/pod-os.ts.
import { isSeq, type Node, type YAMLMap } from 'yaml';
import type { NodeTaint } from '../../kb';
import { mayHaveHiddenKeys, valueIsTemplated, type KubernetesModel } from './model';
import { inTemplateBlock } from './windows';
import { asMap, getPair, resolveNode, scalarText, type YamlContext } from './yaml-util';

export const taintEffects: readonly string[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** kubectl's taint syntax, `key[=value]:Effect`; undefined when the text is not one. */
export function parseTaint(text: string): NodeTaint | undefined {
  const match = /^([A-Za-z0-9][-A-Za-z0-9_./]*)(?:=([-A-Za-z0-9_.]*))?:([A-Za-z]+)$/.exec(text.trim());
  if (!match || !taintEffects.includes(match[3]!)) return undefined;
  return { key: match[1]!, ...(match[2] ? { value: match[2] } : {}), effect: match[3] as NodeTaint['effect'] };
}

export function taintText(taint: NodeTaint): string {
  return `${taint.key}${taint.value !== undefined ? `=${taint.value}` : ''}:${taint.effect}`;
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

