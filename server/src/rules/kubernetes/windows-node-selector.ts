// spec.os.name does not schedule a pod: without a kubernetes.io/os node selector (or affinity, or a
// RuntimeClass that adds one) a Windows pod in a mixed cluster can land on a Linux node and fail.
import { defineRule } from '../../engine/types';
import { insertPath } from '../../languages/kubernetes/edit';
import { nodeRange, osLabel, type PodSpec } from '../../languages/kubernetes/model';
import { podSpecKey } from '../../languages/kubernetes/windows';
import { getMap, getPair } from '../../languages/kubernetes/yaml-util';

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
    // Its condition is wider than an inferred Windows pod: Windows evidence inside a Helm template block (`{{ if }}`) counts too.
    scope: 'any',
    defaultSeverity: 'warning',
    description: 'A Windows workload needs a `kubernetes.io/os: windows` node selector to be scheduled onto Windows nodes.',
    messages: {
      missing: 'This {{kind}} runs Windows containers ({{evidence}}) but nothing schedules it onto Windows nodes: add the node selector `kubernetes.io/os: windows`, or it may land on a Linux node and fail to start.',
    },
    fixable: true,
    hasSuggestions: true,
    sources: [
      'https://kubernetes.io/docs/concepts/windows/user-guide/#ensuring-os-specific-workloads-land-on-the-appropriate-container-host',
      'https://kubernetes.io/docs/concepts/windows/intro/',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        const os = context.facts.podOs(pod);
        if (os.scheduling.length > 0 || os.schedulingUnknown) return;
        const windows = os.evidence.find((e) => e.os === 'windows');
        // Conflicting evidence (a Linux image next to a Windows one) is another rule's business.
        if (!windows || os.evidence.some((e) => e.os === 'linux')) return;
        const model = pod.object.model;
        const specKey = podSpecKey(pod);
        const addSelector = insertPath(model, pod.map, ['nodeSelector', osLabel], 'windows');
        // spec.os.name does not schedule, but declares the OS to the API server and the kubelet (and
        // lets Pod Security apply its Windows rules); it also makes Linux-only fields errors, so it
        // is the user's choice.
        const addOsName = os.evidence.some((e) => e.kind === 'os-field') || getPair(getMap(pod.map, 'os', pod.ctx), 'name', pod.ctx) ? undefined : insertPath(model, pod.map, ['os', 'name'], 'windows');
        const declareOs = addSelector && addOsName ? [{ title: 'Add node selector kubernetes.io/os: windows and spec.os.name: windows', edits: [addSelector, addOsName] }] : [];
        context.report({
          range: specKey ? nodeRange(model, specKey) : pod.object.kindRange,
          messageId: 'missing',
          data: { kind: pod.object.kind, evidence: evidenceText[windows.kind]!.replace('{{detail}}', windows.detail) },
          ...(addSelector ? { fix: { title: 'Add node selector kubernetes.io/os: windows', edits: [addSelector] } } : {}),
          suggest: declareOs,
          related: [{ uri: context.uri, range: windows.range, message: 'This makes it a Windows workload.' }],
        });
      },
    };
  },
});
