// gmsaCredentialSpecName names a GMSACredentialSpec resource, so the API server requires a DNS-1123
// subdomain: lower case, digits, '-' and '.'. The kubernetes.io example `gmsa-WebApp1` fails it.
import type { Node } from 'yaml';
import { defineRule } from '../../engine/types';
import { dns1123Subdomain } from '../../kb';
import { nodeRange, type PodSpec } from '../../languages/kubernetes/model';
import { stringField, windowsOptionsMaps } from '../../languages/kubernetes/windows';

export default defineRule({
  id: 'kubernetes/gmsa-credential-spec-name',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    // The API server validates the name on every pod, whatever its OS.
    scope: 'any',
    defaultSeverity: 'error',
    description: '`windowsOptions.gmsaCredentialSpecName` must be a DNS-1123 subdomain (lower case), as the API server requires.',
    messages: {
      invalid: 'The API server rejects gmsaCredentialSpecName "{{name}}": it must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending alphanumeric, at most {{max}} characters).',
    },
    fixable: false,
    hasSuggestions: true,
    sources: [
      'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go',
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-gmsa/',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        for (const options of windowsOptionsMaps(pod)) {
          const field = stringField(pod, options.map, 'gmsaCredentialSpecName');
          if (field?.text === undefined) continue;
          const name = field.text;
          if (name.length <= dns1123Subdomain.maxLength && dns1123Subdomain.pattern.test(name)) continue;
          const lower = name.toLowerCase();
          const range = nodeRange(pod.object.model, field.pair.value as Node);
          // The GMSACredentialSpec resource itself must have a DNS-1123 name, so the lower-case spelling is
          // probably what exists; still a guess about another object, hence a suggestion.
          const canLower = lower !== name && lower.length <= dns1123Subdomain.maxLength && dns1123Subdomain.pattern.test(lower);
          context.report({
            range,
            messageId: 'invalid',
            data: { name, max: dns1123Subdomain.maxLength },
            ...(canLower ? { suggest: [{ title: `Use ${lower}`, edits: [{ range, newText: lower }] }] } : {}),
          });
        }
      },
    };
  },
});
