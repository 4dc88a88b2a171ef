import { src } from './sources';
import type { BaseImageLifecycle, IsoDate, WindowsRelease } from './types';

/** The kubelet labels Windows nodes `node.kubernetes.io/windows-build: 10.0.<build>`. */
const label = (build: number): string => `10.0.${build}`;

/**
 * Windows releases that matter for containers, oldest first. Dates are the base-image dates of the
 * container lifecycle page (for ltsc2016: the Server Core image; Nano Server 2016 is in
 * `baseImageLifecycles`); where the Microsoft Lifecycle pages give other dates for the OS itself
 * they are in `lifecycleDates`, and messages about images use the container page's. Dates the
 * reference could not confirm are left out: the 23H2 end of support and all Windows client end dates.
 */
export const windowsReleases: readonly WindowsRelease[] = [
  {
    id: 'ltsc2016',
    name: 'Windows Server 2016',
    build: 14393,
    channel: 'LTSC',
    // Server Core 2016 is tagged ltsc2016; Nano Server 2016 was a Semi-Annual image tagged sac2016.
    tagNames: ['ltsc2016', 'sac2016'],
    windowsBuildLabel: label(14393),
    availability: '2016-10-15',
    mainstreamEnd: '2022-01-11',
    extendedEnd: '2027-01-11',
    // The second Tuesday of January 2027 is the 12th: the container page's 11th is likely a typo.
    lifecycleDates: { extendedEnd: '2027-01-12', sources: [src.windowsServerReleaseInfo, src.ws2016Lifecycle] },
    sources: [src.baseImageLifecycle, src.taggingFormat],
  },
  {
    id: '1709',
    name: 'Windows Server, version 1709',
    build: 16299,
    channel: 'SAC',
    tagNames: ['1709'],
    windowsBuildLabel: label(16299),
    availability: '2017-10-17',
    mainstreamEnd: '2019-04-09',
    sources: [src.baseImageLifecycle],
  },
  {
    id: '1803',
    name: 'Windows Server, version 1803',
    build: 17134,
    channel: 'SAC',
    tagNames: ['1803'],
    windowsBuildLabel: label(17134),
    availability: '2018-04-30',
    mainstreamEnd: '2019-11-12',
    sources: [src.baseImageLifecycle],
  },
  {
    id: 'ltsc2019',
    name: 'Windows Server 2019 (version 1809)',
    build: 17763,
    channel: 'LTSC',
    tagNames: ['ltsc2019', '1809'],
    windowsBuildLabel: label(17763),
    availability: '2018-11-13',
    mainstreamEnd: '2024-01-09',
    extendedEnd: '2029-01-09',
    sources: [
      src.baseImageLifecycle,
      src.ws2019Available,
      src.containerdCompat,
      src.k8sWindowsUserGuide,
      src.k8sWellKnownLabels,
    ],
  },
  {
    id: '1903',
    name: 'Windows Server, version 1903',
    build: 18362,
    channel: 'SAC',
    tagNames: ['1903'],
    windowsBuildLabel: label(18362),
    availability: '2019-05-21',
    mainstreamEnd: '2020-12-08',
    sources: [src.baseImageLifecycle],
  },
  {
    id: '1909',
    name: 'Windows Server, version 1909',
    build: 18363,
    channel: 'SAC',
    tagNames: ['1909'],
    windowsBuildLabel: label(18363),
    availability: '2019-11-12',
    mainstreamEnd: '2021-05-11',
    sources: [src.baseImageLifecycle],
  },
  {
    id: '2004',
    name: 'Windows Server, version 2004',
    build: 19041,
    channel: 'SAC',
    tagNames: ['2004'],
    windowsBuildLabel: label(19041),
    availability: '2020-05-27',
    mainstreamEnd: '2021-12-14',
    sources: [src.baseImageLifecycle],
  },
  {
    id: '20H2',
    name: 'Windows Server, version 20H2',
    build: 19042,
    channel: 'SAC',
    // Microsoft's own IIS image for this release builds FROM windows/servercore:2009 (20H2 is version 2009).
    tagNames: ['20H2', '2009'],
    windowsBuildLabel: label(19042),
    availability: '2020-10-20',
    mainstreamEnd: '2022-08-09',
    sources: [src.baseImageLifecycle, src.iis2009Dockerfile, src.k8sWindowsUserGuide, src.k8sWellKnownLabels],
  },
  {
    id: 'ltsc2022',
    name: 'Windows Server 2022',
    build: 20348,
    channel: 'LTSC',
    tagNames: ['ltsc2022'],
    windowsBuildLabel: label(20348),
    availability: '2021-08-18',
    mainstreamEnd: '2026-10-13',
    extendedEnd: '2031-10-14',
    sources: [src.baseImageLifecycle, src.containerdCompat, src.k8sWindowsUserGuide, src.k8sWellKnownLabels],
  },
  {
    id: 'win11-22h2',
    name: 'Windows 11, version 22H2',
    build: 22621,
    channel: 'Client',
    tagNames: [],
    windowsBuildLabel: label(22621),
    sources: [src.containerdCompat, src.windows11ReleaseInfo],
  },
  {
    id: 'win11-23h2',
    name: 'Windows 11, version 23H2',
    build: 22631,
    channel: 'Client',
    tagNames: [],
    windowsBuildLabel: label(22631),
    sources: [src.windows11ReleaseInfo, src.versionCompatibility],
  },
  {
    id: '23H2',
    name: 'Windows Server, version 23H2',
    build: 25398,
    // Annual Channel for containers: it publishes no base images and runs only ltsc2022 images.
    channel: 'Annual',
    tagNames: [],
    windowsBuildLabel: label(25398),
    sources: [src.portability, src.containerdCompat, src.windowsServerReleaseInfo],
  },
  {
    id: 'ltsc2025',
    name: 'Windows Server 2025',
    build: 26100,
    channel: 'LTSC',
    tagNames: ['ltsc2025'],
    windowsBuildLabel: label(26100),
    availability: '2024-11-01',
    mainstreamEnd: '2029-10-09',
    extendedEnd: '2034-10-10',
    // The container page itself says the Lifecycle pages take precedence for the OS.
    lifecycleDates: { mainstreamEnd: '2029-11-13', extendedEnd: '2034-11-14', sources: [src.windowsServerReleaseInfo, src.ws2025Lifecycle] },
    sources: [src.baseImageLifecycle, src.containerdCompat, src.k8sWindowsUserGuide, src.k8sWellKnownLabels],
  },
  {
    // 25H2 is an enablement package on 24H2's servicing branch with its own build number.
    id: 'win11-25h2',
    name: 'Windows 11, version 25H2',
    build: 26200,
    channel: 'Client',
    tagNames: [],
    windowsBuildLabel: label(26200),
    sources: [src.windows11ReleaseInfo, src.hcsshim25h2Ltsc2025],
  },
];

