// A Windows pod's images and nodes have the lifecycle of their Windows release. An image on an
// unsupported base (read from the publisher's tags, or from a name that spells the base) gets no
// security updates; Insider images expire. Kubernetes runs Windows containers with process
// isolation only, so an image ties its pod to nodes of the image's build: a 2019 image needs 2019
// nodes, which current Kubernetes (its docs list 2022 and 2025; AKS from 1.33) no longer supports.
// https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/base-image-lifecycle
// https://kubernetes.io/docs/concepts/windows/intro/
import type { Node } from 'yaml';
import type { WindowsPod } from '../../engine/pod-os';
import { defineRule, type Fix, type Range } from '../../engine/types';
import {
  describeRelease,
  endsWithinNotice,
  hostSupportStatus,
  imageSupport,
  kubernetesNodeSupport,
  kubernetesWindowsNodes,
  releaseForBuild,
  releaseForName,
  suggestRetag,
  type WindowsRelease,
} from '../../kb';
import { retagFix } from '../../languages/kubernetes/edit';
import { nodeRange, windowsBuildLabel, type ContainerImage, type KubeObject, type PodSpec } from '../../languages/kubernetes/model';
import { podSpecKey, windowsBuildLabelValue } from '../../languages/kubernetes/windows';
import { getMap, getPair, scalarText } from '../../languages/kubernetes/yaml-util';

