import rule from '../../../server/src/rules/kubernetes/windows-end-of-support';
import { runRuleTests } from '../../helpers/rule-tester';

const pod = (spec: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n${spec}`;
const windowsSelector = '  nodeSelector:\n    kubernetes.io/os: windows\n';
const container = (image: string): string => `  containers:\n  - name: web\n    image: ${image}\n`;
const runtimeClass = (name: string, build: string): string =>
  `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: ${name}\nhandler: 'runhcs-wcow-hypervisor'\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: 'windows'\n    node.kubernetes.io/windows-build: '${build}'\n`;

runRuleTests(rule, {
  valid: [
    pod(`${windowsSelector}${container('mcr.microsoft.com/windows/servercore:ltsc2022')}`),
    { name: 'a third-party image spelling a supported base', code: pod(`${windowsSelector}${container('contoso/iis-windows-ltsc2025:1.0')}`) },
    // kubernetes-sigs/windows-testing gce/prepull.yaml: e2e images whose tag does not spell a base
    { name: 'tags that spell no base', code: pod(`${windowsSelector}${container('k8sprow.azurecr.io/kubernetes-e2e-test-images/busybox:1.29')}`) },
    { name: 'a bare 1809 tag on a pod nothing says is Windows', code: pod(container('myorg/tool:1809')) },
    { name: 'a bare 1803 tag on a Linux pod', code: pod(`  nodeSelector:\n    kubernetes.io/os: linux\n${container('myorg/tool:1803')}`) },
    { name: 'windows-exporter names no base', code: pod(`${windowsSelector}${container('ghcr.io/prometheus-community/windows-exporter:0.25.1')}`) },
    {
      // kubernetes-sigs/windows-testing helpers/hyper-v-mutating-webhook/hyperv-runtimeclass.yaml
      name: 'a RuntimeClass that pins no build',
      code: `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: runhcs-wcow-hypervisor\nhandler: runhcs-wcow-hypervisor\nscheduling:\n  nodeSelector:\n    kubernetes.io/os: 'windows'\n`,
    },
    { name: 'a RuntimeClass on Windows Server 2022 nodes', code: runtimeClass('ws2022', '10.0.20348') },
    {
      name: 'HostProcess containers run on the host',
      code: pod(`${windowsSelector}  securityContext:\n    windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}\n  hostNetwork: true\n${container('mcr.microsoft.com/windows/nanoserver:1809')}`),
    },
  ],
  invalid: [
    {
      name: 'a Server Core 2016 image leaves support within six months, with retags to the bases Kubernetes supports',
      code: pod(`${windowsSelector}${container('mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2016')}`),
      errors: [
        {
          messageId: 'imageEnding',
          line: 10,
          column: 12,
          endColumn: 84,
          data: { release: 'Windows Server 2016', date: '2027-01-11' },
          suggestions: [
            { title: 'Use mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2025', output: pod(`${windowsSelector}${container('mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2025')}`) },
            { title: 'Use mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022', output: pod(`${windowsSelector}${container('mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022')}`) },
          ],
        },
      ],
    },
    {
      // kubernetes-sigs/windows-testing gce/prepull.yaml
      name: 'a bare 1803 tag in a Windows pod spells an ended base',
      code: pod(`${windowsSelector}${container('k8sprow.azurecr.io/kubernetes-e2e-test-images/curl:1803')}`),
      errors: [{ messageId: 'imageEnded', line: 10, column: 12, endColumn: 67, data: { fromName: ' (as its name says)' } }],
    },
    {
      name: 'an ended base read from the publisher tags, with retags to the bases Kubernetes supports',
      code: pod(`${windowsSelector}${container('mcr.microsoft.com/windows/servercore:20H2')}`),
      errors: [
        {
          messageId: 'imageEnded',
          line: 10,
          column: 12,
          data: { date: '2022-08-09' },
          suggestions: [
            { title: 'Use mcr.microsoft.com/windows/servercore:ltsc2025', output: pod(`${windowsSelector}${container('mcr.microsoft.com/windows/servercore:ltsc2025')}`) },
            { title: 'Use mcr.microsoft.com/windows/servercore:ltsc2022', output: pod(`${windowsSelector}${container('mcr.microsoft.com/windows/servercore:ltsc2022')}`) },
          ],
        },
      ],
    },
    {
      // ms-azure-demos/aks-windows-container-liveness-probe-ps-command pod-ps-script-probe.yaml
      name: 'a ltsc2019 image needs a node Kubernetes no longer supports: reported where the pod asks for Windows',
      code: pod(`${container('mcr.microsoft.com/windows/servercore:ltsc2019')}  nodeSelector:\n    "kubernetes.io/os": windows\n`),
      errors: [
        {
          messageId: 'nodeForImage',
          line: 10,
          column: 25,
          endColumn: 32,
          data: { since: '1.33' },
          suggestions: [
            { title: 'Use mcr.microsoft.com/windows/servercore:ltsc2025', output: pod(`${container('mcr.microsoft.com/windows/servercore:ltsc2025')}  nodeSelector:\n    "kubernetes.io/os": windows\n`) },
            { title: 'Use mcr.microsoft.com/windows/servercore:ltsc2022', output: pod(`${container('mcr.microsoft.com/windows/servercore:ltsc2022')}  nodeSelector:\n    "kubernetes.io/os": windows\n`) },
          ],
        },
      ],
    },
    {
      // RedHatWorkshops/windows-containers-quickstart support/winc-sample-workload.yaml
      name: 'a third-party 1809 image of a pod with spec.os',
      code: pod(`  os:\n    name: "windows"\n${container('joymon/liveness-probe-ps-file:0.6-lts-7.2-nanoserver-1809')}`),
      errors: [{ messageId: 'nodeForImage', line: 7, column: 11, data: { fromName: ' (as its name says)' } }],
    },
    {
      name: 'an Insider image',
      code: pod(`${windowsSelector}${container('mcr.microsoft.com/windows/servercore/insider:10.0.26100.1')}`),
      errors: [{ messageId: 'imagePreview', line: 10, column: 12, data: { build: ' (build 26100)' } }],
    },
    {
      name: 'a full build no release has',
      code: pod(`${windowsSelector}${container('stefanscherer/golang-windows:1.11-10.0.17744.1001')}`),
      errors: [{ messageId: 'imageUnknownBuild', line: 10, column: 12, data: { build: 17744 } }],
    },
    {
      // kubernetes-sigs/windows-testing helpers/hyper-v-mutating-webhook/2004-hyperv-runtimeclass.yaml
      name: 'a RuntimeClass pinning Windows Server 2004 nodes',
      code: runtimeClass('windows-2004', '10.0.19041'),
      errors: [{ messageId: 'nodeEnded', line: 9, column: 39, endColumn: 51, data: { date: '2021-12-14' } }],
    },
    {
      name: 'a RuntimeClass pinning Windows Server 2019 nodes',
      code: runtimeClass('windows-2019', '10.0.17763'),
      errors: [{ messageId: 'nodeUnsupported', line: 9, column: 39 }],
    },
    {
      name: 'a pod node selector pinning Windows Server 2019 nodes',
      code: pod(`${windowsSelector}    node.kubernetes.io/windows-build: '10.0.17763'\n${container('contoso/iis-windows-ltsc2022:1.0')}`),
      errors: [{ messageId: 'nodeUnsupported', line: 8, column: 39, data: { where: "This Pod's node selector" } }],
    },
  ],
});
