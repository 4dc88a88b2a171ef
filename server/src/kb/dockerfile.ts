/**
 * Dockerfile-on-Windows facts as data: Linux commands and system paths that mean nothing in a
 * Windows stage, the POSIX toolkits that bring some of those commands along, and the Microsoft
 * images that already contain what a Server Core Dockerfile installs.
 */
import { linuxExecutables } from './kubernetes';
import { src } from './sources';

export interface LinuxOnlyCommand {
  names: readonly string[];
  kind: 'package-manager' | 'shell' | 'permissions' | 'accounts' | 'symlink';
  /** Linux-only only with an argument like this (`ln -s`; a plain `ln` is not certain). */
  argument?: RegExp;
  /**
   * Git for Windows, MSYS2 or Cygwin ship a Windows build of it: an image that installs one of
   * those toolkits may well have it on PATH.
   */
  inPosixToolkits: boolean;
  windowsEquivalent: string;
  sources: string[];
}

export const linuxOnlyCommands: readonly LinuxOnlyCommand[] = [
  {
    names: ['apt-get', 'apt', 'apk', 'yum', 'dnf', 'zypper', 'microdnf'],
    kind: 'package-manager',
    inPosixToolkits: false,
    windowsEquivalent: 'an installer run with `Start-Process -Wait`, `dism /online /enable-feature`, or a download with `curl.exe` and `tar.exe`',
    sources: [src.manageDockerfile, src.optimizeDockerfile],
  },
  {
    names: linuxExecutables.shells,
    kind: 'shell',
    inPosixToolkits: true,
    windowsEquivalent: '`cmd /S /C` or `powershell -Command` (Server Core)',
    sources: [src.dockerfileReference, src.manageDockerfile],
  },
  {
    names: ['chmod', 'chown'],
    kind: 'permissions',
    inPosixToolkits: true,
    windowsEquivalent: '`icacls` (Windows files have ACLs, not mode bits)',
    sources: [src.winCmdIcacls, src.k8sWindowsStorage],
  },
  {
    names: ['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod'],
    kind: 'accounts',
    inPosixToolkits: false,
    windowsEquivalent: '`net user <name> /add` and `net localgroup`',
    sources: [src.winCmdNetUser, src.dockerfileReference],
  },
  {
    names: ['ln'],
    kind: 'symlink',
    argument: /^-[a-z]*s[a-z]*$/i,
    inPosixToolkits: true,
    windowsEquivalent: '`mklink` (a cmd built-in; note the reversed argument order)',
    sources: [src.winCmdMklink, src.persistentStorage],
  },
];

/** Words in a Dockerfile that mean a POSIX userland may be installed (and with it sh, chmod, ln). */
export const posixToolkits: { words: readonly string[]; sources: string[] } = {
  words: ['git', 'mingit', 'portablegit', 'msys', 'msys2', 'cygwin', 'busybox', 'mingw', 'mingw64', 'wsl'],
  sources: [src.gitForWindows, src.msys2, src.cygwin],
};

export interface LinuxSystemPath {
  /** Matches the path itself and everything below it. */
  path: string;
  /**
   * 'directory': an ordinary folder on Linux; on Windows `C:\usr` exists only if the Dockerfile
   * creates it. 'pseudo': a device or kernel file system that no folder can stand in for.
   */
  kind: 'directory' | 'pseudo';
  /** What Linux keeps there, for messages. */
  holds: string;
  sources: string[];
}

const device = (name: string): LinuxSystemPath => ({
  path: `/dev/${name}`,
  kind: 'pseudo',
  holds: 'a Linux device file; Windows has no /dev',
  sources: [src.k8sWindowsIntro],
});

/**
 * Linux system locations. In a Windows container `/usr/local/bin` is just `C:\usr\local\bin`:
 * empty unless the Dockerfile fills it, not on PATH, and not where Windows programs look.
 */
export const linuxSystemPaths: readonly LinuxSystemPath[] = [
  { path: '/usr', kind: 'directory', holds: 'Linux programs and libraries', sources: [src.manageDockerfile, src.k8sWindowsIntro] },
  { path: '/bin', kind: 'directory', holds: 'Linux programs', sources: [src.manageDockerfile, src.k8sWindowsIntro] },
  { path: '/sbin', kind: 'directory', holds: 'Linux system programs', sources: [src.manageDockerfile, src.k8sWindowsIntro] },
  { path: '/etc', kind: 'directory', holds: 'Linux configuration files', sources: [src.k8sWindowsIntro] },
  { path: '/var', kind: 'directory', holds: 'Linux logs, caches and runtime files', sources: [src.k8sWindowsIntro] },
  { path: '/tmp', kind: 'directory', holds: 'the Linux temporary directory; Windows uses %TEMP%', sources: [src.k8sWindowsIntro] },
  { path: '/proc', kind: 'pseudo', holds: 'a Linux kernel file system that Windows does not have', sources: [src.k8sWindowsIntro] },
  { path: '/sys', kind: 'pseudo', holds: 'a Linux kernel file system that Windows does not have', sources: [src.k8sWindowsIntro] },
  ...['null', 'zero', 'random', 'urandom', 'stdin', 'stdout', 'stderr', 'tty', 'shm', 'fd'].map(device),
];