export default defineRule({
  id: 'kubernetes/windows-end-of-support',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'warning',
    description: 'Windows pods whose images or nodes are on a Windows release that is out of support, a preview, or no longer supported by Kubernetes.',
    messages: {
      imageEnded: '{{image}} is a {{release}} image{{fromName}}: that base went out of support on {{date}} and gets no security updates. Use the image built on a supported Long-Term Servicing Channel release.',
      imageEnding: '{{image}} is a {{release}} image{{fromName}}: that base goes out of support on {{date}}. Plan the move to the image built on a newer Long-Term Servicing Channel release.',
      imagePreview: '{{image}} is a Windows Insider preview{{build}}: Insider images expire, get no support, and start only on Insider hosts of a matching build.',
      imageUnknownBuild: 'Windows build {{build}} in {{image}} is no released Windows Server build: a preview or unknown build, which runs only on Insider nodes of that build.',
      nodeForImage: '{{image}} is a {{release}} image{{fromName}}: with process isolation, the only isolation Kubernetes uses, it runs only on {{release}} nodes, which Kubernetes no longer supports ({{supported}} nodes only, since {{since}}). Move the image to {{supportedTags}}.',
      nodeEnded: '{{where}} pins nodes of {{release}}, which went out of support on {{date}}: such nodes get no security updates.',
      nodeUnsupported: '{{where}} pins nodes of {{release}}, which Kubernetes no longer supports ({{supported}} nodes only, since {{since}}).',
    },
    fixable: false,
    hasSuggestions: true,
    sources: [
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/base-image-lifecycle',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/insider-overview',
      'https://learn.microsoft.com/en-us/windows-server/get-started/windows-server-release-info',
      'https://kubernetes.io/docs/concepts/windows/intro/',
      'https://learn.microsoft.com/en-us/azure/aks/windows-faq',
    ],
  },
  create(context) {
    const supportedReleases = kubernetesWindowsNodes.supportedReleases.map((id) => releaseForName(id)).filter((release): release is WindowsRelease => release !== undefined);
    const supported = { supported: supportedReleases.map((release) => release.name).join(' and '), supportedTags: supportedReleases.map((release) => release.tagNames[0]).join(' or ') };

    /** A node build the pod or RuntimeClass pins: ended as a host OS, or dropped by Kubernetes. */
    function reportNodeBuild(value: string, range: Range, where: string): void {
      const match = windowsBuildLabelValue.exec(value);
      if (!match) return;
      const build = Number(match[1]);
      const release = releaseForBuild(build);
      if (!release) return;
      const status = hostSupportStatus(release, context.today);
      if (status.state === 'ended') {
        context.report({ range, messageId: 'nodeEnded', data: { where, release: describeRelease(build), date: status.endDate! } });
        return;
      }
      const node = kubernetesNodeSupport(build);
      if (node) context.report({ range, messageId: 'nodeUnsupported', data: { where, release: describeRelease(build), since: node.since, ...supported } });
    }

    function retagSuggestions(pod: PodSpec, image: ContainerImage): Fix[] {
      return [...supportedReleases]
        .sort((a, b) => b.build - a.build)
        .map((release) => (image.ref ? suggestRetag(image.ref, release.build) : undefined))
        .filter((retag): retag is string => retag !== undefined)
        .map((retag) => retagFix(pod.object.model, image, retag))
        .filter((fix): fix is Fix => fix !== undefined);
    }

    return {
      object(object: KubeObject) {
        if (object.kind !== 'RuntimeClass') return;
        const pair = getPair(getMap(getMap(object.root, 'scheduling', object.ctx), 'nodeSelector', object.ctx), windowsBuildLabel, object.ctx);
        const value = scalarText(pair?.value, object.ctx);
        if (pair && value !== undefined) reportNodeBuild(value, nodeRange(object.model, pair.value as Node), `RuntimeClass ${object.name ?? ''}`.trim());
      },
      podSpec(pod: PodSpec, windows: WindowsPod) {
        const model = pod.object.model;
        for (const selector of context.facts.nodeBuildSelectors(pod)) {
          // A RuntimeClass's own value is reported on the RuntimeClass, once.
          if (selector.where === 'runtime-class' || selector.uri !== context.uri) continue;
          reportNodeBuild(selector.value, selector.range, `This ${pod.object.kind}'s ${selector.where === 'node-selector' ? 'node selector' : 'node affinity'}`);
        }
        // Where the pod asks for a Windows node: a node-support finding is about the pod, not the image.
        const podRange = ['node-selector', 'node-affinity', 'os-field'].includes(windows.evidence.kind)
          ? windows.evidence.range
          : nodeRange(model, podSpecKey(pod));
        for (const entry of context.facts.hostProcess(pod).containers) {
          // HostProcess containers run on the host: their image's base says nothing about the node.
          const image = entry.container.image;
          const info = image?.info;
          if (!image || !info || entry.effective === true || info.hostProcessOnly) continue;
          const release = info.release ?? info.releaseIfWindows;
          const support = imageSupport(info, context.today, release);
          if (!support) continue;
          const fromName = info.fromName === true || info.release === undefined ? ' (as its name says)' : '';
          if (support.kind === 'preview') {
            context.report({ range: image.range, messageId: 'imagePreview', data: { image: image.text, build: support.build !== undefined ? ` (build ${support.build})` : '' } });
            continue;
          }
          if (support.kind === 'unknown-build') {
            context.report({ range: image.range, messageId: 'imageUnknownBuild', data: { image: image.text, build: support.build } });
            continue;
          }
          const { status } = support;
          if (status.state === 'ended' || (status.state === 'mainstream-ended' && endsWithinNotice(status.endDate, context.today))) {
            context.report({
              range: image.range,
              messageId: status.state === 'ended' ? 'imageEnded' : 'imageEnding',
              data: { image: image.text, release: support.release.name, fromName, date: status.endDate! },
              suggest: retagSuggestions(pod, image),
            });
            continue;
          }
          const node = kubernetesNodeSupport(support.release.build);
          if (node) {
            context.report({
              range: podRange,
              messageId: 'nodeForImage',
              data: { image: image.text, release: support.release.name, fromName, since: node.since, ...supported },
              related: [{ uri: context.uri, range: image.range, message: 'The image that needs the node.' }],
              suggest: retagSuggestions(pod, image),
            });
          }
        }
      },
    };
  },
});
