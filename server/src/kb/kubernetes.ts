/**
 * Kubernetes-on-Windows facts as data: pod fields the API server forbids or Windows ignores, Linux
 * host paths and their Windows equivalents, Linux-only volume features, the documented node taint;
 * and the two questions rules ask of the Linux paths and programs.
 */
import { src } from './sources';

/** Where a field lives: under the pod spec, or under each init, regular and ephemeral container. */
export type FieldLevel = 'pod' | 'container';

/**
 * How validation.go tests the field: `set` is `!= nil` (even `false` or `{}` counts), `true` is a
 * plain bool rejected only when true, `non-empty` a list rejected only when it has items.
 */
export type FieldCondition = 'set' | 'true' | 'non-empty';

export interface PodField {
  level: FieldLevel;
  /** Key path below the pod spec or the container. */
  path: readonly string[];
  condition: FieldCondition;
  /**
   * Pod Security Standards "Restricted" requires it on a pod that does not set
   * `spec.os.name: windows`, so on such a Windows pod it is not dead weight.
   */
  requiredByRestricted?: true;
  sources: string[];
}

const forbidden = (level: FieldLevel, path: string, condition: FieldCondition = 'set', requiredByRestricted?: true): PodField => ({
  level,
  path: path.split('.'),
  condition,
  ...(requiredByRestricted ? { requiredByRestricted } : {}),
  sources: requiredByRestricted ? [src.k8sValidation, src.k8sWindowsIntro, src.k8sPodSecurityStandards] : [src.k8sValidation, src.k8sWindowsIntro],
});

/**
 * The 25 paths validateWindows rejects with "Forbidden: cannot be set for a windows pod" when
 * `spec.os.name` is windows (validation.go walks init, regular and ephemeral containers alike).
 * The kubernetes.io list has 20 of them; the code adds both appArmorProfile fields, hostUsers,
 * supplementalGroupsPolicy and seLinuxChangePolicy.
 */
export const fieldsForbiddenOnWindows: readonly PodField[] = [
  forbidden('pod', 'securityContext.appArmorProfile'),
  forbidden('pod', 'securityContext.seLinuxOptions'),
  forbidden('pod', 'hostUsers'),
  forbidden('pod', 'hostPID', 'true'),
  forbidden('pod', 'hostIPC', 'true'),
  forbidden('pod', 'securityContext.seccompProfile', 'set', true),
  forbidden('pod', 'securityContext.fsGroup'),
  forbidden('pod', 'securityContext.fsGroupChangePolicy'),
  forbidden('pod', 'securityContext.sysctls', 'non-empty'),
  forbidden('pod', 'shareProcessNamespace'),
  forbidden('pod', 'securityContext.runAsUser'),
  forbidden('pod', 'securityContext.runAsGroup'),
  // The code tests `!= nil`; whether an explicit empty list is rejected too is unconfirmed, so only
  // a list with items counts.
  forbidden('pod', 'securityContext.supplementalGroups', 'non-empty'),
  forbidden('pod', 'securityContext.supplementalGroupsPolicy'),
  forbidden('pod', 'securityContext.seLinuxChangePolicy'),
  forbidden('container', 'securityContext.appArmorProfile'),
  forbidden('container', 'securityContext.seLinuxOptions'),
  forbidden('container', 'securityContext.seccompProfile', 'set', true),
  forbidden('container', 'securityContext.capabilities', 'set', true),
  forbidden('container', 'securityContext.readOnlyRootFilesystem'),
  forbidden('container', 'securityContext.privileged'),
  forbidden('container', 'securityContext.allowPrivilegeEscalation', 'set', true),
  forbidden('container', 'securityContext.procMount'),
  forbidden('container', 'securityContext.runAsUser'),
  forbidden('container', 'securityContext.runAsGroup'),
];

/** "windows options cannot be set for a linux pod": rejected when `spec.os.name` is linux. */
export const fieldsForbiddenOnLinux: readonly PodField[] = [
  { level: 'pod', path: ['securityContext', 'windowsOptions'], condition: 'set', sources: [src.k8sValidation] },
  { level: 'container', path: ['securityContext', 'windowsOptions'], condition: 'set', sources: [src.k8sValidation] },
];

/**
 * A Linux host path that means nothing on a Windows node. The kubelet turns `/x` into `C:\x` and
 * containerd creates a missing source directory, so the mount "works" and holds nothing.
 */
export interface LinuxHostPath {
  /** The path, or a prefix when `prefix` is set (matches the path itself and everything below it). */
  path: string;
  prefix?: true;
  kind: 'socket' | 'system';
  /** The Windows named pipe that serves the same purpose. */
  windowsPath?: string;
  sources: string[];
}

