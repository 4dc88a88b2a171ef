import rule from '../../../server/src/rules/kubernetes/run-as-user-name';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (user: string, where: 'pod' | 'container' = 'pod'): string =>
  where === 'pod'
    ? `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    windowsOptions:\n      runAsUserName: ${user}\n  containers:\n  - name: web\n    image: contoso/web:1\n`
    : `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: contoso/web:1\n    securityContext:\n      windowsOptions: {runAsUserName: ${user}}\n`;

runRuleTests(rule, {
  valid: [
    pod('ContainerUser'),
    pod('ContainerAdministrator', 'container'),
    pod('"NT AUTHORITY\\\\NETWORK SERVICE"'),
    pod("'NT AUTHORITY\\Local service'"),
    pod('"contoso.com\\\\svc-web"'),
    { name: 'a 104-character user', code: pod('u'.repeat(104)) },
    { name: 'templated', filename: 'templates/pod.yaml', code: pod('{{ .Values.user }}') },
  ],
  invalid: [
    { name: 'empty', code: pod('""'), errors: [{ messageId: 'invalid', line: 8, column: 22, endColumn: 24, data: { reason: 'it cannot be an empty string' } }] },
    { name: 'two backslashes', code: pod('"a\\\\b\\\\c"'), errors: [{ messageId: 'invalid', line: 8, column: 22, data: { reason: 'it cannot contain more than one backslash (DOMAIN\\USER)' } }] },
    { name: 'a 105-character user', code: pod('u'.repeat(105)), errors: [{ messageId: 'invalid', line: 8, column: 22, data: { reason: 'the user must not be longer than 104 characters' } }] },
    { name: 'forbidden character in the user', code: pod('"web@contoso"', 'container'), errors: [{ messageId: 'invalid', line: 10, column: 39, data: { reason: 'the user cannot contain "@" (none of "/\\:;|=,+*?<>@[])' } }] },
    { name: 'domain neither NetBIOS nor DNS', code: pod('".contoso\\\\web"'), errors: [{ messageId: 'invalid', line: 8, column: 22, data: { reason: 'the domain ".contoso" is neither a NetBIOS name (1-15 characters, not starting with a dot) nor a DNS name' } }] },
    { name: 'only dots', code: pod('"..."'), errors: [{ messageId: 'invalid', line: 8, column: 22, data: { reason: 'the user cannot consist only of periods or spaces' } }] },
  ],
});
