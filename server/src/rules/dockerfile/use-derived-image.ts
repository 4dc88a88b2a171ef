// Microsoft publishes Server Core images with IIS or ASP.NET already installed and patched every
// month. Installing the feature in your own RUN step adds a large layer that is rebuilt whenever
// the base changes, and the published image also sets up the entry point (ServiceMonitor.exe).
// https://github.com/microsoft/iis-docker
import { defineRule, type Fix } from '../../engine/types';
import { derivedImages, windowsFeatureInstall } from '../../kb';
import { matchRange, runText } from '../../languages/dockerfile/commands';
import { textOf } from '../../languages/dockerfile/edits';
import type { Stage } from '../../languages/dockerfile/model';

export default defineRule({
  id: 'dockerfile/use-derived-image',
  meta: {
    type: 'suggestion',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'hint',
    description: 'Installing IIS or ASP.NET on Server Core: start from the image that already has it.',
    messages: {
      derived: 'This installs {{what}} on Server Core; {{image}} already contains it, is patched monthly and configures the service. Consider `FROM {{suggestion}}`.',
    },
    fixable: false,
    hasSuggestions: true,
    sources: ['https://github.com/microsoft/iis-docker', 'https://github.com/microsoft/dotnet-framework-docker', 'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-docker/optimize-windows-dockerfile'],
  },
  create(context) {
    const lines = context.lines;
    return {
      stage(stage: Stage) {
        const base = stage.base;
        const build = stage.windowsBuild;
        if (!base || build === undefined) return;
        // A stage that copies in no files of its own builds a reusable image, like Microsoft's own IIS Dockerfile.
        if (!stage.instructions.some((i) => i.keyword === 'COPY' || i.keyword === 'ADD')) return;
        const installs = stage.instructions.filter((i) => i.keyword === 'RUN' && windowsFeatureInstall.pattern.test(runText(i)));
        for (const derived of derivedImages) {
          if (base.info.family?.id !== derived.baseFamily) continue;
          const tag = derived.tags[build];
          const install = installs.find((i) => derived.features.test(runText(i)));
          if (!install || !tag) continue;
          const range = matchRange(lines, install, derived.features) ?? install.range;
          const suggestion = `${derived.image}:${tag}`;
          const written = textOf(lines, base.range);
          const replace: Fix[] = written.includes('$') ? [] : [{ title: `Use ${suggestion}`, edits: [{ range: base.range, newText: suggestion }] }];
          context.report({ range, messageId: 'derived', data: { what: derived.what, image: derived.image, suggestion }, suggest: replace });
          return;
        }
      },
    };
  },
});
