// What the workspace index keeps of each file, as the rules and the index see it; built by
// workspace/summary.ts from the parse models.
import type { Range } from './text';

export interface RuntimeClassInfo {
  name: string;
  uri: string;
  range: Range;
  /** The OS its scheduling.nodeSelector pins, when it does. */
  os?: 'windows' | 'linux';
  /** Its `node.kubernetes.io/windows-build` selector value, as written. */
  windowsBuild?: string;
  windowsBuildRange?: Range;
  /**
   * Its handler runs pods with Hyper-V isolation (an experimental containerd feature that Kubernetes
   * does not support for Windows pods). The workspace's target inference still leaves its
   * windows-build out: a Dockerfile is not tied to the build of nodes that run it in a utility VM.
   */
  hyperV: boolean;
}

/** A Namespace object of the workspace and the Pod Security level its label enforces. */
export interface NamespaceInfo {
  name: string;
  uri: string;
  /** The `pod-security.kubernetes.io/enforce` value, else the object's kind. */
  range: Range;
  /** The `pod-security.kubernetes.io/enforce` label as written; undefined when unlabelled or templated. */
  enforce?: string;
}

export type StageOs = 'windows' | 'linux' | 'unknown';

export interface DockerfileSummary {
  kind: 'dockerfile';
  path: string;
  uri: string;
  /** The stage `docker build` produces without --target: the last one. */
  finalOs: StageOs;
  finalBuild?: number;
  /** The final stage's FROM image as written, for related-information links. */
  finalFromRange: Range;
}

/** A place where a manifest deploys an image. */
export interface ImageUsage {
  uri: string;
  image: string;
  key: string;
  tag?: string;
  range: Range;
  /** "Deployment web", for messages. */
  workload: string;
  hostProcess: boolean;
  /** The pod's own `node.kubernetes.io/windows-build` selector or required affinity. */
  nodeBuild?: NodeBuild;
  runtimeClassName?: string;
}

export interface NodeBuild {
  value: string;
  build: number;
  uri: string;
  range: Range;
}

/** An image that a compose file, a skaffold file or the config's `images:` map builds from a Dockerfile. */
export interface ImageLink {
  key: string;
  tag?: string;
  dockerfilePath: string;
  uri: string;
  range: Range;
  via: 'compose' | 'skaffold' | 'config';
}

export interface YamlSummary {
  kind: 'yaml';
  path: string;
  uri: string;
  runtimeClasses: RuntimeClassInfo[];
  namespaces: NamespaceInfo[];
  usages: ImageUsage[];
  links: ImageLink[];
  /** Every windows-build value the file schedules onto, for inferring the target. */
  nodeBuilds: NodeBuild[];
}

export type FileSummary = DockerfileSummary | YamlSummary;
