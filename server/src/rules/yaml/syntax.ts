// A YAML file that does not parse is not checked, and must not look clean: kubectl rejects it, and
// none of the other rules can read it. One finding per file, at the first error of the first
// document that does not parse, as libyaml-based decoders (sigs.k8s.io/yaml) read YAML.
// https://yaml.org/spec/1.2.2/
import { defineRule } from '../../engine/types';
import type { KubernetesModel } from '../../languages/kubernetes/model';
import { firstSyntaxError } from '../../languages/kubernetes/syntax';

export default defineRule({
  id: 'yaml/syntax',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    // A YAML file that does not parse is reported whatever it deploys.
    scope: 'any',
    // CI must not pass a file it could not check; in the editor the file is on screen, being typed.
    defaultSeverity: { cli: 'error', editor: 'warning' },
    description: 'A YAML file that does not parse cannot be applied or checked: its first syntax error is reported.',
    messages: {
      syntax: 'Not valid YAML ({{reason}}), so this document was not checked for Windows container problems.',
      escape:
        'Not valid YAML ({{reason}}), so this document was not checked for Windows container problems. In double quotes a backslash starts an escape: put a Windows path in single quotes, or double each backslash.',
    },
    fixable: false,
    hasSuggestions: false,
    reportsBrokenDocuments: true,
    sources: ['https://yaml.org/spec/1.2.2/', 'https://github.com/kubernetes-sigs/yaml', 'https://github.com/yaml/libyaml'],
  },
  create(context) {
    return {
      file(model: KubernetesModel) {
        const error = firstSyntaxError(model);
        if (!error) return;
        context.report({
          range: model.lines.range(error.start, error.end),
          messageId: error.code === 'BAD_DQ_ESCAPE' ? 'escape' : 'syntax',
          data: { reason: error.message.replace(/\.$/, '') },
        });
      },
    };
  },
});
