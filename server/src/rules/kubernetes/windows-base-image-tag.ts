// The images of a Windows pod get the check a Dockerfile FROM gets: the Windows base OS images
// have published no `latest` since 2019-04-16, so an untagged or `:latest` image fails to pull, and
// only a release tag ties the pod to the nodes that can run it.
// https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility
import { defineRule, type Fix } from '../../engine/types';
import { kubernetesWindowsNodes, latestTagRemoved, monthAndYear, newestLtscRelease, releaseForName, releaseTagFor, type WindowsRelease } from '../../kb';
import type { ContainerImage, PodSpec } from '../../languages/kubernetes/model';
import { windowsBuildLabelValue } from '../../languages/kubernetes/windows';

export default defineRule({
  id: 'kubernetes/windows-base-image-tag',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'error',
    description: 'Windows base images in a pod have no `latest` tag: name the Windows release of the nodes.',
    messages: {
      missingTag: '{{image}} has no tag, so the node pulls `latest`, which Windows base images have not published since {{removed}}. Pin the Windows release of your nodes, e.g. {{example}}.',
      latestTag: '`latest` does not exist for {{image}}: Windows base images have not published it since {{removed}}. Pin the Windows release of your nodes, e.g. {{example}}.',
    },
    fixable: true,
    hasSuggestions: true,
    sources: [
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/container-base-images',
      'https://kubernetes.io/docs/concepts/windows/intro/',
    ],
  },
  create(context) {
    // Releases whose nodes current Kubernetes supports, newest first.
    const nodeReleases = kubernetesWindowsNodes.supportedReleases
      .map((id) => releaseForName(id))
      .filter((release): release is WindowsRelease => release !== undefined)
      .sort((a, b) => b.build - a.build);
    return {
      podSpec(pod: PodSpec) {
        const selectors = context.facts.nodeBuildSelectors(pod);
        const pinned = selectors.length === 1 ? windowsBuildLabelValue.exec(selectors[0]!.value) : null;
        // The pod's own node build decides the tag; else the configured target.
        const target = pinned ? Number(pinned[1]) : context.config.target?.build;
        for (const container of pod.containers) {
          const image = container.image;
          const info = image?.info;
          const family = info?.family;
          if (!image?.ref || !info || !family?.noLatestTag || image.ref.digest) continue;
          const tag = image.ref.tag;
          if (tag !== undefined && tag.toLowerCase() !== 'latest') continue;
          // A deprecated name never got the newer release tags: kubernetes/deprecated-image moves it first.
          const retaggable = info.deprecated === undefined && !info.preview;
          const retag = (build: number): Fix | undefined => {
            const release = retaggable ? releaseTagFor(family, info.variant, build) : undefined;
            return release ? tagFix(pod, image, release) : undefined;
          };
          const fix = target !== undefined ? retag(target) : undefined;
          const suggest = nodeReleases
            .filter((release) => release.build !== target)
            .map((release) => retag(release.build))
            .filter((f): f is Fix => f !== undefined);
          const example = info.preview
            ? (family.examples[0]?.tag ?? `${newestLtscRelease().windowsBuildLabel}.1`)
            : (releaseTagFor(family, info.variant, target ?? nodeReleases[0]?.build ?? newestLtscRelease().build) ?? newestLtscRelease().tagNames[0]);
          const shown = `${image.ref.registry === 'docker.io' ? '' : image.ref.registry + '/'}${image.ref.repository}`;
          context.report({
            range: image.range,
            messageId: tag === undefined ? 'missingTag' : 'latestTag',
            data: { image: shown, example, removed: monthAndYear(latestTagRemoved.date) },
            ...(fix ? { fix } : {}),
            suggest,
          });
        }
      },
    };
  },
});

/** The image with `:releaseTag` in place of its tag (or added), keeping quotes around the value. */
function tagFix(pod: PodSpec, image: ContainerImage, releaseTag: string): Fix | undefined {
  const model = pod.object.model;
  const written = model.text.slice(model.lines.offset(image.range.start), model.lines.offset(image.range.end));
  const text = image.text.trim();
  const name = image.ref?.tag !== undefined ? text.slice(0, text.length - image.ref.tag.length - 1) : text;
  const start = written.indexOf(text);
  if (start < 0) return undefined;
  return { title: `Use tag ${releaseTag}`, edits: [{ range: image.range, newText: `${written.slice(0, start)}${name}:${releaseTag}${written.slice(start + text.length)}` }] };
}