export const linuxHostPaths: readonly LinuxHostPath[] = [
  { path: '/var/run/docker.sock', kind: 'socket', windowsPath: '\\\\.\\pipe\\docker_engine', sources: [src.mobyClientWindows] },
  { path: '/run/docker.sock', kind: 'socket', windowsPath: '\\\\.\\pipe\\docker_engine', sources: [src.mobyClientWindows] },
  { path: '/var/run/containerd/containerd.sock', kind: 'socket', windowsPath: '\\\\.\\pipe\\containerd-containerd', sources: [src.k8sInstallKubeadm] },
  { path: '/run/containerd/containerd.sock', kind: 'socket', windowsPath: '\\\\.\\pipe\\containerd-containerd', sources: [src.k8sInstallKubeadm] },
  { path: '/var/run/cri-dockerd.sock', kind: 'socket', windowsPath: '\\\\.\\pipe\\cri-dockerd', sources: [src.k8sInstallKubeadm] },
  { path: '/run/cri-dockerd.sock', kind: 'socket', windowsPath: '\\\\.\\pipe\\cri-dockerd', sources: [src.k8sInstallKubeadm] },
  { path: '/var/run/crio/crio.sock', kind: 'socket', sources: [src.k8sInstallKubeadm] },
  { path: '/proc', prefix: true, kind: 'system', sources: [src.k8sWindowsIntro, src.kubeletMakeAbsolutePath] },
  { path: '/sys', prefix: true, kind: 'system', sources: [src.k8sWindowsIntro, src.kubeletMakeAbsolutePath] },
  { path: '/dev', prefix: true, kind: 'system', sources: [src.k8sWindowsIntro, src.kubeletMakeAbsolutePath] },
];

/** Executables that no Windows image has: Linux shells and the directories Linux keeps programs in. */
export const linuxExecutables = {
  /** Absolute program paths under these directories do not exist in a Windows container. */
  directories: ['/bin/', '/sbin/', '/usr/bin/', '/usr/sbin/', '/usr/local/bin/', '/usr/local/sbin/'],
  /** Bare shell names: absent from every Windows base image, though a custom image may add one. */
  shells: ['sh', 'bash', 'ash', 'dash', 'zsh'],
  sources: [src.k8sWindowsIntro, src.manageDockerfile],
} as const;

/** Where a volume feature is written. */
export type VolumeFeatureScope = 'volume' | 'volumeMount' | 'container';

export interface VolumeFeature {
  id: string;
  /** For messages: "emptyDir medium Memory". */
  what: string;
  scope: VolumeFeatureScope;
  /** Key path below the volume, the volume mount or the container. */
  path: readonly string[];
  /** Only this scalar value (case-sensitive, as the API compares) is unsupported; else any value. */
  value?: string;
  /** The value the API server fills in by itself: writing it asks for nothing, so it is not reported. */
  defaultValue?: number;
  /** The scalar value that asks for what Windows does anyway: it promises nothing Windows breaks. */
  windowsBehaviour?: string;
  /** What happens on a Windows node. */
  effect: 'ignored' | 'fails';
  sources: string[];
}

/**
 * Storage features the Windows storage page lists as unsupported on Windows nodes. The page also lists
 * subPath mounts, but the kubelet implements them on Windows (pkg/volume/util/subpath/subpath_windows.go)
 * and maintained Windows manifests (sig-windows-tools, windows_exporter) rely on them, so they are
 * left out rather than reported on the strength of a stale sentence.
 */
export const volumeFeaturesUnsupportedOnWindows: readonly VolumeFeature[] = [
  { id: 'emptyDir-memory', what: 'emptyDir medium Memory (tmpfs)', scope: 'volume', path: ['emptyDir', 'medium'], value: 'Memory', effect: 'fails', sources: [src.k8sWindowsStorage, src.k8sWindowsIntro] },
  { id: 'nfs', what: 'NFS volumes', scope: 'volume', path: ['nfs'], effect: 'fails', sources: [src.k8sWindowsStorage] },
  // The kubelet forces PRIVATE propagation on Windows (translateMountPropagation); None is PRIVATE, so
  // only HostToContainer and Bidirectional ask for something Windows does not do.
  { id: 'mountPropagation', what: 'mountPropagation', scope: 'volumeMount', path: ['mountPropagation'], windowsBehaviour: 'None', effect: 'ignored', sources: [src.k8sWindowsIntro, src.kubeletMountPropagation] },
  { id: 'volumeDevices', what: 'raw block volumes (volumeDevices)', scope: 'container', path: ['volumeDevices'], effect: 'fails', sources: [src.k8sWindowsStorage, src.k8sWindowsIntro] },
  // Windows has no POSIX file modes: the mode bits of projected files are not applied. 0644 (420) is
  // the API default that exported manifests carry; only a mode the author chose is worth a word.
  { id: 'secret-defaultMode', what: 'file modes (defaultMode)', scope: 'volume', path: ['secret', 'defaultMode'], defaultValue: 0o644, effect: 'ignored', sources: [src.k8sWindowsStorage] },
  { id: 'configMap-defaultMode', what: 'file modes (defaultMode)', scope: 'volume', path: ['configMap', 'defaultMode'], defaultValue: 0o644, effect: 'ignored', sources: [src.k8sWindowsStorage] },
  { id: 'projected-defaultMode', what: 'file modes (defaultMode)', scope: 'volume', path: ['projected', 'defaultMode'], defaultValue: 0o644, effect: 'ignored', sources: [src.k8sWindowsStorage] },
  { id: 'downwardAPI-defaultMode', what: 'file modes (defaultMode)', scope: 'volume', path: ['downwardAPI', 'defaultMode'], defaultValue: 0o644, effect: 'ignored', sources: [src.k8sWindowsStorage] },
];

