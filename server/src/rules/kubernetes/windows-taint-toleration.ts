// Clusters that keep Linux pods off Windows nodes taint them (the Kubernetes guide uses
// `os=windows:NoSchedule`); a Windows pod without the matching toleration then fits no node and
// stays Pending. The taint comes from the `windowsNodeTaint` setting or from the file itself.
// https://kubernetes.io/docs/concepts/windows/user-guide/#taints-and-tolerations
import type { Node } from 'yaml';
import type { KnownTaint } from '../../engine/pod-os';
import { defineRule } from '../../engine/types';
import type { NodeTaint } from '../../kb';
import { appendSequenceItem } from '../../languages/kubernetes/edit';
import { nodeRange, type KubernetesModel, type PodSpec } from '../../languages/kubernetes/model';
import { readTolerations, taintText, tolerates, type Toleration } from '../../languages/kubernetes/taints';
import { podSpecKey } from '../../languages/kubernetes/windows';
import { getMap, getPair, scalarText } from '../../languages/kubernetes/yaml-util';

export default defineRule({
  id: 'kubernetes/windows-taint-toleration',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'warning',
    description: 'When Windows nodes are tainted, a Windows workload needs the matching toleration to be scheduled.',
    messages: {
      missing: 'Windows nodes carry the taint {{taint}} ({{origin}}), and this {{kind}} does not tolerate it: it fits no Windows node and stays Pending.',
    },
    fixable: true,
    hasSuggestions: false,
    sources: ['https://kubernetes.io/docs/concepts/windows/user-guide/#taints-and-tolerations', 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/'],
  },
  create(context) {
    // Grouped by taint: a stream where every pod tolerates the same taint would otherwise make each
    // pod walk every other pod's toleration.
    let taints: Array<{ text: string; taint: NodeTaint; sources: KnownTaint[] }> = [];

    /** Tolerations a RuntimeClass in this file adds to the pod; 'unknown' for one we cannot see. */
    function runtimeClassTolerations(model: KubernetesModel, pod: PodSpec): Toleration[] | 'unknown' {
      const pair = getPair(pod.map, 'runtimeClassName', pod.ctx);
      if (!pair) return [];
      const name = scalarText(pair.value, pod.ctx);
      const object = model.objects.find((o) => o.kind === 'RuntimeClass' && o.name === name);
      if (name === undefined || !object) return 'unknown';
      const scheduling = getMap(object.root, 'scheduling', object.ctx);
      return scheduling ? readTolerations(model, scheduling, object.ctx) : [];
    }

    return {
      file(model: KubernetesModel) {
        const groups = new Map<string, { text: string; taint: NodeTaint; sources: KnownTaint[] }>();
        for (const known of context.facts.knownWindowsTaints(model)) {
          const text = taintText(known.taint);
          const group = groups.get(text) ?? { text, taint: known.taint, sources: [] };
          group.sources.push(known);
          groups.set(text, group);
        }
        taints = [...groups.values()];
      },
      podSpec(pod: PodSpec) {
        const model = pod.object.model;
        // A pod is not judged by its own toleration: the taint must be known from somewhere else.
        const relevant = taints.flatMap(({ text, taint, sources }) => {
          const known = sources.find((source) => source.from !== pod);
          return known ? [{ text, taint, known }] : [];
        });
        if (relevant.length === 0) return;
        const own = readTolerations(model, pod.map, pod.ctx);
        const fromClass = runtimeClassTolerations(model, pod);
        if (own === 'unknown' || fromClass === 'unknown') return;
        const tolerations = [...own, ...fromClass];
        for (const { text, taint, known } of relevant) {
          if (tolerates(tolerations, taint)) continue;
          const anchor = (getPair(pod.map, 'tolerations', pod.ctx)?.key as Node | undefined) ?? podSpecKey(pod);
          context.report({
            range: anchor ? nodeRange(model, anchor) : pod.object.kindRange,
            messageId: 'missing',
            data: { taint: text, origin: known.range ? `${known.origin} tolerates it` : `from ${known.origin}`, kind: pod.object.kind },
            fix: { title: `Tolerate ${text}`, edits: [appendSequenceItem(model, pod.map, 'tolerations', tolerationEntries(taint))] },
            ...(known.range ? { related: [{ uri: context.uri, range: known.range, message: 'This tolerates the Windows node taint.' }] } : {}),
          });
        }
      },
    };
  },
});

function tolerationEntries(taint: NodeTaint): Array<[string, string]> {
  const quote = (text: string): string => (/^[A-Za-z][-A-Za-z0-9_./]*$/.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text) ? text : JSON.stringify(text));
  return [
    ['key', quote(taint.key)],
    ['operator', taint.value !== undefined ? 'Equal' : 'Exists'],
    ...(taint.value !== undefined ? [['value', quote(taint.value)] as [string, string]] : []),
    ['effect', taint.effect],
  ];
}
