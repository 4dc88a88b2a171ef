// Which host builds run which image builds: containerd's rules for process and Hyper-V isolation.
import { stableAbi, windowsReleases } from './releases';


/**
 * containerd's checkWindowsHostAndContainerCompat (what Kubernetes nodes do): below 20348 exact
 * build; else image build in [latest LTSC strictly older than host, host].
 */
export function canRunProcessIsolated(hostBuild: number, imageBuild: number): boolean {
  const firstStable = stableAbi.ltscBuilds[0];
  if (hostBuild < firstStable) return hostBuild === imageBuild;
  const oldest = [...stableAbi.ltscBuilds].reverse().find((ltsc) => hostBuild > ltsc) ?? firstStable;
  return oldest <= imageBuild && imageBuild <= hostBuild;
}

/** Hyper-V isolation: image build <= host build. */
export function canRunHyperV(hostBuild: number, imageBuild: number): boolean {
  return imageBuild <= hostBuild;
}

/**
 * The newest build with published container images that a host of `hostBuild` runs process-isolated
 * (a 23H2 host, 25398, gets ltsc2022's 20348); undefined when no release fits.
 */
export function preferredImageBuildForHost(hostBuild: number): number | undefined {
  return windowsReleases
    .filter((r) => r.tagNames.length > 0 && canRunProcessIsolated(hostBuild, r.build))
    .map((r) => r.build)
    .sort((a, b) => b - a)[0];
}