/**
 * Hosts that share a build with a release above: Windows 11 24H2 is build 26100, the build of
 * Windows Server 2025, and runs the same images (the compatibility matrix's footnote misprints it as
 * "Build 2600"). A target setting may name them.
 */
export const hostAliases: readonly { id: string; name: string; build: number; sources: string[] }[] = [
  { id: 'win11-24h2', name: 'Windows 11, version 24H2', build: 26100, sources: [src.windows11ReleaseInfo, src.versionCompatibility] },
];

/**
 * Windows Server releases whose nodes current Kubernetes supports. The Kubernetes documentation
 * lists Windows Server 2022 and 2025 (since v1.33 the 2019 line is gone), and AKS stopped creating
 * Windows Server 2019 node pools from Kubernetes 1.33, so an image that process isolation ties to a
 * 2019 node asks for a node that current clusters no longer offer.
 */
export const kubernetesWindowsNodes: {
  supportedReleases: readonly string[];
  /** The first Kubernetes minor version whose docs and AKS leave 2019 out. */
  since: string;
  checked: IsoDate;
  sources: string[];
} = {
  supportedReleases: ['ltsc2022', 'ltsc2025'],
  since: '1.33',
  checked: '2026-12-04',
  sources: [src.k8sWindowsIntro, src.aksWindowsFaq],
};

