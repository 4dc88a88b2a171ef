// Windows pods get host networking only as HostProcess pods. The alpha WindowsHostNetwork feature
// that gave other Windows pods the node's network namespace was removed in Kubernetes 1.33.
// https://kubernetes.io/docs/concepts/windows/intro/
import type { WindowsPod } from '../../engine/pod-os';
import { defineRule } from '../../engine/types';
import { removePair } from '../../languages/kubernetes/edit';
import { pairKeyRange, type PodSpec } from '../../languages/kubernetes/model';
import { booleanField } from '../../languages/kubernetes/windows';

export default defineRule({
  id: 'kubernetes/windows-host-network',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'warning',
    description: 'Only HostProcess pods can use host networking on Windows; `hostNetwork: true` on other Windows pods is not supported.',
    messages: {
      unsupported: 'hostNetwork: true is not supported for Windows pods unless they are HostProcess pods ({{kind}} runs on Windows: {{evidence}}); the alpha WindowsHostNetwork feature was removed in Kubernetes 1.33.',
    },
    fixable: false,
    hasSuggestions: true,
    sources: ['https://kubernetes.io/docs/concepts/windows/intro/', 'https://kubernetes.io/docs/concepts/services-networking/windows-networking/'],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec, windows: WindowsPod) {
        const hostNetwork = booleanField(pod, pod.map, ['hostNetwork']);
        if (hostNetwork?.value !== true) return;
        const hostProcess = context.facts.hostProcess(pod);
        if (hostProcess.any || hostProcess.unknown) return;
        const model = pod.object.model;
        const edit = removePair(model, pod.map, hostNetwork.pair);
        context.report({
          range: pairKeyRange(model, hostNetwork.pair),
          messageId: 'unsupported',
          data: { kind: pod.object.kind, evidence: windows.evidence.detail },
          related: [{ uri: context.uri, range: windows.evidence.range, message: 'This makes it a Windows workload.' }],
          ...(edit ? { suggest: [{ title: 'Remove hostNetwork', edits: [edit] }] } : {}),
        });
      },
    };
  },
});