export interface NodeTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/**
 * The taint the Kubernetes guide registers on Windows nodes (`--register-with-taints`); upstream
 * Kubernetes taints nothing by itself, and cloud-specific taints are unconfirmed.
 */
export const documentedWindowsTaint: NodeTaint & { sources: string[] } = {
  key: 'os',
  value: 'windows',
  effect: 'NoSchedule',
  sources: [src.k8sWindowsUserGuide],
};

/**
 * The extended resources through which the Windows device plugins hand a container a GPU for DirectX:
 * the DirectX device plugin AKS installs on Windows GPU nodes (`microsoft.com/directx`) and the WDDM
 * and MCDM plugins (display and compute-only devices). Each mounts the GPU the way `docker run --device
 * class/5B45201D-...` does, so Microsoft's GPU acceleration requirements apply to the container.
 */
export const directxDeviceResources = {
  names: ['microsoft.com/directx', 'directx.microsoft.com/display', 'directx.microsoft.com/compute'],
  sources: [src.gpuAcceleration, src.aksWindowsGpu, src.directxDevicePlugin, src.windowsGpuDevicePlugins],
} as const;

/**
 * Pod Security admission: the Namespace label that sets the level it enforces, and the levels whose
 * checks reject a pod with a HostProcess container (Baseline's "HostProcess" control; Restricted
 * includes Baseline). Only Privileged admits one.
 */
export const podSecurityEnforcement = {
  label: 'pod-security.kubernetes.io/enforce',
  rejectingHostProcess: ['baseline', 'restricted'],
  sources: [src.k8sPodSecurityAdmission, src.k8sPodSecurityStandards, src.k8sPodSecurityPolicyCheck],
} as const;

/** Accounts a HostProcess container may run as, besides a local user group name. */
export const hostProcessAccounts = {
  domain: 'NT AUTHORITY',
  users: ['SYSTEM', 'Local service', 'NetworkService'],
  sources: [src.k8sHostProcess],
} as const;

/** `validateWindowsSecurityContextOptions`: the limits the API server applies to runAsUserName. */
export const runAsUserNameLimits = {
  maxUserLength: 104,
  maxDomainLength: 255,
  netBiosDomain: /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/,
  dnsDomain: /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/,
  userForbiddenCharacters: '"/\\:;|=,+*?<>@[]',
  sources: [src.k8sValidation, src.k8sRunAsUserName],
} as const;

/** IsDNS1123Subdomain (apimachinery): what the API server requires of a resource name such as gmsaCredentialSpecName. */
export const dns1123Subdomain = {
  maxLength: 253,
  pattern: /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/,
  sources: [src.k8sValidation, src.k8sGmsa],
} as const;

/** The Linux-only host path a hostPath volume names (a socket, /proc, /sys, /dev), if any. */
export function linuxHostPath(path: string): LinuxHostPath | undefined {
  const clean = path.trim().replace(/\/+$/, '') || '/';
  return linuxHostPaths.find((entry) => clean === entry.path || (entry.prefix === true && clean.startsWith(`${entry.path}/`)));
}

/**
 * Why a container's program cannot exist in a Windows container: 'linux-directory' for an absolute
 * path under /bin, /usr/bin...; 'shell' for a bare Linux shell name (absent from Windows base images;
 * a custom image may add one). undefined otherwise.
 */
export function linuxExecutable(program: string): 'linux-directory' | 'shell' | undefined {
  const text = program.trim();
  if (linuxExecutables.directories.some((directory) => text.startsWith(directory))) return 'linux-directory';
  if ((linuxExecutables.shells as readonly string[]).includes(text)) return 'shell';
  return undefined;
}
