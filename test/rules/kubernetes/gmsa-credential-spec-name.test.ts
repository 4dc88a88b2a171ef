import rule from '../../../server/src/rules/kubernetes/gmsa-credential-spec-name';
import { runRuleTests } from '../../helpers/rule-tester';

const deployment = (options: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: webapp1
spec:
  template:
    spec:
      securityContext:
        windowsOptions:
${options}
      containers:
      - name: iis
        image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019
`;

runRuleTests(rule, {
  valid: [
    deployment('          gmsaCredentialSpecName: gmsa-webapp1'),
    deployment('          gmsaCredentialSpecName: webapp1.contoso.com'),
    { name: 'templated', filename: 'templates/deployment.yaml', code: deployment('          gmsaCredentialSpecName: {{ .Values.gmsa }}') },
  ],
  invalid: [
    {
      name: 'upper case, as in the kubernetes.io example',
      code: deployment('          gmsaCredentialSpecName: gmsa-WebApp1'),
      errors: [
        {
          messageId: 'invalid',
          line: 10,
          column: 35,
          endColumn: 47,
          data: { name: 'gmsa-WebApp1' },
          suggestions: [{ title: 'Use gmsa-webapp1', output: deployment('          gmsaCredentialSpecName: gmsa-webapp1') }],
        },
      ],
    },
    { name: 'underscore', code: deployment('          gmsaCredentialSpecName: gmsa_webapp1'), errors: [{ messageId: 'invalid', line: 10, column: 35 }] },
  ],
});
