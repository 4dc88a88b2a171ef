// The API server validates windowsOptions.runAsUserName on every pod (validateWindowsSecurityContextOptions):
// `USER` or `DOMAIN\USER`, a NetBIOS or DNS domain, a user of at most 104 characters without
// `"/\:;|=,+*?<>@[]`. The docs say 20 characters; the code, which decides, allows 104.
import type { Node } from 'yaml';
import { defineRule } from '../../engine/types';
import { runAsUserNameLimits } from '../../kb';
import { nodeRange, type PodSpec } from '../../languages/kubernetes/model';
import { stringField, windowsOptionsMaps } from '../../languages/kubernetes/windows';

const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The first reason validation.go gives for rejecting the name, in its order; undefined when valid. */
export function runAsUserNameProblem(name: string): string | undefined {
  const limits = runAsUserNameLimits;
  if (name.length === 0) return 'it cannot be an empty string';
  // Go's [[:cntrl:]] is ASCII control characters.
  if (/[\x00-\x1f\x7f]/.test(name)) return 'it cannot contain control characters';
  const parts = name.split('\\');
  if (parts.length > 2) return 'it cannot contain more than one backslash (DOMAIN\\USER)';
  const [domain, user] = parts.length === 2 ? [parts[0]!, parts[1]!] : [undefined, parts[0]!];
  if (domain !== undefined && utf8Length(domain) > limits.maxDomainLength) return `the domain must be under ${limits.maxDomainLength + 1} characters`;
  if (domain !== undefined && !limits.netBiosDomain.test(domain) && !limits.dnsDomain.test(domain)) return `the domain "${domain}" is neither a NetBIOS name (1-15 characters, not starting with a dot) nor a DNS name`;
  if (user.length === 0) return 'the user cannot be empty';
  if (utf8Length(user) > limits.maxUserLength) return `the user must not be longer than ${limits.maxUserLength} characters`;
  if (/^[. ]+$/.test(user)) return 'the user cannot consist only of periods or spaces';
  const bad = [...user].find((ch) => limits.userForbiddenCharacters.includes(ch));
  if (bad !== undefined) return `the user cannot contain "${bad}" (none of ${limits.userForbiddenCharacters})`;
  return undefined;
}

export default defineRule({
  id: 'kubernetes/run-as-user-name',
  meta: {
    type: 'problem',
    language: 'kubernetes',
    // The API server validates runAsUserName on every pod, whatever its OS.
    scope: 'any',
    defaultSeverity: 'error',
    description: '`windowsOptions.runAsUserName` must be `USER` or `DOMAIN\\USER` in the format the API server accepts.',
    messages: {
      invalid: 'The API server rejects runAsUserName "{{name}}": {{reason}}.',
    },
    fixable: false,
    hasSuggestions: false,
    sources: [
      'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go',
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-runasusername/',
    ],
  },
  create(context) {
    return {
      podSpec(pod: PodSpec) {
        for (const options of windowsOptionsMaps(pod)) {
          const field = stringField(pod, options.map, 'runAsUserName');
          if (field?.text === undefined) continue;
          const reason = runAsUserNameProblem(field.text);
          if (reason) context.report({ range: nodeRange(pod.object.model, field.pair.value as Node), messageId: 'invalid', data: { name: field.text, reason } });
        }
      },
    };
  },
});
