// The manifest side of a cross-file mistake: a pod is scheduled onto nodes of one Windows build
// and deploys an image that a Dockerfile of the workspace builds on another. Kubernetes runs
// Windows containers process-isolated, so containerd's compatibility rule decides.
import { fileName } from '../../engine/describe';
import { runtimeClassNodeBuild } from '../../engine/pod-os';
import { defineRule, type Fix } from '../../engine/types';
import { canRunProcessIsolated, describeRelease } from '../../kb';
import type { PodSpec } from '../../languages/kubernetes/model';
import { stringAt } from '../../languages/kubernetes/yaml-util';

export default defineRule({
  id: 'kubernetes/built-image-windows-build',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    // Goes by the Windows build the pod is pinned to (by label or RuntimeClass), not by the pod's inferred OS: a pod with a Linux sidecar image is still placed on those nodes.
    scope: 'any',
    defaultSeverity: 'error',
    description: 'An image built by a workspace Dockerfile must be built on a Windows build the pod\'s nodes can run.',
    messages: {
      mismatch:
        '{{image}} is built by {{dockerfile}} on {{imageBuild}}, but this {{kind}} is scheduled onto nodes of {{nodeBuild}}, which cannot run it with process isolation (the only isolation Kubernetes uses).',
    },
    fixable: false,
    hasSuggestions: true,
    sources: [
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility',
      'https://kubernetes.io/docs/concepts/windows/user-guide/',
      'https://github.com/containerd/platforms/blob/main/platform_windows_compat.go',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        const hostProcess = context.facts.hostProcess(pod);
        const runtimeClassName = stringAt(pod.map, 'runtimeClassName', pod.ctx);
        const node = context.facts.podNodeBuild(pod) ?? runtimeClassNodeBuild(runtimeClassName ? context.workspace.runtimeClass(runtimeClassName) : undefined);
        if (!node) return;
        pod.containers.forEach((container, index) => {
          const image = container.image;
          // HostProcess containers run on the host itself and are exempt from build matching.
          if (!image?.ref || image.info?.os === 'windows' || hostProcess.containers[index]!.effective === true) return;
          const built = context.workspace.builtImage(image.ref);
          const imageBuild = built?.dockerfile.finalBuild;
          if (!built || built.dockerfile.finalOs !== 'windows' || imageBuild === undefined || canRunProcessIsolated(node.build, imageBuild)) return;
          // The label is only rewritten where it is written in this file; a RuntimeClass elsewhere is the user's call.
          const suggest: Fix[] = node.uri === context.uri ? [{ title: `Schedule onto Windows build 10.0.${imageBuild}`, edits: [{ range: node.range, newText: `'10.0.${imageBuild}'` }] }] : [];
          context.report({
            range: image.range,
            messageId: 'mismatch',
            data: { image: image.text, dockerfile: fileName(built.dockerfile.path), imageBuild: describeRelease(imageBuild), kind: pod.object.kind, nodeBuild: describeRelease(node.build) },
            suggest,
            related: [
              { uri: built.dockerfile.uri, range: built.dockerfile.finalFromRange, message: `Built on ${describeRelease(imageBuild)}` },
              { uri: node.uri, range: node.range, message: `Nodes of ${describeRelease(node.build)}` },
            ],
          });
        });
      },
    };
  },
});
