// An image built by a Linux Dockerfile of the workspace, deployed to Windows nodes: the kubelet
// pulls it on a Windows node, finds no Windows image in it, and the pod never starts. Nothing in
// the manifest says the image is Linux; only the Dockerfile that builds it does.
import { fileName } from '../../engine/describe';
import { defineRule } from '../../engine/types';
import type { PodSpec } from '../../languages/kubernetes/model';

export default defineRule({
  id: 'kubernetes/built-image-linux',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    // Reports the Linux image of a pod scheduled onto Windows: that image is Linux evidence, so the pod is never inferred Windows.
    scope: 'any',
    defaultSeverity: 'error',
    description: 'An image built from a Linux Dockerfile of the workspace cannot run on the Windows nodes the pod is scheduled onto.',
    messages: {
      linuxImage: '{{image}} is built by {{dockerfile}} from a Linux base image, but this {{kind}} is scheduled onto Windows nodes ({{schedule}}): the image cannot run there.',
    },
    fixable: false,
    hasSuggestions: false,
    sources: ['https://kubernetes.io/docs/concepts/windows/user-guide/', 'https://kubernetes.io/docs/concepts/windows/intro/'],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        const os = context.facts.podOs(pod);
        const windowsSchedule = os.scheduling.find((evidence) => evidence.os === 'windows');
        if (!windowsSchedule || os.scheduling.some((evidence) => evidence.os === 'linux')) return;
        for (const evidence of os.evidence) {
          const built = evidence.builtFrom;
          if (evidence.kind !== 'image' || evidence.os !== 'linux' || !built) continue;
          const image = pod.containers.find((container) => container.image?.range === evidence.range)?.image?.text ?? '';
          context.report({
            range: evidence.range,
            messageId: 'linuxImage',
            data: { image, dockerfile: fileName(built.dockerfile.path), kind: pod.object.kind, schedule: windowsSchedule.detail },
            related: [
              { uri: built.dockerfile.uri, range: built.dockerfile.finalFromRange, message: 'The image is built on this Linux base image' },
              { uri: context.uri, range: windowsSchedule.range, message: 'This schedules the pod onto Windows nodes' },
            ],
          });
        }
      },
    };
  },
});