/** Linux-looking paths that do work in Windows containers. */
export const linuxPathsThatWorkOnWindows: { paths: readonly string[]; sources: string[] } = {
  // The kubelet mounts the service account token at c:\var\run\secrets\kubernetes.io\serviceaccount.
  paths: ['/var/run/secrets/kubernetes.io/serviceaccount'],
  sources: [src.versionCompatibility, src.k8sWindowsIntro],
};

/** Commands that install a Windows feature; a feature name in the same RUN says which. */
export const windowsFeatureInstall: { pattern: RegExp; sources: string[] } = {
  pattern: /\b(?:Install-WindowsFeature|Add-WindowsFeature|Enable-WindowsOptionalFeature)\b|\bdism(?:\.exe)?\b[^\r\n]*?\/enable-feature/i,
  sources: [src.optimizeDockerfile, src.manageDockerfile],
};

export interface DerivedImage {
  id: string;
  /** The family a Dockerfile builds on when it installs the features itself. */
  baseFamily: string;
  /** Feature names (Install-WindowsFeature and dism spellings) whose install the image replaces. */
  features: RegExp;
  what: string;
  image: string;
  /** Published tag per Windows build. */
  tags: Readonly<Record<number, string>>;
  sources: string[];
}

/** Checked in order: the ASP.NET image already contains IIS, so it is preferred when both apply. */
export const derivedImages: readonly DerivedImage[] = [
  {
    id: 'aspnet',
    baseFamily: 'windows/servercore',
    features: /\b(?:Web-Asp-Net45|Web-Asp-Net|NET-Framework-45-ASPNET|IIS-ASPNET45|IIS-ASPNET)\b/i,
    what: 'IIS with ASP.NET on .NET Framework',
    image: 'mcr.microsoft.com/dotnet/framework/aspnet',
    tags: {
      14393: '4.8-windowsservercore-ltsc2016',
      17763: '4.8-windowsservercore-ltsc2019',
      20348: '4.8.1-windowsservercore-ltsc2022',
      26100: '4.8.1-windowsservercore-ltsc2025',
    },
    sources: [src.dotnetFrameworkDocker],
  },
  {
    id: 'iis',
    baseFamily: 'windows/servercore',
    features: /\b(?:Web-Server|IIS-WebServerRole|IIS-WebServer)\b/i,
    what: 'IIS',
    image: 'mcr.microsoft.com/windows/servercore/iis',
    tags: {
      14393: 'windowsservercore-ltsc2016',
      17763: 'windowsservercore-ltsc2019',
      20348: 'windowsservercore-ltsc2022',
      26100: 'windowsservercore-ltsc2025',
    },
    sources: [src.iisDocker],
  },
];

/**
 * Image families whose contents Microsoft documents and which carry no POSIX userland: in them a
 * `sh` or `chmod` cannot come from the base image.
 */
export const familiesWithoutPosixTools: { familyIds: readonly string[]; sources: string[] } = {
  familyIds: [
    'windows/servercore',
    'windows/nanoserver',
    'windows/server',
    'windows',
    'windows/insider',
    'windows/servercore/iis',
    'dotnet-framework/runtime',
    'dotnet-framework/sdk',
    'dotnet-framework/aspnet',
    'dotnet-framework/wcf',
    'microsoft/windowsservercore',
    'microsoft/nanoserver',
    'microsoft/iis',
    'microsoft/aspnet',
    'microsoft/dotnet-framework',
  ],
  sources: [src.containerBaseImages, src.iisDocker, src.dotnetFrameworkDocker],
};

/**
 * Programs a SHELL names first so that they wrap what the image runs. Docker starts a shell-form
 * CMD or ENTRYPOINT as the SHELL's argv plus the command line, and an exec-form one as written:
 * the wrapper is then not started at all.
 */
export interface ShellWrapper {
  /** shellProgram's spelling: the file name, lower case, without .exe. */
  program: string;
  name: string;
  /** What the wrapper does that is lost. */
  purpose: string;
  sources: string[];
}

export const shellWrappers: readonly ShellWrapper[] = [
  {
    program: 'logmonitor',
    name: 'Log Monitor',
    purpose: "relays the application's event log, ETW and log file entries to the container's output",
    sources: ['https://github.com/microsoft/windows-container-tools/blob/main/LogMonitor/README.md'],
  },
];
