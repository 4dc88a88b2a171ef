// What a rule may ask about files other than the one being checked. The single-file view answers
// from the file itself; the workspace index answers from every file in the workspace.
import type { ImageReference } from '../kb';
import type { DockerfileSummary, ImageLink, ImageUsage, NamespaceInfo, NodeBuild, RuntimeClassInfo } from './summary';

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
  /** undefined when no Namespace of that name is known, or its definitions disagree on the Pod Security level. */
  namespace(name: string): NamespaceInfo | undefined;
  /** The workspace Dockerfile that builds this image (compose, skaffold or the config's `images:`). */
  builtImage(ref: ImageReference): BuiltImage | undefined;
  /** Where manifests of the workspace deploy the image built from this Dockerfile. */
  deploymentsOf(dockerfileUri: string): Deployment[];
}

export const emptyWorkspace: WorkspaceView = { runtimeClass: () => undefined, namespace: () => undefined, builtImage: () => undefined, deploymentsOf: () => [] };

/** What the file being checked defines itself; it may be unsaved, so it comes before the index. */
export interface LocalDefinitions {
  runtimeClasses: ReadonlyMap<string, RuntimeClassInfo>;
  /** undefined for a name whose definitions disagree (see `addNamespace`). */
  namespaces: ReadonlyMap<string, NamespaceInfo | undefined>;
}

/**
 * Records one definition of a Namespace. Definitions that disagree on the Pod Security level (a
 * kustomize base and the overlay that relabels it, one per environment) make the level unknown:
 * the name then maps to undefined, and nothing is said of its pods.
 */
export function addNamespace(namespaces: Map<string, NamespaceInfo | undefined>, info: NamespaceInfo): void {
  if (!namespaces.has(info.name)) namespaces.set(info.name, info);
  else if (namespaces.get(info.name)?.enforce !== info.enforce) namespaces.set(info.name, undefined);
}

/** Looks in `local` first (the file being checked, which may be unsaved), then in `fallback`. */
export function layeredWorkspace(local: LocalDefinitions, fallback: WorkspaceView): WorkspaceView {
  return {
    ...fallback,
    runtimeClass: (name) => local.runtimeClasses.get(name) ?? fallback.runtimeClass(name),
    namespace: (name) => (local.namespaces.has(name) ? local.namespaces.get(name) : fallback.namespace(name)),
  };
}
