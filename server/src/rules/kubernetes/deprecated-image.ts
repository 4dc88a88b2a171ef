// The images of a Windows pod get the check a Dockerfile FROM gets: Microsoft's Docker Hub names
// (and the old Insider and .NET Core names) get no updates, and SQL Server for Windows containers
// was withdrawn, so a node pulls a frozen image or nothing at all.
// https://techcommunity.microsoft.com/t5/containers/windows-server-2019-now-available/ba-p/382430
import { defineRule, type Fix } from '../../engine/types';
import type { ContainerImage, PodSpec } from '../../languages/kubernetes/model';

export default defineRule({
  id: 'kubernetes/deprecated-image',
  meta: {
    type: 'suggestion',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'warning',
    description: 'Windows pods should pull Microsoft images from their current names, not from deprecated or withdrawn repositories.',
    messages: {
      sameTags: '{{image}} uses a deprecated name that receives no updates; pull {{replacement}} instead, which publishes the same tags.',
      moved: '{{image}} uses a deprecated name that receives no updates; its images now live in {{replacement}} (pick a tag that repository publishes).',
      withdrawn: '{{image}} was withdrawn: Microsoft suspended its SQL Server in Windows containers program and removed these images, so no tag pulls, and there is no Microsoft replacement for Windows.',
    },
    fixable: true,
    hasSuggestions: false,
    deprecation: true,
    sources: [
      'https://techcommunity.microsoft.com/t5/containers/windows-server-2019-now-available/ba-p/382430',
      'https://techcommunity.microsoft.com/t5/sql-server/update-beta-program-for-sql-server-on-windows-container-is/ba-p/2516639',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/insider-overview',
      'https://github.com/dotnet/dotnet-docker',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        for (const container of pod.containers) {
          const image = container.image;
          const deprecated = image?.info?.deprecated;
          if (!image?.ref || !deprecated) continue;
          const shown = `${image.ref.registry === 'docker.io' ? '' : image.ref.registry + '/'}${image.ref.repository}`;
          const replacement = deprecated.replacement;
          if (replacement === undefined) {
            context.report({ range: image.range, messageId: 'withdrawn', data: { image: shown } });
            continue;
          }
          context.report({
            range: image.range,
            messageId: deprecated.sameTags ? 'sameTags' : 'moved',
            data: { image: shown, replacement },
            ...(deprecated.sameTags ? { fix: renameFix(pod, image, replacement) } : {}),
          });
        }
      },
    };
  },
});

/** Replaces the repository as written, keeping the tag and any quotes around the value. */
function renameFix(pod: PodSpec, image: ContainerImage, replacement: string): Fix | undefined {
  const model = pod.object.model;
  const written = model.text.slice(model.lines.offset(image.range.start), model.lines.offset(image.range.end));
  const text = image.text.trim();
  const at = text.indexOf('@');
  const withoutDigest = at >= 0 ? text.slice(0, at) : text;
  const colon = withoutDigest.lastIndexOf(':');
  const name = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, colon) : withoutDigest;
  const start = written.indexOf(name);
  if (start < 0) return undefined;
  return { title: `Use ${replacement}`, edits: [{ range: image.range, newText: written.slice(0, start) + replacement + written.slice(start + name.length) }] };
}
