// beta.kubernetes.io/os and beta.kubernetes.io/arch are deprecated node labels; every kubelet sets
// kubernetes.io/os and kubernetes.io/arch, which schedule the same way.
// https://kubernetes.io/docs/reference/labels-annotations-taints/
import type { Node, YAMLMap } from 'yaml';
import { defineRule, type Fix, type Range } from '../../engine/types';
import { removePair } from '../../languages/kubernetes/edit';
import { nodeRange, pairKeyRange, type KubeObject, type KubernetesModel, type PodSpec } from '../../languages/kubernetes/model';
import { asMap, getMap, getPair, getSeq, ownPairs, pairKeyText, scalarText, type YamlContext } from '../../languages/kubernetes/yaml-util';

const replacements: Readonly<Record<string, string>> = {
  'beta.kubernetes.io/os': 'kubernetes.io/os',
  'beta.kubernetes.io/arch': 'kubernetes.io/arch',
};

export default defineRule({
  id: 'kubernetes/deprecated-node-label',
  meta: {
    type: 'suggestion',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'warning',
    description: 'The node labels `beta.kubernetes.io/os` and `beta.kubernetes.io/arch` are deprecated: use `kubernetes.io/os` and `kubernetes.io/arch`.',
    messages: {
      deprecated: 'The node label {{label}} is deprecated: use {{replacement}}, which every node carries.',
    },
    fixable: true,
    hasSuggestions: false,
    deprecation: true,
    sources: ['https://kubernetes.io/docs/reference/labels-annotations-taints/', 'https://kubernetes.io/docs/concepts/windows/user-guide/'],
  },
  create(context) {
    /** A selector map entry: rename the key, or drop it when the new key is already there with the same value. */
    function reportSelector(model: KubernetesModel, ctx: YamlContext, root: YAMLMap, selector: YAMLMap | undefined): void {
      for (const pair of ownPairs(selector)) {
        const label = pairKeyText(pair);
        const replacement = label !== undefined ? replacements[label] : undefined;
        if (!replacement) continue;
        const existing = getPair(selector, replacement, ctx);
        let fix: Fix | undefined;
        if (!existing) {
          fix = rename(model, pair.key as Node, label!, replacement);
        } else if (scalarText(existing.value, ctx) === scalarText(pair.value, ctx)) {
          const edit = removePair(model, root, pair);
          if (edit) fix = { title: `Remove ${label} (${replacement} is already set)`, edits: [edit] };
        }
        report(pairKeyRange(model, pair), label!, replacement, fix);
      }
    }

    function reportExpressions(model: KubernetesModel, ctx: YamlContext, terms: unknown[]): void {
      for (const term of terms) {
        for (const expression of getSeq(asMap(term, ctx), 'matchExpressions', ctx)?.items ?? []) {
          const keyPair = getPair(asMap(expression, ctx), 'key', ctx);
          const label = scalarText(keyPair?.value, ctx);
          const replacement = label !== undefined ? replacements[label] : undefined;
          if (!keyPair || !replacement) continue;
          report(nodeRange(model, keyPair.value as Node), label!, replacement, rename(model, keyPair.value as Node, label!, replacement));
        }
      }
    }

    function report(range: Range, label: string, replacement: string, fix: Fix | undefined): void {
      context.report({ range, messageId: 'deprecated', data: { label, replacement }, ...(fix ? { fix } : {}) });
    }

    return {
      podSpec(pod: PodSpec) {
        const { ctx, map } = pod;
        const model = pod.object.model;
        reportSelector(model, ctx, map, getMap(map, 'nodeSelector', ctx));
        const nodeAffinity = getMap(getMap(map, 'affinity', ctx), 'nodeAffinity', ctx);
        const required = getMap(nodeAffinity, 'requiredDuringSchedulingIgnoredDuringExecution', ctx);
        reportExpressions(model, ctx, getSeq(required, 'nodeSelectorTerms', ctx)?.items ?? []);
        const preferred = getSeq(nodeAffinity, 'preferredDuringSchedulingIgnoredDuringExecution', ctx)?.items ?? [];
        reportExpressions(model, ctx, preferred.map((item) => getPair(asMap(item, ctx), 'preference', ctx)?.value));
      },
      object(object: KubeObject) {
        if (context.facts.runtimeClassOf(object)?.os !== 'windows') return;
        reportSelector(object.model, object.ctx, object.root, getMap(getMap(object.root, 'scheduling', object.ctx), 'nodeSelector', object.ctx));
      },
    };
  },
});

/** Renames in place, keeping any quotes around the label. */
function rename(model: KubernetesModel, node: Node, label: string, replacement: string): Fix {
  const range = nodeRange(model, node);
  const written = model.text.slice(node.range![0], node.range![1]);
  return { title: `Use ${replacement}`, edits: [{ range, newText: written.replace(label, replacement) }] };
}