/**
 * Every release name used in image tags ('ltsc2022', '1809', '20H2', 'sac2016', ...). Read when the
 * tag patterns are built, so they follow windowsReleases.
 */
export function releaseTagNames(): string[] {
  return windowsReleases.flatMap((r) => r.tagNames);
}

/**
 * The day the release dates above were last checked against Microsoft's pages. The texts that name
 * the releases to target (the setting's description and pattern, the CLI usage) are as of this day,
 * so they do not change under a user from one day to the next.
 */
export const releasesChecked: IsoDate = '2026-12-04';

/**
 * containerd's `compatLTSCReleases`: from ltsc2022 on, a host runs process-isolated images from the
 * newest LTSC strictly older than itself up to its own build (the "stable ABI" promise).
 */
export const stableAbi: { ltscBuilds: readonly number[]; sources: string[] } = {
  ltscBuilds: [20348, 26100],
  sources: [src.containerdCompat, src.versionCompatibility, src.portability],
};

/**
 * The container base-image lifecycle table, per release and variant (current revision for
 * 2019/2022/2025 and ltsc2016, the 2023 revision for the Semi-Annual rows that have since left it).
 */
export const baseImageLifecycles: readonly BaseImageLifecycle[] = [
  {
    release: 'ltsc2025',
    variants: ['servercore', 'nanoserver', 'server'],
    availability: '2024-11-01',
    mainstreamEnd: '2029-10-09',
    extendedEnd: '2034-10-10',
    sources: [src.baseImageLifecycle],
  },
  {
    release: 'ltsc2022',
    variants: ['servercore', 'nanoserver', 'server'],
    availability: '2021-08-18',
    mainstreamEnd: '2026-10-13',
    extendedEnd: '2031-10-14',
    sources: [src.baseImageLifecycle],
  },
  {
    // Earlier revisions gave Nano Server and Windows 1809 no extended support; the current one does.
    release: 'ltsc2019',
    variants: ['servercore', 'nanoserver', 'windows'],
    availability: '2018-11-13',
    mainstreamEnd: '2024-01-09',
    extendedEnd: '2029-01-09',
    sources: [src.baseImageLifecycle],
  },
  {
    release: '20H2',
    variants: ['servercore', 'nanoserver', 'windows'],
    availability: '2020-10-20',
    mainstreamEnd: '2022-08-09',
    sources: [src.baseImageLifecycle],
  },
  {
    release: '2004',
    variants: ['servercore', 'nanoserver', 'windows'],
    availability: '2020-05-27',
    mainstreamEnd: '2021-12-14',
    sources: [src.baseImageLifecycle],
  },
  {
    release: '1909',
    variants: ['servercore', 'nanoserver', 'windows'],
    availability: '2019-11-12',
    mainstreamEnd: '2021-05-11',
    sources: [src.baseImageLifecycle],
  },
  {
    release: '1903',
    variants: ['servercore', 'nanoserver', 'windows'],
    availability: '2019-05-21',
    mainstreamEnd: '2020-12-08',
    sources: [src.baseImageLifecycle],
  },
  {
    release: '1803',
    variants: ['servercore', 'nanoserver'],
    availability: '2018-04-30',
    mainstreamEnd: '2019-11-12',
    sources: [src.baseImageLifecycle],
  },
  {
    release: '1709',
    variants: ['servercore', 'nanoserver'],
    availability: '2017-10-17',
    mainstreamEnd: '2019-04-09',
    sources: [src.baseImageLifecycle],
  },
  {
    release: 'ltsc2016',
    variants: ['servercore'],
    availability: '2016-10-15',
    mainstreamEnd: '2022-01-11',
    extendedEnd: '2027-01-11',
    sources: [src.baseImageLifecycle],
  },
  {
    // Nano Server 2016 (sac2016) was Semi-Annual: no extended support.
    release: 'ltsc2016',
    variants: ['nanoserver'],
    availability: '2016-10-15',
    mainstreamEnd: '2018-10-09',
    sources: [src.baseImageLifecycle],
  },
];
