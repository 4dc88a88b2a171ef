// Pod Security admission enforces the level a Namespace's `pod-security.kubernetes.io/enforce` label
// names. Baseline's HostProcess control rejects any pod with a HostProcess container (and its Host
// Namespaces control the hostNetwork: true they need); Restricted includes Baseline. In such a
// namespace a HostProcess pod is refused at admission, and a workload's pods are never created.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/
import type { Node } from 'yaml';
import { defineRule } from '../../engine/types';
import { podSecurityEnforcement } from '../../kb';
import { nodeRange, type PodSpec } from '../../languages/kubernetes/model';
import { inTemplateBlock } from '../../languages/kubernetes/windows';
import { getMap, stringAt } from '../../languages/kubernetes/yaml-util';

const rejectingLevels: ReadonlySet<string> = new Set(podSecurityEnforcement.rejectingHostProcess);

export default defineRule({
  id: 'kubernetes/hostprocess-pod-security',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    // Admission judges HostProcess settings wherever they are written, as the API server does (see hostprocess-pod).
    scope: 'any',
    defaultSeverity: 'error',
    description: 'A HostProcess pod in a namespace that enforces the Pod Security Baseline or Restricted level is rejected at admission.',
    messages: {
      pod: 'This Pod has HostProcess containers, but its namespace "{{namespace}}" enforces the Pod Security "{{level}}" level, which forbids them: admission rejects the Pod. Run it in a namespace labelled {{label}}: privileged.',
      workload:
        'This {{kind}} has HostProcess containers, but its namespace "{{namespace}}" enforces the Pod Security "{{level}}" level, which forbids them: the {{kind}} is accepted, but admission rejects every pod it creates. Run it in a namespace labelled {{label}}: privileged.',
    },
    fixable: false,
    hasSuggestions: false,
    sources: [...podSecurityEnforcement.sources, 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/'],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        const info = context.facts.hostProcess(pod);
        // What the admission check reads: hostProcess: true written on the pod or on a container.
        const first = info.pod?.value === true ? info.pod.pair : info.containers.find((c) => c.own?.value === true)?.own?.pair;
        const object = pod.object;
        if (!first || inTemplateBlock(object.model, first.key as Node)) return;
        const name = stringAt(getMap(object.root, 'metadata', object.ctx), 'namespace', object.ctx);
        // No namespace written: it is the one `kubectl -n` or the chart's release gives, unknown here.
        if (name === undefined) return;
        const namespace = context.facts.workspace.namespace(name);
        if (!namespace?.enforce || !rejectingLevels.has(namespace.enforce)) return;
        context.report({
          range: nodeRange(object.model, first.value as Node),
          messageId: object.kind === 'Pod' ? 'pod' : 'workload',
          data: { kind: object.kind, namespace: name, level: namespace.enforce, label: podSecurityEnforcement.label },
          related: [{ uri: namespace.uri, range: namespace.range, message: `Namespace ${name} enforces the Pod Security "${namespace.enforce}" level.` }],
        });
      },
    };
  },
});
