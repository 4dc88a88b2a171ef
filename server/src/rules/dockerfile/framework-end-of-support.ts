// The product an image carries on top of Windows has a lifecycle of its own: .NET images are
// published only while the .NET version is supported, .NET Framework stopped building its 3.5,
// 4.6.2, 4.7.x and Windows Server 2022/2025 4.8 images. An image of such a tag keeps pulling but
// never gets another fix, whatever its Windows base. The PowerShell images' standstill is known only
// from issue threads, not from an announcement, so it is shown in the hover and not reported.
// https://github.com/dotnet/dotnet-docker/blob/main/documentation/supported-platforms.md
import { defineRule } from '../../engine/types';
import { productSupport, productSupportMessages, productSupportSources } from '../../kb';
import { imageSourcesOf } from '../../languages/dockerfile/build';
import { retagFix, tagOfReference } from '../../languages/dockerfile/edits';
import type { BaseImage, DockerfileModel, Stage } from '../../languages/dockerfile/model';

export default defineRule({
  id: 'dockerfile/framework-end-of-support',
  meta: {
    type: 'problem',
    language: 'dockerfile',
    scope: 'windows-stage',
    defaultSeverity: 'warning',
    description: 'Windows images of a .NET, .NET Framework or PowerShell version that no longer gets updates.',
    messages: productSupportMessages,
    fixable: true,
    hasSuggestions: true,
    sources: productSupportSources,
  },
  create(context) {
    let model: DockerfileModel | undefined;
    return {
      dockerfile(parsed) {
        model = parsed;
      },
      stage(stage: Stage) {
        if (!model) return;
        // The build may pass another repository for an ARG (dotnet-docker builds FROM its own registry):
        // the product is then not known. The images COPY --from and RUN --mount read are read only when literal.
        if (stage.base && !repositoryFromArg(stage.image?.text ?? '')) check(model, stage.base);
        for (const image of imageSourcesOf(model, stage)) check(model, image);
      },
    };

    function check(file: DockerfileModel, base: BaseImage): void {
      const support = productSupport(base.ref, context.today);
      if (!support?.ended || support.lifecycle.kind === 'not-updated') return;
      const { lifecycle } = support;
      const advice = lifecycle.advice.charAt(0).toUpperCase() + lifecycle.advice.slice(1);
      const tag = support.retag ? tagOfReference(support.retag) : undefined;
      const retag = tag ? retagFix(file, base, tag) : undefined;
      // A new .NET major version may not run the app unchanged: offered, never applied by fix-all.
      const fix = lifecycle.inPlace ? retag : undefined;
      context.report({
        range: base.tagRange ?? base.range,
        messageId: lifecycle.kind === 'end-of-support' ? 'endOfSupport' : 'noLongerProduced',
        data: { product: support.title, image: base.ref.raw.trim(), date: lifecycle.date ?? '', advice },
        ...(fix ? { fix } : {}),
        suggest: retag && !fix ? [retag] : [],
      });
    }
  },
});

function repositoryFromArg(written: string): boolean {
  const at = written.indexOf('@');
  const name = at >= 0 ? written.slice(0, at) : written;
  const colon = name.lastIndexOf(':');
  return (colon > name.lastIndexOf('/') ? name.slice(0, colon) : name).includes('$');
}
