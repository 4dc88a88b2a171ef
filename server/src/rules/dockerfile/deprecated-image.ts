// Microsoft moved its Windows images from Docker Hub (`microsoft/*`) to the Microsoft Container
// Registry in 2018-2019; the Docker Hub names get no updates and no new Windows releases.
// https://techcommunity.microsoft.com/t5/containers/windows-server-2019-now-available/ba-p/382430
import { defineRule, type Range } from '../../engine/types';
import { imageSourcesOf } from '../../languages/dockerfile/build';
import { textOf } from '../../languages/dockerfile/edits';
import type { BaseImage, DockerfileModel, Stage } from '../../languages/dockerfile/model';

export default defineRule({
  id: 'dockerfile/deprecated-image',
  meta: {
    type: 'suggestion',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'warning',
    description: 'Pull Microsoft images from mcr.microsoft.com, not from the deprecated Docker Hub names.',
    messages: {
      sameTags: '{{image}} is a deprecated Docker Hub name that receives no updates; pull {{replacement}} instead, which publishes the same tags.',
      moved: '{{image}} is a deprecated name that receives no updates; its images now live in {{replacement}} (pick a tag that repository publishes).',
      withdrawn: '{{image}} was withdrawn: Microsoft suspended its SQL Server in Windows containers program and removed these images, so no tag pulls, and there is no Microsoft replacement for Windows (its SQL Server images are Linux-only). Build your own image from a Server Core base.',
    },
    fixable: true,
    hasSuggestions: false,
    deprecation: true,
    sources: [
      'https://techcommunity.microsoft.com/t5/containers/windows-server-2019-now-available/ba-p/382430',
      'https://techcommunity.microsoft.com/t5/sql-server/update-beta-program-for-sql-server-on-windows-container-is/ba-p/2516639',
      'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/insider-overview',
      'https://github.com/microsoft/dotnet-framework-docker',
      'https://github.com/microsoft/iis-docker',
      'https://github.com/dotnet/dotnet-docker',
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
        // An image that COPY --from or RUN --mount reads is pulled by the same name: it gets no updates either.
        for (const image of [stage.base, ...imageSourcesOf(model, stage)]) if (image) check(image);
      },
    };

    function check(base: BaseImage): void {
      const deprecated = base.info.deprecated;
      if (!deprecated) return;
      const name = imageName(textOf(context.lines, base.range));
      // The name is only rewritable when it is written out on one line, not assembled from ARGs.
      const literal = !name.includes('$') && base.range.start.line === base.range.end.line;
      const range: Range = literal ? { start: base.range.start, end: { line: base.range.start.line, character: base.range.start.character + name.length } } : base.range;
      const image = `${base.ref.registry === 'docker.io' ? '' : base.ref.registry + '/'}${base.ref.repository}`;
      const replacement = deprecated.replacement;
      if (replacement === undefined) {
        context.report({ range, messageId: 'withdrawn', data: { image } });
        return;
      }
      context.report({
        range,
        messageId: deprecated.sameTags ? 'sameTags' : 'moved',
        data: { image, replacement },
        fix: deprecated.sameTags && literal ? { title: `Use ${replacement}`, edits: [{ range, newText: replacement }] } : undefined,
      });
    }
  },
});

/** The image as written without its tag and digest. */
function imageName(written: string): string {
  const at = written.indexOf('@');
  const name = at >= 0 ? written.slice(0, at) : written;
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') ? name.slice(0, colon) : name;
}
