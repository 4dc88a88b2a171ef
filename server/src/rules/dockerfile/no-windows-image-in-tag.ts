// Since .NET 8 the multi-platform tags of the .NET images (`8.0`, `9.0`, `latest`) list only Linux
// images: containerd could pick the wrong Windows entry, so Windows has OS-specific tags only. A
// build that runs on Windows (it has RUN steps in a Windows stage) pulls every stage for Windows and
// stops with "no matching manifest for windows/amd64".
// https://github.com/dotnet/dotnet-docker/blob/main/documentation/supported-tags.md
import { defineRule, type Fix } from '../../engine/types';
import { newestLtscRelease, windowsTagsForSharedTag } from '../../kb';
import { runsWindowsCommands } from '../../languages/dockerfile/build';
import { retagFix, tagOfReference } from '../../languages/dockerfile/edits';
import type { DockerfileModel } from '../../languages/dockerfile/model';

export default defineRule({
  id: 'dockerfile/no-windows-image-in-tag',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'error',
    description: 'Multi-platform tags such as `dotnet/sdk:8.0` contain no Windows image: a Windows build cannot pull them.',
    messages: {
      noWindows:
        '`{{tag}}` of {{image}} is a multi-platform tag with Linux images only, so a Windows build cannot pull it ("no matching manifest for windows/amd64"). Use a Windows tag such as `{{example}}`.',
    },
    fixable: false,
    hasSuggestions: true,
    sources: ['https://github.com/dotnet/dotnet-docker/blob/main/documentation/supported-tags.md', 'https://github.com/dotnet/dotnet-docker/issues/4492'],
  },
  create(context) {
    return {
      dockerfile(model: DockerfileModel) {
        const windowsBuild = runsWindowsCommands(model);
        const builds = new Set(model.stages.flatMap((s) => (s.os === 'windows' && s.windowsBuild !== undefined ? [s.windowsBuild] : [])));
        const build = context.config.target?.build ?? (builds.size === 1 ? [...builds][0] : undefined);
        for (const stage of model.stages) {
          const base = stage.base;
          if (!base?.info.sharedTagWithoutWindows) continue;
          // Any other --platform (a Linux or $BUILDPLATFORM build stage) means the stage is meant to be Linux.
          const forWindows = stage.platform?.value.toLowerCase().startsWith('windows') ?? false;
          if (!forWindows && (stage.hasPlatformFlag || !windowsBuild)) continue;
          const references = build !== undefined ? windowsTagsForSharedTag(base.ref, build) : [];
          const suggest = references
            .map((reference) => tagOfReference(reference))
            .map((tag) => (tag ? retagFix(model, base, tag) : undefined))
            .filter((fix): fix is Fix => fix !== undefined);
          const version = base.ref.tag ?? 'latest';
          context.report({
            range: base.tagRange ?? base.range,
            messageId: 'noWindows',
            data: {
              tag: version,
              image: `${base.ref.registry}/${base.ref.repository}`,
              example: (references[0] && tagOfReference(references[0])) ?? `${/^\d/.test(version) ? version : '8.0'}-nanoserver-${newestLtscRelease().tagNames[0]}`,
            },
            suggest,
          });
        }
      },
    };
  },
});
