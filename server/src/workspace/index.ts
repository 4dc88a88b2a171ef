// The workspace index: a summary of every Dockerfile and YAML file, and the answers rules ask of
// it. Each answer is recorded as a "topic" the asking document depends on, so when a file changes
// only the open documents that read what changed are checked again.
import { normalize, sep } from 'node:path';
import type { FileSummary, ImageLink, ImageUsage, NamespaceInfo, NodeBuild, RuntimeClassInfo } from '../core/summary';
import { filePathOf } from '../core/uri';
import { addNamespace, type BuiltImage, type Deployment, type WorkspaceView } from '../core/workspace-view';
import type { TargetVersion } from '../engine/config';
import { runtimeClassNodeBuild } from '../engine/pod-os';
import type { SessionIndex } from '../engine/session';
import type { ImageReference } from '../kb';
import { imageKey } from './summary';

/** One key per file whatever the URI spelling (VS Code encodes `c%3A`, Node writes `C:`). */
export function pathKey(pathOrUri: string): string {
  const path = filePathOf(pathOrUri) ?? pathOrUri;
  const normal = normalize(path);
  return /^[A-Za-z]:/.test(normal) ? normal[0]!.toLowerCase() + normal.slice(1) : normal;
}

const topics = {
  runtimeClass: (name: string) => `rc:${name}`,
  namespace: (name: string) => `ns:${name}`,
  /** Which Dockerfile builds the image: its links. */
  image: (key: string) => `img:${key}`,
  /**
   * Where the image is deployed. Apart from `image`: manifests deploying the same images (every
   * manifest of a repository, often) ask only who builds them, and must not be checked again
   * whenever another one is indexed or edited.
   */
  usage: (key: string) => `use:${key}`,
  dockerfile: (path: string) => `df:${path}`,
  target: 'target',
};

/** Lookups derived from the summaries, rebuilt in one pass after a change (queries are then O(1)). */
interface Derived {
  runtimeClasses: Map<string, RuntimeClassInfo>;
  namespaces: Map<string, NamespaceInfo | undefined>;
  linksByKey: Map<string, ImageLink[]>;
  linksByDockerfile: Map<string, ImageLink[]>;
  usagesByKey: Map<string, ImageUsage[]>;
  nodeBuilds: NodeBuild[];
  dockerfileBuilds: Set<number>;
  target?: { describe: (uri: string) => string; value: TargetVersion | undefined };
}

