// What a rule may ask about files other than the one being checked. The single-file view answers
// from the file itself; the workspace index answers from every file in the workspace.
import type { ImageReference } from '../kb';
import type { DockerfileSummary, ImageLink, ImageUsage, NodeBuild, RuntimeClassInfo } from './summary';

/** An image of the workspace and the Dockerfile that builds it. */
export interface BuiltImage {
  dockerfile: DockerfileSummary;
  link: ImageLink;
}

/** A manifest deploying the image a Dockerfile builds, with the Windows build its nodes run. */
export interface Deployment {
  usage: ImageUsage;
  link: ImageLink;
  /** From the pod's own selector or affinity, or from its RuntimeClass. */
  nodeBuild?: NodeBuild;
}

export interface WorkspaceView {
  /** undefined when no RuntimeClass of that name is known: callers must then stay silent. */
  runtimeClass(name: string): RuntimeClassInfo | undefined;
  /** The workspace Dockerfile that builds this image (compose, skaffold or the config's `images:`). */
  builtImage(ref: ImageReference): BuiltImage | undefined;
  /** Where manifests of the workspace deploy the image built from this Dockerfile. */
  deploymentsOf(dockerfileUri: string): Deployment[];
}

export const emptyWorkspace: WorkspaceView = { runtimeClass: () => undefined, builtImage: () => undefined, deploymentsOf: () => [] };

/** Looks in `local` first (the file being checked, which may be unsaved), then in `fallback`. */
export function layeredWorkspace(local: ReadonlyMap<string, RuntimeClassInfo>, fallback: WorkspaceView): WorkspaceView {
  return { ...fallback, runtimeClass: (name) => local.get(name) ?? fallback.runtimeClass(name) };
}
