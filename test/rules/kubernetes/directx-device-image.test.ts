import rule from '../../../server/src/rules/kubernetes/directx-device-image';
import { podTemplate } from '../../helpers/manifests';
import { runRuleTests } from '../../helpers/rule-tester';

const nano = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';
const gpuContainer = (image: string, resources: string): string =>
  `      os:\n        name: windows\n      nodeSelector:\n        kubernetes.io/os: windows\n      containers:\n      - name: render\n        image: ${image}\n        resources:\n${resources}`;
const limits = (resource: string): string => `          limits:\n            ${resource}: 1\n`;

runRuleTests(rule, {
  valid: [
    { name: 'the full Windows image', code: podTemplate('Deployment', 'render', gpuContainer('mcr.microsoft.com/windows/server:ltsc2022', limits('microsoft.com/directx'))) },
    {
      name: 'Server Core, which the device plugins run their own examples on',
      code: podTemplate('Deployment', 'render', gpuContainer('mcr.microsoft.com/windows/servercore:ltsc2022', limits('directx.microsoft.com/display'))),
    },
    { name: 'a Nano Server container without a GPU', code: podTemplate('Deployment', 'web', gpuContainer(nano, limits('cpu'))) },
    { name: 'a resource named like one from another vendor', code: podTemplate('Deployment', 'render', gpuContainer(nano, limits('nvidia.com/gpu'))) },
    { name: 'an image the KB cannot place', code: podTemplate('Deployment', 'render', gpuContainer('contoso/renderer:1.0', limits('microsoft.com/directx'))) },
    {
      name: 'a templated image',
      filename: 'templates/deployment.yaml',
      code: podTemplate('Deployment', 'render', gpuContainer('{{ .Values.image }}', limits('microsoft.com/directx'))),
    },
  ],
  invalid: [
    {
      name: 'Nano Server with a DirectX device limit',
      code: podTemplate('Deployment', 'render', gpuContainer(nano, limits('microsoft.com/directx'))),
      errors: [{ messageId: 'nanoServer', line: 17, column: 13, endColumn: 34, data: { container: 'render', resource: 'microsoft.com/directx', image: nano } }],
    },
    {
      name: 'an application image on Nano Server requesting a compute-only device',
      code: podTemplate(
        'Deployment',
        'infer',
        gpuContainer('mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022', '          requests:\n            directx.microsoft.com/compute: 1\n          limits:\n            memory: 1Gi\n'),
      ),
      errors: [{ messageId: 'nanoServer', line: 17, column: 13, endColumn: 42, data: { container: 'render', resource: 'directx.microsoft.com/compute', image: 'mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022' } }],
    },
  ],
});
