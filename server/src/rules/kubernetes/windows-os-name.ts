// `spec.os.name: windows` is what makes a Windows pod a Windows pod to the control plane: Pod
// Security admission exempts such pods from its Linux-only Restricted checks (seccomp, capabilities,
// allowPrivilegeEscalation), and the API server then validates the pod as Windows, rejecting the
// Linux-only fields (validation.go). Without it a Windows pod is judged and admitted as a Linux one.
// https://kubernetes.io/docs/concepts/windows/user-guide/#ensuring-os-specific-workloads-land-on-the-appropriate-container-host
import type { Pair } from 'yaml';
import { rangesOverlap, type TextEdit } from '../../core/text';
import type { WindowsPod } from '../../engine/pod-os';
import { defineRule, type Fix } from '../../engine/types';
import { fieldsForbiddenOnWindows } from '../../kb';
import { insertPath, removePair } from '../../languages/kubernetes/edit';
import { mayHaveHiddenKeys, nodeRange, type KubernetesModel, type PodSpec } from '../../languages/kubernetes/model';
import { fieldPath, fieldsSet, inTemplateBlock, podSpecKey, uniqueHits } from '../../languages/kubernetes/windows';
import { getPair } from '../../languages/kubernetes/yaml-util';

export default defineRule({
  id: 'kubernetes/windows-os-name',
  meta: {
    type: 'suggestion',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'hint',
    description: 'A Windows pod should declare `spec.os.name: windows`: Pod Security admission applies its Windows exemptions only then, and the API server validates the pod as Windows.',
    messages: {
      missing:
        'This {{kind}} runs on Windows ({{evidence}}) but does not set spec.os.name: windows. Set it: Pod Security admission applies its Windows exemptions only to pods that declare it, and the API server then validates the pod as a Windows pod.',
      missingWithLinuxFields:
        'This {{kind}} runs on Windows ({{evidence}}) but does not set spec.os.name: windows. Set it: Pod Security admission applies its Windows exemptions only to pods that declare it, and the API server then validates the pod as a Windows pod, which rejects {{fields}}; the fix removes them in the same edit.',
      missingWithRestrictedFields:
        'This {{kind}} runs on Windows ({{evidence}}) but does not set spec.os.name: windows. Set it: Pod Security admission applies its Windows exemptions only to pods that declare it, and the API server then validates the pod as a Windows pod, which rejects {{fields}}. Without spec.os.name, Pod Security "Restricted" demands seccompProfile, capabilities and allowPrivilegeEscalation even of a Windows pod; with it they are neither needed nor allowed, so the fix removes them in the same edit.',
    },
    fixable: false,
    hasSuggestions: true,
    sources: [
      'https://kubernetes.io/docs/concepts/windows/user-guide/#ensuring-os-specific-workloads-land-on-the-appropriate-container-host',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
      'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec, windows: WindowsPod) {
        const model = pod.object.model;
        const osPair = getPair(pod.map, 'os', pod.ctx);
        // Whatever `os` holds (linux, a template, nothing yet) is another rule's business or unknowable;
        // a template may also write `os` through keys we cannot see.
        if (osPair || mayHaveHiddenKeys(model, pod.map, pod.ctx)) return;
        // Without any scheduling, windows-node-selector reports this pod and offers spec.os.name with
        // its node selector: one finding about the pod's OS is enough until it is scheduled.
        if (windows.os.scheduling.length === 0 && !windows.os.schedulingUnknown) return;
        const hits = uniqueHits(fieldsSet(pod, fieldsForbiddenOnWindows));
        const fields = hits.map(fieldPath);
        const specKey = podSpecKey(pod);
        const fix = declareWindows(model, pod, hits.map((hit) => hit.pair));
        context.report({
          range: specKey && !inTemplateBlock(model, specKey) ? nodeRange(model, specKey) : pod.object.kindRange,
          messageId: hits.some((hit) => hit.field.requiredByRestricted) ? 'missingWithRestrictedFields' : fields.length > 0 ? 'missingWithLinuxFields' : 'missing',
          data: { kind: pod.object.kind, evidence: windows.evidence.detail, fields: fields.join(', ') },
          // It changes how admission and validation treat the pod: the user's choice, never fix-all's.
          suggest: fix ? [fix] : [],
          related: [{ uri: context.uri, range: windows.evidence.range, message: 'This makes it a Windows workload.' }],
        });
      },
    };
  },
});

/**
 * Sets spec.os.name and removes, in the same edit, every field the API server would then reject: a
 * fix that left one would turn a hint into a rejected apply. undefined when the template may hide
 * one, when one cannot be cut safely, or when the cuts would meet the insertion.
 */
function declareWindows(model: KubernetesModel, pod: PodSpec, linuxOnly: readonly Pair[]): Fix | undefined {
  // A template expression in the pod (`securityContext: {{ toYaml .Values.securityContext }}`, a field
  // under `{{ if }}`) may render a Linux-only field we cannot see and the fix would not remove.
  const span = pod.map.range;
  if (model.isTemplate && (!span || model.text.slice(span[0], span[1]).includes('{{'))) return undefined;
  const insert = insertPath(model, pod.map, ['os', 'name'], 'windows', 'first');
  if (!insert) return undefined;
  const removed = new Set<Pair>(linuxOnly);
  const cuts = new Map<string, TextEdit>();
  for (const pair of linuxOnly) {
    const cut = removePair(model, pod.map, pair, (other) => removed.has(other));
    if (!cut) return undefined;
    // Fields that empty one securityContext all climb to the same cut of it.
    cuts.set(JSON.stringify(cut.range), cut);
  }
  const edits = [insert, ...cuts.values()];
  if (edits.some((a, index) => edits.slice(index + 1).some((b) => rangesOverlap(a.range, b.range)))) return undefined;
  const title = linuxOnly.length > 0 ? 'Set spec.os.name: windows and remove the Linux-only fields' : 'Set spec.os.name: windows';
  return { title, edits };
}
