// The images of a Windows pod get the check a Dockerfile FROM gets: a .NET or .NET Framework
// version whose images are no longer produced keeps pulling but never gets another fix.
// https://github.com/dotnet/dotnet-docker/blob/main/documentation/supported-platforms.md
import { defineRule } from '../../engine/types';
import { productSupport, productSupportMessages, productSupportSources } from '../../kb';
import { retagFix } from '../../languages/kubernetes/edit';
import type { PodSpec } from '../../languages/kubernetes/model';

export default defineRule({
  id: 'kubernetes/framework-end-of-support',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    scope: 'windows-pod',
    defaultSeverity: 'warning',
    description: 'Windows pods running images of a .NET or .NET Framework version that no longer gets updates.',
    messages: productSupportMessages,
    fixable: true,
    hasSuggestions: true,
    sources: productSupportSources,
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        for (const container of pod.containers) {
          const image = container.image;
          if (!image?.ref) continue;
          const support = productSupport(image.ref, context.today);
          // The PowerShell images' standstill is known from issue threads only: shown in the hover.
          if (!support?.ended || support.lifecycle.kind === 'not-updated') continue;
          const { lifecycle } = support;
          const retag = support.retag ? retagFix(pod.object.model, image, support.retag) : undefined;
          // A new .NET major version may not run the app unchanged: offered, never applied by fix-all.
          const fix = lifecycle.inPlace ? retag : undefined;
          context.report({
            range: image.range,
            messageId: lifecycle.kind === 'end-of-support' ? 'endOfSupport' : 'noLongerProduced',
            data: { product: support.title, image: image.text, date: lifecycle.date ?? '', advice: lifecycle.advice.charAt(0).toUpperCase() + lifecycle.advice.slice(1) },
            ...(fix ? { fix } : {}),
            suggest: retag && !fix ? [retag] : [],
          });
        }
      },
    };
  },
});