/**
 * Equality of plain data; a property set to undefined is the same as a missing one, as in JSON.
 * Loops rather than Object.keys and callbacks: an open manifest's summary is compared on every
 * keystroke, and a 10,000-line one would otherwise allocate half a megabyte each time.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], other[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let definedKeys = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    if (!sameData(left[key], right[key])) return false;
    definedKeys++;
  }
  for (const key in right) if (right[key] !== undefined) definedKeys--;
  return definedKeys === 0;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class WorkspaceIndex implements SessionIndex<FileSummary> {
  private readonly files = new Map<string, FileSummary>();
  private readonly configLinks = new Map<string, ImageLink[]>();
  private derivedCache: Derived | undefined;

  get size(): number {
    return this.files.size;
  }

  /** Replaces what is known of one file; returns the topics whose answers may have changed. */
  set(path: string, summary: FileSummary | undefined): Set<string> {
    const key = pathKey(path);
    const changed = new Set<string>();
    const before = this.files.get(key);
    // A file read again, or an edit that touched nothing a summary holds: every answer stands.
    if (sameData(before, summary)) return changed;
    if (before) this.topicsOf(before, changed);
    if (summary) {
      this.files.set(key, summary);
      this.topicsOf(summary, changed);
    } else {
      this.files.delete(key);
    }
    this.derivedCache = undefined;
    return changed;
  }

  /** The indexed files at or below one of `roots` (as `pathKey` gives them). */
  pathsUnder(roots: readonly string[]): string[] {
    const prefixes = roots.map((root) => (root.endsWith(sep) ? root : root + sep));
    return [...this.files.keys()].filter((key) => prefixes.some((prefix) => key.startsWith(prefix)));
  }

  /** The `images:` map of a config file. */
  setConfigLinks(configPath: string, links: ImageLink[]): Set<string> {
    const changed = new Set<string>();
    for (const link of [...(this.configLinks.get(pathKey(configPath)) ?? []), ...links]) this.linkTopics(link, changed);
    this.configLinks.set(pathKey(configPath), links);
    this.derivedCache = undefined;
    return changed;
  }

  private get derived(): Derived {
    if (this.derivedCache) return this.derivedCache;
    const derived: Derived = { runtimeClasses: new Map(), namespaces: new Map(), linksByKey: new Map(), linksByDockerfile: new Map(), usagesByKey: new Map(), nodeBuilds: [], dockerfileBuilds: new Set() };
    const addLink = (link: ImageLink): void => {
      push(derived.linksByKey, link.key, link);
      push(derived.linksByDockerfile, pathKey(link.dockerfilePath), link);
    };
    for (const links of this.configLinks.values()) links.forEach(addLink);
    for (const summary of this.files.values()) {
      if (summary.kind === 'dockerfile') {
        if (summary.finalOs === 'windows' && summary.finalBuild !== undefined) derived.dockerfileBuilds.add(summary.finalBuild);
        continue;
      }
      for (const runtimeClass of summary.runtimeClasses) if (!derived.runtimeClasses.has(runtimeClass.name)) derived.runtimeClasses.set(runtimeClass.name, runtimeClass);
      for (const namespace of summary.namespaces) addNamespace(derived.namespaces, namespace);
      for (const usage of summary.usages) push(derived.usagesByKey, usage.key, usage);
      summary.links.forEach(addLink);
      derived.nodeBuilds.push(...summary.nodeBuilds);
    }
    this.derivedCache = derived;
    return derived;
  }

  /**
   * What a file's summary answers. Needs no lookups, so filling the index stays linear: a reader
   * that followed a link recorded both ends (see view()), so one end changing reaches it.
   */
  private topicsOf(summary: FileSummary, out: Set<string>): void {
    if (summary.kind === 'dockerfile') {
      out.add(topics.dockerfile(pathKey(summary.path)));
      // Whether the Dockerfiles agree on one build decides whether a target is inferred.
      out.add(topics.target);
      return;
    }
    for (const runtimeClass of summary.runtimeClasses) out.add(topics.runtimeClass(runtimeClass.name));
    for (const namespace of summary.namespaces) out.add(topics.namespace(namespace.name));
    for (const usage of summary.usages) out.add(topics.usage(usage.key));
    for (const link of summary.links) this.linkTopics(link, out);
    if (summary.nodeBuilds.length > 0) out.add(topics.target);
  }

  private linkTopics(link: ImageLink, out: Set<string>): void {
    out.add(topics.image(link.key));
    out.add(topics.dockerfile(pathKey(link.dockerfilePath)));
  }

  private runtimeClass(name: string): RuntimeClassInfo | undefined {
    return this.derived.runtimeClasses.get(name);
  }

  private builtImage(ref: ImageReference): BuiltImage | undefined {
    for (const link of this.derived.linksByKey.get(imageKey(ref)) ?? []) {
      // A build that names no tag builds every tag of the name.
      if (link.tag !== undefined && ref.tag !== undefined && link.tag !== ref.tag) continue;
      const dockerfile = this.files.get(pathKey(link.dockerfilePath));
      if (dockerfile?.kind === 'dockerfile') return { dockerfile, link };
    }
    return undefined;
  }

  private deploymentsOf(dockerfileUri: string): Deployment[] {
    const deployments: Deployment[] = [];
    for (const link of this.derived.linksByDockerfile.get(pathKey(dockerfileUri)) ?? []) {
      for (const usage of this.derived.usagesByKey.get(link.key) ?? []) {
        if (link.tag !== undefined && usage.tag !== undefined && link.tag !== usage.tag) continue;
        deployments.push({ usage, link, nodeBuild: usage.nodeBuild ?? this.runtimeClassBuild(usage.runtimeClassName) });
      }
    }
    return deployments;
  }

  private runtimeClassBuild(name: string | undefined): NodeBuild | undefined {
    return runtimeClassNodeBuild(name ? this.runtimeClass(name) : undefined);
  }

  /**
   * The Windows build every `node.kubernetes.io/windows-build` selector and RuntimeClass of the
   * workspace agrees on; undefined when there are none or they disagree, and when the workspace's
   * Windows Dockerfiles are built on several builds: such a repository targets several host
   * versions on purpose, and no single one applies to all its Dockerfiles.
   */
  inferTarget(describe: (uri: string) => string): TargetVersion | undefined {
    const derived = this.derived;
    if (derived.target?.describe === describe) return derived.target.value;
    const builds = derived.nodeBuilds;
    let value: TargetVersion | undefined;
    if (new Set(builds.map((b) => b.build)).size === 1 && derived.dockerfileBuilds.size <= 1) {
      const first = builds[0]!;
      const files = new Set(builds.map((b) => b.uri));
      const more = files.size > 1 ? ` and ${files.size - 1} more file${files.size > 2 ? 's' : ''}` : '';
      value = { build: first.build, label: `10.0.${first.build}`, origin: `node.kubernetes.io/windows-build in ${describe(first.uri)}${more}` };
    }
    derived.target = { describe, value };
    return value;
  }

  /** A view for one document's analysis; every question it asks is added to `read`. */
  view(read?: Set<string>): WorkspaceView {
    return {
      runtimeClass: (name) => {
        read?.add(topics.runtimeClass(name));
        return this.runtimeClass(name);
      },
      namespace: (name) => {
        read?.add(topics.namespace(name));
        return this.derived.namespaces.get(name);
      },
      builtImage: (ref) => {
        const key = imageKey(ref);
        read?.add(topics.image(key));
        // Also the Dockerfiles the links name that do not exist yet: creating one changes the answer.
        for (const link of this.derived.linksByKey.get(key) ?? []) read?.add(topics.dockerfile(pathKey(link.dockerfilePath)));
        return this.builtImage(ref);
      },
      deploymentsOf: (uri) => {
        read?.add(topics.dockerfile(pathKey(uri)));
        for (const link of this.derived.linksByDockerfile.get(pathKey(uri)) ?? []) read?.add(topics.usage(link.key));
        const deployments = this.deploymentsOf(uri);
        for (const { usage } of deployments) if (usage.runtimeClassName) read?.add(topics.runtimeClass(usage.runtimeClassName));
        return deployments;
      },
    };
  }

  /** Read by every analysis whose target is inferred: whether the workspace agrees on one may change. */
  readonly targetTopic = topics.target;
}

