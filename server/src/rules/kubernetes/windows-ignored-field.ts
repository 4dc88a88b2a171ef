// A Windows pod that does not set `spec.os.name` passes validation with Linux-only fields, but Windows
// has no uid/gid, SELinux, seccomp, capabilities or host PID/IPC namespaces: the settings do nothing,
// and the same pod is rejected as soon as `spec.os.name: windows` is added.
// https://kubernetes.io/docs/concepts/windows/intro/#compatibility-v1-pod-spec-containers-securitycontext
import type { Pair } from 'yaml';
import type { WindowsPod } from '../../engine/pod-os';
import { defineRule } from '../../engine/types';
import { fieldsForbiddenOnWindows } from '../../kb';
import { removePair } from '../../languages/kubernetes/edit';
import { pairKeyRange, type PodSpec } from '../../languages/kubernetes/model';
import { fieldPath, fieldsSet, osNameField, uniqueHits } from '../../languages/kubernetes/windows';

// Pod Security "Restricted" demands allowPrivilegeEscalation, seccompProfile and capabilities on any
// pod without `spec.os.name: windows`: there they serve admission, so they are not reported.
const ignoredFields = fieldsForbiddenOnWindows.filter((field) => !field.requiredByRestricted);

export default defineRule({
  id: 'kubernetes/windows-ignored-field',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'warning',
    description: 'Linux-only security and namespace fields have no effect on a Windows pod, and are rejected once `spec.os.name: windows` is set.',
    messages: {
      ignored: '`{{path}}` has no effect on Windows, and this {{kind}} runs on Windows ({{evidence}}). The API server rejects it as soon as spec.os.name is windows; remove it.',
    },
    fixable: true,
    hasSuggestions: false,
    sources: [
      'https://kubernetes.io/docs/concepts/windows/intro/',
      'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec, windows: WindowsPod) {
        if (osNameField(pod)) return;
        const hits = uniqueHits(fieldsSet(pod, ignoredFields));
        const removed = new Set<Pair>(hits.map((hit) => hit.pair));
        const model = pod.object.model;
        for (const hit of hits) {
          const edit = removePair(model, pod.map, hit.pair, (pair) => removed.has(pair));
          const path = fieldPath(hit);
          context.report({
            range: pairKeyRange(model, hit.pair),
            messageId: 'ignored',
            data: { path, kind: pod.object.kind, evidence: windows.evidence.detail },
            ...(edit ? { fix: { title: `Remove ${path}`, edits: [edit] } } : {}),
            related: [{ uri: context.uri, range: windows.evidence.range, message: 'This makes it a Windows workload.' }],
          });
        }
      },
    };
  },
});
