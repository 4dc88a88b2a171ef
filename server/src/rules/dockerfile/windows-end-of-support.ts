// Windows base images get security updates only while their release is supported; the container
// lifecycle page gives the dates per release and variant (Nano Server 2016 ended in 2018, the
// Semi-Annual releases after 18 months, Server Core 2016 in January 2027). Containers have no
// servicing stack, so an image on an unsupported release never gets another fix.
// https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/base-image-lifecycle
import { defineRule, type Fix } from '../../engine/types';
import { endsWithinNotice, imageSupport, suggestRetag, supportStatus, windowsReleases, type SupportStatus, type WindowsRelease } from '../../kb';
import { imageSourcesOf } from '../../languages/dockerfile/build';
import { retagFix, tagOfReference } from '../../languages/dockerfile/edits';
import type { BaseImage, DockerfileModel, Stage } from '../../languages/dockerfile/model';

const maxSuggestions = 3;

export default defineRule({
  id: 'dockerfile/windows-end-of-support',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'warning',
    description: 'Windows base images whose release is out of support, or leaves it within six months, or that are Insider previews, get no more security updates.',
    messages: {
      ended: '{{release}} images ({{variant}}) went out of support on {{date}} and get no security updates. Move to a supported Long-Term Servicing Channel release.',
      ending: '{{release}} images ({{variant}}) go out of support on {{date}}; after that they get no security updates. Plan the move to a newer Long-Term Servicing Channel release.',
      endedFromName: '{{image}} is built on {{base}}, as its name says: that base went out of support on {{date}} and gets no security updates. Use a version of the image built on a supported Long-Term Servicing Channel release.',
      endingFromName: '{{image}} is built on {{base}}, as its name says: that base goes out of support on {{date}}. Plan the move to a version of the image built on a newer Long-Term Servicing Channel release.',
      preview: '{{image}} is a Windows Insider preview{{build}}: Insider images expire, get no support, and start only on Insider hosts of a matching build. Use a released Long-Term Servicing Channel image.',
      unknownBuild: 'Windows build {{build}} in {{image}} is no released Windows Server build: a preview or unknown build. Preview builds expire and start only on Insider hosts of a matching build; use a released Long-Term Servicing Channel base.',
    },
    fixable: false,
    hasSuggestions: true,
    sources: [
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/base-image-lifecycle',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/update-containers',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/insider-overview',
    ],
  },
  create(context) {
    let model: DockerfileModel | undefined;
    const isActive = (status: SupportStatus): boolean => status.state === 'supported' || (status.state === 'mainstream-ended' && !endsWithinNotice(status.endDate, context.today));
    return {
      dockerfile(parsed) {
        model = parsed;
      },
      stage(stage: Stage) {
        if (!model) return;
        // A bare `1803` tag is read as a release only because the stage is certainly Windows; an image
        // the stage copies from may be any image, so only a release its own name spells counts.
        if (stage.base) check(model, stage.base, stage.base.info.release ?? stage.base.info.releaseIfWindows);
        for (const image of imageSourcesOf(model, stage)) check(model, image, image.info.release);
      },
    };

    function check(file: DockerfileModel, base: BaseImage, namedRelease: WindowsRelease | undefined): void {
      const support = imageSupport(base.info, context.today, namedRelease);
      if (!support) return;
      const image = base.ref.raw.trim();
      const range = base.tagRange ?? base.range;
      if (support.kind === 'preview') {
        // Untagged, it has no build to name: windows-base-image-tag reports the missing tag.
        if (base.ref.tag === undefined) return;
        context.report({ range, messageId: 'preview', data: { image, build: support.build !== undefined ? ` (build ${support.build})` : '' } });
        return;
      }
      if (support.kind === 'unknown-build') {
        context.report({ range, messageId: 'unknownBuild', data: { image, build: support.build } });
        return;
      }
      const { release, status } = support;
      const ended = status.state === 'ended';
      if (!ended && !(status.state === 'mainstream-ended' && endsWithinNotice(status.endDate, context.today))) return;

      const suggest = windowsReleases
        .filter((r) => r.channel === 'LTSC' && r.build > release.build && isActive(supportStatus(r, base.info.variant, context.today)))
        .sort((a, b) => b.build - a.build)
        .map((r) => {
          const retagged = suggestRetag(base.ref, r.build);
          const tag = retagged && tagOfReference(retagged);
          return tag ? retagFix(file, base, tag) : undefined;
        })
        .filter((fix): fix is Fix => fix !== undefined)
        .slice(0, maxSuggestions);
      const fromName = base.info.fromName === true || base.info.release === undefined;
      context.report({
        range,
        messageId: fromName ? (ended ? 'endedFromName' : 'endingFromName') : ended ? 'ended' : 'ending',
        data: {
          image,
          release: release.name,
          variant: variantName(base.info.variant),
          base: base.info.variant ? `${release.name} (${variantName(base.info.variant)})` : release.name,
          date: status.endDate!,
        },
        suggest,
      });
    }
  },
});

function variantName(variant: string | undefined): string {
  switch (variant) {
    case 'servercore':
      return 'Server Core';
    case 'nanoserver':
      return 'Nano Server';
    case 'server':
      return 'Windows Server';
    case 'windows':
      return 'Windows';
    default:
      return 'all variants';
  }
}
