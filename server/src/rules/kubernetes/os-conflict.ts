// A pod runs on one OS. When its own fields disagree (spec.os.name against the node selector,
// affinity or RuntimeClass; a Linux-only image on a pod scheduled to Windows; Windows and Linux
// images side by side) it is never scheduled, or the kubelet or the image pull rejects it.
import type { Node } from 'yaml';
import type { OsEvidence } from '../../engine/pod-os';
import { defineRule } from '../../engine/types';
import { nodeRange, osLabel, type PodSpec } from '../../languages/kubernetes/model';
import { inTemplateBlock, osNameField } from '../../languages/kubernetes/windows';
import { asMap, getPair, getPath, scalarText } from '../../languages/kubernetes/yaml-util';

const validOs: readonly string[] = ['windows', 'linux'];

export default defineRule({
  id: 'kubernetes/os-conflict',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    // A pod whose fields disagree about its OS is, by that disagreement, never inferred to be Windows.
    scope: 'any',
    defaultSeverity: 'error',
    description: 'A pod\'s OS must be consistent: spec.os.name, node selector, affinity, RuntimeClass, pod label and images must not contradict each other.',
    messages: {
      invalidOsName: 'spec.os.name must be "windows" or "linux" (lower case): the API server rejects "{{value}}".',
      schedulingConflict: '{{detail}} schedules this {{kind}} onto {{os}} nodes, but {{other}} requires {{otherOs}} nodes: no node satisfies both, so the pod is never scheduled.',
      osFieldConflict: 'spec.os.name is {{os}}, but {{other}} schedules this {{kind}} onto {{otherOs}} nodes: the kubelet there rejects the pod (PodOSNotSupported).',
      podLabelConflict: 'The pod label kubernetes.io/os: {{value}} contradicts {{other}}: the kubelet on a {{os}} node rejects a pod whose own kubernetes.io/os label names another OS (PodOSSelectorNodeLabelDoesNotMatch).',
      linuxImageOnWindows: '{{image}} has no Windows image, but {{other}} puts this {{kind}} on Windows: the image cannot be pulled or run there.',
      windowsImageOnLinux: '{{image}} is a Windows image, but {{other}} puts this {{kind}} on Linux: the image cannot be pulled or run there.',
      mixedImages: '{{image}} has no Windows image, but {{other}} in the same pod is a Windows image: a pod runs on one OS and cannot mix Windows and Linux containers.',
    },
    fixable: true,
    hasSuggestions: false,
    sources: [
      'https://kubernetes.io/docs/concepts/windows/user-guide/',
      'https://kubernetes.io/docs/concepts/windows/intro/',
      'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go',
      'https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/lifecycle/predicate.go',
      'https://kubernetes.io/docs/concepts/containers/runtime-class/#scheduling',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        const model = pod.object.model;
        const kind = pod.object.kind;
        const related = (evidence: OsEvidence, message: string) => [{ uri: context.uri, range: evidence.range, message }];

        const osName = osNameField(pod);
        if (osName && !validOs.includes(osName.value)) {
          const range = nodeRange(model, osName.pair.value as Node);
          const lower = osName.value.toLowerCase();
          // `Windows` or `LINUX`: the intent is plain, only the case is wrong.
          const fix = validOs.includes(lower) ? { fix: { title: `Write ${lower}`, edits: [{ range, newText: lower }] } } : {};
          context.report({ range, messageId: 'invalidOsName', data: { value: osName.value }, ...fix });
          return;
        }

        // What a Helm `{{ if }}` block says may not render, or render as another branch.
        const os = context.facts.podOs(pod);
        const evidence = os.evidence.filter((e) => !inTemplateBlock(model, e.range));
        const scheduling = os.scheduling.filter((e) => !inTemplateBlock(model, e.range));
        const [first, ...others] = scheduling;
        for (const other of others) {
          if (!first || other.os === first.os) continue;
          context.report({
            range: other.range,
            messageId: 'schedulingConflict',
            data: { detail: other.detail, kind, os: other.os, other: first.detail, otherOs: first.os },
            related: related(first, `This requires ${first.os} nodes.`),
          });
        }
        const schedulingOs = first && others.every((e) => e.os === first.os) ? first.os : undefined;

        const osField = evidence.find((e) => e.kind === 'os-field');
        const againstField = osField && scheduling.find((e) => e.os !== osField.os);
        if (osField && againstField) {
          context.report({
            range: osField.range,
            messageId: 'osFieldConflict',
            data: { os: osField.os, other: againstField.detail, kind, otherOs: againstField.os },
            related: related(againstField, `This schedules the pod onto ${againstField.os} nodes.`),
          });
        }

        // The pod's OS as declared, when its declarations agree: the OS field, else the scheduling.
        const declared: OsEvidence | undefined = osField ? (againstField ? undefined : osField) : schedulingOs ? first : undefined;
        if (declared) reportPodLabel(pod, declared);

        // Images the Dockerfiles of the workspace describe are kubernetes/built-image-linux's business.
        const images = evidence.filter((e) => e.kind === 'image' && !e.builtFrom);
        if (declared) {
          for (const image of images) {
            if (image.os === declared.os) continue;
            context.report({
              range: image.range,
              messageId: image.os === 'linux' ? 'linuxImageOnWindows' : 'windowsImageOnLinux',
              data: { image: image.detail, other: declared.detail, kind },
              related: related(declared, `This puts the pod on ${declared.os}.`),
            });
          }
        } else if (!osField && scheduling.length === 0) {
          const windowsImage = images.find((e) => e.os === 'windows');
          for (const image of windowsImage ? images.filter((e) => e.os === 'linux') : []) {
            context.report({
              range: image.range,
              messageId: 'mixedImages',
              data: { image: image.detail, other: windowsImage!.detail },
              related: related(windowsImage!, 'This is a Windows image.'),
            });
          }
        }
      },
    };

    function reportPodLabel(pod: PodSpec, declared: OsEvidence): void {
      // The pod's own labels: metadata next to the pod spec (a Pod's metadata, a template's metadata).
      const labels = asMap(getPath(pod.object.root, [...pod.path.slice(0, -1), 'metadata', 'labels'], pod.ctx), pod.ctx);
      const pair = getPair(labels, osLabel, pod.ctx);
      const value = scalarText(pair?.value, pod.ctx);
      if (!pair || value === undefined || !validOs.includes(value) || value === declared.os) return;
      context.report({
        range: nodeRange(pod.object.model, pair.value as Node),
        messageId: 'podLabelConflict',
        data: { value, other: declared.detail, os: declared.os },
        related: [{ uri: context.uri, range: declared.range, message: `This puts the pod on ${declared.os}.` }],
      });
    }
  },
});
