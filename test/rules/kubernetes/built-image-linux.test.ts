import rule from '../../../server/src/rules/kubernetes/built-image-linux';
import { runRuleTests } from '../../helpers/rule-tester';
import { workspaceOf } from '../../helpers/workspace';

const compose = 'services:\n  api:\n    build:\n      context: api\n      dockerfile: Dockerfile.linux\n    image: contoso/api:2.0\n';
const linux = workspaceOf({ 'api/Dockerfile.linux': 'FROM node:20-alpine\nCOPY . /app\n', 'docker-compose.yml': compose });
const windows = workspaceOf({ 'api/Dockerfile.linux': 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n', 'docker-compose.yml': compose });
const linkedByConfig = workspaceOf({ 'api/Dockerfile': 'FROM ubuntu:24.04\n' }, { 'contoso/api': 'api/Dockerfile' });

const deployment = (selector: string, image = 'contoso/api:2.0'): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n${selector}      containers:\n      - name: api\n        image: ${image}\n`;

runRuleTests(rule, {
  valid: [
    { name: 'Linux nodes', code: deployment('      nodeSelector:\n        kubernetes.io/os: linux\n'), workspace: linux },
    { name: 'no scheduling at all', code: deployment(''), workspace: linux },
    { name: 'Windows Dockerfile', code: deployment('      nodeSelector:\n        kubernetes.io/os: windows\n'), workspace: windows },
    { name: 'other tag than the one built', code: deployment('      nodeSelector:\n        kubernetes.io/os: windows\n', 'contoso/api:1.0'), workspace: linux },
  ],
  invalid: [
    {
      name: 'Linux image built by compose, Windows node selector',
      code: deployment('      nodeSelector:\n        kubernetes.io/os: windows\n'),
      workspace: linux,
      errors: [{ messageId: 'linuxImage', line: 12, column: 16, endColumn: 31, data: { image: 'contoso/api:2.0', dockerfile: 'Dockerfile.linux' } }],
    },
    {
      name: 'linked by the images map of the config, registry default ignored',
      code: deployment('      nodeSelector:\n        kubernetes.io/os: windows\n', 'docker.io/contoso/api:7'),
      workspace: linkedByConfig,
      errors: [{ messageId: 'linuxImage', line: 12, column: 16 }],
    },
  ],
});
