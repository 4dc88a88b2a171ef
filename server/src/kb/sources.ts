/**
 * Source URLs cited by the knowledge base. Every fact entry in releases.ts and images.ts lists
 * the pages it was taken from, so a reader can check it again.
 */
export const src = {
  // Microsoft Learn: Windows containers
  versionCompatibility:
    'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility',
  baseImageLifecycle:
    'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/base-image-lifecycle',
  portability: 'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/portability',
  insiderImages:
    'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/insider-overview',
  gpuAcceleration:
    'https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/gpu-acceleration',
  containerBaseImages:
    'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/container-base-images',
  persistentStorage:
    'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/persistent-storage',
  manageDockerfile:
    'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-docker/manage-windows-dockerfile',
  optimizeDockerfile:
    'https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-docker/optimize-windows-dockerfile',
  windowsServerReleaseInfo: 'https://learn.microsoft.com/en-us/windows-server/get-started/windows-server-release-info',
  windows11ReleaseInfo: 'https://learn.microsoft.com/en-us/windows/release-health/windows11-release-information',
  ws2016Lifecycle: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-server-2016',
  ws2025Lifecycle: 'https://learn.microsoft.com/en-us/lifecycle/products/windows-server-2025',
  hcsshim25h2Ltsc2025: 'https://github.com/microsoft/hcsshim/issues/2566',
  // Insider images: the Docker Hub names of 2017-2018 and the MCR names before windows/<variant>/insider
  insiderDockerHubNames: 'https://stefanscherer.github.io/exploring-new-nanoserver-insider-images/',
  insiderServerAnnouncement:
    'https://techcommunity.microsoft.com/t5/containers/announcing-a-new-windows-server-container-image-preview/ba-p/2304897',

  // Microsoft Tech Community (containers team announcements)
  ws2019Available: 'https://techcommunity.microsoft.com/t5/containers/windows-server-2019-now-available/ba-p/382430',
  taggingFormat:
    'https://techcommunity.microsoft.com/t5/containers/updates-to-our-container-tagging-format/ba-p/382435',
  removingLatest:
    'https://techcommunity.microsoft.com/t5/containers/removing-the-latest-tag-an-update-on-mcr/ba-p/393045',

  // containerd: what Kubernetes nodes do when matching Windows images
  containerdCompat: 'https://github.com/containerd/platforms/blob/main/platform_windows_compat.go',
  containerdDefaultsWindows: 'https://github.com/containerd/platforms/blob/main/defaults_windows.go',

  // kubernetes.io
  k8sWindowsIntro: 'https://kubernetes.io/docs/concepts/windows/intro/',
  k8sWindowsUserGuide: 'https://kubernetes.io/docs/concepts/windows/user-guide/',
  k8sWellKnownLabels:
    'https://kubernetes.io/docs/reference/labels-annotations-taints/#nodekubernetesiowindows-build',
  k8sHostProcess: 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/',
  k8sPauseChangelog: 'https://github.com/kubernetes/kubernetes/blob/master/build/pause/CHANGELOG.md',
  k8sPauseMakefile: 'https://github.com/kubernetes/kubernetes/blob/master/build/pause/Makefile',
  k8sWindowsStorage: 'https://kubernetes.io/docs/concepts/storage/windows-storage/',
  k8sWindowsNetworking: 'https://kubernetes.io/docs/concepts/services-networking/windows-networking/',
  k8sPodSecurityAdmission: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/',
  k8sPodSecurityPolicyCheck: 'https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/pod-security-admission/policy/check_windowsHostProcess.go',
  k8sPodSecurityStandards: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
  k8sRunAsUserName: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-runasusername/',
  k8sGmsa: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-gmsa/',
  k8sRuntimeClassScheduling: 'https://kubernetes.io/docs/concepts/containers/runtime-class/#scheduling',
  k8sLabelsAnnotationsTaints: 'https://kubernetes.io/docs/reference/labels-annotations-taints/',
  k8sInstallKubeadm: 'https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/',
  k8sValidation: 'https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/validation/validation.go',
  kubeletPredicate: 'https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/lifecycle/predicate.go',
  kubeletMakeAbsolutePath: 'https://github.com/kubernetes/kubernetes/blob/master/pkg/volume/util/util.go',
  kubeletMountPropagation: 'https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/kubelet_pods.go',
  aksWindowsGpu: 'https://learn.microsoft.com/en-us/azure/aks/use-windows-gpu',
  directxDevicePlugin: 'https://github.com/aarnaud/k8s-directx-device-plugin',
  windowsGpuDevicePlugins: 'https://github.com/TensorWorks/DirectX-Device-Plugins',
  aksWindowsFaq: 'https://learn.microsoft.com/en-us/azure/aks/windows-faq',
  mobyClientWindows: 'https://github.com/moby/moby/blob/master/client/client_windows.go',

  // .NET images
  dotnetSupportedTags: 'https://github.com/dotnet/dotnet-docker/blob/main/documentation/supported-tags.md',
  dotnetSupportedPlatforms: 'https://github.com/dotnet/dotnet-docker/blob/main/documentation/supported-platforms.md',
  dotnetReadmeSdk: 'https://github.com/dotnet/dotnet-docker/blob/main/README.sdk.md',
  dotnetLinuxOnlyTags: 'https://github.com/dotnet/dotnet-docker/issues/4492',
  dotnetRuntimeDepsLinuxOnly:
    'https://github.com/dotnet/dotnet-docker/blob/8a8b2bd847e0b8af2af22ff4099da8f21229cd35/samples/selecting-tags.md',
  dotnetNoWindowsRuntimeDeps: 'https://github.com/dotnet/sdk-container-builds/issues/415',
  dotnetDocker: 'https://github.com/dotnet/dotnet-docker',
  // Windows runtime, aspnet and sdk images: no SHELL in the final stage, RUN setx with cmd's %PATH%.
  dotnetRuntimeServercoreDockerfile:
    'https://github.com/dotnet/dotnet-docker/blob/00405b98c2b2695fe1786048fa01b054931a7bc5/src/runtime/8.0/windowsservercore-ltsc2022/amd64/Dockerfile',
  dotnetAspnetServercoreDockerfile:
    'https://github.com/dotnet/dotnet-docker/blob/01410a8e69e66cf6c4c447cb054bd49789ab839e/src/aspnet/8.0/windowsservercore-ltsc2022/amd64/Dockerfile',
  dotnetSdkServercoreDockerfile:
    'https://github.com/dotnet/dotnet-docker/blob/00405b98c2b2695fe1786048fa01b054931a7bc5/src/sdk/8.0/windowsservercore-ltsc2022/amd64/Dockerfile',
  dotnetSdk10ServercoreDockerfile:
    'https://github.com/dotnet/dotnet-docker/blob/387218c41c6446924a877d58b7197e452b7cf9b2/src/sdk/10.0/windowsservercore-ltsc2025/amd64/Dockerfile',
  dotnetSdkNanoserverDockerfile:
    'https://github.com/dotnet/dotnet-docker/blob/00aa14243d950a35729c6bbea87890058f305b79/src/sdk/8.0/nanoserver-ltsc2022/amd64/Dockerfile',
  dotnetFrameworkDocker: 'https://github.com/microsoft/dotnet-framework-docker',
  dotnetSupportPolicy: 'https://dotnet.microsoft.com/en-us/platform/support/policy/dotnet-core',
  dotnetSts24Months: 'https://devblogs.microsoft.com/dotnet/dotnet-sts-releases-supported-for-24-months',
  frameworkImagesConsolidated: 'https://github.com/microsoft/dotnet-framework-docker/pull/1262',
  frameworkNet35Announcement: 'https://github.com/dotnet/announcements/issues/349',
  frameworkSharedTagBreak: 'https://github.com/microsoft/dotnet-framework-docker/issues/1265',

  // IIS, PowerShell
  iisDocker: 'https://github.com/microsoft/iis-docker',
  iisNoNano: 'https://github.com/microsoft/iis-docker/issues/149',
  iis2009Dockerfile:
    'https://github.com/microsoft/iis-docker/blob/58dfbf7f816a70f6323d0cfacc55849b80dfe139/windowsservercore-2009/Dockerfile',
  powershellDocker: 'https://github.com/PowerShell/PowerShell-Docker',
  // The Nano Server image's final stage sets no SHELL (only its installer stage does) and ends with CMD ["pwsh.exe"].
  powershellNanoserverDockerfile:
    'https://github.com/PowerShell/PowerShell-Docker/blob/e48e655116460578baf34902e6364b991d43d0cf/release/7-2/nanoserver1809/docker/Dockerfile',
  powershellDocsDotnetImages: 'https://github.com/MicrosoftDocs/PowerShell-Docs/pull/11883',
  powershellImagesNotUpdated: 'https://github.com/PowerShell/PowerShell-Docker/issues/856',
  powershellNoNano74: 'https://github.com/PowerShell/PowerShell-Docker/issues/800',
  mssqlWindowsSuspended:
    'https://techcommunity.microsoft.com/t5/sql-server/update-beta-program-for-sql-server-on-windows-container-is/ba-p/2516639',
  mssqlWindowsImagesRemoved: 'https://github.com/microsoft/mssql-docker/issues/716',
  nano1709NoPowerShell: 'https://github.com/aspnet/aspnet-docker/issues/362',

  // Docker official images
  officialImagesLibrary: 'https://github.com/docker-library/official-images/tree/master/library',
  officialImagesExternalPins: 'https://github.com/docker-library/official-images/tree/master/.external-pins',

  // Kubernetes-on-Windows images
  hostProcessBaseImage: 'https://github.com/microsoft/windows-host-process-containers-base-image',
  msPauseWindowsTag:
    'https://github.com/microsoft/Windows-Containers/blob/d08f0514f9afece81df76b98e744d1ac0bfc33c1/helpful_tools/PerfTraceCollector/hostsysprocess.yaml',

  // Dockerfile on Windows: the builder, the reference and the Windows commands that replace Linux ones
  dockerfileReference: 'https://docs.docker.com/reference/dockerfile/',
  mobyDispatchers: 'https://github.com/moby/moby/blob/master/builder/dockerfile/dispatchers.go',
  mobyCopyWindows: 'https://github.com/moby/moby/blob/master/builder/dockerfile/copy_windows.go',
  buildkitWindows: 'https://github.com/moby/buildkit/blob/master/docs/windows.md',
  winCmdIcacls: 'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/icacls',
  winCmdMklink: 'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/mklink',
  winCmdNetUser: 'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/net-user',
  winCmdSetx: 'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/setx',
  gitForWindows: 'https://gitforwindows.org/',
  msys2: 'https://www.msys2.org/',
  cygwin: 'https://www.cygwin.com/',

  // Linux-only image families
  distroless: 'https://github.com/GoogleContainerTools/distroless',
  azureLinux: 'https://github.com/microsoft/azurelinux',
} as const;

/** The Docker official image library file for one image: it lists every tag and its OS. */
export function officialImageLibraryFile(name: string): string {
  return `https://github.com/docker-library/official-images/blob/master/library/${name}`;
}
