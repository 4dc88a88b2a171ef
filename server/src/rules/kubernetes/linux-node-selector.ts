// In a cluster with Windows nodes, a pod with no OS node selector can be placed on a Windows node,
// where its Linux image does not run. A file that also deploys Windows workloads shows the cluster
// is mixed; unless Windows nodes are tainted (which keeps such pods away), its other workloads need
// `kubernetes.io/os: linux`.
// https://kubernetes.io/docs/concepts/windows/user-guide/#ensuring-os-specific-workloads-land-on-the-appropriate-container-host
import { defineRule, type Fix, type Range } from '../../engine/types';
import { insertPath } from '../../languages/kubernetes/edit';
import { nodeRange, osLabel, type KubernetesModel, type PodSpec } from '../../languages/kubernetes/model';
import { podSpecKey } from '../../languages/kubernetes/windows';

export default defineRule({
  id: 'kubernetes/linux-node-selector',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    // It reports the pods that are not Windows, in a file whose other workloads are.
    scope: 'any',
    defaultSeverity: 'warning',
    description: 'In a file that also deploys Windows workloads, other workloads need a `kubernetes.io/os: linux` node selector to stay off Windows nodes.',
    messages: {
      missing: 'This file also deploys Windows workloads ({{windows}}), so the cluster has Windows nodes, and nothing keeps this {{kind}} off them: add the node selector `kubernetes.io/os: linux`, or it may land on a Windows node and fail to start.',
    },
    fixable: true,
    hasSuggestions: true,
    sources: [
      'https://kubernetes.io/docs/concepts/windows/user-guide/#ensuring-os-specific-workloads-land-on-the-appropriate-container-host',
      'https://kubernetes.io/docs/concepts/windows/user-guide/#taints-and-tolerations',
    ],
  },
  create(context) {
    let windowsEvidence: { text: string; range: Range } | undefined;

    return {
      file(model: KubernetesModel) {
        windowsEvidence = undefined;
        // Tainted Windows nodes already repel pods that do not tolerate the taint.
        if (context.facts.knownWindowsTaints(model).length > 0) return;
        for (const object of model.objects) {
          const runtimeClass = context.facts.runtimeClassOf(object);
          if (runtimeClass?.os === 'windows') {
            windowsEvidence = { text: `RuntimeClass ${runtimeClass.name}`, range: object.kindRange };
            return;
          }
          for (const pod of object.podSpecs) {
            const windows = context.facts.windowsPod(pod);
            if (windows) {
              windowsEvidence = { text: `${object.kind} ${object.name ?? ''}`.trim(), range: windows.evidence.range };
              return;
            }
          }
        }
      },
      podSpec(pod: PodSpec) {
        if (!windowsEvidence) return;
        const os = context.facts.podOs(pod);
        if (os.evidence.some((e) => e.os === 'windows') || os.scheduling.length > 0 || os.schedulingUnknown) return;
        const model = pod.object.model;
        const edit = insertPath(model, pod.map, ['nodeSelector', osLabel], 'linux');
        const title = 'Add node selector kubernetes.io/os: linux';
        // Only a pod known to be Linux (a Linux-only image, spec.os.name: linux) gets the automatic fix;
        // one with images we do not know might be meant for Windows.
        const linux = os.evidence.some((e) => e.os === 'linux');
        const fix: { fix?: Fix; suggest?: Fix[] } = !edit ? {} : linux ? { fix: { title, edits: [edit] } } : { suggest: [{ title, edits: [edit] }] };
        const key = podSpecKey(pod);
        context.report({
          range: key ? nodeRange(model, key) : pod.object.kindRange,
          messageId: 'missing',
          data: { windows: windowsEvidence.text, kind: pod.object.kind },
          related: [{ uri: context.uri, range: windowsEvidence.range, message: 'This is a Windows workload.' }],
          ...fix,
        });
      },
    };
  },
});
