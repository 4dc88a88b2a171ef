// Windows base OS images have published no `latest` since 2019-04-16: an untagged or `:latest`
// FROM fails at pull time, and a tag is also what ties the image to a host's Windows build.
import { defineRule, type Fix } from '../../engine/types';
import { latestTagRemoved, monthAndYear, newestLtscRelease, releaseTagFor, supportStatus, windowsReleases } from '../../kb';
import { imageSourcesOf } from '../../languages/dockerfile/build';
import { retagFix } from '../../languages/dockerfile/edits';
import type { BaseImage, DockerfileModel, Stage } from '../../languages/dockerfile/model';

export default defineRule({
  id: 'dockerfile/windows-base-image-tag',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'error',
    description: 'Windows base images have no `latest` tag: name the Windows release explicitly.',
    messages: {
      missingTag: '{{image}} has no tag, so Docker pulls `latest`, which Windows base images have not published since {{removed}}. Pin the Windows release your hosts run, e.g. {{example}}.',
      latestTag: '`latest` does not exist for {{image}}: Windows base images have not published it since {{removed}}. Pin the Windows release your hosts run, e.g. {{example}}.',
    },
    fixable: true,
    hasSuggestions: true,
    sources: [
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/container-base-images',
    ],
  },
  create(context) {
    let model: DockerfileModel | undefined;
    return {
      dockerfile(parsed) {
        model = parsed;
      },
      stage(stage: Stage) {
        if (!model) return;
        // An image that COPY --from or RUN --mount reads is pulled like a base: its `latest` does not exist either.
        for (const image of [stage.base, ...imageSourcesOf(model, stage)]) if (image) check(model, image);
      },
    };

    function check(file: DockerfileModel, base: BaseImage): void {
      if (base.ref.digest || !base.info.family?.noLatestTag) return;
      const tag = base.ref.tag;
      if (tag !== undefined && tag.toLowerCase() !== 'latest') return;

      const candidates = candidateBuilds(context.today, base, context.config.target?.build);
      const retag = (build: number): Fix | undefined => {
        const release = releaseTagFor(base.info.family!, base.info.variant, build);
        return release ? retagFix(file, base, release) : undefined;
      };
      const target = context.config.target?.build;
      // A deprecated Docker Hub name never got the newer release tags: moving to MCR comes first.
      const retaggable = base.info.deprecated === undefined;
      const preferred = target !== undefined && retaggable ? retag(target) : undefined;
      const suggestions = retaggable ? candidates.filter((build) => build !== target).map(retag).filter((fix): fix is Fix => fix !== undefined) : [];
      // Insider repositories are tagged by build only.
      const example = base.info.preview
        ? (base.info.family.examples[0]?.tag ?? `${newestLtscRelease().windowsBuildLabel}.1`)
        : (releaseTagFor(base.info.family, base.info.variant, target ?? candidates[0] ?? newestLtscRelease().build) ?? newestLtscRelease().tagNames[0]);
      const image = `${base.ref.registry === 'docker.io' ? '' : base.ref.registry + '/'}${base.ref.repository}`;
      context.report({
        range: tag === undefined ? base.range : (base.tagRange ?? base.range),
        messageId: tag === undefined ? 'missingTag' : 'latestTag',
        data: { image, example, removed: monthAndYear(latestTagRemoved.date) },
        fix: preferred,
        suggest: suggestions,
      });
    }
  },
});

/** The three newest LTSC builds whose images of this variant are still supported today, newest first. */
const maxSuggestions = 3;

function candidateBuilds(today: Date, base: BaseImage, target: number | undefined): number[] {
  const builds = windowsReleases
    .filter((release) => release.channel === 'LTSC' && supportStatus(release, base.info.variant, today).state !== 'ended')
    .map((release) => release.build)
    .sort((a, b) => b - a)
    .slice(0, maxSuggestions);
  return target !== undefined && !builds.includes(target) ? [target, ...builds] : builds;
}
