// What several Kubernetes rules ask about the same pod or object, answered once per analysis and
// handed to every rule as `context.facts` (after ESLint's SourceCode). The answers live in this
// object, not in module caches, so they can never outlive the workspace view they were drawn from.
import type { NamespaceInfo, NodeBuild, RuntimeClassInfo } from '../core/summary';
import { addNamespace, layeredWorkspace, type WorkspaceView } from '../core/workspace-view';
import { readNamespace, readRuntimeClass, type KubeObject, type KubernetesModel, type PodSpec } from '../languages/kubernetes/model';
import { hostProcessInfo, inTemplateBlock, type HostProcessInfo } from '../languages/kubernetes/windows';
import type { ResolvedConfig } from './config';
import { knownWindowsTaints, nodeBuildSelectors, podNodeBuild, podOs, windowsPod, type KnownTaint, type NodeBuildSelector, type PodOs, type WindowsPod } from './pod-os';

export class KubernetesFacts {
  private readonly podOsAnswers = new Map<PodSpec, PodOs>();
  private readonly windowsPodAnswers = new Map<PodSpec, WindowsPod | undefined>();
  private readonly hostProcessAnswers = new Map<PodSpec, HostProcessInfo>();
  private readonly selectorAnswers = new Map<PodSpec, NodeBuildSelector[]>();
  private readonly taintAnswers = new Map<KubernetesModel, KnownTaint[]>();

  /** `workspace` answers for RuntimeClasses, Namespaces and built images; `uri` is the file's, for locations; the object answers may come read already. */
  constructor(
    readonly uri: string,
    private readonly config: ResolvedConfig,
    readonly workspace: WorkspaceView,
    private readonly runtimeClassAnswers = new Map<KubeObject, RuntimeClassInfo | undefined>(),
    private readonly namespaceAnswers = new Map<KubeObject, NamespaceInfo | undefined>(),
  ) {}

  /** Which OS the pod targets, and every piece of evidence for it. */
  podOs(pod: PodSpec): PodOs {
    return remember(this.podOsAnswers, pod, () => podOs(pod, this.workspace));
  }

  /** The pod as a certain Windows pod: Windows evidence and none for Linux; undefined otherwise. */
  windowsPod(pod: PodSpec): WindowsPod | undefined {
    return remember(this.windowsPodAnswers, pod, () => windowsPod(pod, this.podOs(pod)));
  }

  hostProcess(pod: PodSpec): HostProcessInfo {
    return remember(this.hostProcessAnswers, pod, () => hostProcessInfo(pod));
  }

  /** Every windows-build value the pod's node selector, required affinity and RuntimeClass require. */
  nodeBuildSelectors(pod: PodSpec): NodeBuildSelector[] {
    return remember(this.selectorAnswers, pod, () => nodeBuildSelectors(pod, this.workspace, this.uri));
  }

  /** The Windows build the pod's own selector or required affinity pins, when it names one. */
  podNodeBuild(pod: PodSpec): NodeBuild | undefined {
    return podNodeBuild(this.nodeBuildSelectors(pod));
  }

  /** The object read as a RuntimeClass; undefined when it is not one. */
  runtimeClassOf(object: KubeObject): RuntimeClassInfo | undefined {
    return remember(this.runtimeClassAnswers, object, () => readRuntimeClass(object, this.uri));
  }

  /** The object read as a Namespace; undefined when it is not one, or a template may not render it. */
  namespaceOf(object: KubeObject): NamespaceInfo | undefined {
    return remember(this.namespaceAnswers, object, () => certainNamespace(object, this.uri));
  }

  /** The taint Windows nodes carry: from configuration, else from the file's Windows RuntimeClasses and workloads. */
  knownWindowsTaints(model: KubernetesModel): KnownTaint[] {
    return remember(this.taintAnswers, model, () => knownWindowsTaints(model, this.config, this));
  }
}

function remember<K, V>(answers: Map<K, V>, key: K, answer: () => V): V {
  const known = answers.get(key);
  // An answer may be undefined (not a Windows pod, not a RuntimeClass), and is remembered too.
  if (known !== undefined || answers.has(key)) return known as V;
  const value = answer();
  answers.set(key, value);
  return value;
}

/** A Namespace under a template `{{ if }}` may never be created, and says nothing certain. */
function certainNamespace(object: KubeObject, uri: string): NamespaceInfo | undefined {
  const info = readNamespace(object, uri);
  return info && !inTemplateBlock(object.model, info.range) ? info : undefined;
}

/** The facts of one analysis of a stream: its own RuntimeClasses and Namespaces come before the workspace's (the file may be unsaved). */
export function kubernetesFacts(model: KubernetesModel, uri: string, config: ResolvedConfig, workspace: WorkspaceView): KubernetesFacts {
  const runtimeClasses = new Map<KubeObject, RuntimeClassInfo | undefined>();
  const namespaces = new Map<KubeObject, NamespaceInfo | undefined>();
  const local = { runtimeClasses: new Map<string, RuntimeClassInfo>(), namespaces: new Map<string, NamespaceInfo | undefined>() };
  for (const object of model.objects) {
    const runtimeClass = readRuntimeClass(object, uri);
    runtimeClasses.set(object, runtimeClass);
    if (runtimeClass) local.runtimeClasses.set(runtimeClass.name, runtimeClass);
    const namespace = certainNamespace(object, uri);
    namespaces.set(object, namespace);
    if (namespace) addNamespace(local.namespaces, namespace);
  }
  return new KubernetesFacts(uri, config, layeredWorkspace(local, workspace), runtimeClasses, namespaces);
}
