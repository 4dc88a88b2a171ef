// Windows base images get security updates only while their release is supported; the container
// lifecycle page gives the dates per release and variant (Nano Server 2016 ended in 2018, the
// Semi-Annual releases after 18 months, Server Core 2016 in January 2027). Containers have no
// servicing stack, so an image on an unsupported release never gets another fix.
// https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/base-image-lifecycle
import { defineRule, type Fix } from '../../engine/types';
import { suggestRetag, supportStatus, windowsReleases, type SupportStatus } from '../../kb';
import type { DockerfileModel, Stage } from '../../languages/dockerfile/model';
import { retagFix, tagOfReference } from '../../languages/dockerfile/edits';

/** How far ahead an end of extended support is announced. */
const warningDays = 183;
const maxSuggestions = 3;

export default defineRule({
  id: 'dockerfile/windows-end-of-support',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    defaultSeverity: 'warning',
    description: 'Windows base images whose release is out of support, or leaves it within six months, get no more security updates.',
    messages: {
      ended: '{{release}} images ({{variant}}) went out of support on {{date}} and get no security updates. Move to a supported Long-Term Servicing Channel release.',
      ending: '{{release}} images ({{variant}}) go out of support on {{date}}; after that they get no security updates. Plan the move to a newer Long-Term Servicing Channel release.',
    },
    fixable: false,
    sources: [
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/base-image-lifecycle',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/update-containers',
    ],
  },
  create(context) {
    let model: DockerfileModel | undefined;
    const isActive = (status: SupportStatus): boolean => status.state === 'supported' || (status.state === 'mainstream-ended' && !endsSoon(status, context.today));
    return {
      dockerfile(parsed) {
        model = parsed;
      },
      stage(stage: Stage) {
        const base = stage.base;
        const release = base?.info.release;
        if (!base || !release || stage.os !== 'windows' || !model) return;
        const status = supportStatus(release, base.info.variant, context.today);
        const ended = status.state === 'ended';
        if (!ended && !(status.state === 'mainstream-ended' && endsSoon(status, context.today))) return;

        const suggest = windowsReleases
          .filter((r) => r.channel === 'LTSC' && r.build > release.build && isActive(supportStatus(r, base.info.variant, context.today)))
          .sort((a, b) => b.build - a.build)
          .map((r) => {
            const retagged = suggestRetag(base.ref, r.build);
            const tag = retagged && tagOfReference(retagged);
            return tag ? retagFix(model!, base, tag) : undefined;
          })
          .filter((fix): fix is Fix => fix !== undefined)
          .slice(0, maxSuggestions);
        context.report({
          range: base.tagRange ?? base.range,
          messageId: ended ? 'ended' : 'ending',
          data: { release: release.name, variant: variantName(base.info.variant), date: status.endDate! },
          suggest,
        });
      },
    };
  },
});

function endsSoon(status: SupportStatus, today: Date): boolean {
  if (!status.endDate) return false;
  const end = Date.parse(`${status.endDate}T23:59:59Z`);
  return end - today.getTime() <= warningDays * 24 * 60 * 60 * 1000;
}

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
