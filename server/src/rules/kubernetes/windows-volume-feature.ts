// Storage features the Windows storage docs list as unsupported: tmpfs (emptyDir medium Memory), NFS,
// raw block devices, mount propagation other than None (the kubelet forces PRIVATE) and file modes (Windows has no
// POSIX permissions). The first fail the pod or its mount; the last are silently ignored.
// https://kubernetes.io/docs/concepts/storage/windows-storage/
import type { Node, Pair, YAMLMap } from 'yaml';
import type { WindowsPod } from '../../engine/pod-os';
import { defineRule } from '../../engine/types';
import { volumeFeaturesUnsupportedOnWindows, type VolumeFeature } from '../../kb';
import { removePair } from '../../languages/kubernetes/edit';
import { pairKeyRange, valueIsTemplated, type PodSpec } from '../../languages/kubernetes/model';
import { inTemplateBlock } from '../../languages/kubernetes/windows';
import { asMap, getPair, getPath, getSeq, resolveNode, scalarText } from '../../languages/kubernetes/yaml-util';

export default defineRule({
  id: 'kubernetes/windows-volume-feature',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'warning',
    description: 'Windows nodes do not support memory-backed emptyDir, NFS, raw block devices, mount propagation or file modes.',
    messages: {
      fails: '{{what}} are not supported on Windows nodes, and this {{kind}} runs on Windows ({{evidence}}): the volume cannot be mounted as written.',
      ignored: '{{what}} has no effect on Windows nodes, and this {{kind}} runs on Windows ({{evidence}}): remove it.',
    },
    fixable: true,
    hasSuggestions: false,
    sources: ['https://kubernetes.io/docs/concepts/storage/windows-storage/', 'https://kubernetes.io/docs/concepts/windows/intro/'],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec, windows: WindowsPod) {
        const model = pod.object.model;
        const hits: Array<{ feature: VolumeFeature; pair: Pair }> = [];
        const check = (scope: VolumeFeature['scope'], base: YAMLMap | undefined): void => {
          for (const feature of volumeFeaturesUnsupportedOnWindows) {
            if (feature.scope !== scope) continue;
            const parent = asMap(getPath(base, feature.path.slice(0, -1), pod.ctx), pod.ctx);
            const pair = getPair(parent, feature.path[feature.path.length - 1]!, pod.ctx);
            if (!pair || valueIsTemplated(model, pair, pod.ctx) || inTemplateBlock(model, pair.key as Node)) continue;
            const value = resolveNode(pair.value, pod.ctx);
            if (value === undefined || (feature.value !== undefined && scalarText(value, pod.ctx) !== feature.value)) continue;
            if (feature.windowsBehaviour !== undefined && scalarText(value, pod.ctx) === feature.windowsBehaviour) continue;
            if (feature.defaultValue !== undefined && value.range && kubernetesInteger(model.text.slice(value.range[0], value.range[1]).trim()) === feature.defaultValue) continue;
            hits.push({ feature, pair });
          }
        };
        for (const volume of getSeq(pod.map, 'volumes', pod.ctx)?.items ?? []) check('volume', asMap(volume, pod.ctx));
        for (const container of pod.containers) {
          check('container', container.map);
          for (const mount of getSeq(container.map, 'volumeMounts', pod.ctx)?.items ?? []) check('volumeMount', asMap(mount, pod.ctx));
        }
        const seen = new Set<Pair>();
        for (const { feature, pair } of hits) {
          if (seen.has(pair)) continue;
          seen.add(pair);
          const data = { what: feature.what, kind: pod.object.kind, evidence: windows.evidence.detail };
          const related = [{ uri: context.uri, range: windows.evidence.range, message: 'This makes it a Windows workload.' }];
          // Removing a setting Windows ignores changes nothing; removing one it rejects changes what the
          // pod asks for, which only the user can decide.
          const edit = feature.effect === 'ignored' ? removePair(model, pod.map, pair) : undefined;
          context.report({
            range: pairKeyRange(model, pair),
            messageId: feature.effect === 'ignored' ? 'ignored' : 'fails',
            data,
            related,
            ...(edit ? { fix: { title: `Remove ${feature.path[feature.path.length - 1]}`, edits: [edit] } } : {}),
          });
        }
      },
    };
  },
});


/** An integer as Kubernetes' YAML 1.1 reader sees it: `0644` and `0o644` are octal. */
function kubernetesInteger(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const octal = /^0o?([0-7]+)$/.exec(text);
  return octal ? parseInt(octal[1]!, 8) : /^\d+$/.test(text) ? Number(text) : undefined;
}
