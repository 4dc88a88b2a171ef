// spec.os.name does not schedule a pod: without a kubernetes.io/os node selector (or affinity, or a
// RuntimeClass that adds one) a Windows pod in a mixed cluster can land on a Linux node and fail.
import type { Node } from 'yaml';
import { defineRule } from '../../engine/types';
import { insertPath } from '../../languages/kubernetes/edit';
import { nodeRange, osLabel, podOs, type PodSpec } from '../../languages/kubernetes/model';
import { getPair } from '../../languages/kubernetes/yaml-util';

const evidenceText: Record<string, string> = {
  'os-field': 'spec.os.name is windows',
  'windows-options': 'it sets securityContext.windowsOptions',
  image: 'its image {{detail}} is a Windows image',
};

export default defineRule({
  id: 'kubernetes/windows-node-selector',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    defaultSeverity: 'warning',
    description: 'A Windows workload needs a `kubernetes.io/os: windows` node selector to be scheduled onto Windows nodes.',
    messages: {
      missing: 'This {{kind}} runs Windows containers ({{evidence}}) but nothing schedules it onto Windows nodes: add the node selector `kubernetes.io/os: windows`, or it may land on a Linux node and fail to start.',
    },
    fixable: true,
    sources: [
      'https://kubernetes.io/docs/concepts/windows/user-guide/#ensuring-os-specific-workloads-land-on-the-appropriate-container-host',
      'https://kubernetes.io/docs/concepts/windows/intro/',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        const os = podOs(pod, context.workspace);
        if (os.scheduling.length > 0 || os.schedulingUnknown) return;
        const windows = os.evidence.find((e) => e.os === 'windows');
        // Conflicting evidence (a Linux image next to a Windows one) is another rule's business.
        if (!windows || os.evidence.some((e) => e.os === 'linux')) return;
        const model = pod.object.model;
        const specKey = specKeyNode(pod);
        context.report({
          range: specKey ? nodeRange(model, specKey) : pod.object.kindRange,
          messageId: 'missing',
          data: { kind: pod.object.kind, evidence: evidenceText[windows.kind]!.replace('{{detail}}', windows.detail) },
          fix: { title: 'Add node selector kubernetes.io/os: windows', edits: [insertPath(model, pod.map, ['nodeSelector', osLabel], 'windows')] },
          related: [{ uri: context.uri, range: windows.range, message: 'This makes it a Windows workload.' }],
        });
      },
    };
  },
});

/** The `spec` key that holds the pod spec: what the user reads as "the pod". */
function specKeyNode(pod: PodSpec): Node | undefined {
  const { ctx } = pod;
  let map = pod.object.root;
  let key: Node | undefined;
  for (const segment of pod.path) {
    const pair = getPair(map, segment, ctx);
    if (!pair) return undefined;
    key = pair.key as Node;
    map = pair.value as typeof map;
  }
  return key;
}
