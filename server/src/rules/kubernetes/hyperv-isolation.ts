// Kubernetes runs Windows containers with process isolation only. containerd's runhcs shim has
// handlers that start each pod in a Hyper-V utility VM (runhcs-wcow-hypervisor[-<build>]), but
// Kubernetes does not support that isolation for Windows pods: it is exercised only by SIG Windows'
// experimental WindowsHyperVContainers e2e tests. A pod that depends on it depends on an
// unsupported configuration, and leaving it means its images must match the node's build.
// https://kubernetes.io/docs/concepts/windows/intro/
import type { Node } from 'yaml';
import { defineRule } from '../../engine/types';
import { nodeRange, type PodSpec } from '../../languages/kubernetes/model';
import { stringField } from '../../languages/kubernetes/windows';

export default defineRule({
  id: 'kubernetes/hyperv-isolation',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'warning',
    description: 'Kubernetes does not support Hyper-V isolation for Windows pods: a RuntimeClass whose handler runs Hyper-V isolated containers is unsupported.',
    messages: {
      unsupported:
        'RuntimeClass {{runtimeClass}} runs this {{kind}} with Hyper-V isolation (its handler is a runhcs Hyper-V handler), which Kubernetes does not support for Windows pods: Kubernetes runs Windows containers with process isolation only, so use a process-isolated handler and images of the nodes\' Windows build.',
    },
    fixable: false,
    hasSuggestions: false,
    sources: [
      'https://kubernetes.io/docs/concepts/windows/intro/',
      'https://github.com/kubernetes/kubernetes/blob/master/test/e2e/windows/hyperv.go',
      'https://github.com/microsoft/hcsshim/blob/main/test/cri-containerd/main_test.go',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        const model = pod.object.model;
        const field = stringField(pod, pod.map, 'runtimeClassName');
        const name = field?.text;
        if (!field || name === undefined) return;
        const { pair } = field;
        const runtimeClass = context.facts.workspace.runtimeClass(name);
        if (!runtimeClass?.hyperV) return;
        context.report({
          range: nodeRange(model, pair.value as Node),
          messageId: 'unsupported',
          data: { runtimeClass: name, kind: pod.object.kind },
          related: [{ uri: runtimeClass.uri, range: runtimeClass.range, message: `RuntimeClass ${name}, whose handler runs Hyper-V isolated containers.` }],
        });
      },
    };
  },
});
