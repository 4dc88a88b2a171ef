// Kubernetes runs Windows containers with process isolation only, so containerd's rule decides
// whether a node runs an image: below build 20348 the builds must be equal, from 20348 on the image
// must lie between the previous LTSC and the node's build. A pod pinned by
// `node.kubernetes.io/windows-build` to nodes that cannot run its image never starts.
// https://github.com/containerd/platforms/blob/main/platform_windows_compat.go
import type { Node } from 'yaml';
import type { NodeBuildSelector } from '../../engine/pod-os';
import { defineRule, type Fix } from '../../engine/types';
import { canRunProcessIsolated, describeRelease, parseWindowsVersion, preferredImageBuildForHost, suggestRetag, supportedNodeBuildLabel, type WindowsRelease } from '../../kb';
import { retagFix } from '../../languages/kubernetes/edit';
import { nodeRange, windowsBuildLabel, type ContainerImage, type KubeObject, type PodSpec } from '../../languages/kubernetes/model';
import { windowsBuildLabelValue } from '../../languages/kubernetes/windows';
import { getMap, getPair, scalarText } from '../../languages/kubernetes/yaml-util';

const whereText: Record<NodeBuildSelector['where'], string> = {
  'node-selector': 'its node selector',
  'node-affinity': 'its node affinity',
  'runtime-class': 'its RuntimeClass',
};

export default defineRule({
  id: 'kubernetes/windows-build-mismatch',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'error',
    description: 'The `node.kubernetes.io/windows-build` a pod is pinned to must be able to run its Windows images with process isolation.',
    messages: {
      mismatch: '{{image}} is a {{imageRelease}} image, but {{where}} pins this {{kind}} to nodes of {{nodeRelease}}: containerd there cannot run it with process isolation, the only isolation Kubernetes uses.',
      sharedMismatch: '{{image}} is a multi-platform tag whose Windows images are {{releases}}; none runs on nodes of {{nodeRelease}} that {{where}} pins this {{kind}} to, so the pull fails with "no matching manifest".',
      invalidValue: 'No node carries node.kubernetes.io/windows-build: {{value}}: the kubelet sets it to 10.0.<build>, such as {{example}}{{hint}}.',
    },
    fixable: true,
    hasSuggestions: true,
    sources: [
      'https://github.com/containerd/platforms/blob/main/platform_windows_compat.go',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility',
      'https://kubernetes.io/docs/reference/labels-annotations-taints/#nodekubernetesiowindows-build',
      'https://kubernetes.io/docs/concepts/windows/intro/',
      'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/',
    ],
  },
  create(context) {
    function reportInvalid(value: string, node: Node, model: PodSpec['object']['model']): boolean {
      if (windowsBuildLabelValue.test(value)) return false;
      const build = parseWindowsVersion(value);
      const range = nodeRange(model, node);
      const fix: Fix | undefined = build !== undefined ? { title: `Write 10.0.${build}`, edits: [{ range, newText: `'10.0.${build}'` }] } : undefined;
      context.report({ range, messageId: 'invalidValue', data: { value, example: supportedNodeBuildLabel(), hint: build !== undefined ? `; ${value} is ${describeRelease(build)}` : '' }, ...(fix ? { fix } : {}) });
      return true;
    }

    return {
      object(object: KubeObject) {
        if (object.kind !== 'RuntimeClass') return;
        const pair = getPair(getMap(getMap(object.root, 'scheduling', object.ctx), 'nodeSelector', object.ctx), windowsBuildLabel, object.ctx);
        const value = scalarText(pair?.value, object.ctx);
        if (pair && value !== undefined) reportInvalid(value, pair.value as Node, object.model);
      },
      podSpec(pod: PodSpec) {
        const model = pod.object.model;
        const selectors: NodeBuildSelector[] = [];
        for (const selector of context.facts.nodeBuildSelectors(pod)) {
          // A RuntimeClass's own value is reported on the RuntimeClass, once.
          if (selector.where !== 'runtime-class' && selector.node && reportInvalid(selector.value, selector.node, model)) continue;
          selectors.push(selector);
        }
        const hostProcess = context.facts.hostProcess(pod);
        // HostProcess containers run on the host itself: their image's build does not matter.
        const images = hostProcess.containers
          .filter((entry) => entry.effective === false || entry.effective === undefined)
          .map((entry) => entry.container.image)
          .filter((image): image is ContainerImage => image?.info?.os === 'windows' || (image?.info?.os === 'multi' && !!image.info.sharedTagReleases?.length))
          .filter((image) => !image.info!.hostProcessOnly);
        const builds = new Set(images.map((image) => image.info!.build).filter((build) => build !== undefined));
        for (const selector of selectors) {
          const match = windowsBuildLabelValue.exec(selector.value);
          if (!match) continue;
          const nodeBuild = Number(match[1]);
          for (const image of images) {
            reportImage(pod, image, selector, nodeBuild, selectors.length === 1 && builds.size === 1);
          }
        }
      },
    };

    function reportImage(pod: PodSpec, image: ContainerImage, selector: NodeBuildSelector, nodeBuild: number, relabel: boolean): void {
      const info = image.info!;
      const model = pod.object.model;
      const data = { image: image.text, kind: pod.object.kind, where: selector.runtimeClass ? `its RuntimeClass ${selector.runtimeClass}` : whereText[selector.where], nodeRelease: describeRelease(nodeBuild) };
      const related = [{ uri: selector.uri, range: selector.range, message: 'The Windows build the pod is pinned to.' }];
      if (info.build === undefined) {
        const releases = info.sharedTagReleases ?? [];
        if (releases.some((release: WindowsRelease) => canRunProcessIsolated(nodeBuild, release.build))) return;
        context.report({ range: image.range, messageId: 'sharedMismatch', data: { ...data, releases: releases.map((r) => r.id).join(', ') }, related });
        return;
      }
      if (canRunProcessIsolated(nodeBuild, info.build)) return;
      const fix: Fix | undefined =
        relabel && selector.sole && selector.node && selector.uri === context.uri
          ? { title: `Pin the pod to Windows build 10.0.${info.build}`, edits: [{ range: selector.range, newText: `'10.0.${info.build}'` }] }
          : undefined;
      const target = preferredImageBuildForHost(nodeBuild);
      const retag = image.ref && target !== undefined ? suggestRetag(image.ref, target) : undefined;
      const retagged = retag ? retagFix(model, image, retag) : undefined;
      const suggest: Fix[] = retagged ? [retagged] : [];
      context.report({
        range: image.range,
        messageId: 'mismatch',
        data: { ...data, imageRelease: describeRelease(info.build) },
        related,
        ...(fix ? { fix } : {}),
        suggest,
      });
    }
  },
});
