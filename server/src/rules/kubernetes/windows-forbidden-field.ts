// The API server validates a pod against its declared OS: with `spec.os.name: windows` it rejects 25
// Linux-only fields ("Forbidden: cannot be set for a windows pod"), with `linux` it rejects
// windowsOptions. Catching them here saves a failed apply. The list is KB data (validation.go).
import type { Pair } from 'yaml';
import { defineRule } from '../../engine/types';
import { fieldsForbiddenOnLinux, fieldsForbiddenOnWindows } from '../../kb';
import { removePair } from '../../languages/kubernetes/edit';
import { pairKeyRange, type PodSpec } from '../../languages/kubernetes/model';
import { fieldPath, fieldsSet, osNameField, uniqueHits } from '../../languages/kubernetes/windows';

export default defineRule({
  id: 'kubernetes/windows-forbidden-field',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    // It goes by spec.os.name as written, and reports Linux pods too (windowsOptions on a Linux pod).
    scope: 'any',
    defaultSeverity: 'error',
    description: 'The API server rejects Linux-only fields on a pod with `spec.os.name: windows`, and windowsOptions on one with `spec.os.name: linux`.',
    messages: {
      forbidden: '`{{path}}` cannot be set for a windows pod: the API server rejects this {{kind}} because spec.os.name is windows. Windows has no such setting; remove it.',
      windowsOptionsOnLinux: '`{{path}}` cannot be set for a linux pod: the API server rejects this {{kind}} because spec.os.name is linux.',
    },
    fixable: true,
    hasSuggestions: true,
    sources: [
      'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go',
      'https://kubernetes.io/docs/concepts/windows/intro/',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        const os = osNameField(pod)?.value;
        if (os !== 'windows' && os !== 'linux') return;
        const hits = uniqueHits(fieldsSet(pod, os === 'windows' ? fieldsForbiddenOnWindows : fieldsForbiddenOnLinux));
        const removed = new Set<Pair>(hits.map((hit) => hit.pair));
        const model = pod.object.model;
        for (const hit of hits) {
          const edit = removePair(model, pod.map, hit.pair, (pair) => removed.has(pair));
          const path = fieldPath(hit);
          const data = { path, kind: pod.object.kind };
          if (os === 'windows') {
            context.report({ range: pairKeyRange(model, hit.pair), messageId: 'forbidden', data, ...(edit ? { fix: { title: `Remove ${path}`, edits: [edit] } } : {}) });
          } else {
            // The pod may be meant for Windows and spec.os.name be the mistake: the user decides.
            context.report({ range: pairKeyRange(model, hit.pair), messageId: 'windowsOptionsOnLinux', data, ...(edit ? { suggest: [{ title: `Remove ${path}`, edits: [edit] }] } : {}) });
          }
        }
      },
    };
  },
});
